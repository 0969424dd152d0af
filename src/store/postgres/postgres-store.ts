/**
 * The PostgreSQL backend of `Store`, for one evidence graph shared by several
 * processes (ingestion workers, servers). It behaves exactly as the SQLite store:
 * same ordering, same errors, same resolution; what differs is only how it stays
 * correct with many writers at once: reports are stored in parallel, an entity is
 * created only under advisory locks of its names and claims are committed in id order
 * (see `lockNames` and `INGEST_LOCK`), the schema is migrated under another lock, and
 * "find, else add" writes rest on unique keys.
 */
import pg from "pg";
import { StoreError } from "../../domain/errors.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import { ENTITY_TYPES, MODALITIES, STANCES, TRANSFER_KINDS, type Report } from "../../domain/types.ts";
import { contentHash as hashText } from "../../domain/content-hash.ts";
import type {
  IngestJobOutcome,
  AccessTokenRow,
  AlertFilter,
  AlertInput,
  AlertRow,
  ClaimFilter,
  ClaimReview,
  ClaimReviewInput,
  ClaimRow,
  DeliveryChannel,
  DocumentInput,
  DocumentRow,
  EntityFilter,
  EntityJudgement,
  EntityRef,
  EntityRow,
  EvidenceRow,
  EvidenceScope,
  FeedItemRecord,
  FeedRow,
  FeedUpdate,
  IngestOutcome,
  RelationChange,
  RelationFilter,
  RelationRecord,
  RelationRow,
  RelationState,
  Store,
  StoreCounts,
  VendorDecisionInput,
  WatchInput,
  WatchRow,
} from "../store.ts";
import { isAccessRole, type AccessRole } from "../../domain/access-role.ts";
import { CLAIM_VERDICTS } from "../../domain/claim-verdict.ts";
import type { JudgementKind } from "../../domain/entity-groups.ts";
import type { VendorDecision } from "../../domain/screening.ts";
import { minhash } from "../../domain/minhash.ts";
import { CREDIBILITIES, RELIABILITIES, SOURCE_KINDS, type Source } from "../../domain/admiralty.ts";
import { migratePostgres } from "./postgres-migrations.ts";
import * as monitoring from "./postgres-monitoring.ts";
import { EFFECTIVE, REVIEW_JOIN, claimReviewById, insertClaimReview, listClaimReviews, revokeClaimReviewById, stringList } from "./postgres-claim-reviews.ts";
import {
  EntityGroups,
  EntityResolver,
  GroupSql,
  entityIdsByName,
  entityType,
  expandGroups,
  insertJudgement,
  listJudgements,
  refreshNameKeys,
  revokeJudgementById,
} from "./postgres-entity-resolution.ts";
import { INGEST_LOCK, KEYS_LOCK, Params, isDeadlock, lockNames, nocase, one, rows, run, type Queryable } from "./postgres-sql.ts";
import { claimExplanation, claimRow, oneOf, type ClaimRecord as SharedClaimRecord } from "../claim-records.ts";

/**
 * Connects to the database at `url` (`postgres://` or `postgresql://`), checks it is
 * usable and brings its schema up to date. Rejects with a `StoreError` when the server
 * cannot be reached or refuses the login ("cannot connect to PostgreSQL at
 * host:port/db: …", never showing the password), when the database is not an
 * armstrace one, or when a newer armstrace wrote it.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const { label, password } = describeUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    types: TYPES,
    max: 10,
    connectionTimeoutMillis: 15_000,
    idleTimeoutMillis: 10_000,
    // A CLI run ends when its work does, not when idle connections time out.
    allowExitOnIdle: true,
  });
  // A connection dropped by the server (a restart, or while closing) must not crash the
  // process through an unhandled 'error' event; a query on it still rejects and reports it.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const clean = (error: unknown) => scrub(reason(error), password);
  try {
    const client = await pool.connect();
    try {
      const encoding = (await client.query<{ server_encoding: string }>("SHOW server_encoding")).rows[0]?.server_encoding;
      if (encoding !== "UTF8") {
        throw new StoreError(`${label} uses the ${encoding ?? "unknown"} encoding; armstrace needs a UTF8 database (CREATE DATABASE … ENCODING 'UTF8')`);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot connect to PostgreSQL at ${label}: ${clean(error)}`, { cause: error });
  }
  try {
    await migratePostgres(pool, label);
    await refreshNameKeys(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw new StoreError(scrub(error.message, password), { cause: error });
    throw new StoreError(`cannot open PostgreSQL at ${label}: ${clean(error)}`, { cause: error });
  }
  return new PostgresStore(pool, label, password);
}

/** bigint ids and counts as numbers (pg returns them as strings, fearing precision loss). */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8) return parseSafeInteger;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format as "text");
  }) as typeof pg.types.getTypeParser,
};

function parseSafeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new StoreError(`stored number ${value} is too large`);
  return n;
}

/** host:port/db of a URL for messages, and its password (to keep it out of them). */
function describeUrl(url: string): { label: string; password: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError("not a valid PostgreSQL URL (expected postgres://user@host:port/database)");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new StoreError(`not a PostgreSQL URL: it starts with ${parsed.protocol}// (expected postgres://)`);
  }
  const password = decodeURIComponent(parsed.password);
  const host = decodeURIComponent(parsed.hostname) || parsed.searchParams.get("host") || "localhost";
  const port = parsed.port || parsed.searchParams.get("port") || "5432";
  const user = decodeURIComponent(parsed.username) || process.env["PGUSER"] || "";
  const db = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || process.env["PGDATABASE"] || user;
  return { label: `${host}:${port}/${db}`, password };
}

