/**
 * The behaviour every `Store` backend must have, as one test suite. A backend's
 * test file calls `runStoreContract` with a way to make an empty store; backend
 * specifics (files, migrations) are tested beside the backend.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { StoreError } from "../domain/errors.ts";
import { contentHash } from "../domain/content-hash.ts";
import type {
  ExtractedEntity,
  ExtractedTransfer,
  ExtractionResult,
  Report,
  Span,
} from "../domain/types.ts";
import type { DocumentInput, Store } from "./store.ts";

/** One empty storage location; `open` may be called again after `close` to reopen the same data. */
export interface StoreFixture {
  open(): Promise<Store>;
  cleanup?(): Promise<void>;
}

export function runStoreContract(name: string, newFixture: () => Promise<StoreFixture>): void {
  /** Runs `fn` against a fresh store and always closes and cleans up. */
  async function withStore(fn: (store: Store, fixture: StoreFixture) => Promise<void>): Promise<void> {
    const fixture = await newFixture();
    const store = await fixture.open();
    try {
      await fn(store, fixture);
    } finally {
      await store.close();
      await fixture.cleanup?.();
    }
  }

  describe(`Store contract: ${name}`, () => {
    test("a new store is empty", () =>
      withStore(async (store) => {
        assert.deepEqual(await store.counts(), { documents: 0, entities: 0, mentions: 0, claims: 0 });
        assert.equal(await store.hasDocument(reportA.hash), false);
        assert.deepEqual(await store.claims(), []);
        assert.deepEqual(await store.entities(), []);
      }));

    test("ingest stores the document, its entities, mentions and claims", () =>
      withStore(async (store) => {
        const outcome = await store.ingest(reportA.input);
        assert.equal(outcome.status, "added");
        assert.equal(typeof outcome.documentId, "number");
        assert.deepEqual(
          { claims: outcome.claims, entities: outcome.entities, mentions: outcome.mentions },
          { claims: 3, entities: 5, mentions: 6 },
        );
        assert.deepEqual(await store.counts(), { documents: 1, entities: 5, mentions: 6, claims: 3 });
        assert.equal(await store.hasDocument(reportA.hash), true);
      }));

    test("ingesting the same content again adds nothing", () =>
      withStore(async (store) => {
        const first = await store.ingest(reportA.input);
        const before = await store.counts();
        const again = await store.ingest({ ...reportA.input, report: { ...reportA.input.report, id: "other-id" } });
        assert.deepEqual(again, { status: "duplicate", documentId: first.documentId, claims: 0, entities: 0, mentions: 0 });
        assert.deepEqual(await store.counts(), before);
      }));

    test("a report whose transfer names an unknown entity is rejected whole", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const before = await store.counts();
        const broken = reportB.input;
        const bad: DocumentInput = {
          ...broken,
          extraction: {
            ...broken.extraction,
            transfers: [...broken.extraction.transfers, { ...broken.extraction.transfers[0]!, recipient: "e404" }],
          },
        };
        await assert.rejects(store.ingest(bad), (error: unknown) => {
          assert.ok(error instanceof StoreError, `expected StoreError, got ${String(error)}`);
          assert.match(error.message, /e404/);
          return true;
        });
        assert.deepEqual(await store.counts(), before);
        assert.equal(await store.hasDocument(reportB.hash), false);
        // The names report B would have added to known entities are gone too.
        const [rosoboron] = await store.entities({ name: "rosoboronexport" });
        assert.deepEqual(rosoboron?.aliases, ["JSC Rosoboronexport"]);
        // And the report can be stored once fixed.
        assert.equal((await store.ingest(reportB.input)).status, "added");
      }));

    test("a report whose mention names an unknown entity is rejected whole", () =>
      withStore(async (store) => {
        const bad: DocumentInput = {
          ...reportA.input,
          extraction: { ...reportA.extraction, mentions: [{ entity: "ghost", text: "x", start: 0, end: 1 }] },
        };
        await assert.rejects(store.ingest(bad), StoreError);
        assert.deepEqual(await store.counts(), { documents: 0, entities: 0, mentions: 0, claims: 0 });
      }));

    test("claims come back whole, in storage order", () =>
      withStore(async (store) => {
        const { documentId } = await store.ingest(reportA.input);
        const claims = await store.claims();
        assert.equal(claims.length, 3);
        const first = claims[0]!;
        assert.deepEqual(
          { ...first, id: 0, supplier: { ...first.supplier, id: 0 }, recipient: { ...first.recipient, id: 0 }, claimant: first.claimant && { ...first.claimant, id: 0 } },
          {
            id: 0,
            documentId,
            reportId: "report-a",
            url: "https://example.org/a",
            publisher: "Example Wire",
            published: "2024-03-01",
            title: "Jets for the junta",
            supplier: { id: 0, name: "Rosoboronexport", type: "organization" },
            recipient: { id: 0, name: "Myanmar Air Force", type: "armed_force" },
            claimant: { id: 0, name: "Reuters", type: "media" },
            items: ["Su-30SME fighter jets"],
            kind: "arms",
            stance: "asserted",
            modality: "actual",
            evidence: span(reportA.report.text, "Rosoboronexport delivered six Su-30SME fighter jets to the Myanmar Air Force"),
            trigger: span(reportA.report.text, "delivered"),
            rule: "extract/01-delivered",
          },
        );
        assert.deepEqual(claims.map((c) => c.stance), ["asserted", "denied", "hedged"]);
        assert.ok(claims[0]!.id < claims[1]!.id && claims[1]!.id < claims[2]!.id);
        assert.equal(claims[2]!.claimant, null);
      }));

    test("claims filter by entity matches any name of supplier, recipient or claimant", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const items = async (entity: string) => (await store.claims({ entity })).map((c) => c.items[0]);
        assert.deepEqual(await items("norinco"), ["small arms", "air-defence radars"]);
        assert.deepEqual(await items("The NORINCO Ltd."), ["small arms", "air-defence radars"]);
        assert.deepEqual(await items("China North Industries Group Corporation Limited"), ["small arms", "air-defence radars"]);
        assert.deepEqual(await items("myanmar air force"), ["Su-30SME fighter jets", "small arms"]);
        assert.deepEqual(await items("Reuters"), ["Su-30SME fighter jets"]); // as claimant
        assert.deepEqual(await items("Myanmar"), ["air-defence radars"]); // the state, not the air force
        assert.deepEqual(await items("nobody at all"), []);
      }));

    test("claims filter by stance, by stance and entity, and limit", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        assert.deepEqual((await store.claims({ stance: "denied" })).map((c) => c.items), [["small arms"]]);
        assert.deepEqual((await store.claims({ stance: "hedged", entity: "norinco" })).map((c) => c.items), [["air-defence radars"]]);
        assert.deepEqual(await store.claims({ stance: "asserted", entity: "norinco" }), []);
        assert.equal((await store.claims({ limit: 2 })).length, 2);
        assert.equal((await store.claims({ limit: 0 })).length, 0);
      }));

    test("entities filter by type and by name", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const names = async (filter: Parameters<Store["entities"]>[0]) => (await store.entities(filter)).map((e) => e.name);
        assert.deepEqual(await names({ type: "organization" }), ["China North Industries Group Corporation Limited", "Rosoboronexport"]);
        assert.deepEqual(await names({ type: "state" }), ["Myanmar"]);
        assert.deepEqual(await names({ type: "person" }), []);
        assert.deepEqual(await names({ name: "north industries" }), ["China North Industries Group Corporation Limited"]);
        assert.deepEqual(await names({ name: "NORINCO" }), ["China North Industries Group Corporation Limited"]);
        assert.deepEqual(await names({ name: "myanmar", type: "armed_force" }), ["Myanmar Air Force"]);
        assert.deepEqual(await names({ name: "rosoboron" }), []); // whole words only
        assert.equal((await store.entities({ limit: 2 })).length, 2);
      }));

    test("entities gather names, claims and documents across reports", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const outcome = await store.ingest(reportB.input);
        assert.equal(outcome.entities, 1, "only the Philippine Navy is new");
        const all = await store.entities();
        assert.equal(all.length, 6);
        const norinco = all.find((e) => e.kb === "Q1140564");
        assert.deepEqual(norinco && { ...norinco, id: 0 }, {
          id: 0,
          name: "China North Industries Group Corporation Limited",
          type: "organization",
          country: "CN",
          kb: "Q1140564",
          aliases: ["China North Industries Corp.", "NORINCO", "Norinco"],
          claims: 3,
          documents: 2,
        });
        const rosoboron = all.find((e) => e.name === "Rosoboronexport");
        assert.deepEqual(rosoboron?.aliases, ["JSC Rosoboronexport", "ROSOBORONEXPORT JSC"]);
        assert.equal(rosoboron?.country, "RU", "country filled in by the second report");
        assert.equal(rosoboron?.documents, 2);
        assert.equal(all[0]?.name, "China North Industries Group Corporation Limited", "most claims first");
        // A name first seen in report B finds claims from report A.
        assert.equal((await store.claims({ entity: "China North Industries Corp" })).length, 3);
      }));

    test("two extracted entities that resolve to one canonical entity share it", () =>
      withStore(async (store) => {
        const text = "Russia and the Russian Federation are the same.";
        const report = makeReport("same", text);
        const extraction: ExtractionResult = {
          id: "same",
          entities: [
            entity("a", "Russia", "state", { kb: "Q159", country: "RU" }),
            entity("b", "Russian Federation", "state", { kb: "Q159" }),
          ],
          mentions: [mention(text, "Russia", "a"), mention(text, "Russian Federation", "b")],
          transfers: [],
        };
        const outcome = await store.ingest({ report, contentHash: contentHash(text), extraction });
        assert.equal(outcome.entities, 1);
        const [russia] = await store.entities();
        assert.deepEqual(russia && { name: russia.name, aliases: russia.aliases, documents: russia.documents }, {
          name: "Russia",
          aliases: ["Russian Federation"],
          documents: 1,
        });
      }));

    test("reopening keeps the data", () =>
      withStore(async (store, fixture) => {
        await store.ingest(reportA.input);
        await store.ingest(reportB.input);
        const counts = await store.counts();
        const claims = await store.claims();
        await store.close();
        await store.close(); // closing twice is harmless
        const reopened = await fixture.open();
        try {
          assert.deepEqual(await reopened.counts(), counts);
          assert.deepEqual(await reopened.claims(), claims);
          assert.equal(await reopened.hasDocument(reportB.hash), true);
          assert.equal((await reopened.ingest(reportA.input)).status, "duplicate");
        } finally {
          await reopened.close();
        }
      }));
  });
}

