import { listEntities, parseEntityType } from "../../services/queries.ts";
import { openStore } from "../../main.ts";
import { ENTITY_COLUMNS, entityRows } from "../presenters/entity-rows.ts";
import { formatRows, OUTPUT_FORMATS } from "../presenters/format-rows.ts";
import { choice, positiveInt, type Command } from "../command.ts";

export const entitiesCommand: Command = {
  name: "entities",
  summary: "List stored parties with their names and how many claims involve them.",
  usage: "entities [--type organization|state|armed_force|person|media] [--name TEXT] [--format table|json|csv] [--limit N] [--db FILE]",
  example: "armstrace entities --type organization",
  options: { db: { type: "string" }, type: { type: "string" }, name: { type: "string" }, format: { type: "string" }, limit: { type: "string" } },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    type: "organization, state, armed_force, person or media",
    name: "only parties with a name containing these words",
    format: "table (default), json or csv",
    limit: "at most N entities",
  },
  async run({ values }, io) {
    const format = choice(values["format"], OUTPUT_FORMATS, "format", "table");
    const limit = positiveInt(values["limit"], "limit");
    // Checked before opening, so a usage error does not create a database file.
    if (typeof values["type"] === "string") parseEntityType(values["type"]);
    const store = await openStore(values["db"] as string | undefined);
    try {
      const rows = await listEntities(store, { type: values["type"] as string | undefined, name: values["name"] as string | undefined, ...(limit ? { limit } : {}) });
      io.out(formatRows(entityRows(rows), ENTITY_COLUMNS, format));
      return 0;
    } finally {
      await store.close();
    }
  },
};
