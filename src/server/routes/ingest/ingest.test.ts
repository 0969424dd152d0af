import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { apiFixture, NORINCO_REPORT, type ApiFixture } from "../../api-fixture.ts";
import type { ClaimRow, DocumentRow } from "../../../store/store.ts";

interface IngestAnswer { status: string; documentId: number; claims: ClaimRow[] }

describe("POST /api/ingest, then read back", () => {
  let api: ApiFixture;
  before(async () => { api = await apiFixture(); });
  after(async () => api.close());

  test("stores the report and answers with its document id and claims", async () => {
    const res = await api.post("/api/ingest", NORINCO_REPORT, api.tokens.analyst);
    assert.equal(res.status, 201);
    const body = (await res.json()) as IngestAnswer;
    assert.equal(body.status, "added");
    assert.equal(body.claims.length, 1);
    const [claim] = body.claims;
    assert.match(claim!.supplier.name, /Norinco|China North Industries/i);
    assert.equal(claim!.recipient.name, "Myanmar");
    assert.equal(claim!.stance, "asserted");

    const claims = (await (await api.get("/api/claims?entity=norinco", api.tokens.viewer)).json()) as { items: ClaimRow[] };
    assert.deepEqual(claims.items.map((c) => c.id), [claim!.id]);

    const doc = (await (await api.get(`/api/documents/${body.documentId}`, api.tokens.viewer)).json()) as DocumentRow & { claims: ClaimRow[] };
    assert.equal(doc.text, NORINCO_REPORT.text);
    assert.equal(doc.publisher, "Reuters");
    assert.equal(doc.published, "2024-03-01");
    assert.equal(doc.url, NORINCO_REPORT.url);
    assert.equal(doc.title, NORINCO_REPORT.title);
    assert.ok(doc.mentions.length >= 2);
    for (const m of doc.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text, "mention offsets index the text");
    assert.equal(doc.claims.length, 1);
    const { evidence, trigger } = doc.claims[0]!;
    assert.equal(doc.text.slice(evidence.start, evidence.end), evidence.text, "evidence offsets index the text");
    assert.equal(doc.text.slice(trigger.start, trigger.end), trigger.text);

    const relations = (await (await api.get("/api/relations?entity=Myanmar", api.tokens.viewer)).json()) as { items: Array<{ supplier: { name: string } }> };
    assert.equal(relations.items.length, 1);
    const profile = (await (await api.get(`/api/entities/${claim!.supplier.id}`, api.tokens.viewer)).json()) as { suppliesTo: Array<{ recipient: { name: string }; quote: { text: string } | null }> };
    assert.equal(profile.suppliesTo[0]?.recipient.name, "Myanmar");
    assert.equal(profile.suppliesTo[0]?.quote?.text, evidence.text);
  });

  test("html is reduced to its main text", async () => {
    const html = `<html><head><title>Drones</title></head><body><nav>Home | About</nav><article><p>${NORINCO_REPORT.text.replace("rifles", "drones")}</p></article></body></html>`;
    const body = (await (await api.post("/api/ingest", { html, publisher: "Reuters" }, api.tokens.analyst)).json()) as IngestAnswer;
    const doc = (await (await api.get(`/api/documents/${body.documentId}`, api.tokens.viewer)).json()) as DocumentRow;
    assert.doesNotMatch(doc.text, /Home \| About|<p>/);
    assert.equal(doc.title, "Drones");
  });
});

describe("markup in reports is returned as plain text, never as HTML", () => {
  const hostile = `Norinco supplied rifles to the Myanmar military, Reuters reported. <script>alert(1)</script> <img src=x onerror=alert(1)>`;
  let api: ApiFixture;
  before(async () => { api = await apiFixture(); });
  after(async () => api.close());

  test("a text report keeps the markup as characters in JSON strings", async () => {
    const res = await api.post("/api/ingest", { text: hostile, title: "<b>bold</b>" }, api.tokens.analyst);
    const { documentId } = (await res.json()) as IngestAnswer;
    for (const path of [`/api/documents/${documentId}`, "/api/claims", "/api/relations"]) {
      const answer = await api.get(path, api.tokens.viewer);
      assert.match(answer.headers.get("content-type") ?? "", /^application\/json/, path);
      assert.equal(answer.headers.get("x-content-type-options"), "nosniff", path);
      assert.match(answer.headers.get("content-security-policy") ?? "", /default-src 'none'/, path);
      const raw = await answer.text();
      assert.doesNotMatch(raw, /<script|<img|<b>/i, `${path}: no markup in the raw bytes`);
      if (path.startsWith("/api/documents")) {
        const doc = JSON.parse(raw) as DocumentRow;
        assert.equal(doc.text, hostile, "the parsed text is exactly what was sent");
        assert.equal(doc.title, "<b>bold</b>");
      }
    }
  });

  test("an HTML report has its script and handlers dropped", async () => {
    const html = `<html><body><article><p>Norinco supplied drones to the Myanmar military, Reuters reported.</p><script>alert(1)</script><img src=x onerror=alert(1)></article></body></html>`;
    const { documentId } = (await (await api.post("/api/ingest", { html }, api.tokens.analyst)).json()) as IngestAnswer;
    const doc = (await (await api.get(`/api/documents/${documentId}`, api.tokens.viewer)).json()) as DocumentRow;
    assert.doesNotMatch(doc.text, /alert|onerror|<img/);
    assert.match(doc.text, /Norinco supplied drones/);
  });
});
