/**
 * Monitoring end to end, through the CLI as a user runs it, against real servers on
 * loopback: an HTTP server serving an RSS feed and its articles (and answering
 * conditional requests with 304), a webhook receiver checking the HMAC signature of
 * what arrives, and an SMTP server receiving the alert emails.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { main } from "../../src/cli/main.ts";
import { verifyWebhookSignature } from "../../src/services/monitor/deliver-webhook.ts";
import { makeTempDir, removeDir, write } from "./helpers.ts";

const SECRET = "test-signing-key";

let dir = "";
let db = "";
let site: http.Server;
let hook: http.Server;
let smtp: SMTPServer;
let base = "";
let hookUrl = "";
let smtpUrl = "";

/** What the feed server currently publishes; tests add items. */
const feed = { version: 1, items: [] as Array<{ id: string; title: string; body: string }> };
const feedRequests: Array<{ ifNoneMatch: string | undefined }> = [];
const webhooks: Array<{ valid: boolean; alerts: Array<{ watch: { label: string }; claim: { supplier: string; recipient: string; quote: string } }> }> = [];
let hookStatus = 200;
const mails: Array<{ to: string[]; raw: string }> = [];

function rss(): string {
  const items = feed.items.map((i) => `<item><guid>${i.id}</guid><title>${i.title}</title><link>${base}/articles/${i.id}.html</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>`).join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Defence Wire</title><link>${base}/</link>${items}</channel></rss>`;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function listenSmtp(server: SMTPServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port)));
}

async function cli(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main([...args, "--db", db], { out: (s) => void (out += s), err: (s) => void (err += s), stdin: process.stdin, tty: false });
  return { status, out, err };
}

const monitorOnce = () => cli("monitor", "--once", "--allow-private-fetch", "--feed-interval", "0.001",
  "--webhook", hookUrl, "--webhook-secret", SECRET,
  "--smtp", smtpUrl, "--mail-from", "armstrace@example.org", "--mail-to", "compliance@example.org");

before(async () => {
  dir = makeTempDir();
  db = path.join(dir, "monitor.db");
  site = http.createServer((req, res) => {
    if (req.url === "/feed.xml") {
      const etag = `"v${feed.version}"`;
      feedRequests.push({ ifNoneMatch: req.headers["if-none-match"] });
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { ETag: etag }).end();
      return void res.writeHead(200, { "Content-Type": "application/rss+xml", ETag: etag }).end(rss());
    }
    const item = feed.items.find((i) => req.url === `/articles/${i.id}.html`);
    if (item === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(
      `<!doctype html><html><head><title>${item.title}</title></head><body><nav>Home | World</nav><article><h1>${item.title}</h1><p>${item.body}</p><p>The report was published by Defence Wire on 6 May 2024 after months of research into the supply routes.</p></article></body></html>`,
    );
  });
  hook = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const valid = verifyWebhookSignature(SECRET, String(req.headers["x-armstrace-timestamp"]), raw, String(req.headers["x-armstrace-signature"]));
      if (hookStatus === 200) webhooks.push({ valid, ...(JSON.parse(raw) as { alerts: never[] }) });
      res.writeHead(hookStatus).end();
    });
  });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  base = `http://127.0.0.1:${await listen(site)}`;
  hookUrl = `http://127.0.0.1:${await listen(hook)}/hooks/armstrace`;
  smtpUrl = `smtp://127.0.0.1:${await listenSmtp(smtp)}`;
});

after(async () => {
  await new Promise((r) => site.close(r));
  await new Promise((r) => hook.close(r));
  await new Promise((r) => smtp.close(() => r(undefined)));
  removeDir(dir);
});

