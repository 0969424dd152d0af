import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "./api-fixture.ts";
import { OPENAPI_DOCUMENT } from "./openapi.ts";

async function assertProblem(res: Response, status: number, detail?: RegExp): Promise<void> {
  assert.equal(res.status, status);
  assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body["status"], status);
  assert.equal(body["type"], "about:blank");
  assert.equal(typeof body["title"], "string");
  assert.equal(typeof body["detail"], "string");
  if (detail) assert.match(String(body["detail"]), detail);
}

describe("access", () => {
  let api: ApiFixture;
  before(async () => { api = await apiFixture(); });
  after(async () => api.close());

  test("reads without a token are 401 with a Bearer challenge", async () => {
    const res = await api.get("/api/relations");
    assert.equal(res.headers.get("www-authenticate"), 'Bearer realm="armstrace"');
    await assertProblem(res, 401, /bearer token/);
  });
  test("an unknown token is 401", async () => {
    await assertProblem(await api.get("/api/relations", "atr_not-a-token"), 401, /not valid/);
  });
  test("a viewer reads but cannot write (403)", async () => {
    assert.equal((await api.get("/api/relations", api.tokens.viewer)).status, 200);
    await assertProblem(await api.post("/api/ingest", NORINCO_REPORT, api.tokens.viewer), 403, /viewer token cannot write/);
    await assertProblem(await api.post("/api/judgements", { kind: "merge", a: 1, b: 2 }, api.tokens.viewer), 403);
  });
  test("writes without a token are 401", async () => {
    await assertProblem(await api.post("/api/ingest", NORINCO_REPORT), 401);
  });
  test("analyst and admin may write", async () => {
    assert.equal((await api.post("/api/ingest", NORINCO_REPORT, api.tokens.analyst)).status, 201);
    assert.equal((await api.post("/api/ingest", NORINCO_REPORT, api.tokens.admin)).status, 200, "the same text again is a duplicate");
  });
  test("openapi.json needs no token", async () => {
    assert.equal((await api.get("/api/openapi.json")).status, 200);
  });
});

describe("anonymous reads", () => {
  let api: ApiFixture;
  before(async () => { api = await apiFixture({ allowAnonymousReads: true }); });
  after(async () => api.close());

  test("reads need no token, writes still do", async () => {
    for (const path of ["/api/relations", "/api/entities", "/api/claims", "/api/sources", "/api/judgements", "/api/search?q=x"]) {
      assert.equal((await api.get(path)).status, 200, path);
    }
    await assertProblem(await api.post("/api/ingest", NORINCO_REPORT), 401);
  });
});

describe("validation errors are problem+json", () => {
  let api: ApiFixture;
  before(async () => { api = await apiFixture({ allowAnonymousReads: true, maxBodyBytes: 2048 }); });
  after(async () => api.close());

  test("bad query values say which field", async () => {
    await assertProblem(await api.get("/api/entities?limit=0"), 400, /limit: must be at least 1/);
    await assertProblem(await api.get("/api/entities?limit=ten"), 400, /limit/);
    await assertProblem(await api.get("/api/claims?stance=rumoured"), 400, /unknown stance "rumoured"; expected one of: asserted, hedged, denied/);
    await assertProblem(await api.get("/api/entities?type=robot"), 400, /entity type/);
    await assertProblem(await api.get("/api/relations?minCredibility=9"), 400, /credibility/);
    await assertProblem(await api.get("/api/search"), 400, /q:/);
  });
  test("bad bodies are 400", async () => {
    const t = api.tokens.analyst;
    await assertProblem(await api.post("/api/ingest", {}, t), 400, /exactly one of text and html/);
    await assertProblem(await api.post("/api/ingest", { text: "x", html: "<p>x</p>" }, t), 400, /exactly one/);
    await assertProblem(await api.post("/api/ingest", { text: "x", colour: "red" }, t), 400, /colour|unrecognized/i);
    await assertProblem(await api.post("/api/ingest", { text: "x", published: "last week" }, t), 400, /published: must be an ISO date/);
    await assertProblem(await api.post("/api/ingest", { text: "   " }, t), 400, /text must not be blank/);
    await assertProblem(await api.post("/api/ingest", { html: "<nav>menu</nav><script>x()</script>" }, t), 400, /no readable text/);
    await assertProblem(await api.post("/api/judgements", { kind: "maybe", a: 1, b: 2 }, t), 400, /kind: must be one of/);
    const notJson = await api.app.request("/api/ingest", { method: "POST", headers: { authorization: `Bearer ${t}`, "content-type": "application/json" }, body: "{" });
    await assertProblem(notJson, 400, /not valid JSON/);
    const wrongType = await api.app.request("/api/ingest", { method: "POST", headers: { authorization: `Bearer ${t}`, "content-type": "text/plain" }, body: "hello" });
    await assertProblem(wrongType, 400, /must be JSON/);
  });
  test("unknown ids and routes are 404", async () => {
    await assertProblem(await api.get("/api/documents/999"), 404, /no document with id 999/);
    await assertProblem(await api.get("/api/entities/999"), 404, /no entity with id 999/);
    await assertProblem(await api.get("/api/documents/abc"), 400, /id: must be a number/);
    await assertProblem(await api.get("/api/nothing-here"), 404, /no route/);
  });
  test("a body over the limit is 413", async () => {
    await assertProblem(await api.post("/api/ingest", { text: "x".repeat(5000) }, api.tokens.analyst), 413, /larger than 2048 bytes/);
  });
  test("an unexpected error is a 500 problem without internals", async () => {
    const seen: unknown[] = [];
    const broken = await apiFixture({ allowAnonymousReads: true, onError: (e) => seen.push(e) });
    await broken.store.close(); // every query now throws a driver error
    try {
      await assertProblem(await broken.get("/api/sources"), 500, /unexpected error/);
      assert.equal(seen.length, 1);
    } finally {
      await broken.close();
    }
  });
});

describe("openapi.json", () => {
  test("describes every route the app serves, and nothing else", async () => {
    const api = await apiFixture();
    try {
      const doc = (await (await api.get("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      assert.equal(doc.openapi, "3.1.0");
      const served = new Set(
        api.app.routes
          .filter((r) => r.method !== "ALL")
          .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
      );
      const described = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
      assert.deepEqual([...described].sort(), [...served].sort());
      assert.deepEqual(doc, JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
    } finally {
      await api.close();
    }
  });
});
