import { UsageError } from "../../domain/errors.ts";
import type { Decision } from "../../domain/screening.ts";
import { openStore } from "../../main.ts";
import { decideVendor } from "../../services/screening/decide-vendor.ts";
import { vendorKey } from "../../services/screening/screen-vendors.ts";
import { authorOf, choice, type Command } from "../command.ts";
import { formatRows } from "../presenters/format-rows.ts";

const COLUMNS = [
  { key: "id", header: "ID" },
  { key: "createdAt", header: "WHEN" },
  { key: "vendor", header: "VENDOR", width: 32 },
  { key: "decision", header: "DECISION" },
  { key: "author", header: "BY" },
  { key: "tier", header: "TIER" },
  { key: "evidence", header: "EVIDENCE" },
  { key: "reason", header: "REASON", width: 48 },
];

/** Records a compliance decision about a vendor, or lists the decisions taken. */
export const decideCommand: Command = {
  name: "decide",
  summary: "Record a decision about a vendor (delist, keep or monitor) with who, when and the evidence it rested on; --list shows them.",
  usage: 'decide <vendor> --delist|--keep|--monitor --reason "…" [--country CC] [--by NAME] [--db FILE] | decide --list [vendor] [--format table|json|csv]',
  example: 'armstrace decide "SZ DJI Technology Co., Ltd." --delist --reason "credible reports of supply to Russia\'s forces"',
  options: {
    db: { type: "string" }, delist: { type: "boolean" }, keep: { type: "boolean" }, monitor: { type: "boolean" },
    reason: { type: "string" }, country: { type: "string" }, by: { type: "string" }, list: { type: "boolean" }, format: { type: "string" },
  },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    delist: "decide to stop buying from the vendor",
    keep: "decide to keep the vendor",
    monitor: "keep the vendor under watch: new claims about it raise alerts",
    reason: "why (required; kept with the decision)",
    country: "the vendor's country, for matching (ISO code or name)",
    by: "who decides (default $USER)",
    list: "list recorded decisions (of one vendor when named)",
    format: "with --list: table (default), json or csv",
  },
  async run({ values, positionals }, io) {
    if (values["list"]) {
      const format = choice(values["format"], ["table", "json", "csv"] as const, "format", "table");
      const store = await openStore(values["db"] as string | undefined);
      try {
        const name = positionals.join(" ").trim();
        const rows = await store.decisions(name === "" ? {} : { vendorKey: vendorKey(name) });
        if (format === "json") io.out(`${JSON.stringify(rows, null, 2)}\n`);
        else io.out(formatRows(rows.map((d) => ({ ...d, evidence: `${d.evidence.length} relation(s), ${d.matches.length} match(es)` })), COLUMNS, format));
        return 0;
      } finally {
        await store.close();
      }
    }
    const chosen = (["delist", "keep", "monitor"] as const).filter((d) => values[d]);
    if (chosen.length !== 1) throw new UsageError("decide: give exactly one of --delist, --keep or --monitor");
    if (positionals.length === 0) throw new UsageError("decide: name the vendor");
    if (typeof values["reason"] !== "string") throw new UsageError('decide: give the reason (--reason "…")');
    const author = authorOf(values["by"], "decide");
    const store = await openStore(values["db"] as string | undefined);
    try {
      const { decision, screening, watch } = await decideVendor(store, {
        vendor: positionals.join(" "),
        country: values["country"] as string | undefined,
        decision: chosen[0] as Decision,
        reason: values["reason"],
        author,
      });
      const best = screening.matches[0];
      io.out(`decision ${decision.id}: ${decision.decision} "${decision.vendor}" by ${decision.author} at ${decision.createdAt}\n`);
      io.out(`  tier ${decision.tier} (${screening.rule.id}: ${screening.rule.reason})\n`);
      io.out(`  rests on ${decision.matches.length} match(es)${best ? `, best ${best.entity.name} ${best.score.toFixed(3)}` : ""} and ${decision.evidence.length} supplier relation(s)\n`);
      if (watch) io.out(`  watching "${watch.label}" (watch ${watch.id}): new claims about it raise alerts\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
