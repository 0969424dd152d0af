/**
 * The few helpers every PostgreSQL store file shares: something to run SQL on (the
 * pool, or the client of an open transaction), numbered parameters, and the advisory
 * lock that serializes writers of the entity graph.
 */
import type pg from "pg";

/** A pool (each statement on its own) or a checked-out client (inside a transaction). */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * The transaction-level advisory lock (two-key form: "arms", 2) taken by every ingest
 * and by the name-key rebuild. Entity resolution reads the stored names, then adds
 * entities and names from what it read; two reports resolved at once could both miss
 * an entity the other is creating and store it twice. Holding this lock from the
 * duplicate check to the commit makes resolutions happen one after another, each
 * seeing every committed one (each statement of a READ COMMITTED transaction reads
 * the latest commits), while extraction, the slow part, runs in parallel outside.
 */
export const INGEST_LOCK = [0x61726d73, 2] as const;

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
