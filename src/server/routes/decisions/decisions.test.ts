import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { ScreeningResult, VendorDecision } from "../../../domain/screening.ts";
import type { WatchRow } from "../../../store/store.ts";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";

interface Outcome {
  decision: VendorDecision;
  screening: ScreeningResult;
  watch: WatchRow | null;
}

async function expectProblem(res: Response, status: number, detail: RegExp): Promise<void> {
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.match(((await res.json()) as { detail: string }).detail, detail);
}

describe("decisions", () => {
  let api: ApiFixture;
  before(async () => {
    api = await apiFixture();
    assert.equal((await api.post("/api/ingest", NORINCO_REPORT, api.tokens.analyst)).status, 201);
  });
  after(async () => api.close());

  test("an analyst's monitor decision records who, the evidence it rests on, and starts a watch", async () => {
    const res = await api.post("/api/decisions", { vendor: "Norinco", country: "CN", decision: "monitor", reason: "named in a sanctions report" }, api.tokens.analyst);
    assert.equal(res.status, 201);
    const { decision, screening, watch } = (await res.json()) as Outcome;
    assert.equal(decision.vendor, "Norinco");
    assert.equal(decision.decision, "monitor");
    assert.equal(decision.reason, "named in a sanctions report");
    assert.match(decision.author, /^token #\d+ \(analyst\)$/);
    assert.equal(decision.tier, "high");
    assert.equal(decision.country, "CN");
    assert.ok(decision.evidence.length >= 1, "the evidence is kept with the decision");
    assert.equal(screening.decisions[0]?.id, decision.id);
    assert.equal(watch?.label, "Norinco");

    // A later screening of the same name, spelt otherwise, shows the decision.
    const again = (await (await api.post("/api/screenings", { vendors: [{ name: "NORINCO" }] }, api.tokens.viewer)).json()) as { results: ScreeningResult[] };
    assert.deepEqual(again.results[0]?.decisions.map((d) => d.id), [decision.id]);
  });

  test("decisions are listed newest first, all or about one vendor", async () => {
    const keep = await api.post("/api/decisions", { vendor: "Acme Tools GmbH", decision: "keep", reason: "no match" }, api.tokens.admin);
    assert.equal(keep.status, 201);
    const all = (await (await api.get("/api/decisions", api.tokens.viewer)).json()) as { items: VendorDecision[] };
    assert.deepEqual(all.items.map((d) => d.vendor), ["Acme Tools GmbH", "Norinco"]);
    const one = (await (await api.get("/api/decisions?vendor=norinco", api.tokens.viewer)).json()) as { items: VendorDecision[] };
    assert.deepEqual(one.items.map((d) => d.vendor), ["Norinco"]);
    const limited = (await (await api.get("/api/decisions?limit=1", api.tokens.viewer)).json()) as { items: VendorDecision[] };
    assert.equal(limited.items.length, 1);
    const none = (await (await api.get("/api/decisions?vendor=Xiamen%20Airlines", api.tokens.viewer)).json()) as { items: VendorDecision[] };
    assert.deepEqual(none.items, []);
  });

  test("bad decisions are 400, viewers 403, anonymous callers 401", async () => {
    const t = api.tokens.analyst;
    await expectProblem(await api.post("/api/decisions", { vendor: "Norinco", decision: "ban", reason: "x" }, t), 400, /decision: must be one of delist, keep, monitor/);
    await expectProblem(await api.post("/api/decisions", { vendor: "Norinco", decision: "delist" }, t), 400, /reason/);
    await expectProblem(await api.post("/api/decisions", { vendor: "Norinco", decision: "delist", reason: "   " }, t), 400, /reason: must not be empty/);
    await expectProblem(await api.post("/api/decisions", { vendor: "", decision: "delist", reason: "x" }, t), 400, /vendor: must not be empty/);
    await expectProblem(await api.post("/api/decisions", { vendor: "Norinco", country: "Ruritania", decision: "delist", reason: "x" }, t), 400, /country "Ruritania" is not recognised/);
    await expectProblem(await api.get("/api/decisions?limit=0", api.tokens.viewer), 400, /limit: must be at least 1/);
    await expectProblem(await api.post("/api/decisions", { vendor: "Norinco", decision: "delist", reason: "x" }, api.tokens.viewer), 403, /viewer token cannot write/);
    await expectProblem(await api.post("/api/decisions", { vendor: "Norinco", decision: "delist", reason: "x" }), 401, /bearer token/);
    await expectProblem(await api.get("/api/decisions"), 401, /bearer token/);
    const count = ((await (await api.get("/api/decisions", api.tokens.viewer)).json()) as { items: unknown[] }).items.length;
    assert.equal(count, 2, "nothing refused was recorded");
  });

  test("decisions stay private when reads are open to anyone", async () => {
    const open = await apiFixture({ allowAnonymousReads: true });
    try {
      await expectProblem(await open.get("/api/decisions"), 401, /bearer token/);
      assert.equal((await open.get("/api/decisions", open.tokens.viewer)).status, 200);
    } finally {
      await open.close();
    }
  });
});
