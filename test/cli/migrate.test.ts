/**
 * `armstrace migrate` from a SQLite store with every kind of row (documents, claims,
 * reviews, judgements, decisions, feeds, watches, alerts, tokens) into an empty
 * PostgreSQL database: counts and checksums match table by table, the copy reads back
 * the same through the CLI, and a second copy into the now full database is refused.
 * Runs when STORES includes postgres.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT, describe as describeRun, makeTempDir, removeDir, run } from "./helpers.ts";
import { startPostgres, type PostgresServer } from "../support/postgres-server.ts";
import { storesUnderTest } from "../support/stores-under-test.ts";

if (!storesUnderTest().includes("postgres")) {
  test("migrate to postgres", { skip: "STORES does not include postgres (run with STORES=sqlite,postgres to test it)" }, () => {});
} else {
  describe("migrate --from sqlite --to postgres", () => {
    let server: PostgresServer | undefined;
    let url = "";
    let dir = "";
    let db = "";

    before(async () => {
      server = await startPostgres();
      url = (await server.createDatabase()).url;
      dir = makeTempDir();
      db = path.join(dir, "source.db");
      const ok = (args: string[]) => { const r = run([...args, "--db", db]); assert.equal(r.status, 0, describeRun(r)); return r; };
      ok(["ingest", path.join(ROOT, "data", "samples")]);
      ok(["claim", "reject", "3", "--reason", "misread", "--by", "ana"]);
      ok(["entity", "merge", "Norinco", "Baykar", "--reason", "a test judgement"]);
      ok(["decide", "Norinco", "--monitor", "--reason", "reported supplies to Myanmar"]);
      ok(["feed", "add", "https://example.org/rss.xml"]);
      ok(["token", "create", "--role", "analyst"]);
    });
    after(async () => {
      await server?.stop();
      if (dir) removeDir(dir);
    });

    test("every table arrives with the same rows, and reads the same", () => {
      const r = run(["migrate", "--from", db, "--to", url]);
      assert.equal(r.status, 0, describeRun(r));
      const lines = r.stdout.trim().split("\n").slice(1);
      assert.ok(lines.length >= 20, r.stdout);
      for (const line of lines) assert.match(line, /\byes$/, line);
      // As many claims as the sample corpus yields today, whatever the extractor's version.
      const claims = JSON.parse(run(["claims", "--format", "json", "--db", db]).stdout) as Array<{ score: number | null; features: unknown }>;
      assert.ok(claims.length > 20, `the samples were stored: ${claims.length} claims`);
      assert.match(r.stdout, new RegExp(`^claims\\s+${claims.length}\\s+${claims.length}\\s`, "m"));
      assert.match(r.stderr, /every table's count and checksum match/);
      for (const args of [["claims", "--format", "json"], ["relations", "--format", "json"], ["entity", "judgements", "--format", "json"], ["decide", "--list", "--format", "json"], ["watch", "list"], ["feed", "list"]]) {
        const a = run([...args, "--db", db]);
        const b = run([...args, "--db", url]);
        assert.equal(b.status, 0, describeRun(b));
        const strip = (s: string) => s.replace(/"(updatedAt|updated_at)": "[^"]+"/g, "");
        assert.equal(strip(b.stdout), strip(a.stdout), args.join(" "));
      }
      // The claims' explanations (model, score, features) arrived too, not just their NULLs.
      const copied = JSON.parse(run(["claims", "--format", "json", "--db", url]).stdout) as Array<{ score: number | null; features: unknown }>;
      assert.ok(copied.some((c) => c.score !== null && Array.isArray(c.features) && c.features.length > 0), "some copied claim keeps its score and features");
      // New rows continue the copied ids.
      const added = run(["decide", "Baykar", "--keep", "--reason", "after the move", "--db", url]);
      assert.match(added.stdout, /decision 2:/);
    });

    test("a database that is not empty is refused and left as it was", () => {
      const r = run(["migrate", "--from", db, "--to", url]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /is not empty/);
      assert.equal(run(["migrate", "--from", path.join(dir, "missing.db"), "--to", url]).status, 2);
      assert.equal(run(["migrate", "--from", url, "--to", db]).status, 2);
    });
  });
}
