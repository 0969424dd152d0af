/**
 * Entity resolution and judgements for the SQLite store: which stored entity an
 * extracted one is, the name keys that decide it, and the grouping analysts' judgements
 * lay over the stored entities. Kept apart from `sqlite-store.ts` so that file keeps to
 * documents and claims.
 */
import type Database from "better-sqlite3";
import { StoreError } from "../../domain/errors.ts";
import { groupEntities, JUDGEMENT_KINDS, type JudgementKind } from "../../domain/entity-groups.ts";
import { isShortKey, nameKeyDetails, nameKeys, nameKeysRules } from "../../domain/name-keys.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import { ENTITY_TYPES, type EntityType, type ExtractedEntity } from "../../domain/types.ts";
import type { EntityJudgement, EntityRef } from "../store.ts";

type SqlValue = string | number | null;

/**
 * Types that can name one party. A state and its armed forces are one party in claims
 * (extraction files "Myanmar Air Force" under Myanmar), and an outlet is an
 * organisation; a person is only ever a person.
 */
const TYPE_CLASSES: readonly (readonly EntityType[])[] = [["organization", "media"], ["state", "armed_force"], ["person"]];

export function compatibleTypes(type: EntityType): readonly EntityType[] {
  return TYPE_CLASSES.find((c) => c.includes(type)) ?? [type];
}

/**
 * Recomputes every stored name key when they were made under other rules than the
 * current ones (or never, in a database from before schema version 3). Runs once per
 * rules change, in one transaction; a concurrent opener re-checks inside it.
 */
export function refreshNameKeys(db: Database.Database): void {
  const rules = nameKeysRules();
  const current = () => db.prepare<[], { rules: string }>("SELECT rules FROM entity_key_state WHERE id = 1").get()?.rules;
  if (current() === rules) return;
  db.transaction(() => {
    if (current() === rules) return;
    db.exec("DELETE FROM entity_keys");
    const insert = insertKeysStatement(db);
    const names = db.prepare<[], { entity_id: number; name: string }>("SELECT entity_id, name FROM entity_names").all();
    for (const n of names) insertKeys(insert, n.entity_id, n.name);
    db.prepare<[string]>("UPDATE entity_key_state SET rules = ? WHERE id = 1").run(rules);
  }).immediate();
}

function insertKeysStatement(db: Database.Database) {
  return db.prepare<[number, string, string, number]>(
    "INSERT OR IGNORE INTO entity_keys (entity_id, name, key, acronym) VALUES (?, ?, ?, ?)",
  );
}

function insertKeys(insert: ReturnType<typeof insertKeysStatement>, entityId: number, name: string): void {
  for (const k of nameKeyDetails(name)) insert.run(entityId, name, k.key, k.kind === "acronym" ? 1 : 0);
}

interface Candidate {
  entity_id: number;
  acronym: number;
  type: string;
  country: string | null;
  kb: string | null;
}

/**
 * Finds or creates the stored entity for each extracted entity of a report. Use inside
 * the ingest transaction: names and keys added for one entity are seen by the next.
 */
