import { UsageError } from "./domain/errors.ts";
import type { Store } from "./store/store.ts";
import { openSqliteStore } from "./store/sqlite/sqlite-store.ts";

/** The database used when neither `--db` nor `ARMSTRACE_DB` names one. */
export const DEFAULT_DB = "armstrace.db";

/**
 * The composition root: the one place that picks a storage backend from a
 * location. A file path (or `sqlite:` prefix) opens the embedded SQLite store.
 */
export async function openStore(location: string | undefined): Promise<Store> {
  const loc = location || process.env["ARMSTRACE_DB"] || DEFAULT_DB;
  if (/^postgres(?:ql)?:\/\//.test(loc)) throw new UsageError("PostgreSQL stores are not supported by this build; use a SQLite file path");
  return openSqliteStore(loc.replace(/^sqlite:/, ""));
}
