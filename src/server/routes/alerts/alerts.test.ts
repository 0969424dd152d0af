import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";
import type { InboxAlert } from "./inbox-alerts.ts";

async function expectProblem(res: Response, status: number, detail: RegExp): Promise<void> {
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.match(((await res.json()) as { detail: string }).detail, detail);
}

const LATER_REPORT = {
  text: "In 2024 Norinco delivered artillery shells to the Myanmar military, Associated Press reported.",
  publisher: "Associated Press",
  published: "2024-06-01",
  title: "Shells for Myanmar",
  url: "https://example.org/shells",
};

describe("alerts", () => {
  let api: ApiFixture;
  let ids: number[];
  before(async () => {
    api = await apiFixture();
    assert.equal((await api.post("/api/ingest", NORINCO_REPORT, api.tokens.analyst)).status, 201);
    const { watch } = await api.store.addWatch({ kind: "vendor", vendor: "Norinco", country: "CN", label: "Norinco (supplier list)", author: "test" });
    const claims = [];
    for (const report of [LATER_REPORT, { ...LATER_REPORT, text: "Norinco sent rifles to the Myanmar military in 2024, <b>Reuters</b> said.", publisher: "Reuters", url: "https://example.org/rifles-2" }]) {
      const res = await api.post("/api/ingest", report, api.tokens.analyst);
      assert.equal(res.status, 201);
      claims.push(...((await res.json()) as { claims: Array<{ id: number }> }).claims);
    }
    // What the monitor would raise for claims stored after the watch began.
    const saved = await api.store.saveAlerts(claims.map((c) => ({ watchId: watch.id, claimId: c.id, reason: "supplier: Norinco" })), Math.max(...claims.map((c) => c.id)));
    ids = saved.map((a) => a.id);
    assert.equal(ids.length, 2);
  });
  after(async () => api.close());

  const inbox = async (query = ""): Promise<InboxAlert[]> => {
    const res = await api.get(`/api/alerts${query}`, api.tokens.viewer);
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: InboxAlert[] }).items;
  };

  test("alerts come newest first, each with its claim summed up", async () => {
    const items = await inbox();
    assert.deepEqual(items.map((a) => a.id), [...ids].reverse());
    const [newest, older] = items;
    assert.equal(newest?.watch.label, "Norinco (supplier list)");
    assert.equal(newest?.reason, "supplier: Norinco");
    assert.equal(newest?.readAt, null);
    assert.equal(newest?.claim?.quote, "Norinco sent rifles to the Myanmar military in 2024, <b>Reuters</b> said.", "markup stays text in the JSON");
    assert.equal(older?.claim?.supplier.name, "China North Industries Group Corporation Limited");
    assert.equal(older?.claim?.recipient.name, "Myanmar");
    assert.deepEqual(older?.claim?.items, ["artillery shells"]);
    assert.equal(older?.claim?.stance, "asserted");
    assert.equal(older?.claim?.publisher, "Associated Press");
    assert.equal(older?.claim?.published, "2024-06-01");
    assert.equal(older?.claim?.url, "https://example.org/shells");
    assert.equal(typeof older?.claim?.documentId, "number");
    const trigger = older?.claim?.trigger;
    assert.equal(older?.claim?.quote.slice(trigger?.start, trigger?.end), "delivered");
    const raw = await (await api.get("/api/alerts", api.tokens.viewer)).text();
    assert.ok(!raw.includes("<b>"), "report text never reaches the client as raw markup");
  });

  test("marking read: only analysts; the count says how many changed; unread filters", async () => {
    await expectProblem(await api.post("/api/alerts/read", { ids: [ids[0]] }, api.tokens.viewer), 403, /viewer token cannot write/);
    const res = await api.post("/api/alerts/read", { ids: [ids[0], ids[0], 99999] }, api.tokens.analyst);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { marked: 1 });
    assert.deepEqual((await inbox("?unread=true")).map((a) => a.id), [ids[1]]);
    assert.deepEqual((await inbox("?unread=false")).map((a) => a.id), [ids[0]]);
    assert.equal(typeof (await inbox("?unread=false"))[0]?.readAt, "string");
    assert.deepEqual((await inbox("?limit=1")).map((a) => a.id), [ids[1]]);
    const again = await api.post("/api/alerts/read", { ids: [ids[0]] }, api.tokens.analyst);
    assert.deepEqual(await again.json(), { marked: 0 }, "already read");
  });

  test("bad queries and bodies are 400; alerts need a token even when reads are open", async () => {
    await expectProblem(await api.get("/api/alerts?unread=maybe", api.tokens.viewer), 400, /unread: must be true or false/);
    await expectProblem(await api.get("/api/alerts?limit=5000", api.tokens.viewer), 400, /limit: must be at most 1000/);
    await expectProblem(await api.post("/api/alerts/read", { ids: [] }, api.tokens.analyst), 400, /ids: must list at least one alert id/);
    await expectProblem(await api.post("/api/alerts/read", { ids: ["1"] }, api.tokens.analyst), 400, /ids\.0: must be a number/);
    await expectProblem(await api.post("/api/alerts/read", { ids: [1.5] }, api.tokens.analyst), 400, /whole number/);
    await expectProblem(await api.post("/api/alerts/read", { ids: [1], all: true }, api.tokens.analyst), 400, /all|unrecognized/i);
    await expectProblem(await api.get("/api/alerts"), 401, /bearer token/);
    const open = await apiFixture({ allowAnonymousReads: true });
    try {
      await expectProblem(await open.get("/api/alerts"), 401, /bearer token/);
      await expectProblem(await open.post("/api/alerts/read", { ids: [1] }), 401, /bearer token/);
      assert.equal((await open.get("/api/alerts", open.tokens.viewer)).status, 200);
    } finally {
      await open.close();
    }
  });
});
