import { test } from "node:test";
import assert from "node:assert/strict";
import type { Credibility, Reliability, Source } from "../domain/admiralty.ts";
import { minhash } from "../domain/minhash.ts";
import type { EntityType, Stance } from "../domain/types.ts";
import type { EvidenceRow } from "../store/store.ts";
import { gradeDocument, gradeRelation } from "./grade-relation.ts";
import { SourceRegistry } from "./source-registry.ts";

/** One source per grade, plus the sample's real names where a case reads better with them. */
const source = (name: string, reliability: Reliability, aliases: string[] = []): Source => ({
  name, aliases, reliability, kind: "newspaper", reason: "test grade", url: null,
});
const registry = new SourceRegistry([
  source("Alpha Wire", "A"), source("Alpha Two", "A"), source("Bravo Times", "B"), source("Bravo Post", "B"),
  source("Bravo Daily", "B"), source("Charlie News", "C"), source("Charlie Herald", "C"), source("Delta Blog", "D"),
  source("Echo TV", "E"), source("Foxtrot Feed", "F"),
]);

const SUPPLIER = 1;
const RECIPIENT = 2;
const parties: Record<string, { id: number; type: EntityType; country: string | null }> = {
  Arland: { id: SUPPLIER, type: "state", country: "AR" },
  Borduria: { id: RECIPIENT, type: "state", country: "BO" },
  "Arland's president": { id: 3, type: "person", country: "AR" },
  "a Cedonian minister": { id: 4, type: "person", country: "CE" },
  "Arland Arms": { id: 5, type: "organization", country: "AR" },
};

interface Spec {
  doc: number;
  publisher: string | null;
  stance?: Stance;
  claimant?: keyof typeof parties;
  origin?: string;
  /** Documents with the same text are near-duplicates. */
  text?: string;
  published?: string;
}

let nextClaim = 1;
function row(s: Spec): EvidenceRow {
  const claimant = s.claimant ? parties[s.claimant]! : null;
  const text = s.text ?? `Report number ${s.doc} has its own wording about arms for Borduria, sentence ${s.doc * 7919}.`;
  return {
    id: nextClaim++,
    documentId: s.doc,
    reportId: `r${s.doc}`,
    url: `https://example.org/${s.doc}`,
    publisher: s.publisher,
    published: s.published ?? "2024-01-01",
    title: null,
    supplier: { id: SUPPLIER, name: "Arland", type: "state" },
    recipient: { id: RECIPIENT, name: "Borduria", type: "state" },
    claimant: claimant && s.claimant ? { id: claimant.id, name: s.claimant, type: claimant.type } : null,
    items: ["rifles"],
    kind: "arms",
    stance: s.stance ?? "asserted",
    modality: s.stance === "denied" ? "negated" : "actual",
    evidence: { text, start: 0, end: text.length },
    trigger: { text: "sent", start: 0, end: 4 },
    rule: "test/fixed",
    model: null,
    score: null,
    features: null,
    review: null,
    extracted: null,
    fingerprint: minhash(text),
    originSource: s.origin ?? null,
    supplierCountry: "AR",
    recipientCountry: "BO",
    claimantCountry: claimant?.country ?? null,
  };
}

function grade(specs: Spec[]) {
  return gradeRelation({ supplierId: SUPPLIER, recipientId: RECIPIENT, claims: specs.map(row), canonical: (id) => id }, registry);
}

const wire = "Arland shipped 500 rifles to Borduria's army last month, officials in both capitals said on Tuesday, in a deal worth $3 million.";

