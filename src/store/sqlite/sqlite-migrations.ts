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
  {
    version: 2,
    name: "relations and sources: document fingerprints and origins, source overrides, relations",
    sql: `
      -- MinHash of the text's word 3-shingles (near-duplicates) and the source a report
      -- mainly relays ("citing Reuters"); both decide which reports are independent.
      ALTER TABLE documents ADD COLUMN fingerprint TEXT;
      ALTER TABLE documents ADD COLUMN origin_source TEXT;

      -- The analyst's grades, laid over the shipped data/kb/sources.json.
      CREATE TABLE source_overrides (
        name        TEXT PRIMARY KEY,
        aliases     TEXT NOT NULL, -- JSON array of strings
        reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        kind        TEXT NOT NULL,
        reason      TEXT NOT NULL,
        url         TEXT,
        updated_at  TEXT NOT NULL
      ) STRICT;

      -- Derived from claims, never edited by hand: one row per (supplier, recipient)
      -- pair of group representatives.
      CREATE TABLE relations (
        supplier_id          INTEGER NOT NULL REFERENCES entities (id),
        recipient_id         INTEGER NOT NULL REFERENCES entities (id),
        credibility          INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
        best_reliability     TEXT NOT NULL,
        independent_sources  INTEGER NOT NULL,
        claims               INTEGER NOT NULL,
        items                TEXT NOT NULL, -- JSON array of strings
        claimants            TEXT NOT NULL, -- JSON array of names
        supporting_documents TEXT NOT NULL, -- JSON array of document ids
        denying_documents    TEXT NOT NULL, -- JSON array of document ids
        accused_denials      INTEGER NOT NULL,
        first_reported       TEXT,
        last_reported        TEXT,
        quote_claim_id       INTEGER REFERENCES claims (id),
        explanation          TEXT NOT NULL,
        updated_at           TEXT NOT NULL,
        PRIMARY KEY (supplier_id, recipient_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX relations_recipient ON relations (recipient_id);

      -- What the relations were computed from: every claim up to claims_through,
      -- under the grades whose digest is grading ('' = never computed), with the
      -- entity groups in groups (JSON [[id, representative], ...] of grouped entities).
      CREATE TABLE relation_state (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        claims_through INTEGER NOT NULL,
        grading        TEXT NOT NULL,
        groups         TEXT NOT NULL
      ) STRICT;
      INSERT INTO relation_state (id, claims_through, grading, groups) VALUES (1, 0, '', '[]');
    `,
  },
  {
    version: 3,
    name: "entity resolution and judgements: name keys, analyst judgements",
    sql: `
      -- The comparison keys (domain/name-keys.ts) of every name in entity_names, by which
      -- a newly extracted entity finds a stored one. Derived: the store fills it, and
      -- rebuilds it whenever the key rules differ from entity_key_state.rules (so rows
      -- from before this version are keyed on first open).
      CREATE TABLE entity_keys (
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        name      TEXT NOT NULL,
        key       TEXT NOT NULL,
        acronym   INTEGER NOT NULL CHECK (acronym IN (0, 1)),
        PRIMARY KEY (key, entity_id, name)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entity_keys_entity ON entity_keys (entity_id);

      CREATE TABLE entity_key_state (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        rules TEXT NOT NULL -- nameKeysRules() the keys were made with; '' = never
      ) STRICT;
      INSERT INTO entity_key_state (id, rules) VALUES (1, '');

      CREATE INDEX entities_kb ON entities (kb);

      -- An analyst's verdict that two stored entities are (same, merge) or are not
      -- (not_same, split) one party. Kept beside the data, never rewriting it; revoking
      -- sets revoked_at. The grouping is derived from the active rows on every read.
      CREATE TABLE entity_judgements (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('same', 'not_same', 'merge', 'split')),
        a          INTEGER NOT NULL REFERENCES entities (id),
        b          INTEGER NOT NULL REFERENCES entities (id),
        reason     TEXT,
        author     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        CHECK (a <> b)
      ) STRICT;
      CREATE INDEX entity_judgements_a ON entity_judgements (a);
      CREATE INDEX entity_judgements_b ON entity_judgements (b);
    `,
  },
  {
    version: 4,
    name: "access tokens: hashed bearer tokens with their roles",
    sql: `
      -- Bearer tokens for the REST API. Only the SHA-256 of a token is kept, so a copy
      -- of the database gives no one access; the token itself is shown once at creation.
      CREATE TABLE access_tokens (
        id         INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        role       TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: "claim reviews: analysts accept, reject or correct claims",
    sql: `
      -- An analyst's verdict on one claim. The claim row is never rewritten: the most
      -- recent review that is not revoked applies when claims are read, so every
      -- verdict can be undone and the audit log keeps who decided what and when. A
      -- row carries the whole reading it approves: corrected fields, or NULL for "as
      -- extracted".
      CREATE TABLE claim_reviews (
        id           INTEGER PRIMARY KEY,
        claim_id     INTEGER NOT NULL REFERENCES claims (id),
        verdict      TEXT NOT NULL CHECK (verdict IN ('accept', 'reject', 'correct')),
        stance       TEXT CHECK (stance IN ('asserted', 'hedged', 'denied')),
        supplier_id  INTEGER REFERENCES entities (id),
        recipient_id INTEGER REFERENCES entities (id),
        items        TEXT,
        reason       TEXT,
        author       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        revoked_at   TEXT
      ) STRICT;
      CREATE INDEX claim_reviews_claim ON claim_reviews (claim_id);
    `,
  },
  {
    version: 6,
    name: "screening decisions: delist, keep or monitor a vendor, with the evidence",
    sql: `
      -- A compliance decision is a record, never updated: the evidence it rested on is
      -- kept as it was then (JSON), so a later change of grades does not rewrite history.
      CREATE TABLE vendor_decisions (
        id            INTEGER PRIMARY KEY,
        vendor        TEXT NOT NULL,
        vendor_key    TEXT NOT NULL,
        country       TEXT,
        decision      TEXT NOT NULL CHECK (decision IN ('delist', 'keep', 'monitor')),
        reason        TEXT NOT NULL,
        author        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        tier          TEXT NOT NULL,
        rule          TEXT NOT NULL,
        matches_json  TEXT NOT NULL,
        evidence_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX vendor_decisions_key ON vendor_decisions (vendor_key, id);
    `,
  },
  {
    version: 7,
    name: "monitoring: feeds, watches and alerts",
    sql: `
      CREATE TABLE feeds (
        id             INTEGER PRIMARY KEY,
        url            TEXT NOT NULL UNIQUE,
        title          TEXT,
        etag           TEXT,
        last_modified  TEXT,
        failures       INTEGER NOT NULL DEFAULT 0,
        last_error     TEXT,
        last_polled_at TEXT,
        next_poll_at   TEXT,
        added_at       TEXT NOT NULL,
        removed_at     TEXT
      ) STRICT;
      -- Every item handled once, ingested or failed, so a feed's old items are not fetched again.
      CREATE TABLE feed_items (
        feed_id     INTEGER NOT NULL REFERENCES feeds (id),
        item_id     TEXT NOT NULL,
        url         TEXT,
        document_id INTEGER REFERENCES documents (id),
        error       TEXT,
        handled_at  TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_id)
      ) STRICT;
      CREATE TABLE watches (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('entity', 'vendor')),
        entity_id  INTEGER REFERENCES entities (id),
        vendor     TEXT,
        country    TEXT,
        label      TEXT NOT NULL,
        author     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Only claims stored after the watch began raise its alerts.
        since_claim INTEGER NOT NULL,
        removed_at TEXT,
        CHECK ((kind = 'entity') = (entity_id IS NOT NULL))
      ) STRICT;
      CREATE TABLE alerts (
        id         INTEGER PRIMARY KEY,
        watch_id   INTEGER NOT NULL REFERENCES watches (id),
        claim_id   INTEGER NOT NULL REFERENCES claims (id),
        reason     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        read_at    TEXT,
        UNIQUE (watch_id, claim_id)
      ) STRICT;
      CREATE TABLE alert_deliveries (
        id         INTEGER PRIMARY KEY,
        alert_id   INTEGER NOT NULL REFERENCES alerts (id),
        channel    TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
        ok         INTEGER NOT NULL,
        error      TEXT,
        at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, channel);
      -- One row: the claims alerts have been raised through.
      CREATE TABLE monitor_state (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        claims_through INTEGER NOT NULL
      ) STRICT;
      INSERT INTO monitor_state (id, claims_through) VALUES (1, 0);
    `,
  },
  {
    version: 8,
    name: "ingestion queue: reports waiting for workers",
    sql: `
      -- A job is done in the same transaction that stores its report, so a worker that
      -- dies mid-job leaves the job queued and nothing of the report stored.
      CREATE TABLE ingest_jobs (
        id           INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        report       TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done', 'failed')),
        error        TEXT,
        document_id  INTEGER REFERENCES documents (id),
        worker       TEXT,
        queued_at    TEXT NOT NULL,
        done_at      TEXT
      ) STRICT;
      CREATE INDEX ingest_jobs_queued ON ingest_jobs (status, id);
    `,
  },
  {
    version: 9,
    name: "name search: a trigram index over the entities' comparison keys",
    sql: `
      -- entity_keys has no rowid for FTS5 to follow, so each key row is mirrored in a
      -- rowid table that the index uses as its content; triggers keep all three in step.
      CREATE TABLE entity_search_rows (
        id        INTEGER PRIMARY KEY,
        entity_id INTEGER NOT NULL,
        key       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entity_search_rows_key ON entity_search_rows (key, entity_id);
      CREATE VIRTUAL TABLE entity_search USING fts5(key, content = 'entity_search_rows', content_rowid = 'id', tokenize = 'trigram');
      CREATE TRIGGER entity_search_rows_ai AFTER INSERT ON entity_search_rows BEGIN
        INSERT INTO entity_search (rowid, key) VALUES (new.id, new.key);
      END;
      CREATE TRIGGER entity_search_rows_ad AFTER DELETE ON entity_search_rows BEGIN
        INSERT INTO entity_search (entity_search, rowid, key) VALUES ('delete', old.id, old.key);
      END;
      CREATE TRIGGER entity_keys_search_ai AFTER INSERT ON entity_keys BEGIN
        INSERT INTO entity_search_rows (entity_id, key) VALUES (new.entity_id, new.key);
      END;
      CREATE TRIGGER entity_keys_search_ad AFTER DELETE ON entity_keys BEGIN
        DELETE FROM entity_search_rows WHERE id = (SELECT id FROM entity_search_rows WHERE key = old.key AND entity_id = old.entity_id LIMIT 1);
      END;
      INSERT INTO entity_search_rows (entity_id, key) SELECT entity_id, key FROM entity_keys;
    `,
  },
  {
    version: 10,
    name: "claim explanations: the pair model's version, score and strongest features",
    sql: `
      -- Why the extractor believed each claim: the model version, its probability and the
      -- features that weighed most (JSON array of [feature, weight], strongest first).
      -- Claims stored before, or made by the pattern rules alone, keep NULL.
      ALTER TABLE claims ADD COLUMN model TEXT;
      ALTER TABLE claims ADD COLUMN score REAL;
      ALTER TABLE claims ADD COLUMN features TEXT;
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
