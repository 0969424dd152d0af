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
import type { DocumentInput, EvidenceRow, RelationRecord, Store, VendorDecisionInput } from "./store.ts";
import type { Decision } from "../domain/screening.ts";
import type { Source } from "../domain/admiralty.ts";
import { minhash } from "../domain/minhash.ts";

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
            model: null,
            score: null,
            features: null,
            review: null,
            extracted: null,
          },
        );
        assert.deepEqual(claims.map((c) => c.stance), ["asserted", "denied", "hedged"]);
        assert.ok(claims[0]!.id < claims[1]!.id && claims[1]!.id < claims[2]!.id);
        assert.equal(claims[2]!.claimant, null);
      }));

    test("a claim keeps the model, score and features it was extracted with; one without reads nulls", () =>
      withStore(async (store) => {
        const features: Array<[string, number]> = [
          ["rule:extract/01-delivered", 0.7815],
          ["sr|L+1:deliv", 0.5],
          ["order:recipient-first", -0.3125],
          ["tiny", 1e-7],
        ];
        const [asserted, denied, hedged] = reportA.extraction.transfers;
        const explained: DocumentInput = {
          ...reportA.input,
          extraction: {
            ...reportA.extraction,
            transfers: [
              { ...asserted!, model: "pair-lr-9ab9cef401f1", score: 0.9734, features },
              // A model that decided with no feature worth showing, and a pattern rule alone.
              { ...denied!, model: "pair-lr-9ab9cef401f1", score: 0, features: [] },
              hedged!,
            ],
          },
        };
        await store.ingest(explained);
        const explanation = (c: { model: string | null; score: number | null; features: Array<[string, number]> | null }) => ({ model: c.model, score: c.score, features: c.features });
        const expected = [
          { model: "pair-lr-9ab9cef401f1", score: 0.9734, features },
          { model: "pair-lr-9ab9cef401f1", score: 0, features: [] },
          { model: null, score: null, features: null },
        ];
        assert.deepEqual((await store.claims()).map(explanation), expected);
        // Every read of claims carries it: one claim, a document's claims, the evidence behind relations.
        const [first] = await store.claims();
        assert.deepEqual(explanation((await store.claims({ id: first!.id }))[0]!), expected[0]);
        assert.deepEqual((await store.claims({ documentId: first!.documentId })).map(explanation), expected);
        assert.deepEqual((await store.evidence()).map(explanation), expected);
        // A review does not touch it.
        await store.reviewClaim({ claimId: first!.id, verdict: "correct", stance: "hedged", reason: null, author: "ana" });
        assert.deepEqual(explanation((await store.claims({ id: first!.id }))[0]!), expected[0]);
      }));

    test("a transfer whose score or features cannot be stored as they are is rejected whole", () =>
      withStore(async (store) => {
        const [t] = reportB.extraction.transfers;
        for (const bad of [{ score: 1.5 }, { score: Number.NaN }, { features: [["x", Number.POSITIVE_INFINITY]] as Array<[string, number]> }]) {
          const input: DocumentInput = { ...reportB.input, extraction: { ...reportB.extraction, transfers: [{ ...t!, model: "pair-lr-x", score: 0.5, ...bad }] } };
          await assert.rejects(store.ingest(input), (error: unknown) => {
            assert.ok(error instanceof StoreError, `expected StoreError, got ${String(error)}`);
            assert.match(error.message, /transfer 0 (score|features)/);
            return true;
          });
        }
        assert.deepEqual(await store.counts(), { documents: 0, entities: 0, mentions: 0, claims: 0 });
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

    test("entities without counts: the same rows and names, counts 0, in name order", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        await store.ingest(reportB.input);
        const full = await store.entities();
        const bare = await store.entities({ counts: false });
        const byName = (a: { name: string }, b: { name: string }) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());
        assert.deepEqual(bare, full.map((e) => ({ ...e, claims: 0, documents: 0 })).sort(byName));
        const ids = full.slice(0, 2).map((e) => e.id);
        assert.deepEqual((await store.entities({ ids, counts: false })).map((e) => e.id).sort(), [...ids].sort());
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

  // ---- entity resolution and judgements ------------------------------------------------

  describe(`Store contract: ${name}: entity resolution and judgements`, () => {
    test("one party named in other cases, scripts and legal forms across reports is one entity with every name", () =>
      withStore(async (store) => {
        const names = ["Norinco", "NORINCO", "Норинко", "Norinco Ltd."];
        for (const [i, n] of names.entries()) await store.ingest(namesReport(`n${i}`, [entity("x", n, "organization")]).input);
        // The full name meets the others through a name seen beside it, and then the
        // Chinese name, which shares no key with any of them, through the knowledge-base id.
        await store.ingest(namesReport("kb1", [entity("x", "China North Industries Group Corp Ltd", "organization", { kb: "Q1140564", aliases: ["NORINCO"] })]).input);
        await store.ingest(namesReport("kb2", [entity("x", "中国北方工业公司", "organization", { kb: "Q1140564" })]).input);
        const all = await store.entities();
        assert.deepEqual(all.map((e) => [e.name, e.aliases]), [
          ["Norinco", ["China North Industries Group Corp Ltd", "NORINCO", "Norinco Ltd.", "Норинко", "中国北方工业公司"]],
        ]);
        assert.equal(all[0]?.kb, "Q1140564");
        assert.equal(all[0]?.documents, 6);
      }));

    test("different firms with similar names stay apart", () =>
      withStore(async (store) => {
        const pairs: Array<[string, string, ExtractedEntity["type"]]> = [
          ["China North Industries Group", "China North Rare Earth Group", "organization"],
          ["Kalashnikov Concern", "Kalashnikov Media", "media"],
          ["Aselsan", "Aselsan Konya", "organization"],
          ["Iran Aircraft Manufacturing Industrial Company", "Iran Aircraft Industries", "organization"],
        ];
        for (const [i, [a, b, typeB]] of pairs.entries()) {
          await store.ingest(namesReport(`a${i}`, [entity("x", a, "organization")]).input);
          await store.ingest(namesReport(`b${i}`, [entity("x", b, typeB)]).input);
        }
        assert.equal((await store.entities()).length, 8);
      }));

    test("short acronyms meet only acronyms; different countries and incompatible types stay apart", () =>
      withStore(async (store) => {
        const seen: Array<[string, ExtractedEntity]> = [
          ["h1", entity("x", "HAL", "organization")],
          ["h2", entity("x", "Hal", "organization")],
          ["h3", entity("x", "HAL", "organization", { aliases: ["Hindustan Aeronautics Limited"] })],
          ["m1", entity("x", "Ministry of Defence", "organization", { country: "GB" })],
          ["m2", entity("x", "Ministry of Defence", "organization", { country: "RU" })],
          ["m3", entity("x", "Ministry of Defence", "organization")],
          ["g1", entity("x", "Georgia", "state", { country: "GE" })],
          ["g2", entity("x", "Georgia", "person")],
          ["f1", entity("x", "Myanmar Air Force", "armed_force", { country: "MM" })],
          ["f2", entity("x", "Myanmar", "state", { country: "MM", aliases: ["Myanmar Air Force"] })],
        ];
        for (const [id, e] of seen) await store.ingest(namesReport(id, [e]).input);
        const rows = (await store.entities()).map((e) => `${e.name}/${e.type}/${e.country ?? "-"}`).sort();
        assert.deepEqual(rows, [
          "Georgia/person/-",
          "Georgia/state/GE",
          "HAL/organization/-",
          "Hal/organization/-",
          "Ministry of Defence/organization/GB",
          "Ministry of Defence/organization/RU",
          "Myanmar Air Force/armed_force/MM",
        ]);
      }));

    test("merge groups two entities: one row with all names, claims of both, one representative", () =>
      withStore(async (store) => {
        const { a, b, recipient } = await twoSuppliers(store);
        const before = await store.counts();
        const j = await store.judgeEntities("merge", b, a, "same firm, renamed in 2019", "tester");
        assert.deepEqual({ ...j, createdAt: "" }, {
          id: j.id,
          kind: "merge",
          a: { id: b, name: "Zeta Arms", type: "organization" },
          b: { id: a, name: "Alpha Defence", type: "organization" },
          reason: "same firm, renamed in 2019",
          author: "tester",
          createdAt: "",
          revokedAt: null,
        });
        assert.ok(!Number.isNaN(Date.parse(j.createdAt)));
        assert.deepEqual(await store.counts(), before, "a judgement rewrites nothing");
        const rep = Math.min(a, b);
        assert.deepEqual(await store.canonicalOf([a, b, recipient, 999_999]), new Map([[a, rep], [b, rep], [recipient, recipient], [999_999, 999_999]]));
        const suppliers = (await store.entities({ type: "organization" })).map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, claims: e.claims, documents: e.documents }));
        assert.deepEqual(suppliers, [{ id: rep, name: "Alpha Defence", aliases: ["Alpha Defence Ltd", "Zeta Arms"], claims: 2, documents: 2 }]);
        assert.equal((await store.entities()).length, 2);
        for (const query of ["Zeta Arms", "alpha defence"]) {
          const claims = await store.claims({ entity: query });
          assert.deepEqual(claims.map((c) => c.items[0]), ["rifles", "mortars"], query);
          assert.ok(claims.every((c) => c.supplier.id === rep && c.supplier.name === "Alpha Defence"), "claims name the representative");
        }
        assert.deepEqual((await store.entities({ id: b })).map((e) => e.id), [rep]);
        assert.deepEqual((await store.entities({ id: b, ungrouped: true })).map((e) => e.id), [b]);
        assert.equal((await store.entities({ type: "organization", ungrouped: true })).length, 2, "ungrouped lists the stored entities");
        assert.deepEqual((await store.entities({ named: "Zeta Arms" })).map((e) => e.id), [rep]);
      }));

    test("revoking a judgement undoes it, and the record stays", () =>
      withStore(async (store) => {
        const { a, b } = await twoSuppliers(store);
        const j = await store.judgeEntities("same", a, b, null, "tester");
        const revoked = await store.revokeJudgement(j.id);
        assert.ok(revoked?.revokedAt && !Number.isNaN(Date.parse(revoked.revokedAt)));
        assert.deepEqual(await store.canonicalOf([a, b]), new Map([[a, a], [b, b]]));
        assert.deepEqual((await store.claims({ entity: "Zeta Arms" })).map((c) => c.items[0]), ["mortars"]);
        assert.equal((await store.entities({ type: "organization" })).length, 2);
        assert.deepEqual((await store.revokeJudgement(j.id))?.revokedAt, revoked.revokedAt, "revoking twice keeps the first time");
        assert.equal(await store.revokeJudgement(j.id + 1000), undefined);
        assert.deepEqual((await store.judgements()).map((x) => [x.id, x.kind, x.revokedAt !== null]), [[j.id, "same", true]]);
      }));

    test("the most recent judgement about a pair wins, and not_same keeps a pair apart against a chain", () =>
      withStore(async (store) => {
        const { a, b } = await twoSuppliers(store);
        await store.ingest(namesReport("c", [entity("x", "Gamma Works", "organization")]).input);
        const [gamma] = await store.entities({ named: "Gamma Works" });
        assert.ok(gamma);
        await store.judgeEntities("not_same", a, b, "different registries", "tester");
        await store.judgeEntities("same", a, gamma.id, null, "tester");
        await store.judgeEntities("same", gamma.id, b, null, "tester");
        let groups = await store.canonicalOf([a, b, gamma.id]);
        assert.notEqual(groups.get(a), groups.get(b), "not_same holds against a chain of same");
        const later = await store.judgeEntities("same", a, b, "checked again: same", "tester");
        groups = await store.canonicalOf([a, b, gamma.id]);
        assert.equal(groups.get(a), groups.get(b), "a later same overrides the not_same");
        await store.revokeJudgement(later.id);
        groups = await store.canonicalOf([a, b]);
        assert.notEqual(groups.get(a), groups.get(b), "revoking it brings the not_same back");
        const about = await store.judgements(b);
        assert.ok(about.some((j) => j.kind === "not_same") && about.every((j) => [j.a.id, j.b.id].some((id) => [a, b, gamma.id].includes(id))));
      }));

    test("judgements about unknown or identical entities are refused", () =>
      withStore(async (store) => {
        const { a } = await twoSuppliers(store);
        await assert.rejects(store.judgeEntities("merge", a, 999_999, null, "tester"), (e: unknown) => e instanceof StoreError && /999999/.test(e.message));
        await assert.rejects(store.judgeEntities("same", a, a, null, "tester"), StoreError);
        assert.deepEqual(await store.judgements(), []);
      }));

    test("judgements survive reopening", () =>
      withStore(async (store, fixture) => {
        const { a, b } = await twoSuppliers(store);
        await store.judgeEntities("merge", a, b, null, "tester");
        await store.close();
        const reopened = await fixture.open();
        try {
          assert.equal((await reopened.entities({ type: "organization" })).length, 1);
          assert.equal((await reopened.judgements()).length, 1);
        } finally {
          await reopened.close();
        }
      }));
  });

  describe(`Store contract: ${name}: relations and sources`, () => {
    /** A relation as the aggregator would compute it, between two stored entities. */
    const record = (supplierId: number, recipientId: number, extra: Partial<RelationRecord> = {}): RelationRecord => ({
      supplierId,
      recipientId,
      credibility: 3,
      bestReliability: "B",
      independentSources: 1,
      claims: 1,
      items: ["rifles"],
      claimants: ["Reuters"],
      supportingDocuments: [1],
      denyingDocuments: [],
      accusedDenials: 0,
      firstReported: "2024-03-01",
      lastReported: "2024-03-01",
      quoteClaimId: null,
      explanation: "possibly true: one independent source asserts (Example (B))",
      ...extra,
    });
    const idOf = async (store: Store, name: string) => {
      const [id] = await store.entityIdsNamed(name);
      assert.ok(id !== undefined, name);
      return id;
    };

    test("a new store has no relations, no overrides and has graded nothing", () =>
      withStore(async (store) => {
        assert.deepEqual(await store.relations(), []);
        assert.deepEqual(await store.sourceOverrides(), []);
        assert.deepEqual(await store.relationState(), { claimsThrough: 0, grading: "", groups: [] });
        assert.equal(await store.lastClaimId(), 0);
        assert.deepEqual(await store.claimPartyIds(), []);
        assert.deepEqual(await store.evidence(), []);
      }));

    test("documents keep a near-duplicate fingerprint of their text and the source they relay", () =>
      withStore(async (store) => {
        await store.ingest({ ...reportA.input, originSource: "Reuters" });
        await store.ingest(reportB.input);
        const evidence = await store.evidence();
        assert.equal(evidence.length, 4);
        const first = evidence[0]!;
        assert.deepEqual(
          { fingerprint: first.fingerprint, origin: first.originSource, countries: [first.supplierCountry, first.recipientCountry, first.claimantCountry] },
          { fingerprint: minhash(textA), origin: "Reuters", countries: ["RU", "MM", "GB"] },
        );
        assert.equal(evidence[3]!.originSource, null);
        assert.equal(evidence[3]!.fingerprint, minhash(textB));
        assert.equal(first.evidence.text, "Rosoboronexport delivered six Su-30SME fighter jets to the Myanmar Air Force");
        assert.equal(first.supplier.name, "Rosoboronexport", "evidence names parties as stored on the claim");
      }));

    test("evidence narrows by suppliers and recipients, or by any role", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        await store.ingest(reportB.input);
        const norinco = await idOf(store, "NORINCO");
        const airForce = await idOf(store, "Myanmar Air Force");
        const reuters = await idOf(store, "Reuters");
        const items = (rows: EvidenceRow[]) => rows.map((r) => r.items[0]);
        assert.deepEqual(items(await store.evidence({ suppliers: [norinco] })), ["small arms", "air-defence radars", "rifles"]);
        assert.deepEqual(items(await store.evidence({ suppliers: [norinco], recipients: [airForce] })), ["small arms"]);
        assert.deepEqual(items(await store.evidence({ involving: [reuters] })), ["Su-30SME fighter jets"]);
        assert.deepEqual(items(await store.evidence({ involving: [airForce, reuters] })), ["Su-30SME fighter jets", "small arms"]);
        assert.deepEqual(await store.evidence({ suppliers: [] }), []);
      }));

    test("claim pairs since a claim id, the last claim id and the claims' parties", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const afterA = await store.lastClaimId();
        await store.ingest(reportB.input);
        const last = await store.lastClaimId();
        assert.ok(last > afterA && afterA > 0);
        const norinco = await idOf(store, "Norinco");
        const navy = await idOf(store, "Philippine Navy");
        assert.deepEqual(await store.claimPairsBetween(afterA, last), [[norinco, navy]]);
        assert.equal((await store.claimPairsBetween(0, last)).length, 4);
        assert.deepEqual(await store.claimPairsBetween(last, last), []);
        const parties = await store.claimPartyIds();
        assert.equal(parties.length, 5);
        assert.deepEqual(parties, [...parties].sort((a, b) => a - b));
        assert.ok(!parties.includes(await idOf(store, "Reuters")), "a claimant only is no party");
        assert.deepEqual(await store.entityIdsNamed("the NORINCO ltd"), [norinco]);
        assert.deepEqual(await store.entityIdsNamed("nobody"), []);
      }));

    test("source overrides are stored, replaced by name and kept on reopening", () =>
      withStore(async (store, fixture) => {
        const bugle: Source = { name: "Daily Bugle", aliases: ["Bugle"], reliability: "D", kind: "newspaper", reason: "tabloid", url: null };
        await store.saveSourceOverride(bugle);
        await store.saveSourceOverride({ name: "Reuters", aliases: [], reliability: "B", kind: "wire", reason: "analyst's call", url: "https://www.reuters.com" });
        await store.saveSourceOverride({ ...bugle, reliability: "E", reason: "worse than thought" });
        await store.close();
        const reopened = await fixture.open();
        try {
          assert.deepEqual((await reopened.sourceOverrides()).map((s) => [s.name, s.reliability, s.reason, s.aliases]), [
            ["Daily Bugle", "E", "worse than thought", ["Bugle"]],
            ["Reuters", "B", "analyst's call", []],
          ]);
        } finally {
          await reopened.close();
        }
      }));

    test("relations are written, read with their parties and quote, filtered, replaced and removed", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        await store.ingest(reportB.input);
        const [jets] = await store.claims({ entity: "Rosoboronexport" });
        const roe = await idOf(store, "Rosoboronexport");
        const airForce = await idOf(store, "Myanmar Air Force");
        const norinco = await idOf(store, "Norinco");
        const navy = await idOf(store, "Philippine Navy");
        const myanmar = await idOf(store, "Myanmar");
        await store.saveRelations({
          upsert: [
            record(roe, airForce, { credibility: 2, quoteClaimId: jets!.id, independentSources: 1 }),
            record(norinco, navy, { credibility: 4 }),
            record(norinco, myanmar, { credibility: 2, independentSources: 3 }),
          ],
          remove: [],
          state: { claimsThrough: 4, grading: "g1", groups: [[navy, norinco]] },
        });
        assert.deepEqual(await store.relationState(), { claimsThrough: 4, grading: "g1", groups: [[navy, norinco]] });
        const all = await store.relations();
        assert.deepEqual(all.map((r) => [r.supplier.name, r.recipient.name, r.credibility]), [
          ["China North Industries Group Corporation Limited", "Myanmar", 2],
          ["Rosoboronexport", "Myanmar Air Force", 2],
          ["China North Industries Group Corporation Limited", "Philippine Navy", 4],
        ], "best credibility first, then most independent sources");
        const jetsRelation = all[1]!;
        assert.deepEqual(jetsRelation.quote, {
          claimId: jets!.id,
          text: "Rosoboronexport delivered six Su-30SME fighter jets to the Myanmar Air Force",
          stance: "asserted",
          publisher: "Example Wire",
          published: "2024-03-01",
          url: "https://example.org/a",
          reportId: "report-a",
        });
        assert.deepEqual(jetsRelation.recipient, { id: airForce, name: "Myanmar Air Force", type: "armed_force", country: "MM" });
        assert.deepEqual({ ...record(roe, airForce), credibility: 2, quoteClaimId: jets!.id }, {
          ...Object.fromEntries(Object.keys(record(roe, airForce)).map((k) => [k, jetsRelation[k as keyof RelationRecord]])),
        });
        assert.ok(!Number.isNaN(Date.parse(jetsRelation.updatedAt)));
        assert.equal(all[0]!.quote, null);

        assert.deepEqual((await store.relations({ entityIds: [norinco] })).map((r) => r.recipient.name), ["Myanmar", "Philippine Navy"]);
        assert.deepEqual((await store.relations({ entityIds: [airForce, navy] })).length, 2);
        assert.deepEqual((await store.relations({ minCredibility: 2 })).length, 2);
        assert.deepEqual((await store.relations({ minCredibility: 1 })).length, 0);
        assert.deepEqual((await store.relations({ limit: 1 })).length, 1);

        const { removed } = await store.saveRelations({ upsert: [record(norinco, navy, { credibility: 1 })], remove: [[roe, airForce], [norinco, navy], [navy, roe]] });
        assert.equal(removed, 1, "an upserted pair is not removed, an unknown pair removes nothing");
        assert.deepEqual((await store.relations()).map((r) => [r.recipient.name, r.credibility]), [["Philippine Navy", 1], ["Myanmar", 2]]);
        assert.deepEqual(await store.relationState(), { claimsThrough: 4, grading: "g1", groups: [[navy, norinco]] }, "state changes only when given");
        assert.equal((await store.saveRelations({ upsert: [], remove: "all" })).removed, 2);
        assert.deepEqual(await store.relations(), []);
      }));
  });

  describe(`Store contract: ${name}: claim reviews`, () => {
    test("a rejected claim is listed with its verdict but is no evidence; revoking restores it", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const [first] = await store.claims();
        assert.ok(first);
        assert.equal(first.review, null);
        assert.equal(first.extracted, null);
        const review = await store.reviewClaim({ claimId: first.id, verdict: "reject", reason: "misread", author: "ana" });
        assert.equal(review.verdict, "reject");
        assert.equal(review.author, "ana");
        assert.match(review.createdAt, /^\d{4}-\d{2}-\d{2}T/);
        const [again] = await store.claims({ id: first.id });
        assert.equal(again?.review?.verdict, "reject");
        assert.equal(again?.review?.id, review.id);
        assert.ok(!(await store.evidence()).some((e) => e.id === first.id));
        assert.equal((await store.evidence()).length, 2);
        assert.deepEqual((await store.claims({ reviewed: true })).map((c) => c.id), [first.id]);
        assert.equal((await store.claims({ reviewed: false })).length, 2);
        const revoked = await store.revokeClaimReview(review.id);
        assert.ok(revoked?.revokedAt);
        assert.equal((await store.evidence()).length, 3);
        assert.equal((await store.claims({ id: first.id }))[0]?.review, null);
        assert.equal(await store.revokeClaimReview(9999), undefined);
        assert.equal((await store.claimReview(review.id))?.revokedAt, revoked?.revokedAt);
        assert.equal(await store.claimReview(9999), undefined);
        assert.deepEqual((await store.claimReviews(first.id)).map((r) => r.id), [review.id]);
      }));

    test("a correction changes how the claim reads everywhere and keeps the extracted reading", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const claims = await store.claims();
        const denial = claims.find((c) => c.stance === "denied");
        const other = claims.find((c) => c.supplier.name === "Rosoboronexport");
        assert.ok(denial && other);
        await store.reviewClaim({
          claimId: denial.id,
          verdict: "correct",
          stance: "hedged",
          supplierId: other.supplier.id,
          items: ["rifles"],
          reason: null,
          author: "ana",
        });
        const [corrected] = await store.claims({ id: denial.id });
        assert.equal(corrected?.stance, "hedged");
        assert.equal(corrected?.supplier.id, other.supplier.id);
        assert.deepEqual(corrected?.items, ["rifles"]);
        assert.equal(corrected?.extracted?.stance, "denied");
        assert.equal(corrected?.extracted?.supplier.id, denial.supplier.id);
        assert.deepEqual(corrected?.extracted?.items, denial.items);
        assert.equal((await store.claims({ stance: "denied" })).length, 0);
        const pair = await store.claims({ pair: { supplierId: other.supplier.id, recipientId: other.recipient.id } });
        assert.deepEqual(pair.map((c) => c.id).sort(), [other.id, denial.id].sort());
        const ev = (await store.evidence({ suppliers: [other.supplier.id] })).map((e) => e.id).sort();
        assert.deepEqual(ev, [other.id, denial.id].sort());
        assert.ok((await store.claimPartyIds()).includes(other.supplier.id));
        // Newest first when asked.
        const newest = await store.claims({ order: "newest" });
        assert.deepEqual(newest.map((c) => c.id), [...claims.map((c) => c.id)].reverse());
      }));

    test("evidence: the latest claims by report date, and the count without the limit", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        await store.ingest(reportB.input); // undated
        assert.equal(await store.evidenceCount(), 4);
        const latest = await store.evidence({ latest: 2 });
        assert.equal(latest.length, 2);
        assert.ok(latest.every((e) => e.published === "2024-03-01"), "dated reports come before undated ones");
        assert.ok(latest[0]!.id < latest[1]!.id, "still in stored order");
        assert.equal((await store.evidence({ latest: 10 })).length, 4);
        const [first] = await store.claims();
        await store.reviewClaim({ claimId: first!.id, verdict: "reject", reason: null, author: "a" });
        assert.equal(await store.evidenceCount(), 3);
      }));

    test("the most recent active review applies; unknown claims and parties are refused", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const [c] = await store.claims();
        assert.ok(c);
        await store.reviewClaim({ claimId: c.id, verdict: "reject", reason: null, author: "a" });
        const accept = await store.reviewClaim({ claimId: c.id, verdict: "accept", reason: null, author: "b" });
        assert.equal((await store.claims({ id: c.id }))[0]?.review?.id, accept.id);
        assert.equal((await store.evidence()).length, 3);
        await assert.rejects(store.reviewClaim({ claimId: 4242, verdict: "accept", reason: null, author: "a" }), StoreError);
        await assert.rejects(store.reviewClaim({ claimId: c.id, verdict: "correct", supplierId: 4242, reason: null, author: "a" }), StoreError);
        await assert.rejects(store.reviewClaim({ claimId: c.id, verdict: "accept", reason: null, author: " " }), StoreError);
        assert.equal((await store.claimReviews()).length, 2);
      }));
  });

  describe(`Store contract: ${name}: documents and access tokens`, () => {
    test("a stored document comes back with its text, metadata, mentions and claims", () =>
      withStore(async (store) => {
        const { documentId } = await store.ingest(reportA.input);
        assert.equal(await store.documentIdByHash(reportA.hash), documentId);
        assert.equal(await store.documentIdByHash("no-such-hash"), undefined);
        const doc = await store.document(documentId);
        assert.ok(doc);
        assert.equal(doc.text, reportA.report.text);
        assert.equal(doc.reportId, reportA.report.id);
        assert.equal(doc.mentions.length, 6);
        for (const m of doc.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
        assert.deepEqual(doc.mentions.map((m) => m.start), [...doc.mentions.map((m) => m.start)].sort((a, b) => a - b));
        assert.equal((await store.claims({ documentId })).length, 3);
        assert.deepEqual(await store.claims({ documentId: documentId + 1 }), []);
        assert.equal(await store.document(documentId + 1), undefined);
      }));

    test("access tokens are found by their hash, with role and creation time", () =>
      withStore(async (store) => {
        const created = await store.createAccessToken("a".repeat(64), "analyst");
        assert.equal(created.role, "analyst");
        assert.deepEqual(await store.accessTokenByHash("a".repeat(64)), created);
        assert.equal(await store.accessTokenByHash("b".repeat(64)), undefined);
        await assert.rejects(store.createAccessToken("a".repeat(64), "admin"), (e: unknown) => e instanceof StoreError);
      }));
  });

  describe(`Store contract: ${name}: screening decisions and monitoring`, () => {
    const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

    test("claims after a claim id are only the later ones", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const first = await store.claims();
        await store.ingest(reportB.input);
        const last = await store.lastClaimId();
        assert.deepEqual((await store.claims({ afterId: first[2]!.id })).map((c) => c.items), [["rifles"]]);
        assert.deepEqual((await store.claims({ afterId: first[0]!.id })).map((c) => c.id), [first[1]!.id, first[2]!.id, last]);
        assert.equal((await store.claims({ afterId: 0 })).length, 4);
        assert.deepEqual(await store.claims({ afterId: last }), []);
        assert.deepEqual((await store.claims({ afterId: first[0]!.id, stance: "hedged" })).map((c) => c.items), [["air-defence radars"]]);
      }));

    test("decisions come back whole with their matches and evidence, newest first, by vendor and limited", () =>
      withStore(async (store) => {
        const first = await store.recordDecision(decisionInput("Norinko", "norinko", "delist"));
        const other = await store.recordDecision({ ...decisionInput("Pacific Optics", "pacific optics", "keep"), matches: [], evidence: [], country: null });
        const second = await store.recordDecision({ ...decisionInput("NORINKO Ltd", "norinko", "monitor"), reason: "awaiting the 2025 register" });
        assert.match(first.createdAt, ISO);
        assert.deepEqual({ ...first, id: 0, createdAt: "" }, { ...decisionInput("Norinko", "norinko", "delist"), id: 0, createdAt: "" });
        const all = await store.decisions();
        assert.deepEqual(all.map((d) => d.id), [second.id, other.id, first.id]);
        assert.ok(first.id < other.id && other.id < second.id);
        assert.deepEqual(all, [second, other, first], "every field, JSON included, reads back as recorded");
        assert.deepEqual(await store.decisions({ vendorKey: "norinko" }), [second, first]);
        assert.deepEqual(await store.decisions({ vendorKey: "norinko", limit: 1 }), [second]);
        assert.deepEqual(await store.decisions({ limit: 2 }), [second, other]);
        assert.deepEqual(await store.decisions({ vendorKey: "nobody" }), []);
      }));

    test("a feed is added once per URL and records each poll", () =>
      withStore(async (store) => {
        const url = "https://news.example/feed.xml";
        const { feed, added } = await store.addFeed(url);
        assert.equal(added, true);
        assert.match(feed.addedAt, ISO);
        assert.deepEqual({ ...feed, id: 0, addedAt: "" }, {
          id: 0,
          url,
          title: null,
          etag: null,
          lastModified: null,
          failures: 0,
          lastError: null,
          lastPolledAt: null,
          nextPollAt: null,
          items: 0,
          addedAt: "",
        });
        const again = await store.addFeed(url);
        assert.equal(again.added, false);
        assert.deepEqual(again.feed, feed);
        const second = (await store.addFeed("https://other.example/rss")).feed;
        assert.deepEqual((await store.feeds()).map((f) => f.id), [feed.id, second.id], "in the order added");

        await store.updateFeed(feed.id, {
          title: "Example News",
          etag: '"abc"',
          lastModified: "Wed, 01 Jan 2025 00:00:00 GMT",
          failures: 0,
          lastError: null,
          lastPolledAt: "2025-01-01T00:00:00.000Z",
          nextPollAt: "2025-01-01T01:00:00.000Z",
        });
        // A failed poll: the validators stay as they were, the title is not given.
        await store.updateFeed(feed.id, {
          etag: '"abc"',
          lastModified: "Wed, 01 Jan 2025 00:00:00 GMT",
          failures: 2,
          lastError: "HTTP 503",
          lastPolledAt: "2025-01-01T02:00:00.000Z",
          nextPollAt: "2025-01-01T06:00:00.000Z",
        });
        const [polled, untouched] = await store.feeds();
        assert.deepEqual({ ...polled, addedAt: "" }, {
          id: feed.id,
          url,
          title: "Example News",
          etag: '"abc"',
          lastModified: "Wed, 01 Jan 2025 00:00:00 GMT",
          failures: 2,
          lastError: "HTTP 503",
          lastPolledAt: "2025-01-01T02:00:00.000Z",
          nextPollAt: "2025-01-01T06:00:00.000Z",
          items: 0,
          addedAt: "",
        });
        assert.deepEqual(untouched, second, "only the polled feed changes");
        assert.equal((await store.addFeed(url)).feed.failures, 2, "adding again returns the stored feed as it is");
      }));

    test("a removed feed is hidden; adding it again revives it with its items", () =>
      withStore(async (store) => {
        const { documentId } = await store.ingest(reportA.input);
        const { feed } = await store.addFeed("https://news.example/feed.xml");
        const other = (await store.addFeed("https://other.example/rss")).feed;
        await store.recordFeedItem(feed.id, { itemId: "item-1", url: "https://news.example/1", documentId, error: null });
        assert.equal(await store.removeFeed(feed.id), true);
        assert.deepEqual((await store.feeds()).map((f) => f.id), [other.id]);
        assert.equal(await store.removeFeed(feed.id), false, "already removed");
        assert.equal(await store.removeFeed(9999), false);
        const revived = await store.addFeed("https://news.example/feed.xml");
        assert.equal(revived.added, false);
        assert.equal(revived.feed.id, feed.id);
        assert.deepEqual((await store.feeds()).map((f) => [f.id, f.items]), [[feed.id, 1], [other.id, 0]]);
        assert.deepEqual(await store.seenFeedItems(feed.id, ["item-1"]), new Set(["item-1"]));
      }));

    test("feed items are seen once handled, ingested or failed, per feed", () =>
      withStore(async (store) => {
        const { documentId } = await store.ingest(reportA.input);
        const a = (await store.addFeed("https://a.example/feed")).feed;
        const b = (await store.addFeed("https://b.example/feed")).feed;
        assert.deepEqual(await store.seenFeedItems(a.id, ["x", "y"]), new Set());
        await store.recordFeedItem(a.id, { itemId: "x", url: "https://a.example/x", documentId, error: null });
        await store.recordFeedItem(a.id, { itemId: "y", url: null, documentId: null, error: "HTTP 404" });
        await store.recordFeedItem(b.id, { itemId: "z", url: null, documentId: null, error: "no text" });
        assert.deepEqual(await store.seenFeedItems(a.id, ["x", "y", "z", "w"]), new Set(["x", "y"]));
        assert.deepEqual(await store.seenFeedItems(b.id, ["x", "y", "z"]), new Set(["z"]));
        assert.deepEqual(await store.seenFeedItems(a.id, []), new Set());
        // Handling an item twice (two monitors racing) records it once.
        await store.recordFeedItem(a.id, { itemId: "x", url: "https://a.example/x", documentId, error: null });
        assert.deepEqual((await store.feeds()).map((f) => f.items), [2, 1]);
      }));

    test("watches: an entity or a vendor, once each, from the last claim on", () =>
      withStore(async (store) => {
        const vendor = await store.addWatch({ kind: "vendor", vendor: "Norinko", country: "CN", label: "Norinko (vendor list)", author: "ana" });
        assert.equal(vendor.added, true);
        assert.match(vendor.watch.createdAt, ISO);
        assert.deepEqual({ ...vendor.watch, id: 0, createdAt: "" }, {
          id: 0,
          kind: "vendor",
          entityId: null,
          vendor: "Norinko",
          country: "CN",
          label: "Norinko (vendor list)",
          author: "ana",
          createdAt: "",
          sinceClaim: 0,
        });

        await store.ingest(reportA.input);
        const [norinco] = await store.entities({ named: "NORINCO" });
        assert.ok(norinco);
        const entity = await store.addWatch({ kind: "entity", entityId: norinco.id, label: "Norinco", author: "ben" });
        assert.equal(entity.added, true);
        assert.deepEqual(
          { kind: entity.watch.kind, entityId: entity.watch.entityId, vendor: entity.watch.vendor, sinceClaim: entity.watch.sinceClaim },
          { kind: "entity", entityId: norinco.id, vendor: null, sinceClaim: await store.lastClaimId() },
        );

        const again = await store.addWatch({ kind: "entity", entityId: norinco.id, label: "Norinco again", author: "cy" });
        assert.deepEqual(again, { watch: entity.watch, added: false });
        assert.deepEqual(await store.addWatch({ kind: "vendor", vendor: "Norinko", country: "CN", label: "x", author: "cy" }), { watch: vendor.watch, added: false });

        await assert.rejects(store.addWatch({ kind: "entity", entityId: 999_999, label: "ghost", author: "ana" }), StoreError);
        assert.deepEqual((await store.watches()).map((w) => w.id), [vendor.watch.id, entity.watch.id]);

        assert.equal(await store.removeWatch(vendor.watch.id), true);
        assert.equal(await store.removeWatch(vendor.watch.id), false);
        assert.equal(await store.removeWatch(999_999), false);
        assert.deepEqual(await store.watches(), [entity.watch]);
      }));

    test("alerts: the cursor moves only forward, one alert per watch and claim, newest first", () =>
      withStore(async (store) => {
        assert.equal(await store.alertCursor(), 0);
        await store.ingest(reportA.input);
        const [norinco] = await store.entities({ named: "NORINCO" });
        const { watch } = await store.addWatch({ kind: "entity", entityId: norinco!.id, label: "Norinco", author: "ana" });
        const vendor = (await store.addWatch({ kind: "vendor", vendor: "Rosoboronexport", label: "ROE", author: "ana" })).watch;
        await store.ingest(reportB.input);
        const claims = await store.claims();
        const [c1, c2, c3, c4] = claims.map((c) => c.id) as [number, number, number, number];

        const saved = await store.saveAlerts(
          [
            { watchId: watch.id, claimId: c2, reason: "supplier: NORINCO" },
            { watchId: watch.id, claimId: c3, reason: "supplier: China North Industries Group Corporation Limited" },
          ],
          c3,
        );
        assert.equal(saved.length, 2);
        assert.match(saved[0]!.createdAt, ISO);
        assert.deepEqual({ ...saved[0]!, id: 0, createdAt: "" }, {
          id: 0,
          watch: { id: watch.id, kind: "entity", label: "Norinco" },
          claimId: c2,
          reason: "supplier: NORINCO",
          createdAt: "",
          readAt: null,
          delivered: [],
        });
        assert.equal(await store.alertCursor(), c3);

        const more = await store.saveAlerts(
          [
            { watchId: watch.id, claimId: c3, reason: "again" },
            { watchId: watch.id, claimId: c4, reason: "supplier: Norinco" },
            { watchId: vendor.id, claimId: c3, reason: "claimant: ROSOBORONEXPORT JSC" },
          ],
          c4,
        );
        assert.deepEqual(more.map((a) => [a.watch.id, a.claimId, a.reason]), [
          [watch.id, c4, "supplier: Norinco"],
          [vendor.id, c3, "claimant: ROSOBORONEXPORT JSC"],
        ], "the alert for a watch and claim that has one is skipped, another watch's is not");
        assert.equal(await store.alertCursor(), c4);

        assert.deepEqual(await store.saveAlerts([], c1), []);
        assert.equal(await store.alertCursor(), c4, "the cursor never moves back");

        const all = await store.alerts();
        assert.deepEqual(all.map((a) => a.id), [...saved, ...more].map((a) => a.id).reverse());
        assert.deepEqual(all.find((a) => a.claimId === c3 && a.watch.id === watch.id)?.reason, saved[1]!.reason, "the first alert is kept");
        assert.deepEqual((await store.alerts({ limit: 1 })).map((a) => a.id), [more[1]!.id]);
      }));

    test("alerts: read marks count only changes; deliveries list only successful channels", () =>
      withStore(async (store) => {
        await store.ingest(reportA.input);
        const [norinco] = await store.entities({ named: "NORINCO" });
        const { watch } = await store.addWatch({ kind: "entity", entityId: norinco!.id, label: "Norinco", author: "ana" });
        const claims = await store.claims();
        const [a1, a2, a3] = await store.saveAlerts(claims.map((c) => ({ watchId: watch.id, claimId: c.id, reason: "party" })), claims[2]!.id);
        assert.ok(a1 && a2 && a3);
        const ids = async (filter?: Parameters<Store["alerts"]>[0]) => (await store.alerts(filter)).map((a) => a.id);

        assert.equal(await store.markAlertsRead([a1.id]), 1);
        assert.equal(await store.markAlertsRead([a1.id, a2.id, a2.id]), 1, "an alert already read does not count");
        assert.equal(await store.markAlertsRead([a1.id, a2.id, 999_999]), 0);
        assert.equal(await store.markAlertsRead([]), 0);
        assert.deepEqual(await ids({ unread: true }), [a3.id]);
        const read = (await store.alerts()).find((a) => a.id === a1.id);
        assert.match(read?.readAt ?? "", ISO);

        await store.recordDeliveries([a1.id, a2.id], "webhook", true, null);
        await store.recordDeliveries([a1.id, a3.id], "email", false, "smtp: connection refused");
        const delivered = async () => new Map((await store.alerts()).map((a) => [a.id, [...a.delivered].sort()]));
        assert.deepEqual(await delivered(), new Map([[a1.id, ["webhook"]], [a2.id, ["webhook"]], [a3.id, []]]));
        assert.deepEqual(await ids({ undelivered: "webhook" }), [a3.id]);
        assert.deepEqual(await ids({ undelivered: "email" }), [a3.id, a2.id, a1.id]);

        // A retry that succeeds counts; a later failure does not undo a delivery.
        await store.recordDeliveries([a1.id], "email", true, null);
        await store.recordDeliveries([a1.id], "webhook", false, "HTTP 500");
        assert.deepEqual((await delivered()).get(a1.id), ["email", "webhook"]);
        assert.deepEqual(await ids({ undelivered: "email" }), [a3.id, a2.id]);
        assert.deepEqual(await ids({ undelivered: "webhook", unread: true }), [a3.id]);
        assert.deepEqual(await ids({ undelivered: "email", unread: true }), [a3.id]);
      }));
  });

  describe(`Store contract: ${name}: ingestion queue`, () => {
    const extractTo = (fx: typeof reportA) => async (report: Report, hash: string): Promise<DocumentInput> => {
      assert.equal(report.id, fx.input.report.id);
      assert.equal(hash, fx.hash);
      return fx.input;
    };

    test("queued reports are taken oldest first, stored, and marked done; a stored or queued text is not queued again", () =>
      withStore(async (store) => {
        assert.deepEqual(await store.enqueueReports([reportA.input.report, reportB.input.report, reportA.input.report]), { queued: 2, known: 1 });
        assert.deepEqual(await store.ingestQueue(), { queued: 2, done: 0, failed: 0 });
        const first = await store.takeIngestJob("w1", extractTo(reportA));
        assert.equal(first?.status, "added");
        assert.equal(first?.reportId, "report-a");
        assert.equal(first?.claims, 3);
        assert.equal(await store.hasDocument(reportA.hash), true);
        assert.deepEqual(await store.enqueueReports([reportA.input.report]), { queued: 0, known: 1 });
        const second = await store.takeIngestJob("w1", extractTo(reportB));
        assert.equal(second?.status, "added");
        assert.equal(await store.takeIngestJob("w1", () => Promise.reject(new Error("nothing should be taken"))), null);
        assert.deepEqual(await store.ingestQueue(), { queued: 0, done: 2, failed: 0 });
        assert.equal((await store.counts()).documents, 2);
      }));

    test("a job whose work throws is marked failed with the message and stores nothing", () =>
      withStore(async (store) => {
        await store.enqueueReports([reportA.input.report]);
        const out = await store.takeIngestJob("w1", () => Promise.reject(new Error("extraction broke")));
        assert.equal(out?.status, "failed");
        assert.match(out?.error ?? "", /extraction broke/);
        assert.deepEqual(await store.ingestQueue(), { queued: 0, done: 0, failed: 1 });
        assert.equal((await store.counts()).documents, 0);
      }));

    test("two workers at once never take the same job", () =>
      withStore(async (store) => {
        await store.enqueueReports([reportA.input.report, reportB.input.report]);
        const seen: string[] = [];
        const slow = (fx: typeof reportA) => async (report: Report): Promise<DocumentInput> => {
          seen.push(report.id);
          await new Promise((r) => setTimeout(r, 30));
          return report.id === "report-a" ? reportA.input : fx.input;
        };
        const [x, y] = await Promise.all([store.takeIngestJob("w1", slow(reportB)), store.takeIngestJob("w2", slow(reportB))]);
        assert.deepEqual(seen.sort(), ["report-a", "report-b"]);
        assert.deepEqual([x?.status, y?.status], ["added", "added"]);
        assert.deepEqual(await store.ingestQueue(), { queued: 0, done: 2, failed: 0 });
      }));
  });
}

