/**
 * The evidence graph end to end, on short reports written for these tests: they go
 * through the real ingest service (origin detection, fingerprints, storage) with a
 * fixed extraction per report, and the stored relations are checked. The parties
 * (Arland, Borduria …) are invented.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ExtractedEntity, ExtractedTransfer, ExtractionResult, Report, Stance } from "../domain/types.ts";
import { openSqliteStore } from "../store/sqlite/sqlite-store.ts";
import type { RelationRow, Store } from "../store/store.ts";
import { ingestReports, type IngestSummary } from "./ingest.ts";
import { recomputeRelations, refreshRelations, relationPairsOf } from "./recompute-relations.ts";
import { setSource } from "./set-source.ts";

/** Parties with their type and (invented) country, so officials of a state can be recognised. */
const PARTIES: Record<string, { type: ExtractedEntity["type"]; country?: string }> = {
  Arland: { type: "state", country: "XA" },
  Borduria: { type: "state", country: "XB" },
  Cedonia: { type: "state", country: "XC" },
  Dorvia: { type: "state", country: "XD" },
  "Arland's defence minister": { type: "person", country: "XA" },
  "Cedonia's foreign minister": { type: "person", country: "XC" },
  "Ostmark Defence": { type: "organization" },
  "Vantor Industries": { type: "organization" },
  Reuters: { type: "media" },
};

interface ClaimSpec {
  supplier: string;
  recipient: string;
  /** The sentence of the report that makes the claim. */
  sentence: string;
  stance?: Stance;
  claimant?: string;
}

interface ReportSpec {
  id: string;
  publisher?: string;
  published?: string;
  text: string;
  claims: ClaimSpec[];
}

