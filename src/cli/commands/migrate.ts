import { existsSync } from "node:fs";
import { UsageError } from "../../domain/errors.ts";
import { copySqliteToPostgres } from "../../store/copy-sqlite-to-postgres.ts";
import { type Command } from "../command.ts";
import { formatRows } from "../presenters/format-rows.ts";

/** Copies a SQLite store into a new PostgreSQL database and proves nothing was lost. */
export const migrateCommand: Command = {
  name: "migrate",
  summary: "Copy a SQLite store into an empty PostgreSQL database, every row and id; prints row counts and checksums of both sides per table.",
  usage: "migrate --from <sqlite file> --to postgres://…",
  example: "armstrace migrate --from armstrace.db --to postgres://armstrace@db.example.org/armstrace",
  options: { from: { type: "string" }, to: { type: "string" } },
  optionHelp: { from: "the SQLite store to copy (left unchanged)", to: "an empty PostgreSQL database (postgres://user:password@host:port/db)" },
  async run({ values }, io) {
    const from = values["from"];
    const to = values["to"];
    if (typeof from !== "string" || typeof to !== "string") throw new UsageError("migrate: give --from <sqlite file> and --to postgres://…");
    if (/^postgres(?:ql)?:\/\//.test(from) || !/^postgres(?:ql)?:\/\//.test(to)) throw new UsageError("migrate: --from is a SQLite file and --to a postgres:// URL");
    if (!existsSync(from)) throw new UsageError(`migrate: ${from} does not exist`);
    const tables = await copySqliteToPostgres(from, to);
    io.out(formatRows(
      tables.map((t) => ({ table: t.table, sqlite: t.sourceRows, postgres: t.targetRows, checksum: t.sourceDigest.slice(0, 16), copy: t.targetDigest.slice(0, 16), same: t.same ? "yes" : "NO" })),
      [{ key: "table", header: "TABLE" }, { key: "sqlite", header: "SQLITE ROWS" }, { key: "postgres", header: "POSTGRES ROWS" }, { key: "checksum", header: "SQLITE SHA-256" }, { key: "copy", header: "POSTGRES SHA-256" }, { key: "same", header: "SAME" }],
      "table",
    ));
    const bad = tables.filter((t) => !t.same);
    const rows = tables.reduce((n, t) => n + t.targetRows, 0);
    if (bad.length > 0) {
      io.err(`armstrace: migrate: ${bad.length} table(s) differ after the copy: ${bad.map((t) => t.table).join(", ")}\n`);
      return 1;
    }
    io.err(`armstrace: copied ${rows} rows in ${tables.length} tables; every table's count and checksum match\n`);
    return 0;
  },
};
