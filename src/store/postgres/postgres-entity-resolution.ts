/**
 * Entity resolution and judgements for the PostgreSQL store, rule for rule the same as
 * `sqlite-entity-resolution.ts`: which stored entity an extracted one is, the name keys
 * that decide it, and the grouping analysts' judgements lay over the stored entities.
 * Resolution runs inside the ingest transaction, in parallel with other reports'; an
 * entity is created only under the locks of its names (`lockNames`), so two reports
 * never both create it.
 */
import type pg from "pg";
import { StoreError } from "../../domain/errors.ts";
import { groupEntities, JUDGEMENT_KINDS, type JudgementKind } from "../../domain/entity-groups.ts";
import { isShortKey, nameKeyDetails, nameKeys, nameKeysRules } from "../../domain/name-keys.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import { ENTITY_TYPES, type EntityType, type ExtractedEntity } from "../../domain/types.ts";
import type { EntityJudgement, EntityRef } from "../store.ts";
import { compatibleTypes } from "../sqlite/sqlite-entity-resolution.ts";
import { KEYS_LOCK, lockNames, one, rows, run, type Params, type Queryable } from "./postgres-sql.ts";

/**
 * Recomputes every stored name key when they were made under other rules than the
 * current ones. Runs once per rules change, in one transaction holding the keys lock
 * exclusively (no report resolves against half-rebuilt keys); a concurrent opener
 * re-checks inside.
 */
