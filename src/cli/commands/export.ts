import { writeFileSync } from "node:fs";
import { StoreError } from "../../domain/errors.ts";
import { exportFtm } from "../../services/export-ftm.ts";
import { exportGraphml } from "../../services/export-graphml.ts";
import { listRelations } from "../../services/list-relations.ts";
import { openStore } from "../../main.ts";
import { RELATION_COLUMNS, relationRows } from "../presenters/relation-rows.ts";
import { formatRows } from "../presenters/format-rows.ts";
import { choice, type Command } from "../command.ts";

const EXPORT_FORMATS = ["ftm", "csv", "graphml"] as const;

/** Writes the evidence graph for other tools: FollowTheMoney entities, a CSV of relations, or GraphML. */
export const exportCommand: Command = {
  name: "export",
  summary: "Export the evidence graph: FollowTheMoney JSON lines, a CSV of relations, or GraphML (see docs/export.md).",
  usage: "export --format ftm|csv|graphml [--out FILE] [--db FILE]",
  example: "armstrace export --format graphml --out relations.graphml",
  options: { db: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    format: "ftm (entities, documents, claims, relations as FtM JSON lines), csv (relations) or graphml (parties and relations)",
    out: "write to this file instead of standard output",
  },
  async run({ values }, io) {
    const format = choice(values["format"], EXPORT_FORMATS, "format", "ftm");
    const out = values["out"] as string | undefined;
    const store = await openStore(values["db"] as string | undefined);
    let text: string;
    try {
      if (format === "ftm") text = (await exportFtm(store)).map((e) => `${JSON.stringify(e.toJSON())}\n`).join("");
      else if (format === "csv") text = formatRows(relationRows(await listRelations(store)), RELATION_COLUMNS, "csv");
      else text = await exportGraphml(store);
    } finally {
      await store.close();
    }
    if (out === undefined) io.out(text);
    else {
      try {
        writeFileSync(out, text);
      } catch (error) {
        throw new StoreError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      io.err(`armstrace: wrote ${out}\n`);
    }
    return 0;
  },
};