// ---------------------------------------------------------------------------------------
// Fixtures: two small reports with hand-made extractions whose offsets are real.

function span(text: string, phrase: string): Span {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture text lacks ${JSON.stringify(phrase)}`);
  return { text: phrase, start, end: start + phrase.length };
}

function mention(text: string, phrase: string, entityId: string) {
  return { ...span(text, phrase), entity: entityId };
}

function entity(
  id: string,
  name: string,
  type: ExtractedEntity["type"],
  extra: { aliases?: string[]; country?: string; kb?: string } = {},
): ExtractedEntity {
  return { id, name, type, aliases: extra.aliases ?? [], country: extra.country, kb: extra.kb };
}

function transfer(
  text: string,
  fields: Omit<ExtractedTransfer, "evidence" | "trigger" | "modality" | "rule"> &
    Partial<Pick<ExtractedTransfer, "modality" | "rule">> & { evidence: string; trigger: string },
): ExtractedTransfer {
  return {
    ...fields,
    modality: fields.modality ?? "actual",
    rule: fields.rule ?? "extract/01-delivered",
    evidence: span(text, fields.evidence),
    trigger: span(text, fields.trigger),
  };
}

function makeReport(id: string, text: string, extra: Partial<Report> = {}): Report {
  return { id, text, format: "txt", origin: `fixtures/${id}.txt`, ...extra };
}

function fixture(report: Report, extraction: ExtractionResult) {
  const hash = contentHash(report.text);
  return { report, extraction, hash, input: { report, contentHash: hash, extraction } satisfies DocumentInput };
}

const textA =
  "Rosoboronexport delivered six Su-30SME fighter jets to the Myanmar Air Force, Reuters reported. " +
  "NORINCO denied that it sold small arms to the Myanmar Air Force. " +
  "China North Industries Group Corporation Limited may have supplied air-defence radars to Myanmar.";

const reportA = fixture(
  makeReport("report-a", textA, {
    url: "https://example.org/a",
    publisher: "Example Wire",
    published: "2024-03-01",
    title: "Jets for the junta",
  }),
  {
    id: "report-a",
    entities: [
      entity("e1", "Rosoboronexport", "organization", { aliases: ["JSC Rosoboronexport"] }),
      entity("e2", "Myanmar Air Force", "armed_force", { country: "MM" }),
      entity("e3", "China North Industries Group Corporation Limited", "organization", {
        aliases: ["NORINCO"],
        country: "CN",
        kb: "Q1140564",
      }),
      entity("e4", "Reuters", "media", { country: "GB" }),
      entity("e5", "Myanmar", "state", { country: "MM" }),
    ],
    mentions: [
      mention(textA, "Rosoboronexport", "e1"),
      mention(textA, "Myanmar Air Force", "e2"),
      mention(textA, "Reuters", "e4"),
      mention(textA, "NORINCO", "e3"),
      mention(textA, "China North Industries Group Corporation Limited", "e3"),
      mention(textA, "Myanmar.", "e5"),
    ].map((m) => (m.text === "Myanmar." ? { ...m, text: "Myanmar", end: m.end - 1 } : m)),
    transfers: [
      transfer(textA, {
        supplier: "e1",
        recipient: "e2",
        items: ["Su-30SME fighter jets"],
        kind: "arms",
        stance: "asserted",
        claimant: "e4",
        evidence: "Rosoboronexport delivered six Su-30SME fighter jets to the Myanmar Air Force",
        trigger: "delivered",
      }),
      transfer(textA, {
        supplier: "e3",
        recipient: "e2",
        items: ["small arms"],
        kind: "arms",
        stance: "denied",
        claimant: "e3",
        modality: "negated",
        rule: "extract/05-denial",
        evidence: "NORINCO denied that it sold small arms to the Myanmar Air Force",
        trigger: "sold",
      }),
      transfer(textA, {
        supplier: "e3",
        recipient: "e5",
        items: ["air-defence radars"],
        kind: "dual_use",
        stance: "hedged",
        claimant: null,
        rule: "extract/03-hedged-supply",
        evidence: "China North Industries Group Corporation Limited may have supplied air-defence radars to Myanmar",
        trigger: "supplied",
      }),
    ],
  },
);

const textB = "Norinco shipped rifles to the Philippine Navy, said ROSOBORONEXPORT JSC, a competitor.";

const reportB = fixture(makeReport("report-b", textB, { format: "md", origin: "fixtures/b.md" }), {
  id: "report-b",
  entities: [
    entity("n", "Norinco", "organization", { aliases: ["China North Industries Corp."], kb: "Q1140564" }),
    entity("p", "Philippine Navy", "armed_force", { country: "PH" }),
    entity("r", "ROSOBORONEXPORT JSC", "organization", { country: "RU" }),
  ],
  mentions: [mention(textB, "Norinco", "n"), mention(textB, "Philippine Navy", "p"), mention(textB, "ROSOBORONEXPORT JSC", "r")],
  transfers: [
    transfer(textB, {
      supplier: "n",
      recipient: "p",
      items: ["rifles"],
      kind: "arms",
      stance: "asserted",
      claimant: "r",
      evidence: "Norinco shipped rifles to the Philippine Navy",
      trigger: "shipped",
    }),
  ],
});
