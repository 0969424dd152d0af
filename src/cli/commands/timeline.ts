import { UsageError } from "../../domain/errors.ts";
import { entityTimeline, type TimelineEntry } from "../../services/entity-timeline.ts";
import { openStore } from "../../main.ts";
import { formatRows, OUTPUT_FORMATS, type Column } from "../presenters/format-rows.ts";
import { choice, type Command } from "../command.ts";

const COLUMNS: readonly Column[] = [
  { key: "date", header: "DATE" },
  { key: "relation", header: "SUPPLIER → RECIPIENT", width: 44 },
  { key: "stance", header: "STANCE" },
  { key: "claimant", header: "CLAIMANT", width: 20 },
  { key: "source", header: "SOURCE", width: 32 },
  { key: "reliability", header: "REL" },
  { key: "credibility", header: "CRED" },
  { key: "quote", header: "QUOTE", width: 80 },
];

function rows(entries: readonly TimelineEntry[]): Record<string, unknown>[] {
  return entries.map((e) => ({ ...e, relation: `${e.supplier} → ${e.recipient}`, claimant: e.claimant ?? "", date: e.date ?? "undated", credibility: e.credibility ?? "" }));
}

/** Every claim involving one party in date order, with stance, source and grades. */
export const timelineCommand: Command = {
  name: "timeline",
  summary: "Show every claim involving a party in date order, with its stance, source, source reliability and relation credibility.",
  usage: "timeline NAME [--format table|json|csv] [--db FILE]",
  example: "armstrace timeline serbia",
  options: { db: { type: "string" }, format: { type: "string" } },
  optionHelp: { db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)", format: "table (default), json or csv" },
  async run({ values, positionals }, io) {
    const format = choice(values["format"], OUTPUT_FORMATS, "format", "table");
    const name = positionals.join(" ").trim();
    if (!name) throw new UsageError("timeline: give the name of a party, e.g. armstrace timeline serbia");
    const store = await openStore(values["db"] as string | undefined);
    try {
      const entries = await entityTimeline(store, name);
      if (entries.length === 0) {
        io.err(`armstrace: no claims involve an entity named ${JSON.stringify(name)}\n`);
        return 1;
      }
      const columns = format === "table" ? COLUMNS : [...COLUMNS, { key: "modality", header: "MODALITY" }, { key: "items", header: "ITEMS" }, { key: "url", header: "URL" }];
      io.out(formatRows(rows(entries), columns, format));
      return 0;
    } finally {
      await store.close();
    }
  },
};
