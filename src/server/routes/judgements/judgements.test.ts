import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";
import type { EntityJudgement } from "../../../store/store.ts";

describe("/api/judgements", () => {
  let api: ApiFixture;
  before(async () => {
    api = await apiFixture();
    await api.post("/api/ingest", NORINCO_REPORT, api.tokens.analyst);
  });
  after(async () => api.close());

  test("an analyst records a judgement by names; it is listed with its author", async () => {
    const res = await api.post("/api/judgements", { kind: "not-same", a: "Norinco", b: "Myanmar", reason: "a firm, not a state" }, api.tokens.analyst);
    assert.equal(res.status, 201);
    const body = (await res.json()) as { judgement: EntityJudgement; together: boolean };
    assert.equal(body.judgement.kind, "not_same");
    assert.equal(body.together, false);
    assert.match(body.judgement.author, /token #2 \(analyst\)/);
    const list = (await (await api.get("/api/judgements", api.tokens.viewer)).json()) as { items: EntityJudgement[] };
    assert.deepEqual(list.items.map((j) => j.id), [body.judgement.id]);
  });
  test("an unknown entity is a 400 naming it", async () => {
    const res = await api.post("/api/judgements", { kind: "merge", a: "Nobody Ltd", b: 1 }, api.tokens.admin);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { detail: string }).detail, /Nobody Ltd/);
  });
});