export async function refreshNameKeys(pool: pg.Pool): Promise<void> {
  const rules = nameKeysRules();
  const current = async (db: Queryable) => (await one<{ rules: string }>(db, "SELECT rules FROM entity_key_state WHERE id = 1"))?.rules;
  if ((await current(pool)) === rules) return;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, $2)", [...KEYS_LOCK]);
    if ((await current(client)) !== rules) {
      await client.query("DELETE FROM entity_keys");
      const names = await rows<{ entity_id: number; name: string }>(client, "SELECT entity_id, name FROM entity_names");
      const keys: KeyRow[] = [];
      for (const n of names) keys.push(...keyRows(n.entity_id, n.name));
      // In slices, so a large graph does not become one huge statement.
      for (let i = 0; i < keys.length; i += 5000) await insertKeys(client, keys.slice(i, i + 5000));
      await client.query("UPDATE entity_key_state SET rules = $1 WHERE id = 1", [rules]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch((e: unknown) => {
      broken = e instanceof Error ? e : new Error(String(e));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

interface KeyRow {
  entityId: number;
  name: string;
  key: string;
  acronym: boolean;
}

function keyRows(entityId: number, name: string): KeyRow[] {
  return nameKeyDetails(name).map((k) => ({ entityId, name, key: k.key, acronym: k.kind === "acronym" }));
}

async function insertKeys(db: Queryable, keys: readonly KeyRow[]): Promise<void> {
  if (keys.length === 0) return;
  await db.query(
    `INSERT INTO entity_keys (entity_id, name, key, acronym)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::boolean[])
     ON CONFLICT DO NOTHING`,
    [keys.map((k) => k.entityId), keys.map((k) => k.name), keys.map((k) => k.key), keys.map((k) => k.acronym)],
  );
}

interface Candidate {
  key: string;
  entity_id: number;
  acronym: boolean;
  type: string;
  country: string | null;
  kb: string | null;
}

/**
 * Finds or creates the stored entity for each extracted entity of a report; see
 * `EntityResolver` of the SQLite store for the rules, which are the same. Use inside
 * the ingest transaction: names and keys added for one entity are seen by the next.
 */
export class EntityResolver {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async resolve(entity: ExtractedEntity): Promise<{ id: number; created: boolean }> {
    const db = this.#db;
    const types = [...compatibleTypes(entity.type)];
    let id = await this.#find(entity, types);
    if (id === undefined) {
      // Another report may be creating this entity right now: wait for it, then look again.
      await lockNames(db, nameLocks(entity));
      id = await this.#find(entity, types);
    }
    const created = id === undefined;
    if (id === undefined) {
      const inserted = await one<{ id: number }>(
        db,
        "INSERT INTO entities (type, key, name, country, kb) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        [entity.type, await this.#freeKey(entity), entity.name, entity.country ?? null, entity.kb ?? null],
      );
      if (inserted === undefined) throw new StoreError(`could not store entity ${JSON.stringify(entity.name)}`);
      id = inserted.id;
    }
    // A known entity's missing country or knowledge-base id (only when it fills a gap: an
    // unchanged row is not rewritten), its names and their keys, in one round trip.
    const fill = !created && (entity.country || entity.kb);
    const names = [entity.name, ...entity.aliases].filter((n) => n.trim() !== "");
    const entityId = id;
    const keys = names.flatMap((n) => keyRows(entityId, n));
    await db.query(
      `WITH ${fill ? `filled AS (
         UPDATE entities SET country = coalesce(country, $7), kb = coalesce(kb, $8)
          WHERE id = $1 AND ((country IS NULL AND $7::text IS NOT NULL) OR (kb IS NULL AND $8::text IS NOT NULL))
       ), ` : ""}added AS (
         INSERT INTO entity_names (entity_id, name, norm)
         SELECT $1, * FROM unnest($2::text[], $3::text[]) ON CONFLICT DO NOTHING
       )
       INSERT INTO entity_keys (entity_id, name, key, acronym)
       SELECT $1, * FROM unnest($4::text[], $5::text[], $6::boolean[])
       ON CONFLICT DO NOTHING`,
      [
        id,
        names,
        names.map((n) => normalizeName(n)),
        keys.map((k) => k.name),
        keys.map((k) => k.key),
        keys.map((k) => k.acronym),
        ...(fill ? [entity.country ?? null, entity.kb ?? null] : []),
      ],
    );
    return { id, created };
  }

  /** The stored entity `entity` is, by knowledge-base id first, then by shared name keys. */
  async #find(entity: ExtractedEntity, types: string[]): Promise<number | undefined> {
    const byKb = entity.kb
      ? (
          await one<{ id: number }>(
            this.#db,
            `SELECT id FROM entities WHERE kb = $1 AND type = ANY($2::text[])
              ORDER BY type = $3 DESC, id LIMIT 1`,
            [entity.kb, types, entity.type],
          )
        )?.id
      : undefined;
    return byKb ?? (await this.#byKeys(entity, types));
  }

  async #byKeys(entity: ExtractedEntity, types: string[]): Promise<number | undefined> {
    const names = [entity.name, ...entity.aliases].filter((n) => n.trim() !== "");
    const details = names.map((name) => nameKeyDetails(name));
    const allKeys = [...new Set(details.flat().map((k) => k.key))];
    if (allKeys.length === 0) return undefined;
    // Every candidate of every key in one statement; grouped by key below.
    const found = await rows<Candidate>(
      this.#db,
      // Keys first, then each match's entity by id (OFFSET 0 keeps the planner to that
      // order: on a young store its statistics say entities has a handful of rows and it
      // would scan them all for every lookup).
      `SELECT k.key, k.entity_id, k.acronym, e.type, e.country, e.kb
         FROM (SELECT key, entity_id, acronym FROM entity_keys WHERE key = ANY($1::text[]) OFFSET 0) k
         CROSS JOIN LATERAL (SELECT type, country, kb FROM entities WHERE id = k.entity_id OFFSET 0) e
        WHERE e.type = ANY($2::text[])`,
      [allKeys, types],
    );
    const byKey = new Map<string, Candidate[]>();
    for (const c of found) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
    const scores = new Map<number, { keys: Set<string>; sameType: boolean; main: boolean }>();
    details.forEach((keys, index) => {
      for (const k of keys) {
        const acronym = k.kind === "acronym";
        for (const c of byKey.get(k.key) ?? []) {
          if (isShortKey(k.key) && c.acronym !== acronym) continue;
          if (entity.country && c.country && entity.country !== c.country) continue;
          if (entity.kb && c.kb && entity.kb !== c.kb) continue;
          const score = scores.get(c.entity_id) ?? { keys: new Set<string>(), sameType: c.type === entity.type, main: false };
          score.keys.add(k.key);
          if (index === 0) score.main = true;
          scores.set(c.entity_id, score);
        }
      }
    });
    let best: number | undefined;
    let bestRank: number[] = [];
    for (const [id, score] of scores) {
      const rank = [score.keys.size, Number(score.sameType), Number(score.main), -id];
      if (best === undefined || compareRanks(rank, bestRank) > 0) {
        best = id;
        bestRank = rank;
      }
    }
    return best;
  }

  /** A value for the unique (type, key) column of a new entity, as the SQLite store makes it. */
  async #freeKey(entity: ExtractedEntity): Promise<string> {
    const norm = normalizeName(entity.name);
    const base = entity.kb ? `kb:${entity.kb}` : norm === "" ? `raw:${entity.name.trim()}` : `name:${norm}`;
    const taken = new Set(
      (
        await rows<{ key: string }>(
          this.#db,
          "SELECT key FROM entities WHERE type = $1 AND (key = $2 OR starts_with(key, $2 || '#'))",
          [entity.type, base],
        )
      ).map((r) => r.key),
    );
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}#${n}`;
    return key;
  }
}

/**
 * Every string whose match could make two extracted entities one stored entity: the
 * knowledge-base id, each name's normalized form and name keys, and the raw name (the
 * unique key of a name that normalizes to nothing). Two entities that would resolve to
 * each other share at least one, so creating either waits for the other.
 */
function nameLocks(entity: ExtractedEntity): string[] {
  const locks = [`raw:${entity.name.trim()}`];
  if (entity.kb) locks.push(`kb:${entity.kb}`);
  for (const name of [entity.name, ...entity.aliases]) {
    if (name.trim() === "") continue;
    locks.push(`norm:${normalizeName(name)}`);
    for (const key of nameKeys(name)) locks.push(`key:${key}`);
  }
  return locks;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Ids of the entities one of whose names is `name`: equal `normalizeName`, or a shared
 * name key (no short-key guard: the user asked for exactly this name).
 */
export async function entityIdsByName(db: Queryable, name: string): Promise<number[]> {
  const norm = normalizeName(name);
  const keys = nameKeys(name);
  if (norm === "" && keys.length === 0) return [];
  return (
    await rows<{ id: number }>(
      db,
      `SELECT entity_id AS id FROM entity_names WHERE norm = $1
        UNION SELECT entity_id FROM entity_keys WHERE key = ANY($2::text[])
        ORDER BY id`,
      [norm, keys],
    )
  ).map((r) => r.id);
}

// ---------------------------------------------------------------------------------------
// Grouping by judgements

/**
 * The grouping of the active judgements, recomputed only when they changed (in this or
 * another process). Queries see it through `GroupSql`: the grouped entities travel as
 * two array parameters, so no connection keeps state a pooled statement might miss.
 */
export class EntityGroups {
  #signature = "";
  #groups = new Map<number, number>();

  /** The current grouping: entity id → representative, for grouped entities only. */
  async current(db: Queryable): Promise<Map<number, number>> {
    const row = await one<{ n: number; last: number | null; revoked: number }>(
      db,
      "SELECT count(*) AS n, max(id) AS last, count(revoked_at) AS revoked FROM entity_judgements",
    );
    const signature = `${row?.n ?? 0}:${row?.last ?? 0}:${row?.revoked ?? 0}`;
    if (signature === this.#signature) return this.#groups;
    const links = (
      await rows<{ id: number; kind: string; a: number; b: number }>(
        db,
        "SELECT id, kind, a, b FROM entity_judgements WHERE revoked_at IS NULL ORDER BY id",
      )
    ).map((j) => ({ ...j, kind: judgementKind(j.kind) }));
    this.#groups = groupEntities(links);
    this.#signature = signature;
    return this.#groups;
  }

  /** Every member of the groups of `ids` (each id itself included). */
  async expand(db: Queryable, ids: readonly number[]): Promise<number[]> {
    return expandGroups(await this.current(db), ids);
  }
}

export function expandGroups(groups: Map<number, number>, ids: readonly number[]): number[] {
  const reps = new Set(ids.map((id) => groups.get(id) ?? id));
  const out = new Set(ids);
  for (const [id, rep] of groups) if (reps.has(rep)) out.add(id);
  return [...out].sort((a, b) => a - b);
}

/**
 * SQL for a grouping: a `WITH eg (entity_id, rep)` clause of the grouped entities, the
 * representative of an entity column, and whether a column names a member of entity
 * `e`'s group. Without judgements the plain column comparisons are used.
 */
export class GroupSql {
  readonly with: string;
  readonly empty: boolean;

  constructor(groups: Map<number, number>, p: Params) {
    this.empty = groups.size === 0;
    this.with = this.empty
      ? ""
      : `WITH eg (entity_id, rep) AS MATERIALIZED (SELECT * FROM unnest(${p.add([...groups.keys()], "bigint[]")}, ${p.add([...groups.values()], "bigint[]")}))`;
  }

  representative(column: string): string {
    return this.empty ? column : `coalesce((SELECT rep FROM eg WHERE eg.entity_id = ${column}), ${column})`;
  }

  member(column: string, entity = "e.id"): string {
    return this.empty ? `${column} = ${entity}` : `(${column} = ${entity} OR ${column} IN (SELECT entity_id FROM eg WHERE rep = ${entity}))`;
  }
}

// ---------------------------------------------------------------------------------------
// Judgements

interface JudgementRecord {
  id: number;
  kind: string;
  a: number;
  a_name: string;
  a_type: string;
  b: number;
  b_name: string;
  b_type: string;
  reason: string | null;
  author: string;
  created_at: string;
  revoked_at: string | null;
}

const JUDGEMENT_SELECT = `
  SELECT j.id, j.kind, j.a, ea.name AS a_name, ea.type AS a_type, j.b, eb.name AS b_name, eb.type AS b_type,
         j.reason, j.author, j.created_at, j.revoked_at
    FROM entity_judgements j
    JOIN entities ea ON ea.id = j.a
    JOIN entities eb ON eb.id = j.b`;

export async function insertJudgement(
  db: Queryable,
  kind: JudgementKind,
  a: number,
  b: number,
  reason: string | null,
  author: string,
): Promise<EntityJudgement> {
  if (!(JUDGEMENT_KINDS as readonly string[]).includes(kind)) {
    throw new StoreError(`judgement kind ${JSON.stringify(kind)} is not one of ${JUDGEMENT_KINDS.join(", ")}`);
  }
  if (a === b) throw new StoreError(`a judgement needs two different entities (got ${a} twice)`);
  for (const id of [a, b]) {
    if (!Number.isSafeInteger(id) || (await one(db, "SELECT id FROM entities WHERE id = $1", [id])) === undefined) {
      throw new StoreError(`there is no entity with id ${id}`);
    }
  }
  if (author.trim() === "") throw new StoreError("a judgement needs an author");
  const row = await one<{ id: number }>(
    db,
    "INSERT INTO entity_judgements (kind, a, b, reason, author, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [kind, a, b, reason, author, new Date().toISOString()],
  );
  const stored = row === undefined ? undefined : await judgementById(db, row.id);
  if (stored === undefined) throw new StoreError("could not store the judgement");
  return stored;
}

export async function revokeJudgementById(db: Queryable, id: number): Promise<EntityJudgement | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  await run(db, "UPDATE entity_judgements SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [new Date().toISOString(), id]);
  return judgementById(db, id);
}

export async function judgementById(db: Queryable, id: number): Promise<EntityJudgement | undefined> {
  const row = await one<JudgementRecord>(db, `${JUDGEMENT_SELECT} WHERE j.id = $1`, [id]);
  return row === undefined ? undefined : toJudgement(row);
}

/** All judgements, or those about any of `ids`; oldest first. */
export async function listJudgements(db: Queryable, ids?: readonly number[]): Promise<EntityJudgement[]> {
  const found =
    ids === undefined
      ? await rows<JudgementRecord>(db, `${JUDGEMENT_SELECT} ORDER BY j.id`)
      : await rows<JudgementRecord>(db, `${JUDGEMENT_SELECT} WHERE j.a = ANY($1::bigint[]) OR j.b = ANY($1::bigint[]) ORDER BY j.id`, [ids]);
  return found.map(toJudgement);
}

function toJudgement(r: JudgementRecord): EntityJudgement {
  const ref = (id: number, name: string, type: string): EntityRef => ({ id, name, type: entityType(type) });
  return {
    id: r.id,
    kind: judgementKind(r.kind),
    a: ref(r.a, r.a_name, r.a_type),
    b: ref(r.b, r.b_name, r.b_type),
    reason: r.reason,
    author: r.author,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

function judgementKind(value: string): JudgementKind {
  const found = JUDGEMENT_KINDS.find((k) => k === value);
  if (found === undefined) throw new StoreError(`stored judgement kind ${JSON.stringify(value)} is not one of ${JUDGEMENT_KINDS.join(", ")}`);
  return found;
}

export function entityType(value: string): EntityType {
  const found = ENTITY_TYPES.find((t) => t === value);
  if (found === undefined) throw new StoreError(`stored entity type ${JSON.stringify(value)} is not one of ${ENTITY_TYPES.join(", ")}`);
  return found;
}
