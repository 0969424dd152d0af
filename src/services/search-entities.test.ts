import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Store } from "../store/store.ts";
import { openSqliteStore } from "../store/sqlite/sqlite-store.ts";
import { searchEntities } from "./search-entities.ts";
import { supplyReport } from "../../test/support/supply-report.ts";

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
