/**
 * Copies a SQLite store into an empty PostgreSQL store, table by table and row by row,
 * keeping every id, so links between rows (claims to documents, reviews to claims,
 * alerts to watches) survive unchanged. Both schemas are first brought to the newest
 * version by opening them as stores. The copy runs in one PostgreSQL transaction:
 * either all of it lands or none. Afterwards each table is read back from both sides
 * and compared by row count and a SHA-256 over its rows in a canonical form (JSON with
 * sorted keys, booleans and numbers spelled one way), so "nothing lost" is checked,
 * not assumed.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { StoreError } from "../domain/errors.ts";
import { openSqliteStore } from "./sqlite/sqlite-store.ts";
import { openPostgresStore } from "./postgres/postgres-store.ts";

export interface TableCopy {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceDigest: string;
  targetDigest: string;
  same: boolean;
}

/** Rows inserted per statement: few round trips, well under PostgreSQL's 65,535 parameters. */
const BATCH = 500;

/**
 * Tables in an order that satisfies every foreign key. Tables of the SQLite schema not
 * listed here are a newer schema this build does not know: refused, never skipped.
 */
const TABLES = [
  "documents", "entities", "entity_names", "entity_keys", "entity_key_state", "mentions", "claims",
  "source_overrides", "relations", "relation_state", "entity_judgements", "access_tokens", "claim_reviews",
  "vendor_decisions", "feeds", "feed_items", "watches", "alerts", "alert_deliveries", "monitor_state", "ingest_jobs",
];

/** Tables holding one row of state that a new store already has: replaced, not added to. */
const STATE_TABLES = new Set(["entity_key_state", "relation_state", "monitor_state"]);

interface PgColumn {
  name: string;
  type: string;
  generatedAlways: boolean;
}

export async function copySqliteToPostgres(sqliteFile: string, pgUrl: string, onTable?: (t: TableCopy) => void): Promise<TableCopy[]> {
  // Opening each as a store applies its migrations, so both have the newest schema.
  await (await openSqliteStore(sqliteFile)).close();
  const target = await openPostgresStore(pgUrl);
  try {
    const counts = await target.counts();
    if (counts.documents + counts.entities + counts.claims > 0) {
      throw new StoreError(`the PostgreSQL store is not empty (${counts.documents} documents, ${counts.entities} entities); migrate into a new database`);
    }
  } finally {
    await target.close();
  }
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  client.on("error", () => undefined);
  try {
    const sourceTables = source.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations'").all().map((t) => t.name);
    const unknown = sourceTables.filter((t) => !TABLES.includes(t) && !t.startsWith("entity_search"));
    if (unknown.length > 0) throw new StoreError(`${sqliteFile} has tables this armstrace cannot copy (${unknown.join(", ")}); upgrade armstrace`);
    const tables = TABLES.filter((t) => sourceTables.includes(t));
    const columns = new Map<string, PgColumn[]>();
    for (const table of tables) {
      const pgCols = (await client.query<{ column_name: string; data_type: string; is_generated: string; identity_generation: string | null }>(
        "SELECT column_name, data_type, is_generated, identity_generation FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        [table],
      )).rows;
      const sqliteCols = source.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name);
      const missing = sqliteCols.filter((c) => !pgCols.some((p) => p.column_name === c));
      if (missing.length > 0) throw new StoreError(`PostgreSQL table ${table} lacks column(s) ${missing.join(", ")}; nothing was copied`);
      columns.set(table, pgCols.filter((p) => sqliteCols.includes(p.column_name) && p.is_generated !== "ALWAYS").map((p) => ({ name: p.column_name, type: p.data_type, generatedAlways: p.identity_generation === "ALWAYS" })));
    }

    await client.query("BEGIN");
    try {
      for (const table of tables) {
        const cols = columns.get(table)!;
        if (STATE_TABLES.has(table)) await client.query(`DELETE FROM ${table}`);
        const list = cols.map((c) => `"${c.name}"`).join(", ");
        const overriding = cols.some((c) => c.generatedAlways) ? " OVERRIDING SYSTEM VALUE" : "";
        let batch: unknown[][] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const params: unknown[] = [];
          const values = batch.map((row) => `(${row.map((v) => { params.push(v); return `$${params.length}`; }).join(", ")})`).join(", ");
          await client.query(`INSERT INTO ${table} (${list})${overriding} VALUES ${values}`, params);
          batch = [];
        };
        for (const row of source.prepare<[], Record<string, unknown>>(`SELECT ${list} FROM ${table}`).iterate()) {
          batch.push(cols.map((c) => toPostgres(row[c.name], c.type)));
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        // Identity columns go on from the copied ids, so the next row does not collide.
        for (const c of cols) {
          const seq = (await client.query<{ seq: string | null }>("SELECT pg_get_serial_sequence($1, $2) AS seq", [table, c.name])).rows[0]?.seq;
          if (seq) await client.query(`SELECT setval($1, coalesce((SELECT max("${c.name}") FROM ${table}), 0) + 1, false)`, [seq]);
        }
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw new StoreError(`copying into PostgreSQL failed, nothing was copied: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }

    const report: TableCopy[] = [];
    for (const table of tables) {
      const cols = columns.get(table)!;
      const list = cols.map((c) => `"${c.name}"`).join(", ");
      const src = digest(source.prepare<[], Record<string, unknown>>(`SELECT ${list} FROM ${table}`).all(), cols);
      const dst = digest((await client.query<Record<string, unknown>>(`SELECT ${list} FROM ${table}`)).rows, cols);
      const t = { table, sourceRows: src.rows, targetRows: dst.rows, sourceDigest: src.hash, targetDigest: dst.hash, same: src.rows === dst.rows && src.hash === dst.hash };
      report.push(t);
      onTable?.(t);
    }
    return report;
  } finally {
    source.close();
    await client.end().catch(() => undefined);
  }
}

function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return value === 1 || value === true || value === "1";
  return value;
}

/** One spelling per value, whichever backend it came from. */
function canonical(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  if (type === "boolean") return value === true || value === 1 || value === "1" || value === "t" ? "t" : "f";
  if (type === "json" || type === "jsonb") return stableJson(typeof value === "string" ? JSON.parse(value) : value);
  if (type === "bigint" || type === "integer" || type === "smallint" || type === "double precision" || type === "real" || type === "numeric") return String(Number(value));
  return String(value);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Row count and SHA-256 of the table's rows, canonical and sorted, so row order does not matter. */
function digest(rows: readonly Record<string, unknown>[], cols: readonly PgColumn[]): { rows: number; hash: string } {
  const lines = rows.map((r) => cols.map((c) => canonical(r[c.name], c.type).replace(/[\t\n\\]/g, (ch) => (ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\\\"))).join("\t"));
  lines.sort();
  const hash = createHash("sha256");
  for (const line of lines) hash.update(line).update("\n");
  return { rows: rows.length, hash: hash.digest("hex") };
}