/** A one-line reason for a connection error (Node's AggregateError for several addresses has no message). */
function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map((e: unknown) => reason(e)))].join("; ");
  }
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return (error.message || (typeof code === "string" ? code : "") || error.name).split("\n")[0] ?? "";
  }
  return String(error);
}

function scrub(text: string, password: string): string {
  return password === "" ? text : text.split(password).join("***");
}

type ClaimRecord = SharedClaimRecord<unknown>;

interface EntityRecord {
  id: number;
  name: string;
  type: string;
  country: string | null;
  kb: string | null;
  aliases: string[];
  claims: number;
  documents: number;
}

/** One claim row as `ingest` writes it, validated before anything is sent. */
interface ClaimInsert {
  supplier: number;
  recipient: number;
  claimant: number | null;
  items: string;
  kind: string;
  stance: string;
  modality: string;
  evidenceText: string;
  evidenceStart: number;
  evidenceEnd: number;
  rule: string;
  triggerText: string;
  triggerStart: number;
  triggerEnd: number;
  model: string | null;
  score: number | null;
  /** JSON text of the [feature, weight] pairs, cast to jsonb on insert. */
  features: string | null;
}

/** How many times a report is stored again after PostgreSQL chose it as a deadlock's victim. */
const DEADLOCK_RETRIES = 5;

class PostgresStore implements Store {
  readonly #pool: pg.Pool;
  readonly #label: string;
  readonly #password: string;
  readonly #groups = new EntityGroups();
  #closed = false;

  constructor(pool: pg.Pool, label: string, password: string) {
    this.#pool = pool;
    this.#label = label;
    this.#password = password;
  }

  /**
   * Runs `fn` on one checked-out client between BEGIN and COMMIT; any throw rolls
   * everything back. A client whose ROLLBACK failed is discarded, not pooled again.
   */
  async #transaction<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((e: unknown) => {
        broken = e instanceof Error ? e : new Error(String(e));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  readonly #transact: monitoring.Transact = (fn) => this.#guard(() => this.#transaction(fn));

