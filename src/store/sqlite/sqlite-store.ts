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
  EvidenceRow,
  EvidenceScope,
  RelationChange,
  RelationFilter,
  RelationRecord,
  RelationRow,
  RelationState,
  AccessTokenRow,
  DocumentRow,
  IngestJobOutcome,
} from "../store.ts";
import type { Report } from "../../domain/types.ts";
import { contentHash as hashText } from "../../domain/content-hash.ts";
import { isAccessRole, type AccessRole } from "../../domain/access-role.ts";
import { CLAIM_VERDICTS } from "../../domain/claim-verdict.ts";
import { migrateSqlite } from "./sqlite-migrations.ts";
import { claimExplanation, claimRow, oneOf, type ClaimRecord as SharedClaimRecord } from "../claim-records.ts";
import * as monitoring from "./sqlite-monitoring.ts";
import type { VendorDecision } from "../../domain/screening.ts";
import type {
  AlertFilter,
  AlertInput,
  AlertRow,
  DeliveryChannel,
  FeedItemRecord,
  FeedRow,
  FeedUpdate,
  VendorDecisionInput,
  WatchInput,
  WatchRow,
} from "../store.ts";
import { EFFECTIVE, REVIEW_JOIN, claimReviewById, insertClaimReview, listClaimReviews, revokeClaimReviewById } from "./sqlite-claim-reviews.ts";
import type { JudgementKind } from "../../domain/entity-groups.ts";
import type { ClaimReview, ClaimReviewInput, EntityJudgement } from "../store.ts";
import {
  EntityGroups,
  EntityResolver,
  entityIdsByName,
  insertJudgement,
  listJudgements,
  refreshNameKeys,
  revokeJudgementById,
} from "./sqlite-entity-resolution.ts";
import { minhash } from "../../domain/minhash.ts";
import { CREDIBILITIES, RELIABILITIES, SOURCE_KINDS, type Source } from "../../domain/admiralty.ts";

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
    backfillFingerprints(db);
    refreshNameKeys(db);
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

