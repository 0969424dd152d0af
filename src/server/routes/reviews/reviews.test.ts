import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { apiFixture, type ApiFixture } from "../../api-fixture.ts";

interface Relation { supplierId: number; recipientId: number; credibility: number; claims: number; explanation: string }
interface Claim { id: number; stance: string; supplier: { id: number; name: string }; recipient: { id: number; name: string }; review: { verdict: string; author: string } | null; extracted: { stance: string } | null }

// Two independent, well-graded sources assert the same transfer: a confirmed relation until one is rejected.
const REPORTS = [
  { text: "Norinco supplied assault rifles to the Myanmar military in 2023.", publisher: "Reuters", published: "2024-03-01" },
  { text: "In 2023 Norinco delivered assault rifles to the Myanmar military, officials said.", publisher: "Associated Press", published: "2024-03-05" },
];

describe("claim review", () => {
  let api: ApiFixture;
  let claims: Claim[];
  before(async () => {
    api = await apiFixture();
    for (const r of REPORTS) assert.equal((await api.post("/api/ingest", r, api.tokens.analyst)).status, 201);
    claims = ((await (await api.get("/api/review-queue", api.tokens.viewer)).json()) as { items: Claim[] }).items;
  });
  after(async () => api.close());

  const relationOf = async (c: Claim) => {
    const res = await api.get(`/api/relations/${c.supplier.id}/${c.recipient.id}`, api.tokens.viewer);
    assert.equal(res.status, 200);
    return (await res.json()) as { relation: Relation | null; claims: Claim[] };
  };

  test("the queue lists unreviewed claims, newest first", () => {
    assert.equal(claims.length, 2);
    assert.ok(claims[0]!.id > claims[1]!.id);
    assert.ok(claims.every((c) => c.review === null));
  });

  test("rejecting a claim records who and when, regrades the relation, and leaves the queue", async () => {
    const first = claims[0]!;
    const before = await relationOf(first);
    assert.equal(before.relation?.claims, 2);
    const res = await api.post(`/api/claims/${first.id}/review`, { verdict: "reject", reason: "sentence misread" }, api.tokens.analyst);
    assert.equal(res.status, 201);
    const outcome = (await res.json()) as { review: { author: string; createdAt: string }; relations: Relation[] };
    assert.match(outcome.review.author, /token #\d+ \(analyst\)/);
    const after = await relationOf(first);
    assert.equal(after.relation?.claims, 1);
    assert.notEqual(after.relation?.credibility, before.relation?.credibility, "one source fewer changes the grade");
    assert.equal(after.claims.find((c) => c.id === first.id)?.review?.verdict, "reject", "the rejected claim is still shown, marked");
    const queue = ((await (await api.get("/api/review-queue", api.tokens.viewer)).json()) as { items: Claim[] }).items;
    assert.deepEqual(queue.map((c) => c.id), [claims[1]!.id]);
    const audit = ((await (await api.get("/api/audit", api.tokens.viewer)).json()) as { items: Array<{ action: string; summary: string }> }).items;
    assert.equal(audit[0]?.action, "reject");
    assert.match(audit[0]?.summary ?? "", new RegExp(`claim #${first.id}: ${first.supplier.name} → `));
  });

  test("a correction to denied turns support into a denial; revoking it restores the grade", async () => {
    const second = claims[1]!;
    const before = (await relationOf(second)).relation;
    const res = await api.post(`/api/claims/${second.id}/review`, { verdict: "correct", stance: "denied" }, api.tokens.analyst);
    assert.equal(res.status, 201);
    const outcome = (await res.json()) as { review: { id: number }; claim: Claim };
    assert.equal(outcome.claim.stance, "denied");
    assert.equal(outcome.claim.extracted?.stance, "asserted");
    const corrected = (await relationOf(second)).relation;
    assert.notEqual(corrected?.credibility, before?.credibility);
    const revoke = await api.post(`/api/claim-reviews/${outcome.review.id}/revoke`, {}, api.tokens.analyst);
    assert.equal(revoke.status, 200);
    assert.equal((await relationOf(second)).relation?.credibility, before?.credibility);
  });

  test("bad verdicts are 400, unknown claims 404, viewers 403", async () => {
    assert.equal((await api.post(`/api/claims/${claims[0]!.id}/review`, { verdict: "maybe" }, api.tokens.analyst)).status, 400);
    assert.equal((await api.post(`/api/claims/${claims[0]!.id}/review`, { verdict: "correct" }, api.tokens.analyst)).status, 400);
    assert.equal((await api.post("/api/claims/99999/review", { verdict: "accept" }, api.tokens.analyst)).status, 404);
    assert.equal((await api.post(`/api/claims/${claims[0]!.id}/review`, { verdict: "accept" }, api.tokens.viewer)).status, 403);
    assert.equal((await api.get("/api/relations/99998/99999", api.tokens.viewer)).status, 404);
  });

  test("an entity's timeline by id", async () => {
    const res = await api.get(`/api/entities/${claims[0]!.supplier.id}/timeline`, api.tokens.viewer);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: Array<{ documentId: number; date: string }>; total: number };
    // The claim rejected above is no evidence, so one entry remains.
    assert.equal(page.total, 1);
    assert.equal(page.items.length, 1);
    assert.deepEqual(page.items.map((i) => i.date), ["2024-03-01"], "the Reuters report; the rejected one was the newer");
    const none = (await (await api.get(`/api/entities/${claims[0]!.supplier.id}/timeline?limit=0`, api.tokens.viewer)).json()) as { status: number };
    assert.equal(none.status, 400);
  });
});