  /**
   * Turns driver errors (a lost connection, a server shutting down) into `StoreError`s
   * naming the database, so callers meet the same error class as with SQLite.
   */
  async #guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`PostgreSQL at ${this.#label}: ${scrub(reason(error), this.#password)}`, { cause: error });
    }
  }

  async ingest(input: DocumentInput): Promise<IngestOutcome> {
    const { report } = input;
    try {
      // Most duplicates are found without waiting for the lock; the check inside decides.
      const known = await this.documentIdByHash(input.contentHash);
      if (known !== undefined) return { status: "duplicate", documentId: known, claims: 0, entities: 0, mentions: 0 };
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.#transaction((db) => this.#ingest(db, input));
        } catch (error) {
          if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
        }
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`could not store report ${report.id} (${report.origin}): ${scrub(reason(error), this.#password)}`, { cause: error });
    }
  }

  /**
   * Runs inside the transaction; any throw rolls back everything of this report. Other
   * reports are stored at the same time: the report's own content hash is locked for
   * the duplicate check, entity resolution locks names only to create an entity, and
   * `INGEST_LOCK` is taken last, for the claims and the commit.
   */
  async #ingest(db: Queryable, { report, contentHash, extraction, originSource }: DocumentInput): Promise<IngestOutcome> {
    // Bitmap and sequential scans off for this transaction, whose reads are all lookups
    // by key: the planner would otherwise answer the name-key lookups (key = ANY(...))
    // from the trigram GIN index, whose unflushed pending list every recent insert
    // lengthens (about 5 ms a lookup at a few thousand reports), or, on a young store
    // whose statistics are stale, by scanning whole tables, instead of from B-trees.
    await db.query("SELECT pg_advisory_xact_lock_shared($1, $2), set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)", [...KEYS_LOCK]);
    await lockNames(db, [`report:${contentHash}`]);
    const existing = await one<{ id: number }>(db, "SELECT id FROM documents WHERE content_hash = $1", [contentHash]);
    if (existing) return { status: "duplicate", documentId: existing.id, claims: 0, entities: 0, mentions: 0 };

    const fail = (what: string) => new StoreError(`report ${report.id} (${report.origin}): ${what}; nothing of it was stored`);
    const inserted = await one<{ id: number }>(
      db,
      `INSERT INTO documents
         (content_hash, report_id, url, title, publisher, published, format, origin, text, ingested_at, fingerprint, origin_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
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
      ],
    );
    if (inserted === undefined) throw fail("the document was not stored");
    const documentId = inserted.id;

    const resolver = new EntityResolver(db);
    const canonical = new Map<string, number>();
    let created = 0;
    for (const entity of extraction.entities) {
      if (canonical.has(entity.id)) throw fail(`entity id ${JSON.stringify(entity.id)} is defined twice`);
      if (!(ENTITY_TYPES as readonly string[]).includes(entity.type)) {
        throw fail(`entity ${JSON.stringify(entity.id)} has unknown type ${JSON.stringify(entity.type)}`);
      }
      if (entity.name.trim() === "") throw fail(`entity ${JSON.stringify(entity.id)} has no name`);
      const { id, created: isNew } = await resolver.resolve(entity);
      if (isNew) created += 1;
      canonical.set(entity.id, id);
    }

    const resolve = (ref: string, role: string): number => {
      const id = canonical.get(ref);
      if (id === undefined) throw fail(`${role} refers to entity ${JSON.stringify(ref)}, which the extraction does not define`);
      return id;
    };

    // Checked in the order the SQLite store checks them, so the first fault is the one reported.
    const mentions = extraction.mentions.map((m, i) => ({ entity: resolve(m.entity, `mention ${i}`), start: m.start, end: m.end, text: m.text }));
    const claims: ClaimInsert[] = extraction.transfers.map((t, i) => {
      const where = `transfer ${i}`;
      check(TRANSFER_KINDS, t.kind, `${where} kind`, fail);
      check(STANCES, t.stance, `${where} stance`, fail);
      check(MODALITIES, t.modality, `${where} modality`, fail);
      return {
        supplier: resolve(t.supplier, `${where} supplier`),
        recipient: resolve(t.recipient, `${where} recipient`),
        claimant: t.claimant === null ? null : resolve(t.claimant, `${where} claimant`),
        items: JSON.stringify(t.items),
        kind: t.kind,
        stance: t.stance,
        modality: t.modality,
        evidenceText: t.evidence.text,
        evidenceStart: t.evidence.start,
        evidenceEnd: t.evidence.end,
        rule: t.rule,
        triggerText: t.trigger.text,
        triggerStart: t.trigger.start,
        triggerEnd: t.trigger.end,
        ...claimExplanation(t, where, fail),
      };
    });

    // From here to the commit, one report at a time: claim ids commit in order.
    await db.query("SELECT pg_advisory_xact_lock($1, $2)", [...INGEST_LOCK]);
    // One statement each; WITH ORDINALITY … ORDER BY gives ids in extraction order.
    if (mentions.length > 0) {
      await db.query(
        `INSERT INTO mentions (document_id, entity_id, start, "end", text)
         SELECT $1, entity_id, s, e, t FROM unnest($2::bigint[], $3::int[], $4::int[], $5::text[]) WITH ORDINALITY AS m (entity_id, s, e, t, n)
          ORDER BY n`,
        [documentId, mentions.map((m) => m.entity), mentions.map((m) => m.start), mentions.map((m) => m.end), mentions.map((m) => m.text)],
      );
    }
    if (claims.length > 0) {
      const col = <K extends keyof ClaimInsert>(k: K) => claims.map((c) => c[k]);
      await db.query(
        `INSERT INTO claims
           (document_id, supplier_id, recipient_id, claimant_id, items, kind, stance, modality,
            evidence_text, evidence_start, evidence_end, rule, trigger_text, trigger_start, trigger_end,
            model, score, features)
         SELECT $1, s, r, c, i::jsonb, k, st, mo, et, es, ee, ru, tt, ts, te, md, sc, f::jsonb
           FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::int[], $11::int[], $12::text[], $13::text[], $14::int[], $15::int[],
                       $16::text[], $17::float8[], $18::text[])
                WITH ORDINALITY AS x (s, r, c, i, k, st, mo, et, es, ee, ru, tt, ts, te, md, sc, f, n)
          ORDER BY n`,
        [
          documentId,
          col("supplier"),
          col("recipient"),
          col("claimant"),
          col("items"),
          col("kind"),
          col("stance"),
          col("modality"),
          col("evidenceText"),
          col("evidenceStart"),
          col("evidenceEnd"),
          col("rule"),
          col("triggerText"),
          col("triggerStart"),
          col("triggerEnd"),
          col("model"),
          col("score"),
          col("features"),
        ],
      );
    }

    return {
      status: "added",
      documentId,
      claims: extraction.transfers.length,
      entities: created,
      mentions: extraction.mentions.length,
    };
  }

  async hasDocument(contentHash: string): Promise<boolean> {
    return (await this.documentIdByHash(contentHash)) !== undefined;
  }

  async claims(filter: ClaimFilter = {}): Promise<ClaimRow[]> {
    return this.#guard(async () => {
      const limit = limitValue(filter.limit);
      for (const id of [filter.documentId, filter.id, filter.afterId]) if (id !== undefined && !Number.isSafeInteger(id)) return [];
      const groups = await this.#groups.current(this.#pool);
      const p = new Params();
      const g = new GroupSql(groups, p);
      const where: string[] = [];
      if (filter.entity !== undefined) {
        const named = await entityIdsByName(this.#pool, filter.entity);
        if (named.length === 0) return [];
        const ids = p.add(expandGroups(groups, named), "bigint[]");
        where.push(`(${EFFECTIVE.supplier} = ANY(${ids}) OR ${EFFECTIVE.recipient} = ANY(${ids}) OR c.claimant_id = ANY(${ids}))`);
      }
      if (filter.stance !== undefined) where.push(`${EFFECTIVE.stance} = ${p.add(filter.stance)}`);
      if (filter.documentId !== undefined) where.push(`c.document_id = ${p.add(filter.documentId)}`);
      if (filter.id !== undefined) where.push(`c.id = ${p.add(filter.id)}`);
      if (filter.afterId !== undefined) where.push(`c.id > ${p.add(filter.afterId)}`);
      if (filter.pair !== undefined) {
        where.push(
          `${EFFECTIVE.supplier} = ANY(${p.add(expandGroups(groups, [filter.pair.supplierId]), "bigint[]")})
           AND ${EFFECTIVE.recipient} = ANY(${p.add(expandGroups(groups, [filter.pair.recipientId]), "bigint[]")})`,
        );
      }
      if (filter.reviewed !== undefined) where.push(filter.reviewed ? "rv.id IS NOT NULL" : "rv.id IS NULL");
      const sql = `${g.with}
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
          JOIN entities s ON s.id = ${g.representative(EFFECTIVE.supplier)}
          JOIN entities r ON r.id = ${g.representative(EFFECTIVE.recipient)}
          LEFT JOIN entities cl ON cl.id = ${g.representative("c.claimant_id")}
          ${EXTRACTED_JOINS}
         ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY c.id ${filter.order === "newest" ? "DESC" : ""}
         LIMIT ${p.add(limit, "bigint")}`;
      return (await rows<ClaimRecord>(this.#pool, sql, p.values)).map(toClaimRow);
    });
  }

  async entities(filter: EntityFilter = {}): Promise<EntityRow[]> {
    return this.#guard(async () => {
      const limit = limitValue(filter.limit);
      if (filter.id !== undefined && !Number.isSafeInteger(filter.id)) return [];
      const groups = filter.ungrouped ? new Map<number, number>() : await this.#groups.current(this.#pool);
      const p = new Params();
      const g = new GroupSql(groups, p);
      // One row per group: its representative, over every member's names, claims and documents.
      const where = g.empty ? [] : ["NOT EXISTS (SELECT 1 FROM eg WHERE eg.entity_id = e.id AND eg.rep <> e.id)"];
      if (filter.type !== undefined) where.push(`e.type = ${p.add(filter.type)}`);
      if (filter.name !== undefined) {
        const norm = normalizeName(filter.name);
        if (norm === "") return [];
        // Normalized names hold only letters, digits and single spaces, so no LIKE escapes are needed.
        where.push(`EXISTS (SELECT 1 FROM entity_names n WHERE ${g.member("n.entity_id")} AND (' ' || n.norm || ' ') LIKE ${p.add(`% ${norm} %`)})`);
      }
      if (filter.named !== undefined) {
        const named = await entityIdsByName(this.#pool, filter.named);
        if (named.length === 0) return [];
        where.push(`e.id = ANY(${p.add([...new Set(named.map((id) => groups.get(id) ?? id))], "bigint[]")})`);
      }
      if (filter.ids !== undefined) where.push(`e.id = ANY(${p.add([...new Set(filter.ids.map((id) => groups.get(id) ?? id))], "bigint[]")})`);
      if (filter.id !== undefined) where.push(`e.id = ${p.add(groups.get(filter.id) ?? filter.id)}`);
      const fromMembers = (column: "country" | "kb") =>
        g.empty
          ? `e.${column}`
          : `coalesce(e.${column}, (SELECT m.${column} FROM entities m WHERE ${g.member("m.id")} AND m.${column} IS NOT NULL ORDER BY m.id LIMIT 1))`;
      const counts =
        filter.counts === false
          ? "0::bigint AS claims, 0::bigint AS documents"
          : `(SELECT count(*) FROM claims c
                 WHERE ${g.member("c.supplier_id")} OR ${g.member("c.recipient_id")}) AS claims,
               (SELECT count(*) FROM (
                  SELECT document_id FROM mentions WHERE ${g.member("entity_id")}
                  UNION SELECT document_id FROM claims
                   WHERE ${g.member("supplier_id")} OR ${g.member("recipient_id")} OR ${g.member("claimant_id")}) AS touched) AS documents`;
      const sql = `${g.with}
        SELECT e.id, e.name, e.type, ${fromMembers("country")} AS country, ${fromMembers("kb")} AS kb,
               ARRAY(SELECT DISTINCT n.name COLLATE "C" FROM entity_names n
                      WHERE ${g.member("n.entity_id")} AND n.name <> e.name ORDER BY 1) AS aliases,
               ${counts}
          FROM entities e
         ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY claims DESC, ${nocase("e.name")}, e.id
         LIMIT ${p.add(limit, "bigint")}`;
      const found = await rows<EntityRecord>(this.#pool, sql, p.values);
      return found.map((r) => ({
        id: r.id,
        name: r.name,
        type: entityType(r.type),
        country: r.country,
        kb: r.kb,
        aliases: r.aliases,
        claims: r.claims,
        documents: r.documents,
      }));
    });
  }

  async counts(): Promise<StoreCounts> {
    return this.#guard(async () => {
      const row = await one<StoreCounts>(
        this.#pool,
        `SELECT (SELECT count(*) FROM documents) AS documents,
                (SELECT count(*) FROM entities)  AS entities,
                (SELECT count(*) FROM mentions)  AS mentions,
                (SELECT count(*) FROM claims)    AS claims`,
      );
      if (!row) throw new StoreError("could not count stored records");
      return { documents: row.documents, entities: row.entities, mentions: row.mentions, claims: row.claims };
    });
  }

  // ---- relations and sources ------------------------------------------------------------

  async sourceOverrides(): Promise<Source[]> {
    return this.#guard(async () => {
      const found = await rows<{ name: string; aliases: unknown; reliability: string; kind: string; reason: string; url: string | null }>(
        this.#pool,
        "SELECT name, aliases, reliability, kind, reason, url FROM source_overrides ORDER BY position",
      );
      return found.map((r) => ({
        name: r.name,
        aliases: stringList(r.aliases, "source aliases"),
        reliability: oneOf(RELIABILITIES, r.reliability, "reliability"),
        kind: oneOf(SOURCE_KINDS, r.kind, "source kind"),
        reason: r.reason,
        url: r.url,
      }));
    });
  }

  async saveSourceOverride(source: Source): Promise<void> {
    await this.#guard(() =>
      this.#pool.query(
        `INSERT INTO source_overrides (name, aliases, reliability, kind, reason, url, updated_at)
         VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7)
         ON CONFLICT (name) DO UPDATE SET aliases = excluded.aliases, reliability = excluded.reliability,
           kind = excluded.kind, reason = excluded.reason, url = excluded.url, updated_at = excluded.updated_at`,
        [source.name, JSON.stringify(source.aliases), source.reliability, source.kind, source.reason, source.url, new Date().toISOString()],
      ),
    );
  }

  async evidenceCount(scope: EvidenceScope = {}): Promise<number> {
    return this.#guard(async () => {
      const p = new Params();
      const where = evidenceWhere(scope, p);
      const row = await one<{ n: number }>(this.#pool, `SELECT count(*) AS n FROM claims c ${REVIEW_JOIN} WHERE ${where.join(" AND ")}`, p.values);
      return row?.n ?? 0;
    });
  }

  async evidence(scope: EvidenceScope = {}): Promise<EvidenceRow[]> {
    return this.#guard(async () => {
      const p = new Params();
      const where = evidenceWhere(scope, p);
      const latest = scope.latest === undefined ? "" : `LIMIT ${p.add(limitValue(scope.latest), "bigint")}`;
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
         ${scope.latest === undefined ? "ORDER BY c.id" : `ORDER BY d.published IS NULL, substr(d.published, 1, 10) COLLATE "C" DESC, c.id DESC`} ${latest}`;
      const found = await rows<EvidenceRecord>(this.#pool, sql, p.values);
      if (scope.latest !== undefined) found.sort((a, b) => a.id - b.id);
      return found.map((r) => ({
        ...toClaimRow(r),
        fingerprint: r.fingerprint,
        originSource: r.origin_source,
        supplierCountry: r.s_country,
        recipientCountry: r.r_country,
        claimantCountry: r.c_country,
      }));
    });
  }

  async claimPairsBetween(after: number, upTo: number): Promise<Array<[number, number]>> {
    return this.#guard(async () =>
      (
        await rows<{ s: number; r: number }>(
          this.#pool,
          "SELECT DISTINCT supplier_id AS s, recipient_id AS r FROM claims WHERE id > $1 AND id <= $2 ORDER BY s, r",
          [after, upTo],
        )
      ).map((x): [number, number] => [x.s, x.r]),
    );
  }

  async lastClaimId(): Promise<number> {
    return this.#guard(async () => (await one<{ id: number | null }>(this.#pool, "SELECT max(id) AS id FROM claims"))?.id ?? 0);
  }

  async claimPartyIds(): Promise<number[]> {
    return this.#guard(async () =>
      (
        await rows<{ id: number }>(
          this.#pool,
          `SELECT supplier_id AS id FROM claims UNION SELECT recipient_id FROM claims
           UNION SELECT supplier_id FROM claim_reviews WHERE supplier_id IS NOT NULL AND revoked_at IS NULL
           UNION SELECT recipient_id FROM claim_reviews WHERE recipient_id IS NOT NULL AND revoked_at IS NULL ORDER BY id`,
        )
      ).map((r) => r.id),
    );
  }

  async entityIdsNamed(name: string): Promise<number[]> {
    const norm = normalizeName(name);
    if (norm === "") return [];
    return this.#guard(async () =>
      (await rows<{ id: number }>(this.#pool, "SELECT DISTINCT entity_id AS id FROM entity_names WHERE norm = $1 ORDER BY id", [norm])).map((r) => r.id),
    );
  }

  async relationState(): Promise<RelationState> {
    return this.#guard(async () => {
      const row = await one<{ claims_through: number; grading: string; groups: unknown }>(
        this.#pool,
        "SELECT claims_through, grading, groups FROM relation_state WHERE id = 1",
      );
      const groups = row?.groups ?? [];
      const isPairs = (v: unknown): v is Array<[number, number]> =>
        Array.isArray(v) && v.every((x) => Array.isArray(x) && x.length === 2 && x.every((n) => typeof n === "number"));
      if (!isPairs(groups)) throw new StoreError(`stored relation groups are not a list of id pairs: ${JSON.stringify(groups)}`);
      return { claimsThrough: row?.claims_through ?? 0, grading: row?.grading ?? "", groups };
    });
  }

  async saveRelations(change: RelationChange): Promise<{ removed: number }> {
    const now = new Date().toISOString();
    const written = new Set(change.upsert.map((x) => `${x.supplierId}>${x.recipientId}`));
    try {
      return await this.#transaction(async (db) => {
        // Two aggregators writing at once take turns on the state row instead of interleaving.
        await db.query("SELECT 1 FROM relation_state WHERE id = 1 FOR UPDATE");
        let removed = 0;
        if (change.remove === "all") removed = await run(db, "DELETE FROM relations");
        else {
          const pairs = change.remove.filter(([s, r]) => !written.has(`${s}>${r}`));
          if (pairs.length > 0) {
            removed = await run(
              db,
              `DELETE FROM relations x USING unnest($1::bigint[], $2::bigint[]) AS p (s, r)
                WHERE x.supplier_id = p.s AND x.recipient_id = p.r`,
              [pairs.map((x) => x[0]), pairs.map((x) => x[1])],
            );
          }
        }
        for (let i = 0; i < change.upsert.length; i += 1000) await upsertRelations(db, change.upsert.slice(i, i + 1000), now);
        if (change.state) {
          await db.query("UPDATE relation_state SET claims_through = $1, grading = $2, groups = $3::jsonb WHERE id = 1", [
            change.state.claimsThrough,
            change.state.grading,
            JSON.stringify(change.state.groups),
          ]);
        }
        return { removed };
      });
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`could not store relations: ${scrub(reason(error), this.#password)}`, { cause: error });
    }
  }

  async relations(filter: RelationFilter = {}): Promise<RelationRow[]> {
    return this.#guard(async () => {
      const limit = limitValue(filter.limit);
      const p = new Params();
      const where: string[] = [];
      if (filter.entityIds !== undefined) {
        const list = p.add(ids(filter.entityIds), "bigint[]");
        where.push(`(x.supplier_id = ANY(${list}) OR x.recipient_id = ANY(${list}))`);
      }
      if (filter.minCredibility !== undefined) where.push(`x.credibility <= ${p.add(filter.minCredibility)}`);
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
         ORDER BY x.credibility, x.independent_sources DESC, jsonb_array_length(x.supporting_documents) DESC,
                  ${nocase("s.name")}, ${nocase("r.name")}, x.supplier_id, x.recipient_id
         LIMIT ${p.add(limit, "bigint")}`;
      return (await rows<RelationRecordRow>(this.#pool, sql, p.values)).map(toRelationRow);
    });
  }

  // ---- entity resolution and judgements -------------------------------------------------

  async canonicalOf(ids: readonly number[]): Promise<Map<number, number>> {
    const groups = await this.#guard(() => this.#groups.current(this.#pool));
    return new Map(ids.map((id) => [id, groups.get(id) ?? id]));
  }

  async judgeEntities(kind: JudgementKind, a: number, b: number, reason: string | null, author: string): Promise<EntityJudgement> {
    return this.#guard(() => insertJudgement(this.#pool, kind, a, b, reason, author));
  }

  async revokeJudgement(id: number): Promise<EntityJudgement | undefined> {
    return this.#guard(() => revokeJudgementById(this.#pool, id));
  }

  async judgements(entityId?: number): Promise<EntityJudgement[]> {
    return this.#guard(async () =>
      listJudgements(this.#pool, entityId === undefined ? undefined : await this.#groups.expand(this.#pool, [entityId])),
    );
  }

  // ---- claim reviews ----------------------------------------------------------------------

  async reviewClaim(input: ClaimReviewInput): Promise<ClaimReview> {
    return this.#guard(() => insertClaimReview(this.#pool, input));
  }

  async revokeClaimReview(id: number): Promise<ClaimReview | undefined> {
    return this.#guard(() => revokeClaimReviewById(this.#pool, id));
  }

  async claimReview(id: number): Promise<ClaimReview | undefined> {
    return this.#guard(() => claimReviewById(this.#pool, id));
  }

  async claimReviews(claimId?: number): Promise<ClaimReview[]> {
    if (claimId !== undefined && !Number.isSafeInteger(claimId)) return [];
    return this.#guard(() => listClaimReviews(this.#pool, claimId));
  }

  // ---- documents ------------------------------------------------------------------------

  async document(id: number): Promise<DocumentRow | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    return this.#guard(async () => {
      const d = await one<DocumentRecord>(
        this.#pool,
        `SELECT id, report_id, url, title, publisher, published, format, origin, origin_source, ingested_at, text
           FROM documents WHERE id = $1`,
        [id],
      );
      if (d === undefined) return undefined;
      const p = new Params();
      const g = new GroupSql(await this.#groups.current(this.#pool), p);
      const mentions = await rows<{ start: number; end: number; text: string; e_id: number; e_name: string; e_type: string }>(
        this.#pool,
        `${g.with}
         SELECT m.start, m."end" AS "end", m.text, e.id AS e_id, e.name AS e_name, e.type AS e_type
           FROM mentions m JOIN entities e ON e.id = ${g.representative("m.entity_id")}
          WHERE m.document_id = ${p.add(id)} ORDER BY m.start, m.id`,
        p.values,
      );
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
          entity: { id: m.e_id, name: m.e_name, type: entityType(m.e_type) },
        })),
      };
    });
  }

  async documentIdByHash(contentHash: string): Promise<number | undefined> {
    return this.#guard(async () => (await one<{ id: number }>(this.#pool, "SELECT id FROM documents WHERE content_hash = $1", [contentHash]))?.id);
  }

  // ---- access tokens --------------------------------------------------------------------

  async createAccessToken(tokenHash: string, role: AccessRole): Promise<AccessTokenRow> {
    const createdAt = new Date().toISOString();
    try {
      const row = await one<{ id: number }>(this.#pool, "INSERT INTO access_tokens (token_hash, role, created_at) VALUES ($1, $2, $3) RETURNING id", [
        tokenHash,
        role,
        createdAt,
      ]);
      if (row === undefined) throw new Error("no id returned");
      return { id: row.id, role, createdAt };
    } catch (error) {
      throw new StoreError(`could not store the access token: ${scrub(reason(error), this.#password)}`, { cause: error });
    }
  }

  async accessTokenByHash(tokenHash: string): Promise<AccessTokenRow | undefined> {
    const row = await this.#guard(() =>
      one<{ id: number; role: string; created_at: string }>(this.#pool, "SELECT id, role, created_at FROM access_tokens WHERE token_hash = $1", [tokenHash]),
    );
    if (row === undefined) return undefined;
    if (!isAccessRole(row.role)) throw new StoreError(`stored access token role ${JSON.stringify(row.role)} is not known`);
    return { id: row.id, role: row.role, createdAt: row.created_at };
  }

  // ---- screening decisions and monitoring ------------------------------------------------

  async recordDecision(input: VendorDecisionInput): Promise<VendorDecision> {
    return this.#guard(() => monitoring.insertDecision(this.#pool, input));
  }

  async decisions(filter: { vendorKey?: string | undefined; limit?: number | undefined } = {}): Promise<VendorDecision[]> {
    return this.#guard(() => monitoring.listDecisions(this.#pool, filter));
  }

  async addFeed(url: string): Promise<{ feed: FeedRow; added: boolean }> {
    return monitoring.addFeed(this.#transact, url);
  }

  async feeds(): Promise<FeedRow[]> {
    return this.#guard(() => monitoring.listFeeds(this.#pool));
  }

  async removeFeed(id: number): Promise<boolean> {
    return this.#guard(() => monitoring.removeFeed(this.#pool, id));
  }

  async updateFeed(id: number, update: FeedUpdate): Promise<void> {
    await monitoring.updateFeed(this.#pool, id, update);
  }

  async seenFeedItems(feedId: number, itemIds: readonly string[]): Promise<Set<string>> {
    return this.#guard(() => monitoring.seenFeedItems(this.#pool, feedId, itemIds));
  }

  async recordFeedItem(feedId: number, item: FeedItemRecord): Promise<void> {
    await monitoring.recordFeedItem(this.#pool, feedId, item);
  }

  async addWatch(input: WatchInput): Promise<{ watch: WatchRow; added: boolean }> {
    return monitoring.addWatch(this.#transact, input);
  }

  async watches(): Promise<WatchRow[]> {
    return this.#guard(() => monitoring.listWatches(this.#pool));
  }

  async removeWatch(id: number): Promise<boolean> {
    return this.#guard(() => monitoring.removeWatch(this.#pool, id));
  }

  async alertCursor(): Promise<number> {
    return this.#guard(() => monitoring.alertCursor(this.#pool));
  }

  async saveAlerts(alerts: readonly AlertInput[], cursor: number): Promise<AlertRow[]> {
    return monitoring.saveAlerts(this.#transact, alerts, cursor);
  }

  async alerts(filter: AlertFilter = {}): Promise<AlertRow[]> {
    return this.#guard(() => monitoring.listAlerts(this.#pool, filter));
  }

  async markAlertsRead(ids: readonly number[]): Promise<number> {
    return this.#guard(() => monitoring.markAlertsRead(this.#pool, ids));
  }

  async recordDeliveries(alertIds: readonly number[], channel: DeliveryChannel, ok: boolean, error: string | null): Promise<void> {
    await monitoring.recordDeliveries(this.#transact, alertIds, channel, ok, error);
  }

  async nameCandidates(keys: readonly string[], limit: number): Promise<number[]> {
    // Keys sharing any three-letter run of the query's words, as the SQLite index finds
    // them (each LIKE is answered by the pg_trgm GIN index); the caller scores them.
    const grams = [...new Set(keys.flatMap((k) => k.split(" ")).flatMap((w) => Array.from({ length: Math.max(0, w.length - 2) }, (_, i) => w.slice(i, i + 3))))];
    if (grams.length === 0) return [];
    return this.#guard(async () => {
      const p = new Params();
      const query = p.add(keys.join(" "));
      const any = grams.map((g) => `k.key LIKE ${p.add(`%${g.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`).join(" OR ");
      const found = await rows<{ entity_id: string | number }>(
        this.#pool,
        `SELECT k.entity_id, max(similarity(k.key, ${query})) AS s FROM entity_keys k WHERE ${any}
          GROUP BY k.entity_id ORDER BY s DESC, k.entity_id LIMIT ${p.add(Math.max(0, Math.floor(limit)))}`,
        p.values,
      );
      return found.map((r) => Number(r.entity_id));
    });
  }

  // ---- ingestion queue ---------------------------------------------------------------------

  async enqueueReports(reports: readonly Report[]): Promise<{ queued: number; known: number }> {
    return this.#guard(() => this.#transaction(async (db) => {
      const at = new Date().toISOString();
      let queued = 0;
      for (const report of reports) {
        const hash = hashText(report.text);
        if ((await one(db, "SELECT 1 FROM documents WHERE content_hash = $1", [hash])) !== undefined) continue;
        queued += await run(db, "INSERT INTO ingest_jobs (content_hash, report, queued_at) VALUES ($1, $2, $3) ON CONFLICT (content_hash) DO NOTHING", [hash, JSON.stringify(report), at]);
      }
      return { queued, known: reports.length - queued };
    }));
  }

  async takeIngestJob(worker: string, work: (report: Report, contentHash: string) => Promise<DocumentInput>): Promise<IngestJobOutcome | null> {
    return this.#guard(() => this.#transaction(async (db) => {
      // The row lock is held until this transaction ends: other workers skip the job,
      // and a worker killed now leaves it queued, with nothing of the report stored.
      const job = await one<{ id: number; content_hash: string; report: string }>(
        db,
        "SELECT id, content_hash, report FROM ingest_jobs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
      );
      if (job === undefined) return null;
      const report = JSON.parse(job.report) as Report;
      const finish = (status: "done" | "failed", documentId: number | null, error: string | null) =>
        run(db, "UPDATE ingest_jobs SET status = $1, document_id = $2, error = $3, worker = $4, done_at = $5 WHERE id = $6", [status, documentId, error, worker, new Date().toISOString(), job.id]);
      let input: DocumentInput;
      try {
        input = await work(report, job.content_hash);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        await finish("failed", null, text);
        return { jobId: job.id, reportId: report.id, status: "failed" as const, documentId: null, error: text, claims: 0 };
      }
      for (let attempt = 1; ; attempt++) {
        await db.query("SAVEPOINT ingest");
        try {
          const outcome = await this.#ingest(db, input);
          await db.query("RELEASE SAVEPOINT ingest");
          await finish("done", outcome.documentId, null);
          return { jobId: job.id, reportId: report.id, status: outcome.status, documentId: outcome.documentId, error: null, claims: outcome.claims };
        } catch (error) {
          // Rolling back to the savepoint releases the locks taken after it; a deadlock
          // victim tries again. A report the store refuses fails its job; the rest of the
          // transaction stands.
          await db.query("ROLLBACK TO SAVEPOINT ingest");
          if (isDeadlock(error) && attempt < DEADLOCK_RETRIES) continue;
          const text = error instanceof Error ? error.message : String(error);
          await finish("failed", null, text);
          return { jobId: job.id, reportId: report.id, status: "failed" as const, documentId: null, error: text, claims: 0 };
        }
      }
    }));
  }

  async ingestQueue(): Promise<{ queued: number; done: number; failed: number }> {
    return this.#guard(async () => {
      const counts = await rows<{ status: string; n: string }>(this.#pool, "SELECT status, count(*) AS n FROM ingest_jobs GROUP BY status");
      const of = (s: string) => Number(counts.find((r) => r.status === s)?.n ?? 0);
      return { queued: of("queued"), done: of("done"), failed: of("failed") };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

async function upsertRelations(db: Queryable, records: readonly RelationRecord[], now: string): Promise<void> {
  if (records.length === 0) return;
  const col = <T>(f: (x: RelationRecord) => T) => records.map(f);
  await db.query(
    `INSERT INTO relations
       (supplier_id, recipient_id, credibility, best_reliability, independent_sources, claims, items, claimants,
        supporting_documents, denying_documents, accused_denials, first_reported, last_reported, quote_claim_id,
        explanation, updated_at)
     SELECT s, r, cr, br, ind, n, i::jsonb, cl::jsonb, sd::jsonb, dd::jsonb, ad, fr, lr, q, ex, $16
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::int[], $12::text[], $13::text[], $14::bigint[], $15::text[])
            AS x (s, r, cr, br, ind, n, i, cl, sd, dd, ad, fr, lr, q, ex)
     ON CONFLICT (supplier_id, recipient_id) DO UPDATE SET
       credibility = excluded.credibility, best_reliability = excluded.best_reliability,
       independent_sources = excluded.independent_sources, claims = excluded.claims, items = excluded.items,
       claimants = excluded.claimants, supporting_documents = excluded.supporting_documents,
       denying_documents = excluded.denying_documents, accused_denials = excluded.accused_denials,
       first_reported = excluded.first_reported, last_reported = excluded.last_reported,
       quote_claim_id = excluded.quote_claim_id, explanation = excluded.explanation, updated_at = excluded.updated_at`,
    [
      col((x) => x.supplierId),
      col((x) => x.recipientId),
      col((x) => x.credibility),
      col((x) => x.bestReliability),
      col((x) => x.independentSources),
      col((x) => x.claims),
      col((x) => JSON.stringify(x.items)),
      col((x) => JSON.stringify(x.claimants)),
      col((x) => JSON.stringify(x.supportingDocuments)),
      col((x) => JSON.stringify(x.denyingDocuments)),
      col((x) => x.accusedDenials),
      col((x) => x.firstReported),
      col((x) => x.lastReported),
      col((x) => x.quoteClaimId),
      col((x) => x.explanation),
      now,
    ],
  );
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
  return claimRow(r, { strings: stringList, parse: (value) => value });
}

/** The conditions of an evidence query: rejected claims are no evidence; corrected ones count as corrected. */
function evidenceWhere(scope: EvidenceScope, p: Params): string[] {
  const where: string[] = [EFFECTIVE.counts];
  if (scope.suppliers !== undefined) where.push(`${EFFECTIVE.supplier} = ANY(${p.add(ids(scope.suppliers), "bigint[]")})`);
  if (scope.recipients !== undefined) where.push(`${EFFECTIVE.recipient} = ANY(${p.add(ids(scope.recipients), "bigint[]")})`);
  if (scope.involving !== undefined) {
    const list = p.add(ids(scope.involving), "bigint[]");
    where.push(`(${EFFECTIVE.supplier} = ANY(${list}) OR ${EFFECTIVE.recipient} = ANY(${list}) OR c.claimant_id = ANY(${list}))`);
  }
  return where;
}

/** Ids as a bigint array parameter; one that cannot be an id matches nothing, as in SQLite. */
function ids(list: readonly number[]): number[] {
  return list.filter((id) => Number.isSafeInteger(id));
}

/** null (no limit) or a whole number ≥ 0, with the SQLite store's message otherwise. */
function limitValue(limit: number | undefined): number | null {
  if (limit === undefined) return null;
  if (!Number.isInteger(limit) || limit < 0) throw new StoreError(`limit must be a whole number ≥ 0, not ${limit}`);
  return limit;
}

function check<T extends string>(values: readonly T[], value: string, what: string, fail: (what: string) => StoreError): void {
  if (!(values as readonly string[]).includes(value)) throw fail(`${what} ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
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
  items: unknown;
  claimants: unknown;
  supporting_documents: unknown;
  denying_documents: unknown;
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
    items: stringList(r.items, "relation items"),
    claimants: stringList(r.claimants, "relation claimants"),
    supportingDocuments: numberList(r.supporting_documents, "supporting documents"),
    denyingDocuments: numberList(r.denying_documents, "denying documents"),
    accusedDenials: r.accused_denials,
    firstReported: r.first_reported,
    lastReported: r.last_reported,
    quoteClaimId: r.quote_claim_id,
    explanation: r.explanation,
  };
  return {
    ...record,
    supplier: { id: r.supplier_id, name: r.s_name, type: entityType(r.s_type), country: r.s_country },
    recipient: { id: r.recipient_id, name: r.r_name, type: entityType(r.r_type), country: r.r_country },
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

function numberList(value: unknown, what: string): number[] {
  if (!Array.isArray(value) || !value.every((v): v is number => typeof v === "number")) {
    throw new StoreError(`stored ${what} are not a list of numbers: ${JSON.stringify(value)}`);
  }
  return value;
}
