import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { AlertMessage } from "./alert-message.ts";
import { deliverEmail } from "./deliver-email.ts";

const QUOTE = "Norinco supplied “Type 81” assault rifles to the Myanmar military in 2023, Reuters reported, citing customs records.";

const ALERT: AlertMessage = {
  id: 1,
  createdAt: "2024-05-01T12:00:00.000Z",
  watch: { id: 7, kind: "entity", label: "Norinco" },
  claim: {
    id: 42,
    supplier: "Norinco",
    recipient: "Myanmar military",
    items: ["assault rifles"],
    stance: "asserted",
    quote: QUOTE,
    url: "https://news.example.org/2024/norinco",
    publisher: "Reuters",
    published: "2024-04-30",
    documentId: 12,
  },
};

interface Delivered {
  from: string | null;
  to: string[];
  user: string | null;
  raw: string;
}

/** The headers of a raw message, unfolded, by lowercase name. */
function headers(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  return new Map(head.split("\r\n").map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
}

/** RFC 2047 encoded words, as nodemailer writes a non-ASCII subject. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, kind: string, data: string) =>
      kind.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function body(raw: string): string {
  const text = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  const encoding = headers(raw).get("content-transfer-encoding")?.toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(text);
  if (encoding === "base64") return Buffer.from(text, "base64").toString("utf8");
  return text;
}

describe("deliverEmail to a loopback SMTP server", () => {
  const delivered: Delivered[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "alerts@armstrace.test" && auth.password === "p@ss:word") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody@")) callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const from = session.envelope.mailFrom;
        delivered.push({
          from: from === false ? null : from.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: typeof session.user === "string" ? session.user : null,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  let port = 0;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("sends the digest to every recipient, from the sender, with the alert subject and the quote", async () => {
    const result = await deliverEmail(
      `smtp://127.0.0.1:${port}`,
      { from: "armstrace@example.org", to: ["analyst@example.org", "desk@example.org"] },
      [ALERT],
      "https://armstrace.example.org",
    );
    assert.equal(result.ok, true, result.error ?? "");
    assert.equal(result.error, null);
    assert.match(result.messageId ?? "", /^<.+@.+>$/);
    const mail = delivered.at(-1);
    assert.ok(mail !== undefined);
    assert.equal(mail.from, "armstrace@example.org");
    assert.deepEqual(mail.to, ["analyst@example.org", "desk@example.org"]);
    assert.equal(mail.user, null, "no credentials in the URL, no AUTH");
    const head = headers(mail.raw);
    assert.equal(head.get("from"), "armstrace@example.org");
    assert.equal(head.get("to"), "analyst@example.org, desk@example.org");
    assert.equal(head.get("message-id"), result.messageId);
    assert.equal(decodeWords(head.get("subject") ?? ""), "armstrace: Norinco → Myanmar military (watching Norinco)");
    assert.match(head.get("content-type") ?? "", /^text\/plain/);
    const text = body(mail.raw);
    assert.ok(text.includes(`"${QUOTE}"`), text);
    assert.ok(text.includes("In armstrace: https://armstrace.example.org/#/document/12"), text);
  });

  test("credentials in the URL are percent-decoded and used to log in", async () => {
    const result = await deliverEmail(`smtp://alerts%40armstrace.test:p%40ss%3Aword@127.0.0.1:${port}`, { from: "a@example.org", to: ["b@example.org"] }, [ALERT]);
    assert.equal(result.ok, true, result.error ?? "");
    assert.equal(delivered.at(-1)?.user, "alerts@armstrace.test");
  });

  test("wrong credentials fail without repeating the password", async () => {
    const result = await deliverEmail(`smtp://alerts%40armstrace.test:guessed@127.0.0.1:${port}`, { from: "a@example.org", to: ["b@example.org"] }, [ALERT]);
    assert.equal(result.ok, false);
    assert.equal(result.messageId, null);
    assert.match(result.error ?? "", new RegExp(`^cannot send mail through smtp://127\\.0\\.0\\.1:${port}: .*Invalid username or password`));
    assert.doesNotMatch(result.error ?? "", /guessed/);
  });

  test("a refused recipient is named; the others still get the mail", async () => {
    const result = await deliverEmail(`smtp://127.0.0.1:${port}`, { from: "a@example.org", to: ["b@example.org", "nobody@example.org"] }, [ALERT]);
    assert.deepEqual({ ...result, messageId: null }, { ok: true, error: `smtp://127.0.0.1:${port} refused nobody@example.org`, messageId: null });
    assert.deepEqual(delivered.at(-1)?.to, ["b@example.org"]);
  });

  test("when every recipient is refused, nothing is sent", async () => {
    const before = delivered.length;
    const result = await deliverEmail(`smtp://127.0.0.1:${port}`, { from: "a@example.org", to: ["nobody@example.org"] }, [ALERT]);
    assert.equal(result.ok, false);
    assert.match(result.error ?? "", /No such mailbox|recipients/i);
    assert.equal(delivered.length, before);
  });
});

describe("deliverEmail without a server", () => {
  test("a refused connection is ok:false, not an exception", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await deliverEmail(`smtp://user:topsecret@127.0.0.1:${port}`, { from: "a@example.org", to: ["b@example.org"] }, [ALERT]);
    assert.equal(result.ok, false);
    assert.equal(result.messageId, null);
    assert.match(result.error ?? "", new RegExp(`^cannot send mail through smtp://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    assert.doesNotMatch(result.error ?? "", /topsecret/);
  });

  test("a URL that names no SMTP server, or no recipients, is refused up front", async () => {
    const to = { from: "a@example.org", to: ["b@example.org"] };
    assert.deepEqual(await deliverEmail("not a url", to, []), {
      ok: false,
      error: "the SMTP URL is not a URL; write it as smtp://user:password@host:port or smtps://…",
      messageId: null,
    });
    assert.equal((await deliverEmail("https://mail.example.org", to, [])).error, "the SMTP URL must start with smtp:// or smtps://, not https://");
    assert.equal((await deliverEmail("smtp://127.0.0.1:1", { from: "a@example.org", to: [] }, [])).error, "no recipients to send the alert email to");
  });
});
