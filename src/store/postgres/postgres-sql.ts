/**
 * The few helpers every PostgreSQL store file shares: something to run SQL on (the
 * pool, or the client of an open transaction), numbered parameters, and the advisory
 * locks that keep concurrent writers of the entity graph correct.
 */
import type pg from "pg";

/** A pool (each statement on its own) or a checked-out client (inside a transaction). */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * The transaction-level advisory lock (two-key form: "arms", 2) that orders the commits
 * of new claims. Claim ids are read as cursors ("every claim after id N": alerts, the
 * relation regrade), so a claim id must never commit after a larger one. Each ingest
 * takes it just before inserting its claims and holds it to its commit; that part
 * waits on nothing else, so it is short.
 */
export const INGEST_LOCK = [0x61726d73, 2] as const;

/**
 * Taken shared by every ingest for its whole transaction and exclusively by the
 * name-key rebuild ("arms", 3), so no report resolves against half-rebuilt keys.
 */
export const KEYS_LOCK = [0x61726d73, 3] as const;

/** The first key of the per-name locks ("armt"); the second is a hash of the name. */
const NAME_LOCK_SPACE = 0x61726d74;

/**
 * Takes the transaction-level advisory locks of `names` (content hashes, name keys,
 * knowledge-base ids), in ascending order of their hashes so that two ingests locking
 * overlapping sets wait on each other rather than deadlock within one call. Entity
 * resolution locks the names of an entity before it creates one: two reports creating
 * the same entity at once then run one after the other, and the second finds the
 * first's. Two names sharing a hash only make one wait for the other.
 */
export async function lockNames(db: Queryable, names: Iterable<string>): Promise<void> {
  const hashes = [...new Set([...names].map(nameLockHash))].sort((a, b) => a - b);
  if (hashes.length === 0) return;
  await db.query(
    `SELECT count(pg_advisory_xact_lock($1, h)) FROM (SELECT h FROM unnest($2::int[]) WITH ORDINALITY AS x (h, n) ORDER BY n) AS sorted`,
    [NAME_LOCK_SPACE, hashes],
  );
}

/** A signed 32-bit FNV-1a hash of the string's UTF-16 code units. */
function nameLockHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Whether a failed transaction may simply run again: PostgreSQL broke a deadlock by
 * aborting it (two reports creating the same two entities in opposite orders).
 */
export function isDeadlock(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "40P01";
}

/** Collects statement parameters and hands out their `$n` placeholders. */
export class Params {
  readonly values: unknown[] = [];

  /** The placeholder of `value`, cast to `type` when given (needed for arrays and NULLs). */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type === undefined ? `$${this.values.length}` : `$${this.values.length}::${type}`;
  }
}

export async function rows<R extends pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  return (await db.query<R>(text, values)).rows;
}

export async function one<R extends pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R | undefined> {
  return (await db.query<R>(text, values)).rows[0];
}

/** How many rows a statement changed. */
export async function run(db: Queryable, text: string, values: unknown[] = []): Promise<number> {
  return (await db.query(text, values)).rowCount ?? 0;
}

/**
 * The ASCII-only case folding of SQLite's NOCASE collation, in code-point order, so
 * both backends sort names alike on every server locale ("Émile" after "zeta", as
 * SQLite has it).
 */
export function nocase(expression: string): string {
  return `translate(${expression}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C"`;
}
