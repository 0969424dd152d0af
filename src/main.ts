import type { Store } from "./store/store.ts";
import { openSqliteStore } from "./store/sqlite/sqlite-store.ts";

/** The database used when neither `--db` nor `ARMSTRACE_DB` names one. */
export const DEFAULT_DB = "armstrace.db";

/**
 * The composition root: the one place that picks a storage backend from a
 * location. A `postgres://` or `postgresql://` URL opens the PostgreSQL store (loaded
 * only then, so SQLite-only use never loads the driver); a file path (or `sqlite:`
 * prefix) opens the embedded SQLite store.
 */
export async function openStore(location: string | undefined): Promise<Store> {
  const loc = location || process.env["ARMSTRACE_DB"] || DEFAULT_DB;
  if (/^postgres(?:ql)?:\/\//i.test(loc)) {
    const { openPostgresStore } = await import("./store/postgres/postgres-store.ts");
    return openPostgresStore(loc);
  }
  return openSqliteStore(loc.replace(/^sqlite:/, ""));
}
