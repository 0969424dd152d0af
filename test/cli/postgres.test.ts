/**
 * The real `bin/armstrace` against a PostgreSQL database, checked against the same
 * commands on a SQLite file: a fresh store ingesting the same files in the same order
 * must print the same claims, entities and relations, ids included (only the time a
 * relation was computed differs). Runs when STORES includes postgres.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import net from "node:net";
import { ROOT, assertOneLineError, describe as describeRun, ingestSummary, makeTempDir, removeDir, run, write } from "./helpers.ts";
import { startPostgres, type PostgresServer } from "../support/postgres-server.ts";
import { storesUnderTest } from "../support/stores-under-test.ts";

const SAMPLES = path.join(ROOT, "data", "samples");

if (!storesUnderTest().includes("postgres")) {
  test("cli on postgres", { skip: "STORES does not include postgres (run with STORES=sqlite,postgres to test it)" }, () => {});
} else {
  describe("cli: the same commands on PostgreSQL and SQLite", () => {
    let server: PostgresServer | undefined;
    let pgUrl = "";
    let dir = "";
    let sqliteFile = "";

    before(async () => {
      server = await startPostgres();
      pgUrl = (await server.createDatabase()).url;
      dir = makeTempDir();
      sqliteFile = path.join(dir, "armstrace.db");
      for (const db of [pgUrl, sqliteFile]) {
        const r = run(["ingest", SAMPLES, "--db", db]);
        assert.equal(r.status, 0, describeRun(r));
      }
    });
    after(async () => {
      await server?.stop();
      if (dir) removeDir(dir);
    });

    /** stdout of a JSON command on both stores, parsed, with computation times left out. */
    const both = (...args: string[]) =>
      [pgUrl, sqliteFile].map((db) => {
        const r = run([...args, "--db", db]);
        assert.equal(r.status, 0, describeRun(r));
        return withoutTimes(JSON.parse(r.stdout) as unknown);
      });

    test("ingest stores every sample on PostgreSQL, and a second run finds them all stored", () => {
      const again = run(["ingest", SAMPLES, "--db", pgUrl]);
      assert.equal(again.status, 0, describeRun(again));
      const summary = ingestSummary(again.stdout);
      assert.ok(summary.reports > 20, describeRun(again));
      assert.deepEqual({ added: summary.added, failed: summary.failed }, { added: 0, failed: 0 });
      assert.equal(summary.duplicates, summary.reports);
    });

    test("claims are the same", () => {
      const [pg, sqlite] = both("claims", "--format", "json");
      assert.ok(Array.isArray(pg) && pg.length > 20, "claims were stored");
      assert.deepEqual(pg, sqlite);
    });

    test("entities are the same, in the same order, with the same aliases", () => {
      const [pg, sqlite] = both("entities", "--format", "json");
      assert.ok(Array.isArray(pg) && pg.length > 50, "entities were stored");
      assert.deepEqual(pg, sqlite);
    });

    test("relations are the same", () => {
      const [pg, sqlite] = both("relations", "--format", "json");
      assert.ok(Array.isArray(pg) && pg.length > 5, "relations were computed");
      assert.deepEqual(pg, sqlite);
    });

    test("one entity's profile and a vendor screening are the same", () => {
      const [pgEntity, sqliteEntity] = [pgUrl, sqliteFile].map((db) => run(["entity", "Norinco", "--db", db]));
      assert.equal(pgEntity?.status, 0, pgEntity && describeRun(pgEntity));
      assert.match(pgEntity?.stdout ?? "", /China North Industries/);
      assert.equal(pgEntity?.stdout, sqliteEntity?.stdout);
      const list = write(dir, "vendors.csv", "name,country\nNorinco,CN\nAlabuga Special Economic Zone,RU\nAcme Widgets,US\n");
      const [pgScreen, sqliteScreen] = both("screen", list, "--format", "json");
      assert.deepEqual(pgScreen, sqliteScreen);
    });

    test("a server that cannot be reached is one line naming it, without the password", async () => {
      const port = await closedPort();
      const r = run(["claims", "--db", `postgres://analyst:hunter2-secret@127.0.0.1:${port}/evidence`]);
      const line = assertOneLineError(r, 1, `cannot connect to PostgreSQL at 127.0.0.1:${port}/evidence`);
      assert.ok(!line.includes("hunter2-secret"), line);
    });
  });
}

/** `value` without the keys that record when something was computed. */
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !/^updated_?at$/i.test(k))
        .map(([k, v]) => [k, withoutTimes(v)]),
    );
  }
  return value;
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address !== null ? address.port : 1;
      s.close(() => resolve(port));
    });
  });
}