/**
 * Two supplier entities that resolution keeps apart (Alpha Defence, Zeta Arms), each
 * with one claim to the same recipient in its own report.
 */
async function twoSuppliers(store: Store): Promise<{ a: number; b: number; recipient: number }> {
  await store.ingest(supplyReport("s1", entity("s", "Alpha Defence", "organization", { aliases: ["Alpha Defence Ltd"] }), "rifles").input);
  await store.ingest(supplyReport("s2", entity("s", "Zeta Arms", "organization"), "mortars").input);
  const id = async (name: string) => {
    const [row] = await store.entities({ named: name });
    assert.ok(row, name);
    return row.id;
  };
  return { a: await id("Alpha Defence"), b: await id("Zeta Arms"), recipient: await id("Ruritania") };
}

/** A report in which `supplier` supplies `item` to the state of Ruritania. */
function supplyReport(id: string, supplier: ExtractedEntity, item: string) {
  const text = `${supplier.name} supplied ${item} to Ruritania.`;
  return fixture(makeReport(id, text), {
    id,
    entities: [supplier, entity("r", "Ruritania", "state", { country: "RT" })],
    mentions: [mention(text, supplier.name, supplier.id), mention(text, "Ruritania", "r")],
    transfers: [
      transfer(text, {
        supplier: supplier.id,
        recipient: "r",
        items: [item],
        kind: "arms",
        stance: "asserted",
        claimant: null,
        evidence: text.slice(0, -1),
        trigger: "supplied",
      }),
    ],
  });
}

