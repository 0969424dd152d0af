import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { StoreError } from "../../domain/errors.ts";
import { contentHash } from "../../domain/content-hash.ts";
import { nameKeysRules } from "../../domain/name-keys.ts";
import type { DocumentInput } from "../store.ts";
import { runStoreContract } from "../store-contract.ts";
import { SQLITE_MIGRATIONS } from "../sqlite/sqlite-migrations.ts";
import { openPostgresStore } from "./postgres-store.ts";
import { POSTGRES_MIGRATIONS, migratePostgres } from "./postgres-migrations.ts";
import { startPostgres, type PostgresServer } from "../../../test/support/postgres-server.ts";
import { storesUnderTest } from "../../../test/support/stores-under-test.ts";
import { supplyReport } from "../../../test/support/supply-report.ts";

if (!storesUnderTest().includes("postgres")) {
  test("postgres store", { skip: "STORES does not include postgres (run with STORES=sqlite,postgres to test it)" }, () => {});
} else {
  // One server for this file; each fixture gets its own database on it.
  let server: Promise<PostgresServer> | undefined;
  const getServer = () => (server ??= startPostgres());
  after(async () => {
    if (server) await (await server).stop();
  });
  const freshDatabase = async () => (await getServer()).createDatabase();

  runStoreContract("postgres", async () => {
    const db = await freshDatabase();
    return { open: () => openPostgresStore(db.url), cleanup: db.drop };
  });

  /** Runs `fn` with a fresh database's URL and a superuser client on it. */
  function withDatabase(fn: (url: string, sql: pg.Client) => Promise<void>): () => Promise<void> {
    return async () => {
      const db = await freshDatabase();
      const sql = new pg.Client(db.url);
      sql.on("error", () => undefined); // a test that fails mid-way still drops its database
      await sql.connect();
      try {
        await fn(db.url, sql);
      } finally {
        await sql.end();
        await db.drop();
      }
    };
  }

  async function rejectsWithStoreError(promise: Promise<unknown>, pattern: RegExp): Promise<string> {
    let message = "";
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof StoreError, `expected StoreError, got ${String(error)}`);
      assert.match(error.message, pattern);
      message = error.message;
      return true;
    });
    return message;
  }

  describe("postgres: schema", () => {
    test("migrations have the SQLite versions and names, are recorded once, and reopening applies nothing", withDatabase(async (url, sql) => {
      assert.deepEqual(
        POSTGRES_MIGRATIONS.map((m) => [m.version, m.name]),
        SQLITE_MIGRATIONS.map((m) => [m.version, m.name]),
      );
      await (await openPostgresStore(url)).close();
      await (await openPostgresStore(url)).close();
      const recorded = await sql.query<{ version: number; name: string; applied_at: string }>("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
      assert.deepEqual(recorded.rows.map((r) => [r.version, r.name]), POSTGRES_MIGRATIONS.map((m) => [m.version, m.name]));
      assert.ok(recorded.rows.every((r) => !Number.isNaN(Date.parse(r.applied_at))));
      const pool = testPool(url);
      try {
        assert.deepEqual((await migratePostgres(pool, "t")).applied, []);
      } finally {
        await pool.end();
      }
    }));

    test("pg_trgm is enabled, names have trigram indexes and document text a full-text index", withDatabase(async (url, sql) => {
      await (await openPostgresStore(url)).close();
      const ext = await sql.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
      assert.equal(ext.rowCount, 1);
      const indexes = await sql.query<{ indexname: string; indexdef: string }>("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()");
      const def = (name: string) => indexes.rows.find((i) => i.indexname === name)?.indexdef ?? "";
      assert.match(def("entity_names_norm_trgm"), /USING gin .*gin_trgm_ops/);
      assert.match(def("entity_keys_key_trgm"), /USING gin .*gin_trgm_ops/);
      assert.match(def("documents_search"), /USING gin \(document_search_vector\(text\)\)/);
    }));

    test("full-text search finds a stored report by a word, and a huge text is still stored", withDatabase(async (url, sql) => {
      const store = await openPostgresStore(url);
      try {
        await store.ingest(textReport("small", "Rosoboronexport delivered jets to the junta."));
        // Random words beyond what one tsvector can hold: indexed in part, not refused.
        let big = "";
        for (let i = 0; big.length < 1_200_000; i++) big += `w${(i * 2654435761) % 1_000_003} `;
        assert.equal((await store.ingest(textReport("big", `${big}Norinco.`))).status, "added");
        const found = await sql.query<{ report_id: string }>(
          "SELECT report_id FROM documents WHERE document_search_vector(text) @@ to_tsquery('simple', 'rosoboronexport')",
        );
        assert.deepEqual(found.rows.map((r) => r.report_id), ["small"]);
      } finally {
        await store.close();
      }
    }));

    test("migrations apply only the missing versions, each in its own transaction", withDatabase(async (url, sql) => {
      const pool = testPool(url);
      try {
        const first = POSTGRES_MIGRATIONS.slice(0, 1);
        assert.deepEqual((await migratePostgres(pool, "m", first)).applied, [1]);
        const extra = [
          ...first,
          { version: 2, name: "add a table", sql: "CREATE TABLE extra (x integer);" },
          { version: 3, name: "broken", sql: "CREATE TABLE more (y integer); SELECT * FROM no_such_table;" },
        ];
        await rejectsWithStoreError(migratePostgres(pool, "m", extra), /migration 3 \(broken\) failed/);
        const versions = (await sql.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version);
        assert.deepEqual(versions, [1, 2], "version 2 committed, version 3 rolled back");
        const tables = (await sql.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).rows.map((r) => r.tablename);
        assert.ok(tables.includes("extra") && !tables.includes("more"));
      } finally {
        await pool.end();
      }
    }));

    test("several processes opening a new database at once migrate it once", withDatabase(async (url, sql) => {
      const stores = await Promise.all(Array.from({ length: 6 }, () => openPostgresStore(url)));
      await Promise.all(stores.map((s) => s.close()));
      const n = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM schema_migrations");
      assert.equal(n.rows[0]?.n, POSTGRES_MIGRATIONS.length);
    }));

    test("a database from a newer armstrace is refused clearly", withDatabase(async (url, sql) => {
      await (await openPostgresStore(url)).close();
      await sql.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2099-01-01')");
      await rejectsWithStoreError(openPostgresStore(url), /schema version 999, newer than this armstrace knows/);
    }));

    test("another program's database is refused and left alone", withDatabase(async (url, sql) => {
      await sql.query("CREATE TABLE customers (id integer PRIMARY KEY, name text)");
      await rejectsWithStoreError(openPostgresStore(url), /is not an armstrace database/);
      const tables = (await sql.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).rows;
      assert.deepEqual(tables.map((t) => t.tablename), ["customers"]);
    }));

    test("name keys made under other rules are recomputed on open", withDatabase(async (url, sql) => {
      await (await openPostgresStore(url)).close();
      await sql.query("INSERT INTO entities (id, type, key, name) VALUES (1, 'organization', 'name:aselsan', 'ASELSAN A.Ş.')");
      await sql.query("INSERT INTO entity_names (entity_id, name, norm) VALUES (1, 'ASELSAN A.Ş.', 'aselsan as')");
      await sql.query("INSERT INTO entity_keys (entity_id, name, key, acronym) VALUES (1, 'ASELSAN A.Ş.', 'stale', false)");
      await sql.query("UPDATE entity_key_state SET rules = '0:older'");
      await (await openPostgresStore(url)).close();
      const keys = (await sql.query<{ key: string }>("SELECT key FROM entity_keys ORDER BY key")).rows.map((k) => k.key);
      assert.deepEqual(keys, ["aselsan", "aselsan as"]);
      assert.equal((await sql.query<{ rules: string }>("SELECT rules FROM entity_key_state")).rows[0]?.rules, nameKeysRules());
    }));
  });

  describe("postgres: connections", () => {
    test("an unreachable server gives one clear StoreError without the password", async () => {
      const port = await closedPort();
      const message = await rejectsWithStoreError(
        openPostgresStore(`postgres://analyst:s3cret-pw@127.0.0.1:${port}/evidence`),
        new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/evidence: \\S`),
      );
      assert.ok(!message.includes("s3cret-pw"), message);
      assert.ok(!message.includes("\n"), "one line");
    });

    test("a database that does not exist is named in the error", async () => {
      const { url } = await getServer();
      const missing = url.replace(/\/postgres$/, "/no_such_db");
      await rejectsWithStoreError(openPostgresStore(missing), /cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/no_such_db: .*does not exist/);
    });

    test("a URL that is not one is refused", async () => {
      await rejectsWithStoreError(openPostgresStore("postgres://"), /PostgreSQL/);
    });
  });

  describe("postgres: several writers at once", () => {
    test("parallel ingests naming the same parties create each entity once and lose no report", withDatabase(async (url) => {
      const writers = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
      try {
        // 40 reports, each naming Norinco under one of its names and a recipient, spread over 4 stores.
        const names = ["Norinco", "NORINCO", "Norinco Ltd.", "Норинко"];
        const recipients = ["Myanmar", "Sudan", "Mali", "Serbia", "Kazakhstan"];
        const reports = Array.from({ length: 40 }, (_, i) => supplyReport(`r${i}`, names[i % names.length]!, recipients[i % recipients.length]!));
        const outcomes = await Promise.all(reports.map((r, i) => writers[i % writers.length]!.ingest(r)));
        assert.ok(outcomes.every((o) => o.status === "added"));
        const reader = writers[0]!;
        assert.deepEqual(await reader.counts(), { documents: 40, entities: 1 + recipients.length, mentions: 80, claims: 40 });
        const [norinco] = await reader.entities({ type: "organization" });
        assert.deepEqual(norinco && [norinco.name, norinco.aliases, norinco.claims], [
          norinco?.name,
          names.filter((n) => n !== norinco?.name).sort(compareCodePoints),
          40,
        ]);
        assert.equal(outcomes.reduce((n, o) => n + o.entities, 0), 1 + recipients.length, "each entity created by exactly one report");
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
    }));

    test("reports creating the same new entities in opposite orders all land, as they would one by one", withDatabase(async (url) => {
      // "X supplied Y" beside "Y supplied X": each report creates its first entity, then
      // needs the name the other is creating, which is how two ingests deadlock.
      const pairs = Array.from({ length: 12 }, (_, k) => [`Kestrel Works ${k}`, `Ostland ${k}`] as const);
      const reports = pairs.flatMap(([a, b], k) => [supplyReport(`ab${k}`, a, b), supplyReport(`ba${k}`, b, a)]);
      const writers = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
      const sequential = await freshDatabase();
      const one = await openPostgresStore(sequential.url);
      try {
        const outcomes = await Promise.all(reports.map((r, i) => writers[i % writers.length]!.ingest(r)));
        assert.deepEqual(outcomes.filter((o) => o.status !== "added"), []);
        for (const r of reports) await one.ingest(r);
        const parallel = await writers[0]!.counts();
        assert.deepEqual(parallel, await one.counts());
        assert.equal(outcomes.reduce((n, o) => n + o.entities, 0), parallel.entities, "each entity created by exactly one report");
      } finally {
        await Promise.all(writers.map((w) => w.close()));
        await one.close();
        await sequential.drop();
      }
    }));

    test("a reader following claims by id while several writers ingest misses none", withDatabase(async (url) => {
      const writers = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
      const reader = await openPostgresStore(url);
      try {
        const seen = new Set<number>();
        let cursor = 0;
        const follow = async () => {
          for (const claim of await reader.claims({ afterId: cursor, limit: 1000 })) {
            seen.add(claim.id);
            cursor = Math.max(cursor, claim.id);
          }
        };
        let writing = true;
        const reports = Array.from({ length: 60 }, (_, i) => supplyReport(`c${i}`, `Maker ${i % 7}`, `Country ${i % 5}`));
        const ingesting = Promise.all(reports.map((r, i) => writers[i % writers.length]!.ingest(r))).finally(() => (writing = false));
        while (writing) await follow();
        await ingesting;
        await follow();
        const all = (await reader.claims({ limit: 1000 })).map((c) => c.id);
        assert.equal(all.length, 60);
        assert.deepEqual([...seen].sort((a, b) => a - b), all);
      } finally {
        await Promise.all(writers.map((w) => w.close()));
        await reader.close();
      }
    }));

    test("the same report ingested by several writers at once is stored once", withDatabase(async (url) => {
      const writers = await Promise.all(Array.from({ length: 5 }, () => openPostgresStore(url)));
      try {
        const report = supplyReport("same", "Rosoboronexport", "Myanmar");
        const outcomes = await Promise.all(writers.map((w) => w.ingest(report)));
        assert.deepEqual(outcomes.map((o) => o.status).sort(), ["added", "duplicate", "duplicate", "duplicate", "duplicate"]);
        assert.equal(new Set(outcomes.map((o) => o.documentId)).size, 1);
        assert.deepEqual(await writers[0]!.counts(), { documents: 1, entities: 2, mentions: 2, claims: 1 });
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
    }));

    test("the same feed, watch or alert added at once by several processes is stored once", withDatabase(async (url) => {
      const writers = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
      try {
        await writers[0]!.ingest(supplyReport("w", "Rosoboronexport", "Myanmar"));
        const feeds = await Promise.all(writers.map((w) => w.addFeed("https://example.org/feed.xml")));
        assert.equal(feeds.filter((f) => f.added).length, 1);
        const watches = await Promise.all(writers.map((w) => w.addWatch({ kind: "vendor", vendor: "Acme", label: "Acme", author: "t" })));
        assert.equal(watches.filter((w) => w.added).length, 1);
        const watchId = watches[0]!.watch.id;
        const claimId = await writers[0]!.lastClaimId();
        const saved = await Promise.all(writers.map((w) => w.saveAlerts([{ watchId, claimId, reason: "supplier: Rosoboronexport" }], claimId)));
        assert.equal(saved.flat().length, 1);
        assert.equal((await writers[0]!.alerts()).length, 1);
        assert.equal(await writers[0]!.alertCursor(), claimId);
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
    }));
  });
}

/** A pool for driving migrations by hand; errors of idle connections are not the test's. */
function testPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  pool.on("error", () => undefined);
  return pool;
}

function textReport(id: string, text: string): DocumentInput {
  return {
    report: { id, text, format: "txt", origin: `${id}.txt` },
    contentHash: contentHash(text),
    extraction: { id, entities: [], mentions: [], transfers: [] },
  };
}

/** A report in which `supplier` (an organization) supplies rifles to the state `recipient`. */
function compareCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address !== null ? address.port : 1;
      s.close(() => resolve(port));
    });
  });
}

