import { SOURCE_KINDS, RELIABILITIES } from "../../domain/admiralty.ts";
import { UsageError } from "../../domain/errors.ts";
import { listSources, setSource } from "../../services/set-source.ts";
import { openStore } from "../../main.ts";
import { formatRows, OUTPUT_FORMATS, type Column } from "../presenters/format-rows.ts";
import { choice, type Command } from "../command.ts";

const COLUMNS: readonly Column[] = [
  { key: "name", header: "NAME", width: 40 },
  { key: "reliability", header: "REL" },
  { key: "kind", header: "KIND" },
  { key: "origin", header: "FROM" },
  { key: "reason", header: "REASON", width: 80 },
];
const FULL: readonly Column[] = [...COLUMNS, { key: "aliases", header: "ALIASES" }, { key: "url", header: "URL" }];

/** Lists the graded sources, or sets one source's grade. */
export const sourceCommand: Command = {
  name: "source",
  summary: "List sources with their Admiralty reliability (A–F) and kind, or set a source's grade.",
  usage: `source list [--format table|json|csv] | source set NAME --reliability ${RELIABILITIES.join("|")} [--kind KIND] --reason TEXT [--alias NAME]... [--url URL] [--db FILE]`,
  example: 'armstrace source set "Defence Blog" --reliability D --kind other --reason "relays social media without checks"',
  options: {
    db: { type: "string" },
    format: { type: "string" },
    reliability: { type: "string" },
    kind: { type: "string" },
    reason: { type: "string" },
    alias: { type: "string", multiple: true },
    url: { type: "string" },
  },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    format: "list: table (default), json or csv",
    reliability: "set: A completely reliable … E unreliable, F cannot be judged",
    kind: `set: ${SOURCE_KINDS.join(", ")}`,
    reason: "set: one line saying why (required for a new source)",
    alias: "set: another name the source publishes under (repeatable)",
    url: "set: the source's home page",
  },
  async run({ values, positionals }, io) {
    const [sub, ...rest] = positionals;
    if (sub === "list" || sub === undefined) {
      const format = choice(values["format"], OUTPUT_FORMATS, "format", "table");
      const store = await openStore(values["db"] as string | undefined);
      try {
        const sources = await listSources(store);
        io.out(formatRows(sources.map((s) => ({ ...s, aliases: s.aliases.join("; "), url: s.url ?? "" })), format === "table" ? COLUMNS : FULL, format));
        return 0;
      } finally {
        await store.close();
      }
    }
    if (sub !== "set") throw new UsageError(`source: unknown subcommand ${JSON.stringify(sub)} (use list or set)`);
    const name = rest.join(" ").trim();
    if (!name) throw new UsageError('source set: give the source\'s name, e.g. armstrace source set "Defence Blog" --reliability D --reason "…"');
    const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
    const aliases = Array.isArray(values["alias"]) ? values["alias"] : [];
    const store = await openStore(values["db"] as string | undefined);
    try {
      const { source, regraded } = await setSource(store, { name, reliability: str("reliability"), kind: str("kind"), reason: str("reason"), url: str("url"), aliases });
      io.out(`${source.name}: reliability ${source.reliability}, ${source.kind}: ${source.reason}\n${regraded} relation(s) regraded\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
