import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClaimRow, DocumentRow } from "../../../store/store.ts";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";

interface UrlAnswer { status: string; documentId: number; claims: ClaimRow[]; url: string; redirects: string[] }

async function expectProblem(res: Response, status: number, detail: RegExp | string): Promise<void> {
  assert.equal(res.status, status);
  assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/);
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string };
  assert.equal(body.type, "about:blank");
  assert.equal(body.status, status);
  assert.ok(body.title.length > 0);
  if (typeof detail === "string") assert.equal(body.detail, detail);
  else assert.match(body.detail, detail);
}

/** A stand-in web site on 127.0.0.1; `hits` counts the requests that reached it. */
let hits = 0;
let origin = "";
let server: ReturnType<typeof createServer>;

function site(req: IncomingMessage, res: ServerResponse): void {
  hits += 1;
  switch (req.url) {
    case "/old-link":
      res.writeHead(301, { location: "/2024/rifles.html" });
      res.end();
      return;
    case "/2024/rifles.html":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<html><head><title>Rifles for Myanmar</title></head><body><nav>Home | World</nav><article><p>${NORINCO_REPORT.text}</p></article></body></html>`);
      return;
    case "/notes.txt":
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("Rosoboronexport delivered Su-30 fighters to Myanmar in 2022, Reuters reported.");
      return;
    case "/to-file":
      res.writeHead(302, { location: "file:///etc/passwd" });
      res.end();
      return;
    case "/huge":
      // Chunked, with no length announced: only counting while reading can stop it.
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 6; i += 1) res.write("x".repeat(1024 * 1024));
      res.end();
      return;
    case "/brochure.pdf":
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.7");
      return;
    default:
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
  }
}

before(async () => {
  server = createServer(site);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("POST /api/ingest/url with private fetches allowed", () => {
  let api: ApiFixture;
  before(async () => { api = await apiFixture({ allowPrivateFetch: true }); });
  after(async () => api.close());

  test("fetches the page, follows the redirect, stores the report under its final URL", async () => {
    const res = await api.post("/api/ingest/url", { url: `${origin}/old-link`, publisher: "Reuters", published: "2024-03-01" }, api.tokens.analyst);
    assert.equal(res.status, 201);
    const body = (await res.json()) as UrlAnswer;
    assert.equal(body.status, "added");
    assert.equal(body.url, `${origin}/2024/rifles.html`);
    assert.deepEqual(body.redirects, [`${origin}/old-link`]);
    assert.equal(body.claims.length, 1);
    assert.match(body.claims[0]!.supplier.name, /Norinco|China North Industries/i);
    assert.equal(body.claims[0]!.recipient.name, "Myanmar");

    const doc = (await (await api.get(`/api/documents/${body.documentId}`, api.tokens.viewer)).json()) as DocumentRow;
    assert.equal(doc.url, `${origin}/2024/rifles.html`);
    assert.equal(doc.title, "Rifles for Myanmar", "the page's title, since the request gave none");
    assert.equal(doc.publisher, "Reuters");
    assert.equal(doc.published, "2024-03-01");
    assert.doesNotMatch(doc.text, /Home \| World/);

    const again = await api.post("/api/ingest/url", { url: `${origin}/2024/rifles.html` }, api.tokens.analyst);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as UrlAnswer).status, "duplicate");
  });

  test("plain text is stored as sent", async () => {
    const body = (await (await api.post("/api/ingest/url", { url: `${origin}/notes.txt`, title: "Fighters" }, api.tokens.analyst)).json()) as UrlAnswer;
    const doc = (await (await api.get(`/api/documents/${body.documentId}`, api.tokens.viewer)).json()) as DocumentRow;
    assert.equal(doc.text, "Rosoboronexport delivered Su-30 fighters to Myanmar in 2022, Reuters reported.");
    assert.equal(doc.title, "Fighters");
    assert.equal(doc.url, `${origin}/notes.txt`);
  });

  test("a redirect off http(s) is refused on the hop", async () => {
    await expectProblem(
      await api.post("/api/ingest/url", { url: `${origin}/to-file` }, api.tokens.analyst),
      422,
      `refusing to follow the redirect from ${origin}/to-file to file:///etc/passwd: only http and https URLs are fetched`,
    );
  });

  test("a body over 5 MB is refused", async () => {
    await expectProblem(await api.post("/api/ingest/url", { url: `${origin}/huge` }, api.tokens.analyst), 413, `${origin}/huge is larger than the 5 MB limit for a report`);
  });

  test("a content type other than HTML, text or Markdown is refused", async () => {
    await expectProblem(
      await api.post("/api/ingest/url", { url: `${origin}/brochure.pdf` }, api.tokens.analyst),
      415,
      `${origin}/brochure.pdf is application/pdf; only HTML, plain text and Markdown reports are ingested`,
    );
  });

  test("an error from the site is a bad gateway", async () => {
    await expectProblem(await api.post("/api/ingest/url", { url: `${origin}/missing` }, api.tokens.analyst), 502, `${origin}/missing answered 404 Not Found`);
  });
});

describe("POST /api/ingest/url by default", () => {
  let api: ApiFixture;
  before(async () => { api = await apiFixture(); });
  after(async () => api.close());

  test("refuses a loopback address before connecting, and says how to allow it", async () => {
    const before = hits;
    await expectProblem(
      await api.post("/api/ingest/url", { url: `${origin}/2024/rifles.html` }, api.tokens.analyst),
      422,
      `refusing to fetch ${origin}/2024/rifles.html: 127.0.0.1 is a loopback address; start the server with --allow-private-fetch to allow it`,
    );
    const port = new URL(origin).port;
    await expectProblem(await api.post("/api/ingest/url", { url: `http://localhost:${port}/` }, api.tokens.analyst), 422, /localhost is a loopback name; start the server/);
    await expectProblem(await api.post("/api/ingest/url", { url: `http://[::ffff:127.0.0.1]:${port}/` }, api.tokens.analyst), 422, /IPv4-mapped form of 127\.0\.0\.1, a loopback address/);
    await expectProblem(await api.post("/api/ingest/url", { url: "http://169.254.169.254/latest/meta-data/" }, api.tokens.analyst), 422, /169\.254\.169\.254 is a link-local address/);
    assert.equal(hits, before, "nothing reached the site");
  });

  test("refuses schemes other than http and https, and bodies that are not a URL", async () => {
    const t = api.tokens.analyst;
    await expectProblem(await api.post("/api/ingest/url", { url: "file:///etc/passwd" }, t), 400, "invalid body: url: must be an http or https URL");
    await expectProblem(await api.post("/api/ingest/url", { url: "gopher://example.org/" }, t), 400, /must be an http or https URL/);
    await expectProblem(await api.post("/api/ingest/url", { url: "example.org/report" }, t), 400, /url: must be an absolute URL/);
    await expectProblem(await api.post("/api/ingest/url", {}, t), 400, /url/);
    await expectProblem(await api.post("/api/ingest/url", { url: `${origin}/`, text: "x" }, t), 400, /text|unrecognized/i);
  });

  test("needs an analyst token", async () => {
    assert.equal((await api.post("/api/ingest/url", { url: `${origin}/` }, api.tokens.viewer)).status, 403);
    assert.equal((await api.post("/api/ingest/url", { url: `${origin}/` })).status, 401);
  });
});
