import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { contentHash } from "../domain/content-hash.ts";
import type { DocumentInput, Store } from "../store/store.ts";
import { openSqliteStore } from "../store/sqlite/sqlite-store.ts";
import { searchEntities } from "./search-entities.ts";

/** A one-sentence report: `supplier` supplied rifles to `recipient`. */
function supplyReport(id: string, supplier: string, recipient: string): DocumentInput {
  const text = `${id}: ${supplier} supplied rifles to ${recipient}.`;
  const at = (phrase: string) => {
    const start = text.indexOf(phrase);
    return { text: phrase, start, end: start + phrase.length };
  };
  return {
    report: { id, text, format: "txt", origin: `${id}.txt` },
    contentHash: contentHash(text),
    extraction: {
      id,
      entities: [
        { id: "s", name: supplier, type: "organization", aliases: [] },
        { id: "r", name: recipient, type: "state", aliases: [] },
      ],
      mentions: [
        { entity: "s", ...at(supplier) },
        { entity: "r", ...at(recipient) },
      ],
      transfers: [
        {
          supplier: "s",
          recipient: "r",
          items: ["rifles"],
          kind: "arms",
          stance: "asserted",
          modality: "actual",
          claimant: null,
          evidence: at(`${supplier} supplied rifles to ${recipient}`),
          trigger: at("supplied"),
          rule: "extract/01-delivered",
        },
      ],
    },
  };
}

describe("searchEntities", () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-search-"));
    store = await openSqliteStore(path.join(dir, "store.db"));
    // Two firms a typo fits equally well; the second has more claims.
    await store.ingest(supplyReport("a1", "Kestrel Alpha", "Mali"));
    await store.ingest(supplyReport("b1", "Kestrel Bravo", "Chad"));
    await store.ingest(supplyReport("b2", "Kestrel Bravo", "Niger"));
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const found = async (q: string, limit?: number) => (await searchEntities(store, q, limit)).map((h) => [h.entity.name, h.match, h.entity.claims]);

  const cases: Array<{ q: string; limit?: number; want: Array<[string, string, number]> }> = [
    { q: "Kestrel Bravo", want: [["Kestrel Bravo", "name", 2], ["Kestrel Alpha", "similar", 1]] },
    { q: "kestrel", want: [["Kestrel Bravo", "words", 2], ["Kestrel Alpha", "words", 1]] },
    // Equal similarity: more claims first, and counted even when only one fits the page.
    { q: "kestrl", want: [["Kestrel Bravo", "similar", 2], ["Kestrel Alpha", "similar", 1]] },
    { q: "kestrl", limit: 1, want: [["Kestrel Bravo", "similar", 2]] },
    { q: "Zanzibar Works", want: [] },
  ];
  for (const { q, limit, want } of cases) {
    test(`${JSON.stringify(q)}${limit ? ` (limit ${limit})` : ""}`, async () => {
      assert.deepEqual(await found(q, limit), want);
    });
  }
});
