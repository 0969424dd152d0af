/**
 * The same reports in a SQLite and a PostgreSQL store answer `/api/search` the same:
 * candidates come from each backend's own index (FTS5 trigrams, pg_trgm), scoring is
 * shared. Queries in Latin, Cyrillic and Chinese, exact, misspelt and partial. Runs when
 * STORES includes postgres.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../../store/sqlite/sqlite-store.ts";
import { openPostgresStore } from "../../../store/postgres/postgres-store.ts";
import type { Store } from "../../../store/store.ts";
import { ingestReports } from "../../../services/ingest.ts";
import { extractReport } from "../../../pipeline/run-pipeline.ts";
import { textToReport } from "../../../pipeline/normalize/text-to-report.ts";
import { DEFAULT_MAX_BYTES, isInputProblem, iterateInputs } from "../../../pipeline/normalize/index.ts";
import type { Report } from "../../../domain/types.ts";
import { createApp } from "../../create-app.ts";
import { startPostgres, type PostgresServer } from "../../../../test/support/postgres-server.ts";
import { storesUnderTest } from "../../../../test/support/stores-under-test.ts";

const EXTRA = [
  "Рособоронэкспорт поставил в Мьянму истребители Су-30, сообщило агентство.",
  "中国北方工业公司向缅甸军方提供了步枪。",
  "Concern Kalashnikov shipped rifles to the army of Venezuela in 2019, the ministry said.",
];

const QUERIES = ["norinko", "NORINCO", "Норинко", "中国北方工业", "north industries", "norinc", "rosoboron", "Рособоронэкспорт", "kalashnikof", "baikar", "dji", "zala aero", "ukrain", "iran"];

if (!storesUnderTest().includes("postgres")) {
  test("search parity", { skip: "STORES does not include postgres (run with STORES=sqlite,postgres to test it)" }, () => {});
} else {
  describe("search gives the same results on SQLite and PostgreSQL", () => {
    let server: PostgresServer | undefined;
    let dir = "";
    const stores: Store[] = [];

    before(async () => {
      server = await startPostgres();
      dir = await mkdtemp(join(tmpdir(), "armstrace-search-"));
      stores.push(await openSqliteStore(join(dir, "s.db")), await openPostgresStore((await server.createDatabase()).url));
      const reports: Report[] = [];
      for await (const item of iterateInputs([fileURLToPath(new URL("../../../../data/samples/", import.meta.url))], { maxBytes: DEFAULT_MAX_BYTES })) {
        if (!isInputProblem(item)) reports.push(item);
      }
      reports.push(...EXTRA.map((t, i) => textToReport(t, `extra-${i}.txt`, "txt")));
      for (const store of stores) await ingestReports(store, reports, (r) => extractReport(r));
    });
    after(async () => {
      for (const s of stores) await s.close();
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test("every query answers alike, with results in every script", async () => {
      const [sqlite, postgres] = stores.map((s) => createApp(s, { allowAnonymousReads: true }));
      let nonEmpty = 0;
      for (const q of QUERIES) {
        const path = `/api/search?q=${encodeURIComponent(q)}`;
        const a = await (await sqlite!.request(path)).json();
        const b = await (await postgres!.request(path)).json();
        assert.deepEqual(b, a, q);
        if (JSON.stringify(a).includes('"id"')) nonEmpty += 1;
      }
      assert.ok(nonEmpty >= QUERIES.length - 2, `${nonEmpty} of ${QUERIES.length} queries found something`);
    });
  });
}