const cases: Array<{ name: string; claims: Spec[]; credibility: Credibility; sources?: number; why?: RegExp }> = [
  { name: "two independent A–B sources assert: confirmed", claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Bravo Times" }], credibility: 1, sources: 2, why: /2 independent A–B sources assert/ },
  { name: "one A source asserts: probably true", claims: [{ doc: 1, publisher: "Alpha Wire" }], credibility: 2, sources: 1 },
  { name: "two A–C sources assert: probably true", claims: [{ doc: 1, publisher: "Bravo Times" }, { doc: 2, publisher: "Charlie News" }], credibility: 2 },
  { name: "one B source asserts: possibly true", claims: [{ doc: 1, publisher: "Bravo Times" }], credibility: 3 },
  { name: "one C source asserts: possibly true", claims: [{ doc: 1, publisher: "Charlie News" }], credibility: 3 },
  { name: "hedged support only, from A–B: possibly true", claims: [{ doc: 1, publisher: "Alpha Wire", stance: "hedged" }, { doc: 2, publisher: "Bravo Times", stance: "hedged" }], credibility: 3, why: /hedged/ },
  { name: "hedged support only, from C: doubtful", claims: [{ doc: 1, publisher: "Charlie News", stance: "hedged" }], credibility: 4 },
  { name: "support only from D–E: doubtful", claims: [{ doc: 1, publisher: "Delta Blog" }, { doc: 2, publisher: "Echo TV" }], credibility: 4, why: /D–E/ },
  { name: "only unknown publishers: cannot be judged", claims: [{ doc: 1, publisher: "Some Random Blog" }, { doc: 2, publisher: null }], credibility: 6, sources: 2 },
  { name: "an F-graded known source alone: cannot be judged", claims: [{ doc: 1, publisher: "Foxtrot Feed" }], credibility: 6 },
  {
    name: "two reports by one publisher are one source",
    claims: [{ doc: 1, publisher: "Bravo Times" }, { doc: 2, publisher: "Bravo Times" }],
    credibility: 3,
    sources: 1,
  },
  {
    name: "syndication: a near-copy under another masthead adds no source",
    claims: [{ doc: 1, publisher: "Bravo Times", text: wire }, { doc: 2, publisher: "Bravo Post", text: `${wire} Copyright Bravo Post.` }],
    credibility: 3,
    sources: 1,
  },
  {
    name: "two outlets citing the same original count once, graded no better than the relay",
    claims: [{ doc: 1, publisher: "Charlie News", origin: "Alpha Wire" }, { doc: 2, publisher: "Charlie Herald", origin: "Alpha Wire" }],
    credibility: 3,
    sources: 1,
    why: /citing Alpha Wire \(C\)/,
  },
  {
    name: "an outlet citing a source collapses into that source's own report",
    claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Bravo Times", origin: "Alpha Wire" }],
    credibility: 2,
    sources: 1,
  },
  {
    name: "accused party's denial against exactly two A–B sources: probably true",
    claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Bravo Times" }, { doc: 3, publisher: "Bravo Post", stance: "denied", claimant: "Arland" }],
    credibility: 2,
    why: /accused party denies/,
  },
  {
    name: "accused party's denial against three A–B sources: still confirmed",
    claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Bravo Times" }, { doc: 3, publisher: "Bravo Post" }, { doc: 4, publisher: "Bravo Daily", stance: "denied", claimant: "Arland" }],
    credibility: 1,
    why: /1 denial by the accused party/,
  },
  {
    name: "an official of the accused state counts as the accused party",
    claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Alpha Two", stance: "denied", claimant: "Arland's president" }],
    credibility: 2,
  },
  {
    name: "a firm of the supplier's country denying is an accused party, not a refutation",
    claims: [{ doc: 1, publisher: "Bravo Times" }, { doc: 2, publisher: "Alpha Two", stance: "denied", claimant: "Arland Arms" }],
    credibility: 3,
  },
  {
    name: "an independent credible refutation outweighs a single credible assertion: doubtful",
    claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Bravo Times", stance: "denied", claimant: "a Cedonian minister" }],
    credibility: 4,
    why: /outweighed/,
  },
  {
    name: "more A–B sources asserting than credibly refuting: possibly true",
    claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Bravo Times" }, { doc: 3, publisher: "Bravo Post", stance: "denied" }],
    credibility: 3,
  },
  {
    name: "a credible refutation and no support above D: improbable",
    claims: [{ doc: 1, publisher: "Delta Blog" }, { doc: 2, publisher: "Alpha Wire", stance: "denied" }],
    credibility: 5,
  },
  {
    name: "a credible refutation and no support at all: improbable",
    claims: [{ doc: 1, publisher: "Bravo Times", stance: "denied" }],
    credibility: 5,
  },
  {
    name: "a refutation from a C source does not stop a confirmation",
    claims: [{ doc: 1, publisher: "Alpha Wire" }, { doc: 2, publisher: "Bravo Times" }, { doc: 3, publisher: "Charlie News", stance: "denied" }],
    credibility: 1,
    why: /not credible/,
  },
  {
    name: "only the accused party's denial: doubtful",
    claims: [{ doc: 1, publisher: "Bravo Times", stance: "denied", claimant: "Arland" }],
    credibility: 4,
    sources: 0,
    why: /no support/,
  },
];

for (const c of cases) {
  test(`gradeRelation: ${c.name}`, () => {
    const r = grade(c.claims);
    assert.equal(r.credibility, c.credibility, r.explanation);
    if (c.sources !== undefined) assert.equal(r.independentSources, c.sources, r.explanation);
    if (c.why) assert.match(r.explanation, c.why);
    assert.ok(!r.explanation.includes("\n"), "the explanation is one line");
  });
}

test("gradeRelation: counts, dates, documents, items, claimants and quote", () => {
  const r = grade([
    { doc: 1, publisher: "Charlie News", published: "2023-05-01" },
    { doc: 2, publisher: "Alpha Wire", published: "2022-01-09T10:00:00Z" },
    { doc: 3, publisher: "Bravo Times", stance: "denied", claimant: "Arland", published: "2024-02-02" },
  ]);
  assert.deepEqual(
    { claims: r.claims, supporting: r.supportingDocuments, denying: r.denyingDocuments, accused: r.accusedDenials, first: r.firstReported, last: r.lastReported, items: r.items, claimants: r.claimants, best: r.bestReliability },
    { claims: 3, supporting: [1, 2], denying: [3], accused: 1, first: "2022-01-09", last: "2024-02-02", items: ["rifles"], claimants: ["Arland"], best: "A" },
  );
  const quoted = grade([{ doc: 1, publisher: "Charlie News" }, { doc: 2, publisher: "Alpha Wire" }, { doc: 3, publisher: "Alpha Two", stance: "denied" }]);
  assert.ok(quoted.quoteClaimId !== null);
});

test("gradeDocument: publisher, relay of an original, unknown publishers", () => {
  assert.deepEqual(gradeDocument({ documentId: 1, publisher: "Bravo Times", originSource: null }, registry), { key: "source:Bravo Times", label: "Bravo Times", reliability: "B" });
  assert.deepEqual(gradeDocument({ documentId: 1, publisher: "Delta Blog", originSource: "Alpha Wire" }, registry), { key: "source:Alpha Wire", label: "Delta Blog citing Alpha Wire", reliability: "D" });
  assert.deepEqual(gradeDocument({ documentId: 1, publisher: "Alpha Two", originSource: "Charlie News" }, registry), { key: "source:Charlie News", label: "Alpha Two citing Charlie News", reliability: "C" });
  assert.deepEqual(gradeDocument({ documentId: 7, publisher: "  Who Knows  ", originSource: null }, registry), { key: "publisher:who knows", label: "Who Knows", reliability: "F" });
  assert.deepEqual(gradeDocument({ documentId: 7, publisher: null, originSource: null }, registry), { key: "document:7", label: "unknown publisher", reliability: "F" });
});
