import { listRelations, parseCredibility } from "../../services/list-relations.ts";
import { openStore } from "../../main.ts";
import { RELATION_COLUMNS, RELATION_TABLE_COLUMNS, relationRows } from "../presenters/relation-rows.ts";
import { formatRows, OUTPUT_FORMATS } from "../presenters/format-rows.ts";
import { choice, positiveInt, type Command } from "../command.ts";

/** Lists the graded supplier → recipient relations derived from the stored claims. */
export const relationsCommand: Command = {
  name: "relations",
  summary: "List supplier → recipient relations with their Admiralty grades, sources and dates (see docs/grading.md).",
  usage: "relations [--entity NAME] [--min-credibility N] [--format table|json|csv] [--limit N] [--db FILE]",
  example: "armstrace relations --entity russia --min-credibility 2",
  options: { db: { type: "string" }, entity: { type: "string" }, "min-credibility": { type: "string" }, format: { type: "string" }, limit: { type: "string" } },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    entity: "only relations where this party (any of its names) is supplier or recipient",
    "min-credibility": "only relations graded N or better, 1 (confirmed) … 6 (cannot be judged)",
    format: "table (default), json or csv",
    limit: "at most N relations",
  },
  async run({ values }, io) {
    const format = choice(values["format"], OUTPUT_FORMATS, "format", "table");
    const limit = positiveInt(values["limit"], "limit");
    // Checked before opening, so a usage error does not create a database file.
    const min = values["min-credibility"];
    if (typeof min === "string") parseCredibility(min);
    const store = await openStore(values["db"] as string | undefined);
    try {
      const rows = await listRelations(store, { entity: values["entity"] as string | undefined, minCredibility: min as string | undefined, ...(limit ? { limit } : {}) });
      io.out(formatRows(relationRows(rows), format === "table" ? RELATION_TABLE_COLUMNS : RELATION_COLUMNS, format));
      return 0;
    } finally {
      await store.close();
    }
  },
};
