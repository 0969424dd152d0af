/**
 * The SQLite schema as an ordered list of migrations. A database records which
 * versions it has in `schema_migrations`; opening one applies only the missing
 * versions, each in its own transaction, so a failed migration leaves the database
 * at the previous version. Never edit a migration that has shipped: add a new one.
 */
import type Database from "better-sqlite3";
import { StoreError } from "../../domain/errors.ts";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "documents, entities, entity names, mentions, claims",
    sql: `
      CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        report_id    TEXT NOT NULL,
        url          TEXT,
        title        TEXT,
        publisher    TEXT,
        published    TEXT,
        format       TEXT NOT NULL,
        origin       TEXT NOT NULL,
        text         TEXT NOT NULL,
        ingested_at  TEXT NOT NULL
      ) STRICT;

      -- One row per canonical entity; key is 'kb:<kb id>' or 'name:<normalizeName(name)>'.
      CREATE TABLE entities (
        id      INTEGER PRIMARY KEY,
        type    TEXT NOT NULL,
        key     TEXT NOT NULL,
        name    TEXT NOT NULL,
        country TEXT,
        kb      TEXT,
        UNIQUE (type, key)
      ) STRICT;
      CREATE INDEX entities_type_name ON entities (type, name);

      -- Every name an entity was ever seen under, with its normalizeName() form for lookups.
      CREATE TABLE entity_names (
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        name      TEXT NOT NULL,
        norm      TEXT NOT NULL,
        PRIMARY KEY (entity_id, name)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entity_names_norm ON entity_names (norm, entity_id);

      CREATE TABLE mentions (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        entity_id   INTEGER NOT NULL REFERENCES entities (id),
        start       INTEGER NOT NULL,
        "end"       INTEGER NOT NULL,
        text        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mentions_document ON mentions (document_id);
      CREATE INDEX mentions_entity ON mentions (entity_id, document_id);

      CREATE TABLE claims (
        id             INTEGER PRIMARY KEY,
        document_id    INTEGER NOT NULL REFERENCES documents (id),
        supplier_id    INTEGER NOT NULL REFERENCES entities (id),
        recipient_id   INTEGER NOT NULL REFERENCES entities (id),
        claimant_id    INTEGER REFERENCES entities (id),
        items          TEXT NOT NULL, -- JSON array of strings
        kind           TEXT NOT NULL,
        stance         TEXT NOT NULL,
        modality       TEXT NOT NULL,
        evidence_text  TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end   INTEGER NOT NULL,
        rule           TEXT NOT NULL,
        trigger_text   TEXT NOT NULL,
        trigger_start  INTEGER NOT NULL,
        trigger_end    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX claims_document ON claims (document_id);
      CREATE INDEX claims_supplier ON claims (supplier_id);
      CREATE INDEX claims_recipient ON claims (recipient_id);
      CREATE INDEX claims_claimant ON claims (claimant_id);
      CREATE INDEX claims_stance ON claims (stance);
    `,
  },
];

/** What `migrateSqlite` found and did. */
export interface MigrationResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** The database's version afterwards. */
  version: number;
}

/**
 * Brings `db` up to the newest schema in `migrations`. Throws a `StoreError` if the
 * database holds tables but no `schema_migrations` (some other program's database),
 * or records a version newer than `migrations` knows (written by a newer armstrace).
 * `label` names the database in messages, usually its file path.
 */
export function migrateSqlite(
  db: Database.Database,
  label: string,
  migrations: readonly Migration[] = SQLITE_MIGRATIONS,
): MigrationResult {
  checkOrder(migrations);
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )
    .all()
    .map((t) => t.name);
  if (!tables.includes("schema_migrations")) {
    if (tables.length > 0) {
      throw new StoreError(`${label} is not an armstrace database (it has tables but no schema_migrations)`);
    }
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
  }

  const known = migrations.at(-1)?.version ?? 0;
  const appliedVersions = () =>
    new Set(db.prepare<[], { version: number }>("SELECT version FROM schema_migrations").all().map((r) => r.version));
  const newest = Math.max(0, ...appliedVersions());
  if (newest > known) {
    throw new StoreError(
      `${label} has schema version ${newest}, newer than this armstrace knows (${known}); upgrade armstrace to open it`,
    );
  }

  const record = db.prepare<[number, string, string]>(
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    // Re-read inside the write lock: another process may have applied it meanwhile.
    const apply = db.transaction(() => {
      if (appliedVersions().has(migration.version)) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    try {
      if (apply.immediate()) applied.push(migration.version);
    } catch (error) {
      throw new StoreError(
        `${label}: migration ${migration.version} (${migration.name}) failed: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  }
  return { applied, version: Math.max(0, ...appliedVersions()) };
}

function checkOrder(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`migrations must have increasing positive integer versions; ${m.version} follows ${previous}`);
    }
    previous = m.version;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
