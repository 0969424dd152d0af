import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { AlertMessage } from "./alert-message.ts";
import { deliverWebhook, signWebhook, verifyWebhookSignature } from "./deliver-webhook.ts";

const SECRET = "s3cret-shared-with-the-receiver";

const ALERT: AlertMessage = {
  id: 1,
  createdAt: "2024-05-01T12:00:00.000Z",
  watch: { id: 7, kind: "vendor", label: "Norinco" },
  claim: {
    id: 42,
    supplier: "Norinco",
    recipient: "Myanmar military",
    items: ["assault rifles"],
    stance: "asserted",
    quote: "Norinco supplied assault rifles — “Type 81” — to the Myanmar military.",
    url: "https://news.example.org/2024/norinco",
    publisher: "Reuters",
    published: "2024-04-30",
    documentId: 12,
  },
};

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived, before any parsing. */
  raw: Buffer;
}

describe("signWebhook and verifyWebhookSignature", () => {
  test("the signature is the hex HMAC-SHA256 of timestamp.body", () => {
    const expected = createHmac("sha256", "k").update("1700000000.{}").digest("hex");
    assert.equal(signWebhook("k", "1700000000", "{}"), `sha256=${expected}`);
  });

  test("only the same secret, timestamp and body verify", () => {
    const signature = signWebhook(SECRET, "1700000000", '{"alerts":[]}');
    assert.equal(verifyWebhookSignature(SECRET, "1700000000", '{"alerts":[]}', signature), true);
    assert.equal(verifyWebhookSignature("wrong secret", "1700000000", '{"alerts":[]}', signature), false);
    assert.equal(verifyWebhookSignature(SECRET, "1700000001", '{"alerts":[]}', signature), false);
    assert.equal(verifyWebhookSignature(SECRET, "1700000000", '{"alerts":[1]}', signature), false);
    assert.equal(verifyWebhookSignature(SECRET, "1700000000", '{"alerts":[]}', "sha256=abc"), false, "a short signature");
    assert.equal(verifyWebhookSignature(SECRET, "1700000000", '{"alerts":[]}', ""), false);
  });
});

describe("deliverWebhook to a loopback receiver", () => {
  const received: Received[] = [];
  let origin = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, raw: Buffer.concat(chunks) });
      if (req.url === "/fails") {
        res.writeHead(500);
        res.end("no");
      } else if (req.url === "/moved") {
        res.writeHead(308, { location: "/hook" });
        res.end();
      } else if (req.url === "/slow") {
        // Never answers.
      } else {
        res.writeHead(204);
        res.end();
      }
    });
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("POSTs the alerts as JSON, signed so the receiver can check the raw body", async () => {
    const now = () => new Date("2024-05-01T12:00:00.000Z");
    const result = await deliverWebhook(`${origin}/hook?token=abc`, SECRET, [ALERT], { now });
    assert.deepEqual(result, { ok: true, status: 204, error: null });
    const request = received.at(-1);
    assert.ok(request !== undefined);
    assert.equal(request.method, "POST");
    assert.equal(request.path, "/hook?token=abc");
    assert.equal(request.headers["content-type"], "application/json");
    const timestamp = request.headers["x-armstrace-timestamp"];
    const signature = request.headers["x-armstrace-signature"];
    assert.equal(timestamp, "1714564800");
    assert.equal(typeof signature, "string");
    const raw = request.raw.toString("utf8");
    // Recomputed here from scratch, as a receiver in any language would.
    assert.equal(signature, `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${raw}`).digest("hex")}`);
    assert.equal(verifyWebhookSignature(SECRET, String(timestamp), raw, String(signature)), true);
    assert.equal(verifyWebhookSignature("not the secret", String(timestamp), raw, String(signature)), false);
    assert.deepEqual(JSON.parse(raw), { alerts: [ALERT] });
  });

  test("an error status is a failed delivery with the status", async () => {
    assert.deepEqual(await deliverWebhook(`${origin}/fails`, SECRET, [ALERT]), {
      ok: false,
      status: 500,
      error: `the webhook at ${origin} answered 500 Internal Server Error`,
    });
  });

  test("a redirect is not followed", async () => {
    const before = received.length;
    const result = await deliverWebhook(`${origin}/moved`, SECRET, [ALERT]);
    assert.equal(result.ok, false);
    assert.equal(result.status, 308);
    assert.match(result.error ?? "", /redirects are not followed/);
    assert.equal(received.length, before + 1);
  });

  test("a receiver that does not answer in time fails the delivery", async () => {
    assert.deepEqual(await deliverWebhook(`${origin}/slow`, SECRET, [ALERT], { timeoutMs: 200 }), {
      ok: false,
      status: null,
      error: `the webhook at ${origin} did not answer within 0.2 s`,
    });
  });
});

describe("deliverWebhook without a receiver", () => {
  test("an unreachable URL is ok:false, not an exception", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    assert.deepEqual(await deliverWebhook(`http://127.0.0.1:${port}/hook/s3cr3t-path`, SECRET, [ALERT]), {
      ok: false,
      status: null,
      error: `cannot reach the webhook at http://127.0.0.1:${port} (ECONNREFUSED)`,
    });
  });

  test("a URL that is not http(s) is refused without a request", async () => {
    assert.deepEqual(await deliverWebhook("not a url", SECRET, []), { ok: false, status: null, error: "the webhook URL is not a URL" });
    assert.deepEqual(await deliverWebhook("file:///etc/passwd", SECRET, []), { ok: false, status: null, error: "the webhook URL must be http or https, not file" });
  });
});