export class EntityResolver {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      byKb: db.prepare<[string, string, string], { id: number }>(
        `SELECT id FROM entities WHERE kb = ? AND type IN (SELECT value FROM json_each(?))
          ORDER BY type = ? DESC, id LIMIT 1`,
      ),
      byKey: db.prepare<[string, string], Candidate>(
        `SELECT k.entity_id, k.acronym, e.type, e.country, e.kb
           FROM entity_keys k JOIN entities e ON e.id = k.entity_id
          WHERE k.key = ? AND e.type IN (SELECT value FROM json_each(?))`,
      ),
      keyTaken: db.prepare<[string, string], { id: number }>("SELECT id FROM entities WHERE type = ? AND key = ?"),
      insertEntity: db.prepare<[string, string, string, SqlValue, SqlValue]>(
        "INSERT INTO entities (type, key, name, country, kb) VALUES (?, ?, ?, ?, ?)",
      ),
      fillEntity: db.prepare<[SqlValue, SqlValue, number]>(
        "UPDATE entities SET country = coalesce(country, ?), kb = coalesce(kb, ?) WHERE id = ?",
      ),
      insertName: db.prepare<[number, string, string]>(
        "INSERT OR IGNORE INTO entity_names (entity_id, name, norm) VALUES (?, ?, ?)",
      ),
      insertKeys: insertKeysStatement(db),
    };
  }

  /**
   * The stored entity `entity` is, creating it if there is none, and every name of it
   * kept as a name of that entity. An existing entity is chosen when
   * 1. it has the same knowledge-base id and a compatible type, or else
   * 2. one of its names shares a `nameKeys` key with one of `entity`'s names, its type
   *    is compatible, and nothing says they differ: not different countries, not
   *    different knowledge-base ids, and a short key (≤ 3 letters) only between two
   *    acronyms or two non-acronyms ("HAL" is not "Hal"). Among several, the most
   *    shared keys win, then the same type, then a match on the main name, then the
   *    oldest.
   * Resolution is deliberately cautious: a wrong split is undone by a `same` judgement,
   * but a wrong merge here can only be hidden, never split.
   */
  resolve(entity: ExtractedEntity): { id: number; created: boolean } {
    const s = this.#statements;
    const types = JSON.stringify(compatibleTypes(entity.type));
    let id = entity.kb ? s.byKb.get(entity.kb, types, entity.type)?.id : undefined;
    id ??= this.#byKeys(entity, types);
    const created = id === undefined;
    if (id === undefined) {
      id = Number(s.insertEntity.run(entity.type, this.#freeKey(entity), entity.name, entity.country ?? null, entity.kb ?? null).lastInsertRowid);
    } else {
      s.fillEntity.run(entity.country ?? null, entity.kb ?? null, id);
    }
    for (const name of [entity.name, ...entity.aliases]) {
      if (name.trim() === "") continue;
      s.insertName.run(id, name, normalizeName(name));
      insertKeys(s.insertKeys, id, name);
    }
    return { id, created };
  }

  #byKeys(entity: ExtractedEntity, types: string): number | undefined {
    const scores = new Map<number, { keys: Set<string>; sameType: boolean; main: boolean }>();
    const names = [entity.name, ...entity.aliases].filter((n) => n.trim() !== "");
    names.forEach((name, index) => {
      for (const k of nameKeyDetails(name)) {
        const acronym = k.kind === "acronym" ? 1 : 0;
        for (const c of this.#statements.byKey.all(k.key, types)) {
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

  /**
   * A value for the unique (type, key) column of a new entity: `kb:<id>` or
   * `name:<normalizeName>` as before schema version 3, with `#2`, `#3`… when another
   * entity of the type already has it (one resolution told apart, e.g. by country).
   */
  #freeKey(entity: ExtractedEntity): string {
    const norm = normalizeName(entity.name);
    const base = entity.kb ? `kb:${entity.kb}` : norm === "" ? `raw:${entity.name.trim()}` : `name:${norm}`;
    let key = base;
    for (let n = 2; this.#statements.keyTaken.get(entity.type, key) !== undefined; n++) key = `${base}#${n}`;
    return key;
  }
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
export function entityIdsByName(db: Database.Database, name: string): number[] {
  const norm = normalizeName(name);
  const keys = nameKeys(name);
  if (norm === "" && keys.length === 0) return [];
  return db
    .prepare<[string, string], { id: number }>(
      `SELECT entity_id AS id FROM entity_names WHERE norm = ?
        UNION SELECT entity_id FROM entity_keys WHERE key IN (SELECT value FROM json_each(?))
        ORDER BY id`,
    )
    .all(norm, JSON.stringify(keys))
    .map((r) => r.id);
}

// ---------------------------------------------------------------------------------------
// Grouping by judgements

/**
 * Keeps the connection's temporary table `entity_group` (entity_id, rep) equal to the
 * grouping of the active judgements: one row for every entity in a group of two or
 * more, including the representative itself. Queries join it to show one row per
 * group; it is rebuilt only when the judgements changed (in this or another process).
 */
export class EntityGroups {
  readonly #db: Database.Database;
  #signature = "";
  #groups = new Map<number, number>();

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec("CREATE TEMP TABLE IF NOT EXISTS entity_group (entity_id INTEGER PRIMARY KEY, rep INTEGER NOT NULL) STRICT");
    db.exec("CREATE INDEX IF NOT EXISTS temp.entity_group_rep ON entity_group (rep)");
  }

  /** The current grouping: entity id → representative, for grouped entities only. */
  current(): Map<number, number> {
    const db = this.#db;
    const row = db
      .prepare<[], { n: number; last: number | null; revoked: number }>(
        "SELECT count(*) AS n, max(id) AS last, count(revoked_at) AS revoked FROM entity_judgements",
      )
      .get();
    const signature = `${row?.n ?? 0}:${row?.last ?? 0}:${row?.revoked ?? 0}`;
    if (signature === this.#signature) return this.#groups;
    const links = db
      .prepare<[], { id: number; kind: string; a: number; b: number }>(
        "SELECT id, kind, a, b FROM entity_judgements WHERE revoked_at IS NULL ORDER BY id",
      )
      .all()
      .map((j) => ({ ...j, kind: judgementKind(j.kind) }));
    const groups = groupEntities(links);
    const insert = db.prepare<[number, number]>("INSERT INTO temp.entity_group (entity_id, rep) VALUES (?, ?)");
    db.transaction(() => {
      db.exec("DELETE FROM temp.entity_group");
      for (const [id, rep] of groups) insert.run(id, rep);
    })();
    this.#groups = groups;
    this.#signature = signature;
    return groups;
  }

  /** Every member of the groups of `ids` (each id itself included). */
  expand(ids: readonly number[]): number[] {
    const groups = this.current();
    const reps = new Set(ids.map((id) => groups.get(id) ?? id));
    const out = new Set(ids);
    for (const [id, rep] of groups) if (reps.has(rep)) out.add(id);
    return [...out].sort((a, b) => a - b);
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

export function insertJudgement(
  db: Database.Database,
  kind: JudgementKind,
  a: number,
  b: number,
  reason: string | null,
  author: string,
): EntityJudgement {
  if (!(JUDGEMENT_KINDS as readonly string[]).includes(kind)) {
    throw new StoreError(`judgement kind ${JSON.stringify(kind)} is not one of ${JUDGEMENT_KINDS.join(", ")}`);
  }
  if (a === b) throw new StoreError(`a judgement needs two different entities (got ${a} twice)`);
  const exists = db.prepare<[number], { id: number }>("SELECT id FROM entities WHERE id = ?");
  for (const id of [a, b]) {
    if (!Number.isSafeInteger(id) || exists.get(id) === undefined) throw new StoreError(`there is no entity with id ${id}`);
  }
  if (author.trim() === "") throw new StoreError("a judgement needs an author");
  const id = Number(
    db
      .prepare<[string, number, number, SqlValue, string, string]>(
        "INSERT INTO entity_judgements (kind, a, b, reason, author, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(kind, a, b, reason, author, new Date().toISOString()).lastInsertRowid,
  );
  return judgementById(db, id)!;
}

export function revokeJudgementById(db: Database.Database, id: number): EntityJudgement | undefined {
  db.prepare<[string, number]>("UPDATE entity_judgements SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(
    new Date().toISOString(),
    id,
  );
  return judgementById(db, id);
}

export function judgementById(db: Database.Database, id: number): EntityJudgement | undefined {
  const row = db.prepare<[number], JudgementRecord>(`${JUDGEMENT_SELECT} WHERE j.id = ?`).get(id);
  return row === undefined ? undefined : toJudgement(row);
}

/** All judgements, or those about any of `ids`; oldest first. */
export function listJudgements(db: Database.Database, ids?: readonly number[]): EntityJudgement[] {
  if (ids === undefined) return db.prepare<[], JudgementRecord>(`${JUDGEMENT_SELECT} ORDER BY j.id`).all().map(toJudgement);
  return db
    .prepare<[string, string], JudgementRecord>(
      `${JUDGEMENT_SELECT}
        WHERE j.a IN (SELECT value FROM json_each(?)) OR j.b IN (SELECT value FROM json_each(?))
        ORDER BY j.id`,
    )
    .all(JSON.stringify(ids), JSON.stringify(ids))
    .map(toJudgement);
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

function entityType(value: string): EntityType {
  const found = ENTITY_TYPES.find((t) => t === value);
  if (found === undefined) throw new StoreError(`stored entity type ${JSON.stringify(value)} is not one of ${ENTITY_TYPES.join(", ")}`);
  return found;
}
