import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";
import type { SearchHit } from "../../../services/search-entities.ts";

describe("GET /api/search", () => {
  let api: ApiFixture;
  before(async () => {
    api = await apiFixture({ allowAnonymousReads: true });
    assert.equal((await api.post("/api/ingest", NORINCO_REPORT, api.tokens.analyst)).status, 201);
  });
  after(async () => api.close());

  const names = async (q: string) => {
    const res = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: SearchHit[] }).items.map((h) => [h.entity.name, ...h.entity.aliases].join("|"));
  };

  test("finds Norinco however its name is written", async () => {
    for (const q of ["norinko", "NORINCO", "Норинко", "north industries", "norinc"]) {
      const found = await names(q);
      assert.ok(found.some((n) => /Norinco/i.test(n)), `${q} → ${JSON.stringify(found)}`);
    }
  });
  test("the start of a long name finds it", async () => {
    const found = await names("rifles for myan");
    assert.ok(!found.some((n) => /Norinco/i.test(n)), "a different phrase is no Norinco");
    assert.ok((await names("myanm")).some((n) => /Myanmar/.test(n)));
  });
  test("an unrelated name finds nothing", async () => {
    assert.deepEqual(await names("Lockheed"), []);
  });
});
