import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { ClaimRow } from "../../../store/store.ts";
import type { TimelineEntry } from "../../../services/entity-timeline.ts";
import { supplyReport } from "../../../../test/support/supply-report.ts";
import { apiFixture, type ApiFixture } from "../../api-fixture.ts";
import { OPENAPI_DOCUMENT } from "../../openapi.ts";

const FEATURES: Array<[string, number]> = [
  ["rule:extract/01-delivered", 0.782],
  ["sr|L+1:suppli", 0.614],
  ["order:recipient-first", -0.205],
];
const EXPLAINED = { model: "pair-lr-9ab9cef401f1", score: 0.973, features: FEATURES };
const UNEXPLAINED = { model: null, score: null, features: null };

const explanation = (c: { model: string | null; score: number | null; features: Array<[string, number]> | null }) => ({
  model: c.model,
  score: c.score,
  features: c.features,
});

describe("claims carry the model's explanation on every route that answers with them", () => {
  let api: ApiFixture;
  let explained: ClaimRow;
  let plain: ClaimRow;
  before(async () => {
    api = await apiFixture();
    // Stored as the pipeline hands them over, so the figures are known exactly: one claim a
    // model decided, one from before models were kept (or made by the pattern rules alone).
    const withModel = supplyReport("a", "Norinco", "Myanmar");
    const [t] = withModel.extraction.transfers;
    await api.store.ingest({ ...withModel, extraction: { ...withModel.extraction, transfers: [{ ...t!, ...EXPLAINED }] } });
    await api.store.ingest(supplyReport("b", "Norinco", "Myanmar"));
    const items = ((await (await api.get("/api/claims", api.tokens.viewer)).json()) as { items: ClaimRow[] }).items;
    assert.equal(items.length, 2);
    [explained, plain] = items as [ClaimRow, ClaimRow];
  });
  after(async () => api.close());

  test("GET /api/claims", () => {
    assert.deepEqual(explanation(explained), EXPLAINED);
    assert.deepEqual(explanation(plain), UNEXPLAINED);
    assert.equal(explained.rule, "extract/01-delivered");
  });

  test("GET /api/relations/{supplierId}/{recipientId}", async () => {
    const res = await api.get(`/api/relations/${explained.supplier.id}/${explained.recipient.id}`, api.tokens.viewer);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { claims: ClaimRow[] };
    assert.deepEqual(body.claims.map(explanation), [EXPLAINED, UNEXPLAINED]);
  });

  test("GET /api/claims/{id}, /api/documents/{id} and /api/review-queue", async () => {
    const one = (await (await api.get(`/api/claims/${explained.id}`, api.tokens.viewer)).json()) as { claim: ClaimRow };
    assert.deepEqual(explanation(one.claim), EXPLAINED);
    const doc = (await (await api.get(`/api/documents/${explained.documentId}`, api.tokens.viewer)).json()) as { claims: ClaimRow[] };
    assert.deepEqual(doc.claims.map(explanation), [EXPLAINED]);
    const queue = (await (await api.get("/api/review-queue", api.tokens.viewer)).json()) as { items: ClaimRow[] };
    assert.deepEqual(queue.items.map(explanation), [UNEXPLAINED, EXPLAINED], "newest first");
  });

  test("a review's answer keeps the explanation", async () => {
    const res = await api.post(`/api/claims/${explained.id}/review`, { verdict: "accept" }, api.tokens.analyst);
    assert.equal(res.status, 201);
    assert.deepEqual(explanation(((await res.json()) as { claim: ClaimRow }).claim), EXPLAINED);
  });

  test("GET /api/entities/{id}/timeline", async () => {
    const res = await api.get(`/api/entities/${explained.supplier.id}/timeline`, api.tokens.viewer);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: TimelineEntry[] };
    assert.deepEqual(
      page.items.map((e) => ({ claimId: e.claimId, rule: e.rule, ...explanation(e) })),
      [
        { claimId: explained.id, rule: "extract/01-delivered", ...EXPLAINED },
        { claimId: plain.id, rule: "extract/01-delivered", ...UNEXPLAINED },
      ],
    );
  });

  test("the OpenAPI document describes exactly the fields a claim and a timeline entry have", async () => {
    const { Claim, TimelineEntry: entry } = OPENAPI_DOCUMENT.components.schemas;
    assert.deepEqual(Object.keys(explained).sort(), [...Claim.required].sort());
    assert.deepEqual(Object.keys(Claim.properties).sort(), [...Claim.required].sort());
    for (const field of ["model", "score", "features"] as const) assert.ok(Claim.properties[field].description.length > 0, field);
    const [timelineItem] = ((await (await api.get(`/api/entities/${explained.supplier.id}/timeline`, api.tokens.viewer)).json()) as { items: TimelineEntry[] }).items;
    assert.deepEqual(Object.keys(timelineItem ?? {}).sort(), [...entry.required].sort());
    assert.deepEqual(Object.keys(entry.properties).sort(), [...entry.required].sort());
  });
});
