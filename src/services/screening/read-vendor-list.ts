/**
 * Reads a vendor list as compliance teams keep them: CSV (comma, semicolon or tab
 * separated, quoted per RFC 4180, as spreadsheets export it), an Excel workbook's
 * first sheet, or JSON Lines. Columns are found by header, case and spacing ignored:
 * `name` (required), `country`, `website`, `identifiers`. A country may be written as
 * ISO code or name in any script the country list knows; one we do not know is left
 * out (and reported) rather than counted as disagreeing with every entity.
 *
 * Anything that cannot be a vendor list (binary, not UTF-8, no name column, a row
 * without a name, a broken JSON line, too many rows) is an `InputError` naming the
 * file and the line, before anything is screened.
 */
import { createRequire } from "node:module";
import type { Vendor } from "../../domain/screening.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import { decodeReportBytes } from "../../pipeline/normalize/decode-report-bytes.ts";
import { InputError } from "../../pipeline/normalize/index.ts";
import { loadKnowledgeBase } from "../../pipeline/recognize/knowledge-base.ts";

export const VENDOR_LIST_FORMATS = ["csv", "xlsx", "jsonl"] as const;
export type VendorListFormat = (typeof VENDOR_LIST_FORMATS)[number];

/** Larger lists are split by the user; a million rows would screen for minutes and print a book. */
export const MAX_VENDORS = 200_000;
export const MAX_VENDOR_LIST_BYTES = 64 * 1024 * 1024;

export interface VendorList {
  vendors: Vendor[];
  /** Rows read with something left out, one line each ("line 4: country "Ruritania" not recognised"). */
  warnings: string[];
}

/** The format a file name says, or undefined. */
export function vendorListFormat(fileName: string): VendorListFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "tsv" || ext === "txt") return "csv";
  if (ext === "xlsx") return "xlsx";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  return undefined;
}

export function readVendorList(bytes: Uint8Array, label: string, format?: VendorListFormat): VendorList {
  if (bytes.length > MAX_VENDOR_LIST_BYTES) throw new InputError(`${label} is larger than ${MAX_VENDOR_LIST_BYTES / 1024 / 1024} MB; split the list`);
  if (bytes.length === 0) throw new InputError(`${label} is empty`);
  const kind = format ?? vendorListFormat(label) ?? sniff(bytes);
  const rows = kind === "xlsx" ? xlsxRows(bytes, label) : kind === "jsonl" ? jsonlRows(text(bytes, label), label) : csvRows(text(bytes, label), label);
  const warnings: string[] = [];
  const vendors: Vendor[] = [];
  for (const row of rows) {
    const name = (row.fields["name"] ?? "").trim();
    if (name === "") {
      // A spreadsheet's trailing empty rows are not errors.
      if (Object.values(row.fields).every((v) => v.trim() === "")) continue;
      throw new InputError(`${label}: line ${row.line} has no name`);
    }
    if (vendors.length >= MAX_VENDORS) throw new InputError(`${label} has more than ${MAX_VENDORS} vendors; split the list`);
    const countryText = (row.fields["country"] ?? "").trim();
    const country = countryText === "" ? null : countryCode(countryText);
    if (countryText !== "" && country === null) warnings.push(`line ${row.line}: country "${countryText}" not recognised, screened without it`);
    const website = (row.fields["website"] ?? "").trim();
    const identifiers = (row.fields["identifiers"] ?? "").split(/[;|,]/).map((s) => s.trim()).filter((s) => s !== "");
    vendors.push({ name, country, website: website === "" ? null : website, identifiers, line: row.line });
  }
  if (vendors.length === 0) throw new InputError(`${label} lists no vendors`);
  return { vendors, warnings };
}

interface Row {
  line: number;
  fields: Record<string, string>;
}

function sniff(bytes: Uint8Array): VendorListFormat {
  // An xlsx file is a zip archive.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
  return bytes[i] === 0x7b ? "jsonl" : "csv";
}

function text(bytes: Uint8Array, label: string): string {
  const decoded = decodeReportBytes(bytes, label);
  if (!decoded.ok) throw new InputError(decoded.message.replace("not a text report", "not a CSV or JSON Lines vendor list"));
  return decoded.text;
}

/** Header cell → field name: "Company Name" is not guessed at, but "Name", " NAME " and "Website" are. */
function column(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, "_");
}

function withHeader(header: readonly string[], label: string): string[] {
  const names = header.map(column);
  if (!names.includes("name")) throw new InputError(`${label} has no "name" column (columns: ${header.map((h) => h.trim()).join(", ") || "none"})`);
  return names;
}

