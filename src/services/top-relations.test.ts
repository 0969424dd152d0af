import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { UsageError } from "../domain/errors.ts";
import type { ExtractedEntity, ExtractedTransfer, ExtractionResult, Modality, Report, Stance } from "../domain/types.ts";
import { openSqliteStore } from "../store/sqlite/sqlite-store.ts";
import type { Store } from "../store/store.ts";
import { ingestReports } from "./ingest.ts";
import { topRelations, type RelationSummary, type TopRelationsOptions } from "./top-relations.ts";

/** One claim of a tiny report: its sentence is the report text's evidence. */
interface ClaimSpec {
  supplier: string;
  recipient: string;
  stance?: Stance;
  modality?: Modality;
  items?: string[];
  sentence: string;
}

interface ReportSpec {
  id: string;
  publisher?: string;
  published?: string;
  claims: ClaimSpec[];
}

/** A report whose text is its claims' sentences, and the fixed extraction for it. */
function build(spec: ReportSpec): { report: Report; extraction: ExtractionResult } {
  const entities = new Map<string, ExtractedEntity>();
  const ref = (name: string): string => {
    const known = entities.get(name);
    if (known) return known.id;
    const id = `e${entities.size + 1}`;
    entities.set(name, { id, name, type: "state", aliases: [] });
    return id;
  };
  let text = "";
  const transfers: ExtractedTransfer[] = spec.claims.map((c) => {
    const start = text.length;
    text += `${c.sentence} `;
    return {
      supplier: ref(c.supplier),
      recipient: ref(c.recipient),
      items: c.items ?? [],
      kind: "arms",
      stance: c.stance ?? "asserted",
      claimant: null,
      modality: c.modality ?? "actual",
      rule: "test/fixed",
      evidence: { text: c.sentence, start, end: start + c.sentence.length },
      trigger: { text: c.sentence.slice(0, 1), start, end: start + 1 },
    };
  });
  const report: Report = {
    id: spec.id,
    text: text.trim(),
    format: "txt",
    origin: `in/${spec.id}.txt`,
    url: `https://example.org/${spec.id}`,
    ...(spec.publisher ? { publisher: spec.publisher } : {}),
    ...(spec.published ? { published: spec.published } : {}),
  };
  return { report, extraction: { id: spec.id, entities: [...entities.values()], mentions: [], transfers } };
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-top-"));
  const store = await openSqliteStore(path.join(dir, "top.db"));
  try {
    return await fn(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Stores the reports through the real ingest service and returns the ranked relations. */
async function rank(specs: ReportSpec[], opts?: TopRelationsOptions): Promise<RelationSummary[]> {
  return withStore(async (store) => {
    const built = new Map(specs.map((s) => [s.id, build(s)]));
    const summary = await ingestReports(store, [...built.values()].map((b) => b.report), (r) => built.get(r.id)!.extraction);
    assert.deepEqual(summary.failed, []);
    return topRelations(store, opts);
  });
}

/** A flat view of a summary, so each case states only what it is about. */
interface View {
  relation: string;
  documents: number;
  publishers: string[];
  claims: number;
  stances: string;
  items: string[];
  quote: string;
}

function view(r: RelationSummary): View {
  const q = r.quote;
  return {
    relation: `${r.supplier.name} → ${r.recipient.name}`,
    documents: r.documents,
    publishers: r.publishers,
    claims: r.claims,
    stances: `${r.stances.asserted}/${r.stances.hedged}/${r.stances.denied}`,
    items: r.items,
    quote: `${q.text} | ${q.stance} | ${q.publisher ?? "-"} | ${q.published ?? "-"} | ${q.reportId}`,
  };
}

function pick(v: View, keys: Array<keyof View>): Partial<View> {
  return Object.fromEntries(keys.map((k) => [k, v[k]])) as Partial<View>;
}

const cases: Array<{ name: string; reports: ReportSpec[]; opts?: TopRelationsOptions; expect: Array<Partial<View>> }> = [
  {
    name: "empty store gives no relations",
    reports: [],
    expect: [],
  },
  {
    name: "more documents outrank more claims in one document",
    reports: [
      {
        id: "r1",
        publisher: "Reuters",
        claims: [
          { supplier: "Cedonia", recipient: "Dorvia", sentence: "Cedonia sold tanks to Dorvia." },
          { supplier: "Cedonia", recipient: "Dorvia", sentence: "Cedonia sold guns to Dorvia." },
          { supplier: "Cedonia", recipient: "Dorvia", sentence: "Cedonia sold mines to Dorvia." },
          { supplier: "Arland", recipient: "Borduria", sentence: "Arland sent drones to Borduria." },
        ],
      },
      { id: "r2", publisher: "Reuters", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland shipped drones to Borduria." }] },
    ],
    expect: [
      { relation: "Arland → Borduria", documents: 2, claims: 2 },
      { relation: "Cedonia → Dorvia", documents: 1, claims: 3 },
    ],
  },
  {
    name: "with equal documents, more publishers rank first; publishers compare ignoring case",
    reports: [
      { id: "p1", publisher: "Reuters", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria." }] },
      { id: "p2", publisher: "reuters ", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria again." }] },
      { id: "p3", publisher: "AP", claims: [{ supplier: "Cedonia", recipient: "Dorvia", sentence: "Cedonia armed Dorvia." }] },
      { id: "p4", publisher: "Reuters", claims: [{ supplier: "Cedonia", recipient: "Dorvia", sentence: "Cedonia armed Dorvia again." }] },
    ],
    expect: [
      { relation: "Cedonia → Dorvia", documents: 2, publishers: ["AP", "Reuters"] },
      { relation: "Arland → Borduria", documents: 2, publishers: ["Reuters"] },
    ],
  },
  {
    name: "with equal reach, asserted outranks hedged, and hedged outranks denied",
    reports: [
      {
        id: "s1",
        publisher: "AP",
        claims: [
          { supplier: "Arland", recipient: "Borduria", stance: "denied", sentence: "Arland denied arming Borduria." },
          { supplier: "Cedonia", recipient: "Dorvia", stance: "hedged", sentence: "Cedonia reportedly armed Dorvia." },
          { supplier: "Estovia", recipient: "Fredonia", sentence: "Estovia armed Fredonia." },
        ],
      },
    ],
    expect: [
      { relation: "Estovia → Fredonia", stances: "1/0/0" },
      { relation: "Cedonia → Dorvia", stances: "0/1/0" },
      { relation: "Arland → Borduria", stances: "0/0/1" },
    ],
  },
  {
    name: "full ties fall back to supplier then recipient name",
    reports: [
      {
        id: "t1",
        claims: [
          { supplier: "Zembla", recipient: "Arland", sentence: "Zembla armed Arland." },
          { supplier: "Borduria", recipient: "Zembla", sentence: "Borduria armed Zembla." },
          { supplier: "Borduria", recipient: "Arland", sentence: "Borduria armed Arland." },
        ],
      },
    ],
    expect: [{ relation: "Borduria → Arland" }, { relation: "Borduria → Zembla" }, { relation: "Zembla → Arland" }],
  },
  {
    name: "the quote is an asserted claim from the most recent document, even if a hedged one is newer",
    reports: [
      { id: "q1", publisher: "AP", published: "2023-01-05", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria in 2022." }] },
      { id: "q2", publisher: "BBC", published: "2024-03-01", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria in 2023." }] },
      { id: "q3", publisher: "CNN", published: "2025-06-30", claims: [{ supplier: "Arland", recipient: "Borduria", stance: "hedged", sentence: "Arland may have armed Borduria." }] },
      { id: "q4", publisher: "DW", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria, undated." }] },
    ],
    expect: [{ documents: 4, stances: "3/1/0", quote: "Arland armed Borduria in 2023. | asserted | BBC | 2024-03-01 | q2" }],
  },
  {
    name: "without an asserted claim the quote is hedged before denied; undated documents come last",
    reports: [
      { id: "h1", publisher: "AP", claims: [{ supplier: "Arland", recipient: "Borduria", stance: "hedged", sentence: "Arland may arm Borduria." }] },
      { id: "h2", publisher: "BBC", published: "2021-01-01", claims: [{ supplier: "Arland", recipient: "Borduria", stance: "hedged", sentence: "Arland is said to arm Borduria." }] },
      { id: "h3", publisher: "CNN", published: "2025-01-01", claims: [{ supplier: "Arland", recipient: "Borduria", stance: "denied", sentence: "Arland denies arming Borduria." }] },
    ],
    expect: [{ quote: "Arland is said to arm Borduria. | hedged | BBC | 2021-01-01 | h2" }],
  },
  {
    name: "within one document an actual transfer is quoted before a planned one",
    reports: [
      {
        id: "m1",
        published: "2024-01-01",
        claims: [
          { supplier: "Arland", recipient: "Borduria", modality: "future", sentence: "Arland will arm Borduria." },
          { supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria." },
        ],
      },
    ],
    expect: [{ claims: 2, quote: "Arland armed Borduria. | asserted | - | 2024-01-01 | m1" }],
  },
  {
    name: "items are distinct ignoring case, most claimed first, at most six",
    reports: [
      {
        id: "i1",
        claims: [
          { supplier: "Arland", recipient: "Borduria", items: ["rifles", "tanks", "Drones"], sentence: "Arland sent rifles, tanks and drones to Borduria." },
          { supplier: "Arland", recipient: "Borduria", items: ["drones", "mortars", "radars", "shells", "mines", "jets"], sentence: "Arland sent much more to Borduria." },
        ],
      },
    ],
    expect: [{ items: ["Drones", "rifles", "tanks", "mortars", "radars", "shells"] }],
  },
  {
    name: "a limit keeps the strongest relations",
    reports: [
      { id: "l1", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria." }] },
      { id: "l2", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria anew." }, { supplier: "Cedonia", recipient: "Dorvia", sentence: "Cedonia armed Dorvia." }] },
      { id: "l3", claims: [{ supplier: "Estovia", recipient: "Fredonia", sentence: "Estovia armed Fredonia." }] },
    ],
    opts: { limit: 2 },
    expect: [{ relation: "Arland → Borduria" }, { relation: "Cedonia → Dorvia" }],
  },
  {
    name: "a relation is directed: A → B and B → A are separate",
    reports: [
      { id: "d1", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria." }, { supplier: "Borduria", recipient: "Arland", sentence: "Borduria armed Arland." }] },
    ],
    expect: [{ relation: "Arland → Borduria", claims: 1 }, { relation: "Borduria → Arland", claims: 1 }],
  },
];

for (const c of cases) {
  test(`topRelations: ${c.name}`, async () => {
    const relations = await rank(c.reports, c.opts);
    assert.deepEqual(
      relations.map((r, i) => pick(view(r), Object.keys(c.expect[i] ?? {}) as Array<keyof View>)),
      c.expect,
    );
  });
}

test("topRelations: the quote carries its source's url and rule", async () => {
  const [top] = await rank([{ id: "u1", publisher: "AP", published: "2024-02-02", claims: [{ supplier: "Arland", recipient: "Borduria", sentence: "Arland armed Borduria." }] }]);
  assert.ok(top);
  assert.equal(top.quote.url, "https://example.org/u1");
  assert.equal(top.quote.rule, "test/fixed");
  assert.equal(typeof top.supplier.id, "number");
  assert.notEqual(top.supplier.id, top.recipient.id);
});

for (const limit of [0, -1, 1.5, Number.NaN]) {
  test(`topRelations: rejects limit ${limit}`, () =>
    withStore(async (store) => {
      await assert.rejects(topRelations(store, { limit }), UsageError);
    }));
}
