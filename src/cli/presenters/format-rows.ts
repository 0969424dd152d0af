/**
 * Renders flat rows for a terminal or another program: an aligned table for people,
 * CSV (RFC 4180) for spreadsheets, JSON for scripts. Presenters (`claim-rows.ts`,
 * `entity-rows.ts`) decide what the rows and columns are; this only decides layout.
 */

export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface Column {
  /** Property of the row to show. */
  key: string;
  header: string;
  /** Table only: the most terminal cells the column may take; longer text ends in "…". */
  width?: number | undefined;
}

/**
 * Formats `rows` as `format`, showing only `columns`, in their order. The result ends
 * with a line break. Table cells are one line (line breaks become spaces, other control
 * characters are dropped, so a report's text cannot drive the terminal) and widths count
 * terminal cells: CJK and emoji take two, combining marks none. CSV and JSON keep
 * values whole; in table and CSV lists are joined with "; ".
 */
export function formatRows(
  rows: readonly Record<string, unknown>[],
  columns: readonly Column[],
  format: OutputFormat,
): string {
  switch (format) {
    case "table":
      return formatTable(rows, columns);
    case "csv":
      return formatCsv(rows, columns);
    case "json":
      return `${JSON.stringify(
        rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null]))),
        null,
        2,
      )}\n`;
  }
}

const SEPARATOR = "  ";

function formatTable(rows: readonly Record<string, unknown>[], columns: readonly Column[]): string {
  const header = columns.map((c) => oneLine(c.header));
  const body = rows.map((row) => columns.map((c) => oneLine(cellText(row[c.key]))));
  const widths = columns.map((c, i) => {
    const natural = body.reduce((max, cells) => Math.max(max, displayWidth(cells[i] ?? "")), displayWidth(header[i] ?? ""));
    return c.width === undefined ? natural : Math.max(1, Math.min(c.width, natural));
  });
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const shown = truncate(cell, width);
        return i === cells.length - 1 ? shown : shown + " ".repeat(width - displayWidth(shown));
      })
      .join(SEPARATOR)
      .trimEnd();
  return [header, ...body].map(line).join("\n") + "\n";
}

function formatCsv(rows: readonly Record<string, unknown>[], columns: readonly Column[]): string {
  const record = (fields: string[]) => fields.map(csvField).join(",");
  const lines = [record(columns.map((c) => c.header)), ...rows.map((row) => record(columns.map((c) => cellText(row[c.key]))))];
  return lines.join("\r\n") + "\r\n";
}

/** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(cellText).join("; ");
  return JSON.stringify(value);
}

/** Line breaks and tabs become spaces; other control characters (escape sequences) are dropped. */
function oneLine(text: string): string {
  return text.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/gu, " ").replace(/\p{Cc}/gu, "");
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Terminal cells a string takes, grapheme by grapheme. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const g of graphemes(text)) width += graphemeWidth(g);
  return width;
}

const ZERO_WIDTH = /^[\p{M}\p{Cf}]+$/u;
const EMOJI = /\p{Emoji_Presentation}|\uFE0F/u;

function graphemeWidth(g: string): number {
  if (ZERO_WIDTH.test(g)) return 0;
  if (EMOJI.test(g)) return 2;
  const cp = g.codePointAt(0) ?? 0;
  return isWide(cp) ? 2 : 1;
}

/** East Asian Wide and Fullwidth ranges (the common blocks, not the whole table). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cuts `text` to at most `width` cells, ending in "…" when cut; never splits a grapheme. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width < 1) return "";
  let out = "";
  let used = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out.trimEnd()}…`;
}