test("a watched vendor's new claim from a feed item raises an alert delivered by webhook and email", async () => {
  // What was stored before the watch began does not alert.
  const old = write(dir, "old.txt", "---\npublisher: Reuters\npublished: 2023-01-05\n---\nNorinco supplied artillery shells to the Myanmar military in 2022.\n");
  assert.equal((await cli("ingest", old)).status, 0);
  const watch = await cli("watch", "add", "Norinco", "--vendor", "--country", "CN", "--by", "compliance");
  assert.equal(watch.status, 0, watch.err);
  const added = await cli("feed", "add", `${base}/feed.xml`);
  assert.match(added.out, /feed 1 added/, added.err);

  feed.items.push(
    { id: "a1", title: "Rifles for the junta", body: "Norinco supplied assault rifles to the Myanmar military in 2023, customs records show." },
    { id: "a2", title: "Airshow opens", body: "The airshow opened on Monday with displays of civil aircraft and a record number of visitors." },
  );
  const first = await monitorOnce();
  assert.equal(first.status, 0, first.err + first.out);
  assert.match(first.out, /polled 1 feed\(s\) \(0 failed\), ingested 2 item\(s\) \(0 failed\), raised 1 alert\(s\), delivered 1 by webhook, 1 by email/);

  assert.equal(webhooks.length, 1);
  assert.equal(webhooks[0]!.valid, true, "the HMAC-SHA256 signature verifies");
  assert.equal(webhooks[0]!.alerts.length, 1);
  assert.match(webhooks[0]!.alerts[0]!.claim.quote, /assault rifles/);
  assert.equal(webhooks[0]!.alerts[0]!.watch.label, "Norinco");

  assert.equal(mails.length, 1);
  assert.deepEqual(mails[0]!.to, ["compliance@example.org"]);
  assert.match(mails[0]!.raw, /assault rifles/);

  const inbox = JSON.parse((await cli("claims", "--format", "json", "--entity", "Norinco")).out) as unknown[];
  assert.equal(inbox.length, 2, "the feed item was ingested as a report with its claim");
});

test("an unchanged feed is asked conditionally and nothing is raised or sent twice", async () => {
  const again = await monitorOnce();
  assert.equal(again.status, 0, again.err);
  assert.match(again.out, /ingested 0 item\(s\).*raised 0 alert\(s\)$/m);
  assert.equal(feedRequests.at(-1)!.ifNoneMatch, '"v1"');
  assert.equal(webhooks.length, 1);
  assert.equal(mails.length, 1);
});

test("a failed webhook delivery is retried on the next cycle", async () => {
  feed.version = 2;
  feed.items.push({ id: "a3", title: "More rifles", body: "In 2024 Norinco delivered sniper rifles to the Myanmar military, the report said." });
  hookStatus = 500;
  const failed = await monitorOnce();
  assert.equal(failed.status, 1, "a failed delivery is a failed run");
  assert.match(failed.out, /raised 1 alert\(s\), delivered 1 by email; delivery failed: webhook/);
  hookStatus = 200;
  const retried = await monitorOnce();
  assert.equal(retried.status, 0, retried.err);
  assert.match(retried.out, /raised 0 alert\(s\), delivered 1 by webhook/);
  assert.equal(webhooks.length, 2);
  assert.match(webhooks[1]!.alerts[0]!.claim.quote, /sniper rifles/);
  assert.equal(mails.length, 2);
});

test("monitor options are checked before anything runs", async () => {
  for (const [args, message] of [
    [["monitor", "--once", "--webhook", "http://127.0.0.1:9/x"], /signing key/],
    [["monitor", "--once", "--smtp", "smtp://127.0.0.1:25"], /--mail-from/],
    [["monitor", "--once", "--webhook", "ftp://x"], /http\(s\) URL/],
    [["monitor", "--interval", "0"], /positive number/],
    [["feed", "add", "not a url"], /is not a URL/],
    [["feed", "frobnicate"], /say add, list or remove/],
    [["watch", "add", "Nonexistent Firm Ltd"], /no entity is named/],
  ] as const) {
    const r = await cli(...args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.err}`);
    assert.match(r.err, message);
  }
});
