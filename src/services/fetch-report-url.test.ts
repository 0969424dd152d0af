import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { LookupAddress } from "node:dns";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { nonPublicAddressReason } from "../domain/address-policy.ts";
import { fetchReportUrl, FetchReportError, type FetchFailure, type HostLookup } from "./fetch-report-url.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  /** `http://host:port`, without a trailing slash. */
  origin: string;
  port: number;
  /** Requests received, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

async function startServer(handler: Handler, host = "127.0.0.1"): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const REPORT = "Norinco supplied assault rifles to the Myanmar military in 2023, Reuters reported.";

/** Treats 127.0.0.1 as if it were public, so a loopback server can stand in for a site on the internet. */
const loopbackIsPublic = (address: string) => (address === "127.0.0.1" ? undefined : nonPublicAddressReason(address));

async function failure(promise: Promise<unknown>, failure: FetchFailure, message?: RegExp | string): Promise<FetchReportError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchReportError, `expected a FetchReportError, got ${String(error)}`);
    assert.equal(error.failure, failure, error.message);
    if (typeof message === "string") assert.equal(error.message, message);
    else if (message !== undefined) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected a ${failure} failure`);
}

describe("fetchReportUrl from a loopback server (private addresses allowed)", () => {
  let site: TestServer;
  before(async () => {
    site = await startServer((req, res) => {
      const path = req.url ?? "/";
      if (path === "/page") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(`<html><head><title>Rifles</title></head><body><article><p>${REPORT}</p></article></body></html>`);
      } else if (path === "/notes.md") {
        res.writeHead(200, { "content-type": "text/markdown" });
        res.end(`# Notes\n\n${REPORT}\n`);
      } else if (path === "/moved") {
        res.writeHead(301, { location: "/also-moved" });
        res.end();
      } else if (path === "/also-moved") {
        res.writeHead(302, { location: `${site.origin}/page` });
        res.end();
      } else if (path.startsWith("/loop")) {
        res.writeHead(302, { location: `/loop${path.length}` });
        res.end();
      } else if (path === "/to-file") {
        res.writeHead(302, { location: "file:///etc/passwd" });
        res.end();
      } else if (path === "/pdf") {
        res.writeHead(200, { "content-type": "application/pdf" });
        res.end("%PDF-1.7");
      } else if (path === "/untyped") {
        res.writeHead(200);
        res.end(REPORT);
      } else if (path === "/big-declared") {
        res.writeHead(200, { "content-type": "text/plain", "content-length": "5000" });
        res.end("x".repeat(5000));
      } else if (path === "/big-streamed") {
        res.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 10; i += 1) res.write("x".repeat(500));
        res.end();
      } else if (path === "/gzip") {
        res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        res.end(gzipSync(REPORT));
      } else if (path === "/gzip-bomb") {
        res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        res.end(gzipSync("x".repeat(1_000_000)));
      } else if (path === "/latin1") {
        res.writeHead(200, { "content-type": "text/plain; charset=ISO-8859-1" });
        res.end(Buffer.from("Rheinmetall lieferte Munition an die Ukraine, berichtete die Süddeutsche.", "latin1"));
      } else if (path === "/meta-charset") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(Buffer.from(`<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>${REPORT}</p></body></html>`, "latin1"));
      } else if (path === "/bad-utf8") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(Buffer.concat([Buffer.from("Norinco supplied "), Buffer.from([0xc3, 0x28]), Buffer.from(" rifles")]));
      } else if (path === "/binary") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      } else if (path === "/odd-charset") {
        res.writeHead(200, { "content-type": "text/plain; charset=x-klingon" });
        res.end(REPORT);
      } else if (path === "/silent") {
        // Never answers: only the timeout ends the fetch.
      } else {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not here");
      }
    });
  });
  after(async () => site.close());
  const open = { allowPrivate: true };

  test("an HTML page becomes html for ingestOne, with its URL, and says who is asking", async () => {
    const page = await fetchReportUrl(`${site.origin}/page`, open);
    assert.equal(page.url, `${site.origin}/page`);
    assert.equal(page.mediaType, "text/html");
    assert.deepEqual(page.redirects, []);
    assert.match(page.input.html ?? "", /<article><p>Norinco supplied/);
    assert.equal(page.input.text, undefined);
    assert.equal(page.input.url, page.url);
    assert.equal(site.requests.at(-1)?.headers["user-agent"], "armstrace");
  });

  test("Markdown and plain text become text", async () => {
    const notes = await fetchReportUrl(`${site.origin}/notes.md`, open);
    assert.equal(notes.input.text, `# Notes\n\n${REPORT}\n`);
    assert.equal(notes.input.html, undefined);
  });

  test("redirects are followed, relative and absolute, and the final URL is the report's", async () => {
    const page = await fetchReportUrl(`${site.origin}/moved`, open);
    assert.equal(page.url, `${site.origin}/page`);
    assert.equal(page.input.url, `${site.origin}/page`);
    assert.deepEqual(page.redirects, [`${site.origin}/moved`, `${site.origin}/also-moved`]);
  });

  test("more than five redirects are not followed", async () => {
    await failure(fetchReportUrl(`${site.origin}/loop`, open), "bad-response", `${site.origin}/loop redirects more than 5 times; fetch the final URL instead`);
  });

  test("only http and https are fetched, also when a redirect leads elsewhere", async () => {
    await failure(fetchReportUrl("file:///etc/passwd", open), "bad-url", "refusing to fetch file:///etc/passwd: only http and https URLs are fetched");
    await failure(fetchReportUrl("ftp://example.org/report.txt", open), "bad-url", /only http and https/);
    await failure(fetchReportUrl("not a url", open), "bad-url", "not a url is not a URL");
    await failure(
      fetchReportUrl(`${site.origin}/to-file`, open),
      "refused",
      `refusing to follow the redirect from ${site.origin}/to-file to file:///etc/passwd: only http and https URLs are fetched`,
    );
  });

  test("other content types, and none at all, are refused", async () => {
    await failure(fetchReportUrl(`${site.origin}/pdf`, open), "unsupported-type", `${site.origin}/pdf is application/pdf; only HTML, plain text and Markdown reports are ingested`);
    await failure(fetchReportUrl(`${site.origin}/untyped`, open), "unsupported-type", /has no content type/);
  });

  test("a body over the limit is refused, whether declared up front or streamed", async () => {
    const limit = { ...open, maxBytes: 1000 };
    await failure(fetchReportUrl(`${site.origin}/big-declared`, limit), "too-large", `${site.origin}/big-declared is larger than the 1000 bytes limit for a report`);
    await failure(fetchReportUrl(`${site.origin}/big-streamed`, limit), "too-large");
    // 1 MB that compresses to about 1 KB: the limit counts decompressed bytes.
    await failure(fetchReportUrl(`${site.origin}/gzip-bomb`, { ...open, maxBytes: 100_000 }), "too-large", /larger than the 100000 bytes limit/);
  });

  test("a gzip body is decompressed", async () => {
    assert.equal((await fetchReportUrl(`${site.origin}/gzip`, open)).input.text, REPORT);
  });

  test("the charset comes from the content type, else the page's meta, else UTF-8", async () => {
    assert.match((await fetchReportUrl(`${site.origin}/latin1`, open)).input.text ?? "", /Süddeutsche/);
    assert.match((await fetchReportUrl(`${site.origin}/meta-charset`, open)).input.html ?? "", /<title>Café<\/title>/);
    await failure(fetchReportUrl(`${site.origin}/bad-utf8`, open), "undecodable", `${site.origin}/bad-utf8 is not valid UTF-8 (first bad byte at offset 17)`);
    await failure(fetchReportUrl(`${site.origin}/binary`, open), "undecodable", `${site.origin}/binary looks binary, not a text report`);
    await failure(fetchReportUrl(`${site.origin}/odd-charset`, open), "undecodable", /charset "x-klingon", which armstrace cannot decode/);
  });

  test("an error status is the server's failure", async () => {
    await failure(fetchReportUrl(`${site.origin}/gone`, open), "bad-response", `${site.origin}/gone answered 404 Not Found`);
  });

  test("a server that does not answer in time is given up on", async () => {
    await failure(fetchReportUrl(`${site.origin}/silent`, { ...open, timeoutMs: 200 }), "timeout", `gave up on ${site.origin}/silent: no complete answer within 0.2 s`);
  });

  test("a closed port is unreachable", async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    await failure(fetchReportUrl(`${closed.origin}/`, open), "unreachable", /ECONNREFUSED/);
  });
});