type ClaimRecord = SharedClaimRecord<string>;

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
  readonly #resolver: EntityResolver;
  readonly #groups: EntityGroups;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#resolver = new EntityResolver(db);
    this.#groups = new EntityGroups(db);
    this.#statements = {
      findDocument: db.prepare<[string], { id: number }>("SELECT id FROM documents WHERE content_hash = ?"),
      insertDocument: db.prepare<[string, string, SqlValue, SqlValue, SqlValue, SqlValue, string, string, string, string, string, SqlValue]>(
        `INSERT INTO documents
           (content_hash, report_id, url, title, publisher, published, format, origin, text, ingested_at, fingerprint, origin_source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertMention: db.prepare<[number, number, number, number, string]>(
        'INSERT INTO mentions (document_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
      ),
      insertClaim: db.prepare<
        [number, number, number, number | null, string, string, string, string, string, number, number, string, string, number, number, SqlValue, SqlValue, SqlValue]
      >(
        `INSERT INTO claims
           (document_id, supplier_id, recipient_id, claimant_id, items, kind, stance, modality,
            evidence_text, evidence_start, evidence_end, rule, trigger_text, trigger_start, trigger_end,
            model, score, features)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
  #ingest({ report, contentHash, extraction, originSource }: DocumentInput): IngestOutcome {
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
        minhash(report.text),
        originSource ?? null,
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
      const { id, created: isNew } = this.#resolver.resolve(entity);
      if (isNew) created += 1;
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
      const explanation = claimExplanation(t, where, fail);
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
        explanation.model,
        explanation.score,
        explanation.features,
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
    this.#groups.current(); // brings temp.entity_group up to date for the joins below
    if (filter.entity !== undefined) {
      const named = entityIdsByName(this.#db, filter.entity);
      if (named.length === 0) return [];
      const ids = JSON.stringify(this.#groups.expand(named));
      where.push(
        `(${EFFECTIVE.supplier} IN (SELECT value FROM json_each(?))
          OR ${EFFECTIVE.recipient} IN (SELECT value FROM json_each(?))
          OR c.claimant_id IN (SELECT value FROM json_each(?)))`,
      );
      params.push(ids, ids, ids);
    }
    if (filter.stance !== undefined) {
      where.push(`${EFFECTIVE.stance} = ?`);
      params.push(filter.stance);
    }
    if (filter.documentId !== undefined) {
      where.push("c.document_id = ?");
      params.push(filter.documentId);
    }
    if (filter.id !== undefined) {
      where.push("c.id = ?");
      params.push(filter.id);
    }
    if (filter.afterId !== undefined) {
      where.push("c.id > ?");
      params.push(filter.afterId);
    }
    if (filter.pair !== undefined) {
      where.push(`${EFFECTIVE.supplier} IN (SELECT value FROM json_each(?)) AND ${EFFECTIVE.recipient} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(this.#groups.expand([filter.pair.supplierId])), JSON.stringify(this.#groups.expand([filter.pair.recipientId])));
    }
    if (filter.reviewed !== undefined) where.push(filter.reviewed ? "rv.id IS NOT NULL" : "rv.id IS NULL");
    params.push(limitValue(filter.limit));
    const sql = `
      SELECT c.id, c.document_id, d.report_id, d.url, d.publisher, d.published, d.title,
             s.id AS s_id, s.name AS s_name, s.type AS s_type,
             r.id AS r_id, r.name AS r_name, r.type AS r_type,
             cl.id AS c_id, cl.name AS c_name, cl.type AS c_type,
             ${EFFECTIVE.items} AS items, c.kind, ${EFFECTIVE.stance} AS stance, c.modality,
             c.evidence_text, c.evidence_start, c.evidence_end,
             c.trigger_text, c.trigger_start, c.trigger_end, c.rule, c.model, c.score, c.features, ${REVIEW_COLUMNS}
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        ${REVIEW_JOIN}
        JOIN entities s ON s.id = ${representative(EFFECTIVE.supplier)}
        JOIN entities r ON r.id = ${representative(EFFECTIVE.recipient)}
        LEFT JOIN entities cl ON cl.id = ${representative("c.claimant_id")}
        ${EXTRACTED_JOINS}
       ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY c.id ${filter.order === "newest" ? "DESC" : ""}
       LIMIT ?`;
    const rows = this.#db.prepare<SqlValue[], ClaimRecord>(sql).all(...params);
    return rows.map(toClaimRow);
  }

  async entities(filter: EntityFilter = {}): Promise<EntityRow[]> {
    const groups = filter.ungrouped ? new Map<number, number>() : this.#groups.current();
    // One row per group: its representative, over every member's names, claims and documents.
    // Without judgements every entity is its own group and the plain comparisons are used.
    const member = (column: string) =>
      groups.size === 0 ? `${column} = e.id` : `(${column} = e.id OR ${column} IN (SELECT entity_id FROM temp.entity_group WHERE rep = e.id))`;
    const where = groups.size === 0 ? [] : ["NOT EXISTS (SELECT 1 FROM temp.entity_group g WHERE g.entity_id = e.id AND g.rep <> e.id)"];
    const params: SqlValue[] = [];
    if (filter.type !== undefined) {
      where.push("e.type = ?");
      params.push(filter.type);
    }
    if (filter.name !== undefined) {
      const norm = normalizeName(filter.name);
      if (norm === "") return [];
      // Normalized names hold only letters, digits and single spaces, so no LIKE escapes are needed.
      where.push(`EXISTS (SELECT 1 FROM entity_names n WHERE ${member("n.entity_id")} AND (' ' || n.norm || ' ') LIKE ?)`);
      params.push(`% ${norm} %`);
    }
    if (filter.named !== undefined) {
      const named = entityIdsByName(this.#db, filter.named);
      if (named.length === 0) return [];
      where.push("e.id IN (SELECT value FROM json_each(?))");
      params.push(JSON.stringify([...new Set(named.map((id) => groups.get(id) ?? id))]));
    }
    if (filter.ids !== undefined) {
      where.push("e.id IN (SELECT value FROM json_each(?))");
      params.push(JSON.stringify([...new Set(filter.ids.map((id) => groups.get(id) ?? id))]));
    }
    if (filter.id !== undefined) {
      where.push("e.id = ?");
      params.push(groups.get(filter.id) ?? filter.id);
    }
    params.push(limitValue(filter.limit));
    const fromMembers = (column: "country" | "kb") =>
      groups.size === 0
        ? `e.${column}`
        : `coalesce(e.${column}, (SELECT m.${column} FROM entities m WHERE ${member("m.id")} AND m.${column} IS NOT NULL ORDER BY m.id LIMIT 1))`;
    const counts =
      filter.counts === false
        ? "0 AS claims, 0 AS documents"
        : `(SELECT count(*) FROM claims c
               WHERE ${member("c.supplier_id")} OR ${member("c.recipient_id")}) AS claims,
             (SELECT count(*) FROM (
                SELECT document_id FROM mentions WHERE ${member("entity_id")}
                UNION SELECT document_id FROM claims
                 WHERE ${member("supplier_id")} OR ${member("recipient_id")} OR ${member("claimant_id")})) AS documents`;
    const sql = `
      SELECT e.id, e.name, e.type, ${fromMembers("country")} AS country, ${fromMembers("kb")} AS kb,
             (SELECT json_group_array(DISTINCT n.name) FROM entity_names n
               WHERE ${member("n.entity_id")} AND n.name <> e.name) AS aliases,
             ${counts}
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

  // ---- relations and sources ------------------------------------------------------------

  async sourceOverrides(): Promise<Source[]> {
    const rows = this.#db
      .prepare<[], { name: string; aliases: string; reliability: string; kind: string; reason: string; url: string | null }>(
        "SELECT name, aliases, reliability, kind, reason, url FROM source_overrides ORDER BY rowid",
      )
      .all();
    return rows.map((r) => ({
      name: r.name,
      aliases: parseStrings(r.aliases, "source aliases"),
      reliability: oneOf(RELIABILITIES, r.reliability, "reliability"),
      kind: oneOf(SOURCE_KINDS, r.kind, "source kind"),
      reason: r.reason,
      url: r.url,
    }));
  }

  async saveSourceOverride(source: Source): Promise<void> {
    this.#db
      .prepare<[string, string, string, string, string, SqlValue, string]>(
        `INSERT INTO source_overrides (name, aliases, reliability, kind, reason, url, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET aliases = excluded.aliases, reliability = excluded.reliability,
           kind = excluded.kind, reason = excluded.reason, url = excluded.url, updated_at = excluded.updated_at`,
      )
      .run(source.name, JSON.stringify(source.aliases), source.reliability, source.kind, source.reason, source.url, new Date().toISOString());
  }

  async evidenceCount(scope: EvidenceScope = {}): Promise<number> {
    const { where, params } = evidenceWhere(scope);
    const row = this.#db
      .prepare<SqlValue[], { n: number }>(`SELECT count(*) AS n FROM claims c ${REVIEW_JOIN} WHERE ${where.join(" AND ")}`)
      .get(...params);
    return row?.n ?? 0;
  }

  async evidence(scope: EvidenceScope = {}): Promise<EvidenceRow[]> {
    const { where, params } = evidenceWhere(scope);
    const latest = scope.latest === undefined ? "" : "LIMIT ?";
    if (scope.latest !== undefined) params.push(limitValue(scope.latest));
    const sql = `
      SELECT c.id, c.document_id, d.report_id, d.url, d.publisher, d.published, d.title,
             s.id AS s_id, s.name AS s_name, s.type AS s_type,
             r.id AS r_id, r.name AS r_name, r.type AS r_type,
             cl.id AS c_id, cl.name AS c_name, cl.type AS c_type,
             ${EFFECTIVE.items} AS items, c.kind, ${EFFECTIVE.stance} AS stance, c.modality,
             c.evidence_text, c.evidence_start, c.evidence_end,
             c.trigger_text, c.trigger_start, c.trigger_end, c.rule, c.model, c.score, c.features, ${REVIEW_COLUMNS},
             d.fingerprint, d.origin_source, s.country AS s_country, r.country AS r_country, cl.country AS c_country
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        ${REVIEW_JOIN}
        JOIN entities s ON s.id = ${EFFECTIVE.supplier}
        JOIN entities r ON r.id = ${EFFECTIVE.recipient}
        LEFT JOIN entities cl ON cl.id = c.claimant_id
        ${EXTRACTED_JOINS}
       WHERE ${where.join(" AND ")}
       ${scope.latest === undefined ? "ORDER BY c.id" : "ORDER BY d.published IS NULL, substr(d.published, 1, 10) DESC, c.id DESC"} ${latest}`;
    const rows = this.#db.prepare<SqlValue[], EvidenceRecord>(sql).all(...params);
    if (scope.latest !== undefined) rows.sort((a, b) => a.id - b.id);
    return rows.map((r) => ({
      ...toClaimRow(r),
      fingerprint: r.fingerprint,
      originSource: r.origin_source,
      supplierCountry: r.s_country,
      recipientCountry: r.r_country,
      claimantCountry: r.c_country,
    }));
  }

  async claimPairsBetween(after: number, upTo: number): Promise<Array<[number, number]>> {
    return this.#db
      .prepare<[number, number], { s: number; r: number }>(
        "SELECT DISTINCT supplier_id AS s, recipient_id AS r FROM claims WHERE id > ? AND id <= ? ORDER BY s, r",
      )
      .all(after, upTo)
      .map((p) => [p.s, p.r]);
  }

  async lastClaimId(): Promise<number> {
    return this.#db.prepare<[], { id: number | null }>("SELECT max(id) AS id FROM claims").get()?.id ?? 0;
  }

  async claimPartyIds(): Promise<number[]> {
    return this.#db
      .prepare<[], { id: number }>(
        `SELECT supplier_id AS id FROM claims UNION SELECT recipient_id FROM claims
         UNION SELECT supplier_id FROM claim_reviews WHERE supplier_id IS NOT NULL AND revoked_at IS NULL
         UNION SELECT recipient_id FROM claim_reviews WHERE recipient_id IS NOT NULL AND revoked_at IS NULL ORDER BY id`,
      )
      .all()
      .map((r) => r.id);
  }

  async entityIdsNamed(name: string): Promise<number[]> {
    const norm = normalizeName(name);
    if (norm === "") return [];
    return this.#db
      .prepare<[string], { id: number }>("SELECT DISTINCT entity_id AS id FROM entity_names WHERE norm = ? ORDER BY id")
      .all(norm)
      .map((r) => r.id);
  }

  async relationState(): Promise<RelationState> {
    const row = this.#db
      .prepare<[], { claims_through: number; grading: string; groups: string }>("SELECT claims_through, grading, groups FROM relation_state WHERE id = 1")
      .get();
    const groups: unknown = JSON.parse(row?.groups ?? "[]");
    const isPairs = (v: unknown): v is Array<[number, number]> =>
      Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === "number"));
    if (!isPairs(groups)) throw new StoreError(`stored relation groups are not a list of id pairs: ${row?.groups}`);
    return { claimsThrough: row?.claims_through ?? 0, grading: row?.grading ?? "", groups };
  }

  async saveRelations(change: RelationChange): Promise<{ removed: number }> {
    const db = this.#db;
    const upsert = db.prepare<[number, number, number, string, number, number, string, string, string, string, number, SqlValue, SqlValue, SqlValue, string, string]>(
      `INSERT OR REPLACE INTO relations
         (supplier_id, recipient_id, credibility, best_reliability, independent_sources, claims, items, claimants,
          supporting_documents, denying_documents, accused_denials, first_reported, last_reported, quote_claim_id,
          explanation, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const remove = db.prepare<[number, number]>("DELETE FROM relations WHERE supplier_id = ? AND recipient_id = ?");
    const now = new Date().toISOString();
    const written = new Set(change.upsert.map((x) => `${x.supplierId}>${x.recipientId}`));
    try {
      return db.transaction(() => {
        let removed = 0;
        if (change.remove === "all") removed = db.prepare("DELETE FROM relations").run().changes;
        else {
          for (const [s, r] of change.remove) if (!written.has(`${s}>${r}`)) removed += remove.run(s, r).changes;
        }
        for (const x of change.upsert) {
          upsert.run(
            x.supplierId, x.recipientId, x.credibility, x.bestReliability, x.independentSources, x.claims,
            JSON.stringify(x.items), JSON.stringify(x.claimants), JSON.stringify(x.supportingDocuments),
            JSON.stringify(x.denyingDocuments), x.accusedDenials, x.firstReported, x.lastReported, x.quoteClaimId,
            x.explanation, now,
          );
        }
        if (change.state) {
          db.prepare<[number, string, string]>("UPDATE relation_state SET claims_through = ?, grading = ?, groups = ? WHERE id = 1").run(
            change.state.claimsThrough,
            change.state.grading,
            JSON.stringify(change.state.groups),
          );
        }
        return { removed };
      }).immediate();
    } catch (error) {
      throw new StoreError(`could not store relations: ${message(error)}`, { cause: error });
    }
  }

  async relations(filter: RelationFilter = {}): Promise<RelationRow[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.entityIds !== undefined) {
      where.push("(x.supplier_id IN (SELECT value FROM json_each(?)) OR x.recipient_id IN (SELECT value FROM json_each(?)))");
      const ids = JSON.stringify(filter.entityIds);
      params.push(ids, ids);
    }
    if (filter.minCredibility !== undefined) {
      where.push("x.credibility <= ?");
      params.push(filter.minCredibility);
    }
    params.push(limitValue(filter.limit));
    const sql = `
      SELECT x.*, s.name AS s_name, s.type AS s_type, s.country AS s_country,
             r.name AS r_name, r.type AS r_type, r.country AS r_country,
             q.evidence_text AS q_text, q.stance AS q_stance, d.publisher AS q_publisher, d.published AS q_published,
             d.url AS q_url, d.report_id AS q_report_id
        FROM relations x
        JOIN entities s ON s.id = x.supplier_id
        JOIN entities r ON r.id = x.recipient_id
        LEFT JOIN claims q ON q.id = x.quote_claim_id
        LEFT JOIN documents d ON d.id = q.document_id
       ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY x.credibility, x.independent_sources DESC, json_array_length(x.supporting_documents) DESC,
                s.name COLLATE NOCASE, r.name COLLATE NOCASE, x.supplier_id, x.recipient_id
       LIMIT ?`;
    const rows = this.#db.prepare<SqlValue[], RelationRecordRow>(sql).all(...params);
    return rows.map((r) => toRelationRow(r));
  }

  // ---- entity resolution and judgements -------------------------------------------------

  async canonicalOf(ids: readonly number[]): Promise<Map<number, number>> {
    const groups = this.#groups.current();
    return new Map(ids.map((id) => [id, groups.get(id) ?? id]));
  }

  async judgeEntities(kind: JudgementKind, a: number, b: number, reason: string | null, author: string): Promise<EntityJudgement> {
    return insertJudgement(this.#db, kind, a, b, reason, author);
  }

  async revokeJudgement(id: number): Promise<EntityJudgement | undefined> {
    return revokeJudgementById(this.#db, id);
  }

  async judgements(entityId?: number): Promise<EntityJudgement[]> {
    return listJudgements(this.#db, entityId === undefined ? undefined : this.#groups.expand([entityId]));
  }

  // ---- claim reviews ----------------------------------------------------------------------

  async reviewClaim(input: ClaimReviewInput): Promise<ClaimReview> {
    return insertClaimReview(this.#db, input);
  }

  async revokeClaimReview(id: number): Promise<ClaimReview | undefined> {
    return revokeClaimReviewById(this.#db, id);
  }

  async claimReview(id: number): Promise<ClaimReview | undefined> {
    return claimReviewById(this.#db, id);
  }

  async claimReviews(claimId?: number): Promise<ClaimReview[]> {
    return listClaimReviews(this.#db, claimId);
  }

  // ---- documents ------------------------------------------------------------------------

  async document(id: number): Promise<DocumentRow | undefined> {
    const d = this.#db
      .prepare<[number], DocumentRecord>(
        `SELECT id, report_id, url, title, publisher, published, format, origin, origin_source, ingested_at, text
           FROM documents WHERE id = ?`,
      )
      .get(id);
    if (d === undefined) return undefined;
    this.#groups.current(); // brings temp.entity_group up to date for the join below
    const mentions = this.#db
      .prepare<[number], { start: number; end: number; text: string; e_id: number; e_name: string; e_type: string }>(
        `SELECT m.start, m."end" AS "end", m.text, e.id AS e_id, e.name AS e_name, e.type AS e_type
           FROM mentions m JOIN entities e ON e.id = ${representative("m.entity_id")}
          WHERE m.document_id = ? ORDER BY m.start, m.id`,
      )
      .all(id);
    return {
      id: d.id,
      reportId: d.report_id,
      url: d.url,
      title: d.title,
      publisher: d.publisher,
      published: d.published,
      format: d.format,
      origin: d.origin,
      originSource: d.origin_source,
      ingestedAt: d.ingested_at,
      text: d.text,
      mentions: mentions.map((m) => ({
        text: m.text,
        start: m.start,
        end: m.end,
        entity: { id: m.e_id, name: m.e_name, type: oneOf(ENTITY_TYPES, m.e_type, "entity type") },
      })),
    };
  }

  async documentIdByHash(contentHash: string): Promise<number | undefined> {
    return this.#statements.findDocument.get(contentHash)?.id;
  }

  // ---- access tokens --------------------------------------------------------------------

  async createAccessToken(tokenHash: string, role: AccessRole): Promise<AccessTokenRow> {
    const createdAt = new Date().toISOString();
    try {
      const id = Number(
        this.#db
          .prepare<[string, string, string]>("INSERT INTO access_tokens (token_hash, role, created_at) VALUES (?, ?, ?)")
          .run(tokenHash, role, createdAt).lastInsertRowid,
      );
      return { id, role, createdAt };
    } catch (error) {
      throw new StoreError(`could not store the access token: ${message(error)}`, { cause: error });
    }
  }

  async accessTokenByHash(tokenHash: string): Promise<AccessTokenRow | undefined> {
    const row = this.#db
      .prepare<[string], { id: number; role: string; created_at: string }>("SELECT id, role, created_at FROM access_tokens WHERE token_hash = ?")
      .get(tokenHash);
    if (row === undefined) return undefined;
    if (!isAccessRole(row.role)) throw new StoreError(`stored access token role ${JSON.stringify(row.role)} is not known`);
    return { id: row.id, role: row.role, createdAt: row.created_at };
  }

  // ---- screening decisions and monitoring ------------------------------------------------

  async recordDecision(input: VendorDecisionInput): Promise<VendorDecision> {
    return monitoring.insertDecision(this.#db, input);
  }

  async decisions(filter: { vendorKey?: string | undefined; limit?: number | undefined } = {}): Promise<VendorDecision[]> {
    return monitoring.listDecisions(this.#db, filter);
  }

  async addFeed(url: string): Promise<{ feed: FeedRow; added: boolean }> {
    return monitoring.addFeed(this.#db, url);
  }

  async feeds(): Promise<FeedRow[]> {
    return monitoring.listFeeds(this.#db);
  }

  async removeFeed(id: number): Promise<boolean> {
    return monitoring.removeFeed(this.#db, id);
  }

  async updateFeed(id: number, update: FeedUpdate): Promise<void> {
    monitoring.updateFeed(this.#db, id, update);
  }

  async seenFeedItems(feedId: number, itemIds: readonly string[]): Promise<Set<string>> {
    return monitoring.seenFeedItems(this.#db, feedId, itemIds);
  }

  async recordFeedItem(feedId: number, item: FeedItemRecord): Promise<void> {
    monitoring.recordFeedItem(this.#db, feedId, item);
  }

  async addWatch(input: WatchInput): Promise<{ watch: WatchRow; added: boolean }> {
    return monitoring.addWatch(this.#db, input);
  }

  async watches(): Promise<WatchRow[]> {
    return monitoring.listWatches(this.#db);
  }

  async removeWatch(id: number): Promise<boolean> {
    return monitoring.removeWatch(this.#db, id);
  }

  async alertCursor(): Promise<number> {
    return monitoring.alertCursor(this.#db);
  }

  async saveAlerts(alerts: readonly AlertInput[], cursor: number): Promise<AlertRow[]> {
    return monitoring.saveAlerts(this.#db, alerts, cursor);
  }

  async alerts(filter: AlertFilter = {}): Promise<AlertRow[]> {
    return monitoring.listAlerts(this.#db, filter);
  }

  async markAlertsRead(ids: readonly number[]): Promise<number> {
    return monitoring.markAlertsRead(this.#db, ids);
  }

  async recordDeliveries(alertIds: readonly number[], channel: DeliveryChannel, ok: boolean, error: string | null): Promise<void> {
    monitoring.recordDeliveries(this.#db, alertIds, channel, ok, error);
  }

  async nameCandidates(keys: readonly string[], limit: number): Promise<number[]> {
    const grams = [...new Set(keys.flatMap(trigramsOf))];
    if (grams.length === 0) return [];
    const match = grams.map((g) => `"${g.replaceAll('"', '""')}"`).join(" OR ");
    return this.#db
      .prepare<[string, number], { entity_id: number }>(
        `SELECT r.entity_id FROM entity_search s JOIN entity_search_rows r ON r.id = s.rowid
          WHERE entity_search MATCH ? GROUP BY r.entity_id ORDER BY min(s.rank), r.entity_id LIMIT ?`,
      )
      .all(match, Math.max(0, Math.floor(limit)))
      .map((r) => r.entity_id);
  }

  // ---- ingestion queue ---------------------------------------------------------------------

  async enqueueReports(reports: readonly Report[]): Promise<{ queued: number; known: number }> {
    try {
      return this.#db.transaction(() => {
        const stored = this.#db.prepare<[string], { id: number }>("SELECT id FROM documents WHERE content_hash = ?");
        const insert = this.#db.prepare<[string, string, string]>("INSERT OR IGNORE INTO ingest_jobs (content_hash, report, queued_at) VALUES (?, ?, ?)");
        const at = new Date().toISOString();
        let queued = 0;
        for (const report of reports) {
          const hash = hashText(report.text);
          if (stored.get(hash) === undefined && insert.run(hash, JSON.stringify(report), at).changes > 0) queued += 1;
        }
        return { queued, known: reports.length - queued };
      }).immediate();
    } catch (error) {
      throw new StoreError(`could not queue the reports: ${message(error)}`, { cause: error });
    }
  }

  async takeIngestJob(worker: string, work: (report: Report, contentHash: string) => Promise<DocumentInput>): Promise<IngestJobOutcome | null> {
    // One connection cannot hold a transaction across the asynchronous extraction, so
    // the job is read, worked, then stored and marked done in one transaction that first
    // checks nobody finished it meanwhile: a second worker's copy is dropped, never stored twice.
    // Jobs another loop of this process is working are skipped, as SKIP LOCKED does on PostgreSQL.
    const job = this.#db
      .prepare<[string], { id: number; content_hash: string; report: string }>(
        "SELECT id, content_hash, report FROM ingest_jobs WHERE status = 'queued' AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1",
      )
      .get(JSON.stringify([...this.#heldJobs]));
    if (job === undefined) return null;
    this.#heldJobs.add(job.id);
    try {
      return await this.#workJob(worker, job, work);
    } finally {
      this.#heldJobs.delete(job.id);
    }
  }

  readonly #heldJobs = new Set<number>();

  async #workJob(worker: string, job: { id: number; content_hash: string; report: string }, work: (report: Report, contentHash: string) => Promise<DocumentInput>): Promise<IngestJobOutcome> {
    const report = JSON.parse(job.report) as Report;
    const finish = (status: "done" | "failed", documentId: number | null, error: string | null) =>
      this.#db.prepare<[string, number | null, string | null, string, string, number]>(
        "UPDATE ingest_jobs SET status = ?, document_id = ?, error = ?, worker = ?, done_at = ? WHERE id = ? AND status = 'queued'",
      ).run(status, documentId, error, worker, new Date().toISOString(), job.id).changes > 0;
    let input: DocumentInput;
    try {
      input = await work(report, job.content_hash);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (!finish("failed", null, text)) return { jobId: job.id, reportId: report.id, status: "duplicate", documentId: null, error: null, claims: 0 };
      return { jobId: job.id, reportId: report.id, status: "failed", documentId: null, error: text, claims: 0 };
    }
    try {
      return this.#db.transaction((): IngestJobOutcome => {
        const still = this.#db.prepare<[number], { status: string }>("SELECT status FROM ingest_jobs WHERE id = ?").get(job.id);
        if (still?.status !== "queued") return { jobId: job.id, reportId: report.id, status: "duplicate", documentId: null, error: null, claims: 0 };
        const outcome = this.#ingest(input);
        finish("done", outcome.documentId, null);
        return { jobId: job.id, reportId: report.id, status: outcome.status, documentId: outcome.documentId, error: null, claims: outcome.claims };
      }).immediate();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      finish("failed", null, text);
      return { jobId: job.id, reportId: report.id, status: "failed", documentId: null, error: text, claims: 0 };
    }
  }

  async ingestQueue(): Promise<{ queued: number; done: number; failed: number }> {
    const rows = this.#db.prepare<[], { status: string; n: number }>("SELECT status, count(*) AS n FROM ingest_jobs GROUP BY status").all();
    const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
    return { queued: of("queued"), done: of("done"), failed: of("failed") };
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

interface DocumentRecord {
  id: number;
  report_id: string;
  url: string | null;
  title: string | null;
  publisher: string | null;
  published: string | null;
  format: string;
  origin: string;
  origin_source: string | null;
  ingested_at: string;
  text: string;
}

/**
 * The representative of the entity in `column` under the current judgements (see
 * `EntityGroups`): the entity itself unless temp.entity_group says otherwise.
 */
function representative(column: string): string {
  return `coalesce((SELECT rep FROM temp.entity_group WHERE entity_id = ${column}), ${column})`;
}

/** The applying review and the claim's extracted reading (`xs`, `xr`: its extracted parties). */
const REVIEW_COLUMNS = `rv.id AS rv_id, rv.verdict AS rv_verdict, rv.reason AS rv_reason, rv.author AS rv_author,
  rv.created_at AS rv_created_at,
  (rv.stance IS NOT NULL OR rv.supplier_id IS NOT NULL OR rv.recipient_id IS NOT NULL OR rv.items IS NOT NULL) AS rv_corrects,
  c.stance AS x_stance, c.items AS x_items, xs.id AS xs_id, xs.name AS xs_name, xs.type AS xs_type,
  xr.id AS xr_id, xr.name AS xr_name, xr.type AS xr_type`;
/** The extracted parties, read only for claims a review corrects. */
const EXTRACTED_JOINS = `LEFT JOIN entities xs ON rv.id IS NOT NULL AND xs.id = c.supplier_id
        LEFT JOIN entities xr ON rv.id IS NOT NULL AND xr.id = c.recipient_id`;

function toClaimRow(r: ClaimRecord): ClaimRow {
  return claimRow(r, { strings: parseStrings, parse: (json) => JSON.parse(json) as unknown });
}

/** The conditions of an evidence query: rejected claims are no evidence; corrected ones count as corrected. */
function evidenceWhere(scope: EvidenceScope): { where: string[]; params: SqlValue[] } {
  const params: SqlValue[] = [];
  // Id lists go in as one JSON parameter, so any number of ids fits in one statement.
  const where: string[] = [EFFECTIVE.counts];
  if (scope.suppliers !== undefined) {
    where.push(`${EFFECTIVE.supplier} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(scope.suppliers));
  }
  if (scope.recipients !== undefined) {
    where.push(`${EFFECTIVE.recipient} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(scope.recipients));
  }
  if (scope.involving !== undefined) {
    where.push(
      `(${EFFECTIVE.supplier} IN (SELECT value FROM json_each(?)) OR ${EFFECTIVE.recipient} IN (SELECT value FROM json_each(?))
        OR c.claimant_id IN (SELECT value FROM json_each(?)))`,
    );
    const ids = JSON.stringify(scope.involving);
    params.push(ids, ids, ids);
  }
  return { where, params };
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

// ---- relations and sources: records and helpers -------------------------------------------

interface EvidenceRecord extends ClaimRecord {
  fingerprint: string | null;
  origin_source: string | null;
  s_country: string | null;
  r_country: string | null;
  c_country: string | null;
}

interface RelationRecordRow {
  supplier_id: number;
  recipient_id: number;
  credibility: number;
  best_reliability: string;
  independent_sources: number;
  claims: number;
  items: string;
  claimants: string;
  supporting_documents: string;
  denying_documents: string;
  accused_denials: number;
  first_reported: string | null;
  last_reported: string | null;
  quote_claim_id: number | null;
  explanation: string;
  updated_at: string;
  s_name: string;
  s_type: string;
  s_country: string | null;
  r_name: string;
  r_type: string;
  r_country: string | null;
  q_text: string | null;
  q_stance: string | null;
  q_publisher: string | null;
  q_published: string | null;
  q_url: string | null;
  q_report_id: string | null;
}

function toRelationRow(r: RelationRecordRow): RelationRow {
  const record: RelationRecord = {
    supplierId: r.supplier_id,
    recipientId: r.recipient_id,
    credibility: oneOfNumber(CREDIBILITIES, r.credibility, "credibility"),
    bestReliability: oneOf(RELIABILITIES, r.best_reliability, "reliability"),
    independentSources: r.independent_sources,
    claims: r.claims,
    items: parseStrings(r.items, "relation items"),
    claimants: parseStrings(r.claimants, "relation claimants"),
    supportingDocuments: parseNumbers(r.supporting_documents, "supporting documents"),
    denyingDocuments: parseNumbers(r.denying_documents, "denying documents"),
    accusedDenials: r.accused_denials,
    firstReported: r.first_reported,
    lastReported: r.last_reported,
    quoteClaimId: r.quote_claim_id,
    explanation: r.explanation,
  };
  return {
    ...record,
    supplier: { id: r.supplier_id, name: r.s_name, type: oneOf(ENTITY_TYPES, r.s_type, "entity type"), country: r.s_country },
    recipient: { id: r.recipient_id, name: r.r_name, type: oneOf(ENTITY_TYPES, r.r_type, "entity type"), country: r.r_country },
    quote:
      r.quote_claim_id === null || r.q_text === null || r.q_stance === null || r.q_report_id === null
        ? null
        : {
            claimId: r.quote_claim_id,
            text: r.q_text,
            stance: oneOf(STANCES, r.q_stance, "stance"),
            publisher: r.q_publisher,
            published: r.q_published,
            url: r.q_url,
            reportId: r.q_report_id,
          },
    updatedAt: r.updated_at,
  };
}

function oneOfNumber<T extends number>(values: readonly T[], value: number, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new StoreError(`stored ${what} ${value} is not one of ${values.join(", ")}`);
  return found;
}

function parseNumbers(json: string, what: string): number[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((v): v is number => typeof v === "number")) {
    throw new StoreError(`stored ${what} are not a list of numbers: ${json}`);
  }
  return value;
}

/**
 * Documents stored before fingerprints existed (schema version 1) get one now, once,
 * so every stored document can take part in near-duplicate detection.
 */
function backfillFingerprints(db: Database.Database): void {
  const missing = db.prepare<[], { id: number; text: string }>("SELECT id, text FROM documents WHERE fingerprint IS NULL").all();
  if (missing.length === 0) return;
  const update = db.prepare<[string, number]>("UPDATE documents SET fingerprint = ? WHERE id = ?");
  db.transaction(() => {
    for (const d of missing) update.run(minhash(d.text), d.id);
  }).immediate();
}

/** The three-letter runs of a key's words, as the FTS5 trigram tokenizer indexes them. */
function trigramsOf(key: string): string[] {
  const out: string[] = [];
  for (const word of key.split(" ")) for (let i = 0; i + 3 <= word.length; i++) out.push(word.slice(i, i + 3));
  return out;
}