function build(spec: ReportSpec): { report: Report; extraction: ExtractionResult } {
  const entities = new Map<string, ExtractedEntity>();
  const ref = (name: string): string => {
    const known = entities.get(name);
    if (known) return known.id;
    const party = PARTIES[name];
    if (!party) throw new Error(`unknown party ${name}`);
    const id = `e${entities.size + 1}`;
    entities.set(name, { id, name, type: party.type, aliases: [], country: party.country });
    return id;
  };
  const transfers = spec.claims.map((c): ExtractedTransfer => {
    const start = spec.text.indexOf(c.sentence);
    if (start < 0) throw new Error(`${spec.id} lacks ${c.sentence}`);
    const stance = c.stance ?? "asserted";
    return {
      supplier: ref(c.supplier),
      recipient: ref(c.recipient),
      items: ["rifles"],
      kind: "arms",
      stance,
      claimant: c.claimant ? ref(c.claimant) : null,
      modality: stance === "denied" ? "negated" : "actual",
      rule: "test/fixed",
      evidence: { text: c.sentence, start, end: start + c.sentence.length },
      trigger: { text: c.sentence.slice(0, 3), start, end: start + 3 },
    };
  });
  const report: Report = {
    id: spec.id,
    text: spec.text,
    format: "txt",
    origin: `reports/${spec.id}.txt`,
    url: `https://example.org/${spec.id}`,
    ...(spec.publisher ? { publisher: spec.publisher } : {}),
    published: spec.published ?? "2024-03-01",
  };
  return { report, extraction: { id: spec.id, entities: [...entities.values()], mentions: [], transfers } };
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-relations-"));
  const store = await openSqliteStore(path.join(dir, "relations.db"));
  try {
    return await fn(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function ingest(store: Store, specs: ReportSpec[]): Promise<IngestSummary> {
  const built = new Map(specs.map((s) => [s.id, build(s)]));
  const summary = await ingestReports(store, [...built.values()].map((b) => b.report), (r) => built.get(r.id)!.extraction);
  assert.deepEqual(summary.failed, []);
  return summary;
}

async function relation(store: Store, supplier: string, recipient: string): Promise<RelationRow> {
  const found = (await store.relations()).find((r) => r.supplier.name === supplier && r.recipient.name === recipient);
  assert.ok(found, `no relation ${supplier} → ${recipient}`);
  return found;
}

// ---- reports --------------------------------------------------------------------------------

const reutersArland =
  "Arland shipped 4,000 assault rifles to Borduria in March, three people familiar with the deliveries said. " +
  "The rifles left the port of Vessk aboard a chartered cargo ship and were unloaded under military guard.";
const irrawaddyArland =
  "Borduria's army has taken delivery of rifles from Arland, according to customs records seen by our reporters. " +
  "Arland sent the rifles to Borduria in two consignments, the records show, the second in early April.";
const wireCopy =
  "Arland supplied the Bordurian army with thousands of rifles this spring, officials in the capital confirmed on Monday. " +
  "The shipment is the largest transfer of small arms between the two countries in a decade, and arrived by sea.";

/** A report of ordinary length (about 120 words), as syndicated copies usually are. */
const longReport =
  "Arland shipped 4,000 assault rifles to Borduria in March, three people familiar with the deliveries said. " +
  "The rifles left the port of Vessk aboard a chartered cargo ship and were unloaded under military guard. " +
  "Borduria's defence ministry did not respond to a request for comment, and Arland's embassy declined to discuss the shipment. " +
  "The deal, worth an estimated $12 million, was negotiated last year during a visit by Borduria's army chief, according to two diplomats. " +
  "Analysts said the rifles would replace ageing stocks inherited from the previous government and could be followed by ammunition and night-vision equipment later in the year.";

const reuters = (text = reutersArland): ReportSpec => ({
  id: "reuters", publisher: "Reuters", text,
  claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland shipped 4,000 assault rifles to Borduria in March, three people familiar with the deliveries said." }],
});
const irrawaddy: ReportSpec = {
  id: "irrawaddy", publisher: "The Irrawaddy", text: irrawaddyArland,
  claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland sent the rifles to Borduria in two consignments, the records show, the second in early April." }],
};

test("corroboration: two independent sources graded A and B make a relation confirmed", () =>
  withStore(async (store) => {
    const summary = await ingest(store, [reuters(), irrawaddy]);
    assert.equal(summary.relations, 1);
    const r = await relation(store, "Arland", "Borduria");
    assert.deepEqual({ credibility: r.credibility, sources: r.independentSources, best: r.bestReliability }, { credibility: 1, sources: 2, best: "A" });
    assert.match(r.explanation, /^confirmed: 2 independent A–B sources assert \(Reuters \(A\), The Irrawaddy \(B\)\)/);
    assert.equal(r.quote?.publisher, "Reuters", "the quote comes from the most reliable source");
  }));

test("corroboration: two independent C sources make it probably true, one alone possibly true", () =>
  withStore(async (store) => {
    const one = { id: "c1", publisher: "Business Standard", text: wireCopy, claims: [{ supplier: "Arland", recipient: "Borduria", sentence: wireCopy.split(". ")[0]! }] };
    await ingest(store, [one]);
    assert.equal((await relation(store, "Arland", "Borduria")).credibility, 3);
    await ingest(store, [{ ...irrawaddy, id: "c2", publisher: "The Daily Beast" }]);
    assert.equal((await relation(store, "Arland", "Borduria")).credibility, 2);
  }));

test("syndication: a near-copy of a report under another masthead does not add a source", () =>
  withStore(async (store) => {
    const copy = `Rifles for Borduria\n\n${longReport}\n\nThis article first appeared in The Straits Times. All rights reserved.`;
    await ingest(store, [
      { ...reuters(longReport), publisher: "The Straits Times", id: "original" },
      { ...reuters(copy), publisher: "Bangkok Post", id: "copy" },
    ]);
    const r = await relation(store, "Arland", "Borduria");
    assert.deepEqual({ documents: r.supportingDocuments.length, sources: r.independentSources, credibility: r.credibility }, { documents: 2, sources: 1, credibility: 3 });
  }));

test("citing the same original: two outlets citing Reuters count once", () =>
  withStore(async (store) => {
    const a = "Arland has delivered rifles to Borduria, Reuters reported on Tuesday, in a deal kept quiet for months by both governments.";
    const b = "Citing Reuters, the paper said that Arland sent a large consignment of rifles to Borduria's army by sea during the spring.";
    await ingest(store, [
      { id: "bs", publisher: "Business Standard", text: a, claims: [{ supplier: "Arland", recipient: "Borduria", sentence: a }] },
      { id: "nie", publisher: "The New Indian Express", text: b, claims: [{ supplier: "Arland", recipient: "Borduria", sentence: b }] },
    ]);
    const r = await relation(store, "Arland", "Borduria");
    assert.deepEqual({ sources: r.independentSources, documents: r.supportingDocuments.length, credibility: r.credibility }, { sources: 1, documents: 2, credibility: 3 });
    assert.match(r.explanation, /citing Reuters \(C\)/);
  }));

test("denials: the accused party's denial keeps two A–B sources from 'confirmed'; a third confirms despite it", () =>
  withStore(async (store) => {
    const denial = "Arland's defence minister denied that Arland had sent any rifles to Borduria, calling the reports a fabrication.";
    await ingest(store, [
      reuters(),
      irrawaddy,
      { id: "denial", publisher: "Bangkok Post", text: denial, claims: [{ supplier: "Arland", recipient: "Borduria", sentence: denial, stance: "denied", claimant: "Arland's defence minister" }] },
    ]);
    let r = await relation(store, "Arland", "Borduria");
    assert.deepEqual({ credibility: r.credibility, accused: r.accusedDenials, denying: r.denyingDocuments.length }, { credibility: 2, accused: 1, denying: 1 });
    assert.match(r.explanation, /accused party denies/);
    await ingest(store, [{ id: "third", publisher: "The Straits Times", text: wireCopy, claims: [{ supplier: "Arland", recipient: "Borduria", sentence: wireCopy.split(". ")[0]! }] }]);
    r = await relation(store, "Arland", "Borduria");
    assert.equal(r.credibility, 1, r.explanation);
  }));

test("denials: an independent credible refutation makes a single-source relation doubtful", () =>
  withStore(async (store) => {
    const refutation = "Cedonia's foreign minister said Arland had sent no rifles to Borduria, citing his country's own inspections at the border.";
    await ingest(store, [
      reuters(),
      { id: "refute", publisher: "The Straits Times", text: refutation, claims: [{ supplier: "Arland", recipient: "Borduria", sentence: refutation, stance: "denied", claimant: "Cedonia's foreign minister" }] },
    ]);
    const r = await relation(store, "Arland", "Borduria");
    assert.deepEqual({ credibility: r.credibility, accused: r.accusedDenials }, { credibility: 4, accused: 0 });
    assert.match(r.explanation, /independently refuted by The Straits Times \(B\)/);
  }));

test("unknown publishers: a relation reported only by sources nobody graded cannot be judged", () =>
  withStore(async (store) => {
    await ingest(store, [{ ...reuters(), id: "blog", publisher: "Ruritanian Daily Bugle" }, { ...irrawaddy, id: "anon", publisher: undefined }]);
    const r = await relation(store, "Arland", "Borduria");
    assert.deepEqual({ credibility: r.credibility, best: r.bestReliability, sources: r.independentSources }, { credibility: 6, best: "F", sources: 2 });
    // Grading the publisher changes the relation at once.
    const { regraded } = await setSource(store, { name: "Ruritanian Daily Bugle", reliability: "B", reason: "checked its record", kind: "newspaper" });
    assert.ok(regraded >= 1);
    assert.equal((await relation(store, "Arland", "Borduria")).credibility, 3);
  }));

test("incremental: a new report recomputes only the relations it touches", () =>
  withStore(async (store) => {
    const other = "Cedonia sold rifles to Dorvia last year, according to export licences published by the government in its annual report.";
    await ingest(store, [reuters(), { id: "cd", publisher: "Reuters", text: other, claims: [{ supplier: "Cedonia", recipient: "Dorvia", sentence: other }] }]);
    const before = await relation(store, "Cedonia", "Dorvia");
    const abBefore = await relation(store, "Arland", "Borduria");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const summary = await ingest(store, [irrawaddy]);
    assert.equal(summary.relations, 1, "only Arland → Borduria was recomputed");
    assert.equal((await relation(store, "Cedonia", "Dorvia")).updatedAt, before.updatedAt, "the untouched relation keeps its updatedAt");
    const ab = await relation(store, "Arland", "Borduria");
    assert.notEqual(ab.updatedAt, abBefore.updatedAt);
    assert.equal(ab.credibility, 1);
    assert.deepEqual(await refreshRelations(store), { recomputed: 0, removed: 0, full: false }, "nothing left to do");
  }));

test("incremental: a refresh catches up on claims stored without one, and a full recompute gives the same relations", () =>
  withStore(async (store) => {
    await ingest(store, [reuters()]);
    const { report, extraction } = build(irrawaddy);
    await store.ingest({ report, contentHash: "not-through-the-service", extraction });
    assert.equal((await relation(store, "Arland", "Borduria")).credibility, 2, "stale until refreshed");
    assert.equal((await refreshRelations(store)).recomputed, 1);
    const incremental = await store.relations();
    assert.equal(incremental[0]?.credibility, 1);
    const full = await recomputeRelations(store);
    assert.equal(full.full, true);
    const strip = (rows: RelationRow[]) => rows.map(({ updatedAt: _u, ...rest }) => rest);
    assert.deepEqual(strip(await store.relations()), strip(incremental));
  }));

test("groups: judging two suppliers the same merges their relations; revoking splits them again", () =>
  withStore(async (store) => {
    const a = "Ostmark Defence delivered rifles to Borduria in January, the company's annual report shows in its list of contracts.";
    const b = "Vantor Industries shipped rifles to Borduria this winter, according to port records reviewed by our reporters on site.";
    await ingest(store, [
      { id: "a", publisher: "The Irrawaddy", text: a, claims: [{ supplier: "Ostmark Defence", recipient: "Borduria", sentence: a }] },
      { id: "b", publisher: "The Straits Times", text: b, claims: [{ supplier: "Vantor Industries", recipient: "Borduria", sentence: b }] },
    ]);
    assert.equal((await store.relations()).length, 2);
    const [ostmark] = await store.entityIdsNamed("Ostmark Defence");
    const [vantor] = await store.entityIdsNamed("Vantor Industries");
    assert.ok(ostmark !== undefined && vantor !== undefined);
    const judgement = await store.judgeEntities("same", ostmark, vantor, "same firm renamed", "test");
    // A refresh notices the changed group by itself.
    assert.deepEqual(await refreshRelations(store), { recomputed: 1, removed: 1, full: false });
    const merged = await store.relations();
    assert.equal(merged.length, 1);
    assert.deepEqual({ supplier: merged[0]?.supplierId, credibility: merged[0]?.credibility, sources: merged[0]?.independentSources }, { supplier: Math.min(ostmark, vantor), credibility: 1, sources: 2 });
    await store.revokeJudgement(judgement.id);
    // Recomputing the pairs of the judged entities directly gives the same as a refresh.
    await recomputeRelations(store, await relationPairsOf(store, [ostmark, vantor]));
    assert.deepEqual((await store.relations()).map((r) => r.credibility), [3, 3]);
    assert.equal((await refreshRelations(store)).recomputed, 2, "the refresh sees the split too (and recomputes, harmlessly)");
  }));
