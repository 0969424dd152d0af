import { listClaims, parseStance } from "../../services/queries.ts";
import { openStore } from "../../main.ts";
import { claimColumns, claimRows } from "../presenters/claim-rows.ts";
import { formatRows, OUTPUT_FORMATS } from "../presenters/format-rows.ts";
import { choice, positiveInt, type Command } from "../command.ts";

export const claimsCommand: Command = {
  name: "claims",
  summary: "List stored transfer claims, each with its quote and source.",
  usage: "claims [--entity NAME] [--stance asserted|hedged|denied] [--format table|json|csv] [--limit N] [--db FILE]",
  example: "armstrace claims --entity norinco --stance hedged --format csv",
  options: { db: { type: "string" }, entity: { type: "string" }, stance: { type: "string" }, format: { type: "string" }, limit: { type: "string" } },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    entity: "only claims where this party (any of its names) is supplier, recipient or claimant",
    stance: "asserted, hedged or denied",
    format: "table (default), json or csv",
    limit: "at most N claims",
  },
  async run({ values }, io) {
    const format = choice(values["format"], OUTPUT_FORMATS, "format", "table");
    const limit = positiveInt(values["limit"], "limit");
    // Checked before opening, so a usage error does not create a database file.
    if (typeof values["stance"] === "string") parseStance(values["stance"]);
    const store = await openStore(values["db"] as string | undefined);
    try {
      const rows = await listClaims(store, { entity: values["entity"] as string | undefined, stance: values["stance"] as string | undefined, ...(limit ? { limit } : {}) });
      io.out(formatRows(claimRows(rows), claimColumns(format), format));
      return 0;
    } finally {
      await store.close();
    }
  },
};