function csvRows(source: string, label: string): Row[] {
  // The header decides the delimiter; blank lines before it are skipped like any other.
  const firstLine = /^[^\r\n]*\S[^\r\n]*/m.exec(source)?.[0] ?? "";
  const delimiter = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const records = parseCsv(source, delimiter, label);
  if (records.length === 0) throw new InputError(`${label} is empty`);
  const names = withHeader(records[0]!.cells, label);
  return records.slice(1).map((r) => {
    if (r.cells.length > names.length && r.cells.slice(names.length).some((c) => c.trim() !== "")) {
      throw new InputError(`${label}: line ${r.line} has ${r.cells.length} fields, the header ${names.length}`);
    }
    return { line: r.line, fields: Object.fromEntries(names.map((n, i) => [n, r.cells[i] ?? ""])) };
  });
}

/** RFC 4180 records: quoted fields may hold delimiters, quotes ("") and line breaks. */
function parseCsv(source: string, delimiter: string, label: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: start, cells });
    cells = [];
    cell = "";
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false;
      } else {
        if (ch === "\n") line += 1;
        cell += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && cell.trim() === "") { quoted = true; cell = ""; }
    else if (ch === delimiter) { cells.push(cell); cell = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      start = line;
    } else cell += ch;
    i += 1;
  }
  if (quoted) throw new InputError(`${label}: line ${start} opens a quote that never closes`);
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

function jsonlRows(source: string, label: string): Row[] {
  const rows: Row[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new InputError(`${label}: line ${line} is not valid JSON (${(e as Error).message.split("\n")[0]})`);
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new InputError(`${label}: line ${line} is not a JSON object`);
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      fields[column(k)] = Array.isArray(v) ? v.map(String).join(";") : v === null || v === undefined ? "" : String(v);
    }
    if (!("name" in fields)) throw new InputError(`${label}: line ${line} has no "name"`);
    rows.push({ line, fields });
  });
  return rows;
}

type SheetJs = typeof import("@e965/xlsx");
let sheetJs: SheetJs | undefined;

/** A zip archive (.xlsx) or an OLE2 compound file (.xls, or an .xlsx saved with a password). */
function looksLikeWorkbook(bytes: Uint8Array): boolean {
  const starts = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  return starts([0x50, 0x4b]) || starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

function xlsxRows(bytes: Uint8Array, label: string): Row[] {
  // SheetJS reads nearly any bytes as some sheet (text as CSV, binary as a cell of
  // garbage), which would end in a "no name column" listing that garbage.
  if (!looksLikeWorkbook(bytes)) throw new InputError(`${label} is not a readable Excel workbook (it is not an .xlsx or .xls file)`);
  sheetJs ??= createRequire(import.meta.url)("@e965/xlsx") as SheetJs;
  let table: unknown[][];
  let firstRow = 0;
  try {
    const book = sheetJs.read(bytes, { type: "buffer", cellDates: false, dense: true });
    const first = book.SheetNames[0];
    if (first === undefined) throw new Error("the workbook has no sheets");
    const sheet = book.Sheets[first]!;
    // The table starts at the sheet's used range, not necessarily at row 1.
    if (sheet["!ref"] !== undefined) firstRow = sheetJs.utils.decode_range(sheet["!ref"]).s.r;
    table = sheetJs.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: "", blankrows: true });
  } catch (e) {
    throw new InputError(`${label} is not a readable Excel workbook (${(e as Error).message.split("\n")[0]})`);
  }
  // Empty rows above the header are skipped, as blank lines are in CSV.
  const headerIndex = table.findIndex((cells) => cells.some((c) => String(c ?? "").trim() !== ""));
  if (headerIndex < 0) throw new InputError(`${label} is empty`);
  const names = withHeader(table[headerIndex]!.map((c) => String(c ?? "")), label);
  return table.slice(headerIndex + 1).map((cells, i) => ({
    line: firstRow + headerIndex + i + 2,
    fields: Object.fromEntries(names.map((n, j) => [n, String(cells[j] ?? "")])),
  }));
}

let countryIndex: Map<string, string> | undefined;

/** ISO alpha-2 for a country written as a code or a name in any script the country list has. */
export function countryCode(value: string): string | null {
  if (countryIndex === undefined) {
    countryIndex = new Map();
    for (const c of loadKnowledgeBase().countries) {
      const forms = [c.code, c.alpha3, c.name, c.officialName, ...c.names, ...c.demonyms, ...(c.otherScripts ?? [])];
      for (const f of forms) if (typeof f === "string" && f !== "") countryIndex.set(normalizeName(f), c.code);
    }
  }
  return countryIndex.get(normalizeName(value)) ?? null;
}
