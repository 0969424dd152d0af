/**
 * The SQLite backend of `Store`: one file, WAL journal so readers do not block the
 * writer, foreign keys enforced, schema managed by `sqlite-migrations.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { StoreError } from "../../domain/errors.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import {
  ENTITY_TYPES,
  MODALITIES,
  STANCES,
  TRANSFER_KINDS,
  type ExtractedEntity,
} from "../../domain/types.ts";
import type {
  ClaimFilter,
  ClaimRow,
  DocumentInput,
  EntityFilter,
  EntityRef,
  EntityRow,
  IngestOutcome,
  Store,
  StoreCounts,
} from "../store.ts";
import { migrateSqlite } from "./sqlite-migrations.ts";

/**
 * Opens (creating it and its parent directories if needed) an armstrace SQLite
 * database and brings its schema up to date. Rejects with a `StoreError` if the file
 * is not an armstrace database or was written by a newer armstrace.
 * `":memory:"` gives a private in-memory database.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const inMemory = file === ":memory:";
  let db: Database.Database;
  try {
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
  } catch (error) {
    throw new StoreError(`cannot open ${file}: ${message(error)}`, { cause: error });
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrateSqlite(db, file);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (isSqliteError(error) && (error.code === "SQLITE_NOTADB" || error.code === "SQLITE_CORRUPT")) {
      throw new StoreError(`${file} is not an armstrace database (not a SQLite file)`, { cause: error });
    }
    throw new StoreError(`cannot open ${file}: ${message(error)}`, { cause: error });
  }
  return new SqliteStore(db);
}

interface ClaimRecord {
  id: number;
  document_id: number;
  report_id: string;
  url: string | null;
  publisher: string | null;
  published: string | null;
  title: string | null;
  s_id: number;
  s_name: string;
  s_type: string;
  r_id: number;
  r_name: string;
  r_type: string;
  c_id: number | null;
  c_name: string | null;
  c_type: string | null;
  items: string;
  kind: string;
  stance: string;
  modality: string;
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  trigger_text: string;
  trigger_start: number;
  trigger_end: number;
  rule: string;
}

interface EntityRecord {
  id: number;
  name: string;
  type: string;
  country: string | null;
  kb: string | null;
  aliases: string;
  claims: number;
  documents: number;
}

type SqlValue = string | number | null;

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      findDocument: db.prepare<[string], { id: number }>("SELECT id FROM documents WHERE content_hash = ?"),
      insertDocument: db.prepare<[string, string, SqlValue, SqlValue, SqlValue, SqlValue, string, string, string, string]>(
        `INSERT INTO documents
           (content_hash, report_id, url, title, publisher, published, format, origin, text, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      findEntity: db.prepare<[string, string], { id: number }>("SELECT id FROM entities WHERE type = ? AND key = ?"),
      insertEntity: db.prepare<[string, string, string, SqlValue, SqlValue]>(
        "INSERT INTO entities (type, key, name, country, kb) VALUES (?, ?, ?, ?, ?)",
      ),
      fillEntity: db.prepare<[SqlValue, SqlValue, number]>(
        "UPDATE entities SET country = coalesce(country, ?), kb = coalesce(kb, ?) WHERE id = ?",
      ),
      insertName: db.prepare<[number, string, string]>(
        "INSERT OR IGNORE INTO entity_names (entity_id, name, norm) VALUES (?, ?, ?)",
      ),
      insertMention: db.prepare<[number, number, number, number, string]>(
        'INSERT INTO mentions (document_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
      ),
      insertClaim: db.prepare<
        [number, number, number, number | null, string, string, string, string, string, number, number, string, string, number, number]
      >(
        `INSERT INTO claims
           (document_id, supplier_id, recipient_id, claimant_id, items, kind, stance, modality,
            evidence_text, evidence_start, evidence_end, rule, trigger_text, trigger_start, trigger_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      counts: db.prepare<[], StoreCounts>(
        `SELECT (SELECT count(*) FROM documents) AS documents,
                (SELECT count(*) FROM entities)  AS entities,
                (SELECT count(*) FROM mentions)  AS mentions,
                (SELECT count(*) FROM claims)    AS claims`,
      ),
    };
  }

  async ingest(input: DocumentInput): Promise<IngestOutcome> {
    const { report } = input;
    try {
      return this.#db.transaction(() => this.#ingest(input)).immediate();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`could not store report ${report.id} (${report.origin}): ${message(error)}`, {
        cause: error,
      });
    }
  }

  /** Runs inside the transaction; any throw rolls back everything of this report. */
  #ingest({ report, contentHash, extraction }: DocumentInput): IngestOutcome {
    const s = this.#statements;
    const existing = s.findDocument.get(contentHash);
    if (existing) return { status: "duplicate", documentId: existing.id, claims: 0, entities: 0, mentions: 0 };

    const fail = (what: string) => new StoreError(`report ${report.id} (${report.origin}): ${what}; nothing of it was stored`);
    const documentId = Number(
      s.insertDocument.run(
        contentHash,
        report.id,
        report.url ?? null,
        report.title ?? null,
        report.publisher ?? null,
        report.published ?? null,
        report.format,
        report.origin,
        report.text,
        new Date().toISOString(),
      ).lastInsertRowid,
    );

    const canonical = new Map<string, number>();
    let created = 0;
    for (const entity of extraction.entities) {
      if (canonical.has(entity.id)) throw fail(`entity id ${JSON.stringify(entity.id)} is defined twice`);
      if (!(ENTITY_TYPES as readonly string[]).includes(entity.type)) {
        throw fail(`entity ${JSON.stringify(entity.id)} has unknown type ${JSON.stringify(entity.type)}`);
      }
      if (entity.name.trim() === "") throw fail(`entity ${JSON.stringify(entity.id)} has no name`);
      const key = entityKey(entity);
      let id = s.findEntity.get(entity.type, key)?.id;
      if (id === undefined) {
        id = Number(
          s.insertEntity.run(entity.type, key, entity.name, entity.country ?? null, entity.kb ?? null).lastInsertRowid,
        );
        created += 1;
      } else {
        s.fillEntity.run(entity.country ?? null, entity.kb ?? null, id);
      }
      for (const name of [entity.name, ...entity.aliases]) {
        if (name.trim() !== "") s.insertName.run(id, name, normalizeName(name));
      }
      canonical.set(entity.id, id);
    }

    const resolve = (ref: string, role: string): number => {
      const id = canonical.get(ref);
      if (id === undefined) throw fail(`${role} refers to entity ${JSON.stringify(ref)}, which the extraction does not define`);
      return id;
    };

    extraction.mentions.forEach((m, i) => {
      s.insertMention.run(documentId, resolve(m.entity, `mention ${i}`), m.start, m.end, m.text);
    });
    extraction.transfers.forEach((t, i) => {
      const where = `transfer ${i}`;
      check(TRANSFER_KINDS, t.kind, `${where} kind`, fail);
      check(STANCES, t.stance, `${where} stance`, fail);
      check(MODALITIES, t.modality, `${where} modality`, fail);
      s.insertClaim.run(
        documentId,
        resolve(t.supplier, `${where} supplier`),
        resolve(t.recipient, `${where} recipient`),
        t.claimant === null ? null : resolve(t.claimant, `${where} claimant`),
        JSON.stringify(t.items),
        t.kind,
        t.stance,
        t.modality,
        t.evidence.text,
        t.evidence.start,
        t.evidence.end,
        t.rule,
        t.trigger.text,
        t.trigger.start,
        t.trigger.end,
      );
    });

    return {
      status: "added",
      documentId,
      claims: extraction.transfers.length,
      entities: created,
      mentions: extraction.mentions.length,
    };
  }

  async hasDocument(contentHash: string): Promise<boolean> {
    return this.#statements.findDocument.get(contentHash) !== undefined;
  }

  async claims(filter: ClaimFilter = {}): Promise<ClaimRow[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.entity !== undefined) {
      const norm = normalizeName(filter.entity);
      if (norm === "") return [];
      where.push(
        `(c.supplier_id IN (SELECT entity_id FROM entity_names WHERE norm = ?)
          OR c.recipient_id IN (SELECT entity_id FROM entity_names WHERE norm = ?)
          OR c.claimant_id IN (SELECT entity_id FROM entity_names WHERE norm = ?))`,
      );
      params.push(norm, norm, norm);
    }
    if (filter.stance !== undefined) {
      where.push("c.stance = ?");
      params.push(filter.stance);
    }
    params.push(limitValue(filter.limit));
    const sql = `
      SELECT c.id, c.document_id, d.report_id, d.url, d.publisher, d.published, d.title,
             s.id AS s_id, s.name AS s_name, s.type AS s_type,
             r.id AS r_id, r.name AS r_name, r.type AS r_type,
             cl.id AS c_id, cl.name AS c_name, cl.type AS c_type,
             c.items, c.kind, c.stance, c.modality,
             c.evidence_text, c.evidence_start, c.evidence_end,
             c.trigger_text, c.trigger_start, c.trigger_end, c.rule
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        JOIN entities s ON s.id = c.supplier_id
        JOIN entities r ON r.id = c.recipient_id
        LEFT JOIN entities cl ON cl.id = c.claimant_id
       ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY c.id
       LIMIT ?`;
    const rows = this.#db.prepare<SqlValue[], ClaimRecord>(sql).all(...params);
    return rows.map(toClaimRow);
  }

  async entities(filter: EntityFilter = {}): Promise<EntityRow[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.type !== undefined) {
      where.push("e.type = ?");
      params.push(filter.type);
    }
    if (filter.name !== undefined) {
      const norm = normalizeName(filter.name);
      if (norm === "") return [];
      // Normalized names hold only letters, digits and single spaces, so no LIKE escapes are needed.
      where.push(
        "EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id AND (' ' || n.norm || ' ') LIKE ?)",
      );
      params.push(`% ${norm} %`);
    }
    params.push(limitValue(filter.limit));
    const sql = `
      SELECT e.id, e.name, e.type, e.country, e.kb,
             (SELECT json_group_array(n.name) FROM entity_names n
               WHERE n.entity_id = e.id AND n.name <> e.name) AS aliases,
             (SELECT count(*) FROM claims c
               WHERE c.supplier_id = e.id OR c.recipient_id = e.id) AS claims,
             (SELECT count(*) FROM (
                SELECT document_id FROM mentions WHERE entity_id = e.id
                UNION SELECT document_id FROM claims
                 WHERE supplier_id = e.id OR recipient_id = e.id OR claimant_id = e.id)) AS documents
        FROM entities e
       ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY claims DESC, e.name COLLATE NOCASE, e.id
       LIMIT ?`;
    const rows = this.#db.prepare<SqlValue[], EntityRecord>(sql).all(...params);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: oneOf(ENTITY_TYPES, r.type, "entity type"),
      country: r.country,
      kb: r.kb,
      aliases: parseStrings(r.aliases, "entity aliases").sort(),
      claims: r.claims,
      documents: r.documents,
    }));
  }

  async counts(): Promise<StoreCounts> {
    const row = this.#statements.counts.get();
    if (!row) throw new StoreError("could not count stored records");
    return row;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** Where a canonical entity is looked up: its knowledge-base id if it has one, else its normalized name. */
function entityKey(entity: ExtractedEntity): string {
  if (entity.kb !== undefined && entity.kb !== "") return `kb:${entity.kb}`;
  const norm = normalizeName(entity.name);
  return norm === "" ? `raw:${entity.name.trim()}` : `name:${norm}`;
}

function toClaimRow(r: ClaimRecord): ClaimRow {
  const ref = (id: number, name: string, type: string): EntityRef => ({
    id,
    name,
    type: oneOf(ENTITY_TYPES, type, "entity type"),
  });
  return {
    id: r.id,
    documentId: r.document_id,
    reportId: r.report_id,
    url: r.url,
    publisher: r.publisher,
    published: r.published,
    title: r.title,
    supplier: ref(r.s_id, r.s_name, r.s_type),
    recipient: ref(r.r_id, r.r_name, r.r_type),
    claimant: r.c_id === null || r.c_name === null || r.c_type === null ? null : ref(r.c_id, r.c_name, r.c_type),
    items: parseStrings(r.items, "claim items"),
    kind: oneOf(TRANSFER_KINDS, r.kind, "transfer kind"),
    stance: oneOf(STANCES, r.stance, "stance"),
    modality: oneOf(MODALITIES, r.modality, "modality"),
    evidence: { text: r.evidence_text, start: r.evidence_start, end: r.evidence_end },
    trigger: { text: r.trigger_text, start: r.trigger_start, end: r.trigger_end },
    rule: r.rule,
  };
}

/** SQLite's LIMIT takes -1 for "no limit". */
function limitValue(limit: number | undefined): number {
  if (limit === undefined) return -1;
  if (!Number.isInteger(limit) || limit < 0) throw new StoreError(`limit must be a whole number ≥ 0, not ${limit}`);
  return limit;
}

function check<T extends string>(
  values: readonly T[],
  value: string,
  what: string,
  fail: (what: string) => StoreError,
): void {
  if (!(values as readonly string[]).includes(value)) throw fail(`${what} ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
}

/** Narrows a stored string to a domain enum; a mismatch means the database was edited by hand. */
function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new StoreError(`stored ${what} ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
  return found;
}

function parseStrings(json: string, what: string): string[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
    throw new StoreError(`stored ${what} are not a list of strings: ${json}`);
  }
  return value;
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Database.SqliteError;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