describe("fetchReportUrl refuses non-public addresses", () => {
  let site: TestServer;
  let otherLoopback: TestServer;
  let v6Loopback: TestServer;
  before(async () => {
    otherLoopback = await startServer((_req, res) => res.end("private"), "127.0.0.2");
    v6Loopback = await startServer((_req, res) => res.end("private"), "::1");
    site = await startServer((req, res) => {
      const target = new URL(req.url ?? "/", "http://x").searchParams.get("to");
      if (target !== null) {
        res.writeHead(302, { location: target });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(REPORT);
    });
  });
  after(async () => {
    await Promise.all([site.close(), otherLoopback.close(), v6Loopback.close()]);
  });

  test("by default, a loopback address is refused before connecting", async () => {
    await failure(fetchReportUrl(`${site.origin}/report`), "forbidden-address", `refusing to fetch ${site.origin}/report: 127.0.0.1 is a loopback address`);
    await failure(fetchReportUrl(`http://[::1]:${v6Loopback.port}/`), "forbidden-address", /: ::1 is a loopback address$/);
    await failure(
      fetchReportUrl(`http://[::ffff:127.0.0.1]:${site.port}/`),
      "forbidden-address",
      /: ::ffff:7f00:1 is an IPv4-mapped form of 127\.0\.0\.1, a loopback address$/,
    );
    await failure(fetchReportUrl(`http://localhost:${site.port}/`), "forbidden-address", /: localhost is a loopback name$/);
    await failure(fetchReportUrl(`http://0x7f.1:${site.port}/`), "forbidden-address", /127\.0\.0\.1 is a loopback address/);
    assert.equal(site.requests.length + v6Loopback.requests.length, 0, "no request reached a server");
  });

  test("with 127.0.0.1 treated as public, the report is fetched", async () => {
    const page = await fetchReportUrl(`${site.origin}/report`, { addressPolicy: loopbackIsPublic });
    assert.equal(page.input.text, REPORT);
  });

  for (const [label, target] of [
    ["127.0.0.2", (): string => `${otherLoopback.origin}/`],
    ["[::1]", (): string => `${v6Loopback.origin}/`],
    ["localhost", (): string => `http://localhost:${site.port}/report`],
    ["a 10.x address", (): string => "http://10.0.0.1/"],
  ] as const) {
    test(`a redirect to ${label} is refused on the hop`, async () => {
      const before = site.requests.length;
      const start = `${site.origin}/start?to=${encodeURIComponent(target())}`;
      const error = await failure(fetchReportUrl(start, { addressPolicy: loopbackIsPublic }), "forbidden-address");
      assert.match(error.message, new RegExp(`^refusing to fetch \\S+ \\(redirected from ${start.replace(/[.?*+()[\]\\]/g, "\\$&")}\\): `));
      assert.equal(site.requests.length, before + 1, "only the first hop was requested");
      assert.equal(otherLoopback.requests.length + v6Loopback.requests.length, 0, "the private servers were never reached");
    });
  }

  for (const [address, reason] of [
    ["10.0.0.1", "10.0.0.1 is a private address"],
    ["169.254.169.254", "169.254.169.254 is a link-local address"],
    ["::ffff:127.0.0.1", "::ffff:127.0.0.1 is an IPv4-mapped form of 127.0.0.1, a loopback address"],
    ["127.0.0.1", "127.0.0.1 is a loopback address"],
  ] as const) {
    test(`a name resolving to ${address} is refused before any connection`, async () => {
      const asked: string[] = [];
      const lookup: HostLookup = async (hostname) => {
        asked.push(hostname);
        return [{ address, family: address.includes(":") ? 6 : 4 }];
      };
      const before = site.requests.length;
      await failure(
        fetchReportUrl(`http://intranet.test:${site.port}/report`, { lookup }),
        "forbidden-address",
        `refusing to fetch http://intranet.test:${site.port}/report: intranet.test resolves to a non-public address (${reason})`,
      );
      assert.deepEqual(asked, ["intranet.test"]);
      assert.equal(site.requests.length, before, "the loopback server behind the name was never reached");
    });
  }

  test("one non-public address among public ones is enough to refuse", async () => {
    const lookup: HostLookup = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "192.168.0.1", family: 4 },
    ];
    await failure(fetchReportUrl("http://mixed.test/", { lookup }), "forbidden-address", /mixed\.test resolves to a non-public address \(192\.168\.0\.1 is a private address\)/);
  });

  test("the connection goes to the checked address; the name is resolved once and never again", async () => {
    // A rebinding resolver: a public-looking answer for the check, loopback ever after.
    const answers: LookupAddress[][] = [[{ address: "127.0.0.1", family: 4 }]];
    let calls = 0;
    const lookup: HostLookup = async () => {
      calls += 1;
      return answers[calls - 1] ?? [{ address: "127.0.0.2", family: 4 }];
    };
    const page = await fetchReportUrl(`http://reports.test:${site.port}/report`, { lookup, addressPolicy: loopbackIsPublic });
    assert.equal(page.input.text, REPORT);
    assert.equal(calls, 1);
    assert.equal(site.requests.at(-1)?.headers.host, `reports.test:${site.port}`, "the request still names the host");
    assert.equal(otherLoopback.requests.length, 0);
  });

  test("a name that does not resolve is unreachable", async () => {
    const lookup: HostLookup = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.test"), { code: "ENOTFOUND" });
    };
    await failure(fetchReportUrl("http://nowhere.test/", { lookup }), "unreachable", "cannot fetch http://nowhere.test/: nowhere.test does not resolve (ENOTFOUND)");
  });
});
