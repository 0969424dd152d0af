import { readFile, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { UsageError } from "../../domain/errors.ts";
import { tierRank } from "../../domain/screening.ts";
import { describeFsError } from "../../pipeline/normalize/describe-fs-error.ts";
import { InputError } from "../../pipeline/normalize/index.ts";
import { openStore } from "../../main.ts";
import { readVendorList, MAX_VENDOR_LIST_BYTES } from "../../services/screening/read-vendor-list.ts";
import { renderScreeningHtml } from "../../services/screening/render-screening-html.ts";
import { renderScreeningPdf } from "../../services/screening/render-screening-pdf.ts";
import { screenVendors } from "../../services/screening/screen-vendors.ts";
import { choice, type Command } from "../command.ts";
import { formatRows } from "../presenters/format-rows.ts";
import { SCREENING_COLUMNS, screeningRows } from "../presenters/screening-rows.ts";

const FORMATS = ["table", "json", "csv", "html", "pdf"] as const;

/** Screens a vendor list against the evidence graph. */
export const screenCommand: Command = {
  name: "screen",
  summary: "Screen a vendor list (CSV, XLSX or JSON Lines) against the evidence graph: matches, evidence, risk tier, decisions.",
  usage: "screen <vendors.csv|.xlsx|.jsonl> [--db FILE] [--format table|json|csv|html|pdf] [--out FILE] [--flagged]",
  example: "armstrace screen vendors.csv --format pdf --out screening.pdf",
  options: { db: { type: "string" }, format: { type: "string" }, out: { type: "string" }, flagged: { type: "boolean" } },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    format: "table (default), json, csv, html or pdf",
    out: "write the report to FILE instead of standard output (required for pdf)",
    flagged: "table and csv: only vendors that need review",
  },
  async run({ values, positionals }, io) {
    const format = choice(values["format"], FORMATS, "format", "table");
    if (positionals.length !== 1) throw new UsageError("screen: give one vendor list file");
    const out = values["out"] as string | undefined;
    if (format === "pdf" && out === undefined) throw new UsageError("screen: --format pdf needs --out FILE");
    const file = positionals[0]!;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new InputError(describeFsError(e, file));
    }
    if (bytes.length > MAX_VENDOR_LIST_BYTES) throw new InputError(`${file} is larger than ${MAX_VENDOR_LIST_BYTES / 1024 / 1024} MB; split the list`);
    const list = readVendorList(bytes, file);
    for (const w of list.warnings) io.err(`armstrace: ${file}: ${w}\n`);
    const db = values["db"] as string | undefined;
    const store = await openStore(db);
    try {
      const results = await screenVendors(store, list.vendors);
      const meta = { generatedAt: new Date().toISOString(), store: db ?? process.env["ARMSTRACE_DB"] ?? "armstrace.db", listName: basename(file) };
      let body: string | Buffer;
      if (format === "json") body = `${JSON.stringify(results, null, 2)}\n`;
      else if (format === "html") body = renderScreeningHtml(results, meta);
      else if (format === "pdf") body = await renderScreeningPdf(results, meta);
      else {
        const shown = values["flagged"] ? results.filter((r) => r.flagged) : results;
        // People read the riskiest first; scripts get input order (json keeps it always).
        const ordered = format === "table" ? [...shown].sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || a.vendor.line - b.vendor.line) : shown;
        body = formatRows(screeningRows(ordered), SCREENING_COLUMNS, format);
      }
      if (out !== undefined) {
        try {
          await writeFile(out, body);
        } catch (e) {
          throw new InputError(describeFsError(e, out));
        }
        io.err(`armstrace: wrote ${resolve(out)}\n`);
      } else io.out(typeof body === "string" ? body : body.toString("latin1"));
      const flagged = results.filter((r) => r.flagged).length;
      io.err(`armstrace: screened ${results.length} vendor(s): ${flagged} flagged for review\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
