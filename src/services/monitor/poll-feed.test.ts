import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { nonPublicAddressReason } from "../../domain/address-policy.ts";
import { MAX_POLL_BACKOFF_MS, pollFeed, type FeedPollState, type PollResult } from "./poll-feed.ts";

const ETAG = '"feed-v1"';
const LAST_MODIFIED = "Mon, 01 Jan 2024 10:00:00 GMT";
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Arms Desk</title>
<item><title>Norinco rifles reach Myanmar</title><link>/2024/norinco</link><guid>n-1</guid></item>
</channel></rss>`;
const LATIN1_FEED = Buffer.from(
  `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Süddeutsche Rüstung</title></channel></rss>`,
  "latin1",
);

const NOW = new Date("2024-05-01T12:00:00.000Z");
const now = () => NOW;
const MINUTE = 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

interface Site {
  origin: string;
  port: number;
  /** Headers of every request, in order, with the path asked for. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

async function startSite(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Site> {
  const requests: Site["requests"] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? "/", headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const fresh = (url: string, failures = 0): FeedPollState => ({ url, etag: null, lastModified: null, failures });

function failed(result: PollResult): Extract<PollResult, { status: "failed" }> {
  assert.equal(result.status, "failed", JSON.stringify(result));
  return result as Extract<PollResult, { status: "failed" }>;
}

describe("pollFeed against a loopback feed server", () => {
  let site: Site;
  before(async () => {
    site = await startSite((req, res) => {
      const path = req.url ?? "/";
      if (path === "/feed.xml") {
        const matches = req.headers["if-none-match"] !== undefined ? req.headers["if-none-match"] === ETAG : req.headers["if-modified-since"] === LAST_MODIFIED;
        if (matches) {
          res.writeHead(304, { etag: ETAG });
          res.end();
          return;
        }
        res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: ETAG, "last-modified": LAST_MODIFIED });
        res.end(FEED);
      } else if (path === "/moved") {
        res.writeHead(301, { location: "/feeds/current/feed.xml" });
        res.end();
      } else if (path === "/feeds/current/feed.xml") {
        res.writeHead(200, { "content-type": "application/xml" });
        res.end(FEED.replace("/2024/norinco", "norinco.html"));
      } else if (path === "/latin1.xml") {
        res.writeHead(200, { "content-type": "text/xml" });
        res.end(LATIN1_FEED);
      } else if (path === "/broken") {
        res.writeHead(500);
        res.end("oops");
      } else if (path === "/busy") {
        res.writeHead(503, { "retry-after": "7200" });
        res.end();
      } else if (path === "/busy-briefly") {
        res.writeHead(503, { "retry-after": "1" });
        res.end();
      } else if (path === "/limited") {
        res.writeHead(429, { "retry-after": new Date(NOW.getTime() + 5 * 60 * MINUTE).toUTCString() });
        res.end();
      } else if (path === "/500-with-retry-after") {
        res.writeHead(500, { "retry-after": "86400" });
        res.end();
      } else if (path === "/truncated") {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(FEED.slice(0, 120));
      } else if (path === "/page") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<!doctype html><html><body>not a feed</body></html>");
      } else if (path === "/html-as-xml") {
        res.writeHead(200, { "content-type": "text/xml" });
        res.end("<!doctype html><html><body>not a feed</body></html>");
      } else if (path === "/silent") {
        // Never answers: only the timeout ends the poll.
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  after(async () => site.close());
  const open = { allowPrivate: true, now };

  test("a first poll fetches the feed, returns its validators and the next poll one interval on", async () => {
    const result = await pollFeed(fresh(`${site.origin}/feed.xml`), open);
    assert.deepEqual(result, {
      status: "updated",
      feed: {
        title: "Arms Desk",
        items: [{ id: "n-1", url: `${site.origin}/2024/norinco`, title: "Norinco rifles reach Myanmar", published: null, summary: null }],
      },
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      nextPollAt: later(15 * MINUTE),
    });
    const sent = site.requests.at(-1)?.headers;
    assert.equal(sent?.["if-none-match"], undefined);
    assert.equal(sent?.["if-modified-since"], undefined);
    assert.match(sent?.accept ?? "", /application\/rss\+xml/);
    assert.equal(sent?.["user-agent"], "armstrace");
  });

  test("a poll with validators is conditional, and a 304 keeps the feed's state", async () => {
    const state: FeedPollState = { url: `${site.origin}/feed.xml`, etag: ETAG, lastModified: LAST_MODIFIED, failures: 0 };
    const result = await pollFeed(state, { ...open, intervalMs: 5 * MINUTE });
    assert.deepEqual(result, { status: "not-modified", nextPollAt: later(5 * MINUTE), etag: ETAG, lastModified: LAST_MODIFIED });
    const sent = site.requests.at(-1)?.headers;
    assert.equal(sent?.["if-none-match"], ETAG);
    assert.equal(sent?.["if-modified-since"], LAST_MODIFIED);
  });

  test("Last-Modified alone makes the request conditional too", async () => {
    const result = await pollFeed({ url: `${site.origin}/feed.xml`, etag: null, lastModified: LAST_MODIFIED, failures: 3 }, open);
    assert.equal(result.status, "not-modified");
    // The 304 brought an ETag, which the next poll can use.
    assert.equal(result.status === "not-modified" ? result.etag : undefined, ETAG);
    assert.equal(site.requests.at(-1)?.headers["if-none-match"], undefined);
  });

  test("a changed validator gets the whole feed again", async () => {
    const result = await pollFeed({ url: `${site.origin}/feed.xml`, etag: '"feed-v0"', lastModified: null, failures: 0 }, open);
    assert.equal(result.status, "updated");
  });

  test("relative links resolve against the URL the feed was found at after redirects", async () => {
    const result = await pollFeed(fresh(`${site.origin}/moved`), open);
    assert.equal(result.status, "updated");
    if (result.status !== "updated") return;
    assert.equal(result.feed.items[0]?.url, `${site.origin}/feeds/current/norinco.html`);
    assert.equal(result.etag, null);
    assert.equal(result.lastModified, null);
  });

  test("the charset of the XML declaration is honoured", async () => {
    const result = await pollFeed(fresh(`${site.origin}/latin1.xml`), open);
    assert.equal(result.status === "updated" ? result.feed.title : result.status, "Süddeutsche Rüstung");
  });

  test("repeated server errors back off exponentially, capped at a day", async () => {
    const url = `${site.origin}/broken`;
    const delays: number[] = [];
    let state = fresh(url);
    for (let i = 0; i < 4; i += 1) {
      const result = failed(await pollFeed(state, { ...open, intervalMs: MINUTE }));
      assert.equal(result.failures, i + 1);
      assert.equal(result.error, `${url} answered 500 Internal Server Error`);
      delays.push((Date.parse(result.nextPollAt) - NOW.getTime()) / MINUTE);
      state = { ...state, failures: result.failures };
    }
    assert.deepEqual(delays, [2, 4, 8, 16]);
    const late = failed(await pollFeed(fresh(url, 30), open));
    assert.equal(late.failures, 31);
    assert.equal(late.nextPollAt, later(MAX_POLL_BACKOFF_MS));
  });

  test("Retry-After on 503 and 429 is honoured when it asks for longer than the backoff", async () => {
    const seconds = failed(await pollFeed(fresh(`${site.origin}/busy`), { ...open, intervalMs: MINUTE }));
    assert.equal(seconds.nextPollAt, later(2 * 60 * MINUTE));
    const date = failed(await pollFeed(fresh(`${site.origin}/limited`), { ...open, intervalMs: MINUTE }));
    assert.equal(date.nextPollAt, later(5 * 60 * MINUTE));
    const brief = failed(await pollFeed(fresh(`${site.origin}/busy-briefly`), { ...open, intervalMs: MINUTE }));
    assert.equal(brief.nextPollAt, later(2 * MINUTE), "the backoff is longer than one second");
    const ignored = failed(await pollFeed(fresh(`${site.origin}/500-with-retry-after`), { ...open, intervalMs: MINUTE }));
    assert.equal(ignored.nextPollAt, later(2 * MINUTE), "a 500's Retry-After is not a request to wait");
  });

  test("a body that is not a feed is a failure naming the URL", async () => {
    const truncated = failed(await pollFeed(fresh(`${site.origin}/truncated`), open));
    assert.match(truncated.error, new RegExp(`^${site.origin}/truncated is not well-formed XML: `));
    assert.equal(truncated.failures, 1);
    const html = failed(await pollFeed(fresh(`${site.origin}/page`), open));
    assert.equal(html.error, `${site.origin}/page is text/html; only RSS and Atom feeds (XML) are polled`);
    const disguised = failed(await pollFeed(fresh(`${site.origin}/html-as-xml`), open));
    assert.equal(disguised.error, `${site.origin}/html-as-xml is an HTML page, not an RSS or Atom feed`);
  });

  test("a server that does not answer in time fails the poll", async () => {
    const result = failed(await pollFeed(fresh(`${site.origin}/silent`), { ...open, timeoutMs: 200 }));
    assert.equal(result.error, `gave up on ${site.origin}/silent: no complete answer within 0.2 s`);
  });

  test("a closed port and a bad URL fail the poll instead of throwing", async () => {
    const closed = await startSite(() => undefined);
    await closed.close();
    assert.match(failed(await pollFeed(fresh(`${closed.origin}/feed.xml`), open)).error, /ECONNREFUSED/);
    assert.equal(failed(await pollFeed(fresh("ftp://example.org/feed.xml"), open)).error, "refusing to fetch ftp://example.org/feed.xml: only http and https URLs are fetched");
  });
});

describe("pollFeed refuses private addresses", () => {
  let site: Site;
  before(async () => {
    site = await startSite((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(FEED);
    });
  });
  after(async () => site.close());

  test("a loopback feed is refused without allowPrivate, before any request", async () => {
    const result = failed(await pollFeed(fresh(`${site.origin}/feed.xml`), { now }));
    assert.equal(result.error, `refusing to fetch ${site.origin}/feed.xml: 127.0.0.1 is a loopback address`);
    assert.equal(result.failures, 1);
    assert.equal(site.requests.length, 0);
  });

  test("a name that resolves to a private address is refused too", async () => {
    const result = failed(await pollFeed(fresh(`http://feeds.test:${site.port}/feed.xml`), { now, lookup: async () => [{ address: "10.1.2.3", family: 4 }] }));
    assert.match(result.error, /feeds\.test resolves to a non-public address \(10\.1\.2\.3 is a private address\)/);
    assert.equal(site.requests.length, 0);
  });

  test("an address policy that allows it lets the poll through", async () => {
    const addressPolicy = (address: string) => (address === "127.0.0.1" ? undefined : nonPublicAddressReason(address));
    const result = await pollFeed(fresh(`${site.origin}/feed.xml`), { now, addressPolicy });
    assert.equal(result.status, "updated");
    assert.equal(site.requests.length, 1);
  });
});