/** A report that only names `entities`, each once. */
function namesReport(id: string, entities: ExtractedEntity[]) {
  const text = `${id}: ${entities.map((e) => e.name).join("; ")}.`;
  return fixture(makeReport(id, text), {
    id,
    entities,
    mentions: entities.map((e) => mention(text, e.name, e.id)),
    transfers: [],
  });
}

/** A decision about a vendor with one match and one graded relation, quote and denial included. */
function decisionInput(vendor: string, vendorKey: string, decision: Decision): VendorDecisionInput {
  return {
    vendor,
    vendorKey,
    country: "CN",
    decision,
    reason: "supplies the Myanmar military (B2, 3 sources)",
    author: "ana",
    tier: "high",
    rule: "tier/high-credible-embargoed",
    matches: [{ entityId: 7, name: "China North Industries Group Corporation Limited", score: 0.93 }],
    evidence: [
      {
        entityId: 7,
        supplier: "Norinco",
        recipient: "Myanmar Air Force",
        recipientCountry: "MM",
        items: ["small arms", "air-defence radars"],
        credibility: 2,
        credibilityLabel: "probably true",
        reliability: "B",
        grade: "B2",
        independentSources: 3,
        claims: 5,
        denials: 1,
        accusedDenials: 1,
        firstReported: "2021-02-01",
        lastReported: null,
        quote: {
          claimId: 41,
          documentId: 12,
          text: "Норинко поставила «винтовки» армии, \"said\" officials — 中国北方工业公司.",
          stance: "asserted",
          publisher: "Reuters",
          published: "2023-06-10",
          url: "https://example.org/a?x=1&y=2",
        },
        denial: { claimId: 42, documentId: null, text: "NORINCO denied it.", stance: "denied", publisher: null, published: null, url: null },
        explanation: "three independent sources, one denial by the accused",
      },
    ],
  };
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
