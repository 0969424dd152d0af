import { test as nodeTest } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { StoreError } from "../../domain/errors.ts";
import { runStoreContract } from "../store-contract.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { SQLITE_MIGRATIONS, migrateSqlite } from "./sqlite-migrations.ts";
import { contentHash } from "../../domain/content-hash.ts";
import { nameKeysRules } from "../../domain/name-keys.ts";
import { storesUnderTest } from "../../../test/support/stores-under-test.ts";

// Runs unless STORES names other backends only (a run of just the PostgreSQL suite).
const underTest = storesUnderTest().includes("sqlite");
const test = underTest ? nodeTest : nodeTest.skip;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-"));
}

if (!underTest) nodeTest("sqlite store", { skip: "STORES does not include sqlite" }, () => {});
else runStoreContract("sqlite", async () => {
  const dir = tempDir();
  const file = path.join(dir, "armstrace.db");
  return {
    open: () => openSqliteStore(file),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = tempDir();
    try {
      await fn(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

async function rejectsWithStoreError(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StoreError, `expected StoreError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

test("sqlite: creates parent directories, uses WAL and foreign keys", withDir(async (dir) => {
  const file = path.join(dir, "deep", "er", "armstrace.db");
  const store = await openSqliteStore(file);
  await store.close();
  assert.ok(fs.existsSync(file));
  const db = new Database(file, { readonly: true });
  try {
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    const fks = db.prepare("PRAGMA foreign_key_list(claims)").all();
    assert.ok(fks.length >= 4);
  } finally {
    db.close();
  }
}));

test("sqlite: migrations are recorded once and reopening applies nothing", withDir(async (dir) => {
  const file = path.join(dir, "a.db");
  await (await openSqliteStore(file)).close();
  await (await openSqliteStore(file)).close();
  const db = new Database(file);
  try {
    const rows = db.prepare<[], { version: number; name: string; applied_at: string }>(
      "SELECT version, name, applied_at FROM schema_migrations ORDER BY version",
    ).all();
    assert.deepEqual(rows.map((r) => r.version), SQLITE_MIGRATIONS.map((m) => m.version));
    assert.ok(rows.every((r) => !Number.isNaN(Date.parse(r.applied_at))));
    assert.deepEqual(migrateSqlite(db, file).applied, []);
  } finally {
    db.close();
  }
}));

test("sqlite: only missing migrations are applied, each in its own transaction", withDir(async (dir) => {
  const db = new Database(path.join(dir, "m.db"));
  try {
    const first = SQLITE_MIGRATIONS.slice(0, 1);
    assert.deepEqual(migrateSqlite(db, "m.db", first).applied, [1]);
    const extra = [
      ...first,
      { version: 2, name: "add a table", sql: "CREATE TABLE extra (x INTEGER) STRICT;" },
      { version: 3, name: "broken", sql: "CREATE TABLE more (y INTEGER); SELECT * FROM no_such_table;" },
    ];
    assert.throws(() => migrateSqlite(db, "m.db", extra), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.match(error.message, /migration 3 \(broken\) failed/);
      return true;
    });
    const versions = db.prepare<[], { version: number }>("SELECT version FROM schema_migrations").all().map((r) => r.version);
    assert.deepEqual(versions, [1, 2], "version 2 committed, version 3 rolled back");
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => r.name);
    assert.ok(tables.includes("extra") && !tables.includes("more"));
  } finally {
    db.close();
  }
}));

test("sqlite: a database from a newer armstrace is refused clearly", withDir(async (dir) => {
  const file = path.join(dir, "new.db");
  await (await openSqliteStore(file)).close();
  const db = new Database(file);
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2099-01-01')").run();
  db.close();
  await rejectsWithStoreError(openSqliteStore(file), /schema version 999, newer than this armstrace knows/);
}));

test("sqlite: a file that is not a database gives a StoreError", withDir(async (dir) => {
  const file = path.join(dir, "notes.txt");
  const content = "These are my notes, not a database.\n".repeat(20);
  fs.writeFileSync(file, content);
  await rejectsWithStoreError(openSqliteStore(file), new RegExp(`${escape(file)} is not an armstrace database`));
  assert.equal(fs.readFileSync(file, "utf8"), content, "the file is left untouched");
}));

test("sqlite: another program's SQLite database gives a StoreError", withDir(async (dir) => {
  const file = path.join(dir, "other.db");
  const db = new Database(file);
  db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
  db.close();
  await rejectsWithStoreError(openSqliteStore(file), /is not an armstrace database/);
}));

test("sqlite: a path that cannot be opened gives a StoreError", withDir(async (dir) => {
  await rejectsWithStoreError(openSqliteStore(dir), /cannot open/);
}));

test("sqlite: an in-memory store works", async () => {
  const store = await openSqliteStore(":memory:");
  try {
    assert.deepEqual(await store.counts(), { documents: 0, entities: 0, mentions: 0, claims: 0 });
  } finally {
    await store.close();
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---- entity resolution and judgements ----------------------------------------------------

test("sqlite: a database from before name keys is keyed on first open, and new reports resolve against it", withDir(async (dir) => {
  const file = path.join(dir, "old.db");
  const db = new Database(file);
  migrateSqlite(db, file, SQLITE_MIGRATIONS.filter((m) => m.version < 3));
  // Rows as schema version 1 wrote them: key 'name:<normalizeName>', names with their norm.
  db.prepare("INSERT INTO entities (id, type, key, name, country, kb) VALUES (1, 'organization', 'name:norinco', 'Norinco', 'CN', NULL)").run();
  db.prepare("INSERT INTO entity_names (entity_id, name, norm) VALUES (1, 'Norinco', 'norinco'), (1, 'NORINCO', 'norinco')").run();
  db.close();

  const store = await openSqliteStore(file);
  try {
    const text = "Норинко shipped rifles.";
    const outcome = await store.ingest({
      report: { id: "ru", text, format: "txt", origin: "ru.txt" },
      contentHash: contentHash(text),
      extraction: {
        id: "ru",
        entities: [{ id: "n", name: "Норинко", type: "organization", aliases: [] }],
        mentions: [{ entity: "n", text: "Норинко", start: 0, end: 7 }],
        transfers: [],
      },
    });
    assert.equal(outcome.entities, 0, "the Cyrillic name resolves to the stored entity");
    const [norinco] = await store.entities();
    assert.deepEqual(norinco && [norinco.id, norinco.name, norinco.aliases], [1, "Norinco", ["NORINCO", "Норинко"]]);
  } finally {
    await store.close();
  }
  const check = new Database(file, { readonly: true });
  try {
    const keys = check.prepare<[], { key: string; acronym: number }>("SELECT key, acronym FROM entity_keys WHERE name = 'NORINCO' ORDER BY key").all();
    assert.deepEqual(keys, [{ key: "norinco", acronym: 1 }, { key: "norinko", acronym: 1 }]);
    assert.equal(check.prepare<[], { rules: string }>("SELECT rules FROM entity_key_state").get()?.rules, nameKeysRules());
  } finally {
    check.close();
  }
}));

test("sqlite: claims stored before claim explanations (version 10) open with none", withDir(async (dir) => {
  const file = path.join(dir, "v9.db");
  const db = new Database(file);
  migrateSqlite(db, file, SQLITE_MIGRATIONS.filter((m) => m.version < 10));
  db.exec(`
    INSERT INTO documents (id, content_hash, report_id, format, origin, text, ingested_at)
      VALUES (1, 'h1', 'r1', 'txt', 'r1.txt', 'Iran supplied drones to Russia.', '2024-01-01T00:00:00Z');
    INSERT INTO entities (id, type, key, name) VALUES (1, 'state', 'name:iran', 'Iran'), (2, 'state', 'name:russia', 'Russia');
    INSERT INTO claims (document_id, supplier_id, recipient_id, items, kind, stance, modality, evidence_text, evidence_start,
                        evidence_end, rule, trigger_text, trigger_start, trigger_end)
      VALUES (1, 1, 2, '["drones"]', 'arms', 'asserted', 'actual', 'Iran supplied drones to Russia.', 0, 31,
              'extract/01-active-supply', 'supplied', 5, 13);
  `);
  db.close();
  const store = await openSqliteStore(file);
  try {
    const [claim] = await store.claims();
    assert.deepEqual(claim && { rule: claim.rule, model: claim.model, score: claim.score, features: claim.features }, {
      rule: "extract/01-active-supply",
      model: null,
      score: null,
      features: null,
    });
  } finally {
    await store.close();
  }
}));

test("sqlite: name keys made under other rules are recomputed on open", withDir(async (dir) => {
  const file = path.join(dir, "rules.db");
  await (await openSqliteStore(file)).close();
  const db = new Database(file);
  db.prepare("INSERT INTO entities (id, type, key, name) VALUES (1, 'organization', 'name:aselsan', 'ASELSAN A.Ş.')").run();
  db.prepare("INSERT INTO entity_names (entity_id, name, norm) VALUES (1, 'ASELSAN A.Ş.', 'aselsan as')").run();
  db.prepare("INSERT INTO entity_keys (entity_id, name, key, acronym) VALUES (1, 'ASELSAN A.Ş.', 'stale', 0)").run();
  db.prepare("UPDATE entity_key_state SET rules = '0:older'").run();
  db.close();
  await (await openSqliteStore(file)).close();
  const check = new Database(file, { readonly: true });
  try {
    const keys = check.prepare<[], { key: string }>("SELECT key FROM entity_keys ORDER BY key").all().map((k) => k.key);
    assert.deepEqual(keys, ["aselsan", "aselsan as"]);
  } finally {
    check.close();
  }
}));
