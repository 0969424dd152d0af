/**
 * The screening report as a PDF to file: the same content, in the same order, as
 * `renderScreeningHtml`, laid out on A4 with pdfkit. DejaVu Sans is embedded so Latin
 * with accents, Cyrillic and Greek print as written. DejaVu has no Chinese, Japanese or
 * Korean glyphs; rather than print empty boxes, any run of characters the fonts lack is
 * printed as its Latin transliteration in square brackets ("[zhongguo beifang gongye]").
 * The creation date is the screening's, so one screening always gives the same bytes.
 */
import { createRequire } from "node:module";
import anyAscii from "any-ascii";
import PDFDocument from "pdfkit";
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Credibility, type Reliability } from "../../domain/admiralty.ts";
import { stripLegalForms } from "../../domain/name-keys.ts";
import { nameWords } from "../../domain/normalize-name.ts";
import {
  FLAGGED_TIERS,
  RISK_TIERS,
  tierRank,
  type EvidenceQuote,
  type RiskTier,
  type ScreeningResult,
  type VendorDecision,
  type VendorEvidence,
  type VendorMatch,
} from "../../domain/screening.ts";
import type { ReportMeta } from "./render-screening-html.ts";

const load = createRequire(import.meta.url);
const REGULAR_TTF = load.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD_TTF = load.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/** The report as PDF bytes. */
export async function renderScreeningPdf(results: ScreeningResult[], meta: ReportMeta): Promise<Buffer> {
  const title = meta.title ?? "Vendor screening report";
  const created = Date.parse(meta.generatedAt);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right },
    bufferPages: true,
    // Start in DejaVu so pdfkit never loads (or embeds) its default Helvetica.
    font: REGULAR_TTF,
    displayTitle: true,
    info: {
      Title: title,
      Subject: `Screening of ${meta.listName} against ${meta.store}`,
      ...(meta.generatedBy !== undefined ? { Author: meta.generatedBy } : {}),
      Creator: "armstrace",
      Producer: "armstrace (pdfkit)",
      CreationDate: Number.isNaN(created) ? new Date() : new Date(created),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const report = new Report(doc);
  // Same order as the HTML: riskiest first, then the list's own order.
  const ordered = [...results].sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || a.vendor.line - b.vendor.line);
  const anchors = new Map(ordered.map((r, i) => [r, `v${i + 1}`]));
  const compact = ordered.filter(isBareClear);
  const detailed = ordered.filter((r) => !isBareClear(r));

  report.titleBlock(title, results, meta);
  report.summary(ordered, anchors);
  for (const r of detailed) report.vendor(r, anchors.get(r)!);
  if (compact.length > 0) report.clearList(compact, anchors);
  report.guide();
  report.pageFurniture(title, meta);

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function isBareClear(r: ScreeningResult): boolean {
  return r.tier === "clear" && r.matches.length === 0 && r.evidence.length === 0 && r.decisions.length === 0;
}

// ---------------------------------------------------------------------------------------
// Layout

const MARGIN = { top: 64, bottom: 60, left: 50, right: 50 } as const;

const INK = "#1d1f23";
const MUTED = "#5f6670";
const RULE = "#d5d9de";
const HEAD_FILL = "#eef0f3";
const QUOTE_FILL = "#f5f7f9";
const LINK = "#1a56a8";
const TIER_COLOR: Record<RiskTier, string> = { high: "#b3261e", elevated: "#c25e00", low: "#3f6ea8", clear: "#2e7d32" };
const DECISION_COLOR: Record<string, string> = { delist: "#b3261e", monitor: "#c25e00", keep: "#2e7d32" };

/** What each tier means, following the rules of `risk-tier.ts` (the first that applies wins). */
const TIER_MEANINGS: Record<RiskTier, string> = {
  high: "flagged: a strong match is reported as a supplier, with credibility 1–3.",
  elevated: "flagged: a possible match is reported as a credible supplier (confirm the identity), or a strong match's supply reports are doubtful, denied or cannot be graded.",
  low: "not flagged: a possible match with only doubtful or denied supply reports, or one no stored report names as a supplier.",
  clear: "not flagged: no stored entity matches the vendor closely enough.",
};

/** Longest text put in a table cell, a heading or a quote; past it the PDF says it shortened. */
const CELL_CHARS = 240;
const HEADING_CHARS = 300;
const QUOTE_CHARS = 2000;

type FontName = "Regular" | "Bold";

interface Cell {
  text: string;
  font?: FontName;
  color?: string;
  /** A named destination the cell links to. */
  goTo?: string;
}

interface Column {
  title: string;
  width: number;
  align?: "left" | "right";
}

interface RowStyle {
  size: number;
  font?: FontName;
  color?: string;
  fill?: string;
  /** Colour of the line under the row; none when undefined. */
  rule?: string;
}

/** What pdfkit's embedded (fontkit) font can tell about its glyphs. */
interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Scripts DejaVu lacks; used only when pdfkit does not expose the font's own coverage. */
const UNCOVERED_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

/**
 * A pdfkit document with the report's building blocks. All text passes through
 * `printable`, and every block checks the room left on the page before it starts, so
 * headings stay with what follows them and table rows are never split.
 */
class Report {
  private readonly covered = new Map<number, boolean>();
  private readonly fonts: GlyphCoverage[] = [];

  constructor(private readonly doc: PDFKit.PDFDocument) {
    doc.registerFont("Regular", REGULAR_TTF);
    doc.registerFont("Bold", BOLD_TTF);
    for (const name of ["Bold", "Regular"] as const) {
      doc.font(name);
      const font = (doc as unknown as { _font?: { font?: Partial<GlyphCoverage> } })._font?.font;
      if (typeof font?.hasGlyphForCodePoint === "function") this.fonts.push(font as GlyphCoverage);
    }
  }

  private get left(): number {
    return MARGIN.left;
  }

  private get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  private newPage(): void {
    this.doc.addPage();
    this.doc.y = MARGIN.top;
  }

  private style(font: FontName, size: number, color = INK): PDFKit.PDFDocument {
    return this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** A paragraph at the left margin (plus `indent`), then `after` points of space. */
  private para(text: string, opts: { font?: FontName; size?: number; color?: string; indent?: number; after?: number } = {}): void {
    const indent = opts.indent ?? 0;
    this.style(opts.font ?? "Regular", opts.size ?? 9.5, opts.color).text(this.printable(text), this.left + indent, this.doc.y, {
      width: this.width - indent,
      lineGap: 1.5,
    });
    this.doc.y += opts.after ?? 3;
  }

  /** A line of label/value pairs, labels muted: "Items: rifles · Denials: 1". */
  private pairs(pairs: Array<[label: string, value: string]>, opts: { size?: number; indent?: number; after?: number } = {}): void {
    const size = opts.size ?? 9;
    const indent = opts.indent ?? 0;
    const x = this.left + indent;
    const width = this.width - indent;
    const height = this.style("Regular", size).heightOfString(
      this.printable(pairs.map(([l, v]) => `${l} ${v}`).join("   ")),
      { width, lineGap: 1.5 },
    );
    this.ensure(height);
    pairs.forEach(([label, value], i) => {
      this.style("Regular", size, MUTED);
      // Only the first segment places the line; later ones continue it (pdfkit drops
      // the options of a call whose x and y are passed as undefined).
      if (i === 0) this.doc.text(`${label} `, x, this.doc.y, { width, lineGap: 1.5, continued: true });
      else this.doc.text(`    ${label} `, { continued: true });
      this.style("Regular", size, INK).text(this.printable(value), { continued: i < pairs.length - 1 });
    });
    this.doc.x = this.left;
    this.doc.y += opts.after ?? 2;
  }

  /** A heading over a block, kept on one page with the first `following` points of it. */
  private subheading(text: string, following: number): void {
    this.ensure(20 + following);
    this.doc.y += 6;
    this.style("Bold", 8.5, MUTED).text(text.toUpperCase(), this.left, this.doc.y, { width: this.width, characterSpacing: 0.6 });
    this.doc.y += 3;
  }

  private sectionHeading(text: string, color = INK): void {
    this.ensure(70);
    this.doc.y += 10;
    this.style("Bold", 13, color).text(text, this.left, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(1).strokeColor(RULE).stroke();
    this.doc.y = y + 6;
  }

  private badge(tier: RiskTier, x: number, y: number, width = 58): void {
    this.doc.save();
    this.doc.roundedRect(x, y, width, 14, 2.5).fill(TIER_COLOR[tier]);
    this.doc.restore();
    this.style("Bold", 7.5, "#ffffff").text(tier.toUpperCase(), x, y + 3.2, { width, align: "center", lineBreak: false, characterSpacing: 0.5 });
  }

  // -------------------------------------------------------------------------------------
  // Tables

  private cellText(cell: Cell): string {
    // Line breaks are the renderer's own (a decision and its date); any other run of white space is one space.
    const text = cell.text.replace(/[^\S\n]+/g, " ").split("\n").map((l) => l.trim()).join("\n");
    return this.printable(shorten(text, CELL_CHARS));
  }

  private rowHeight(columns: Column[], cells: Cell[], style: RowStyle): number {
    let height = 0;
    cells.forEach((cell, i) => {
      const col = columns[i]!;
      this.style(cell.font ?? style.font ?? "Regular", style.size);
      height = Math.max(height, this.doc.heightOfString(this.cellText(cell) || " ", { width: col.width - 2 * PAD_X, lineGap: 1 }));
    });
    return height + 2 * PAD_Y;
  }

  /** Draws one row at the current y, on a new page (after `onNewPage`) when it does not fit. */
  private row(x: number, columns: Column[], cells: Cell[], style: RowStyle, onNewPage?: () => void): void {
    const height = this.rowHeight(columns, cells, style);
    if (this.doc.y + height > this.bottom) {
      this.newPage();
      onNewPage?.();
    }
    const y = this.doc.y;
    const total = columns.reduce((s, c) => s + c.width, 0);
    if (style.fill !== undefined) {
      this.doc.save();
      this.doc.rect(x, y, total, height).fill(style.fill);
      this.doc.restore();
    }
    let cx = x;
    cells.forEach((cell, i) => {
      const col = columns[i]!;
      this.style(cell.font ?? style.font ?? "Regular", style.size, cell.color ?? style.color ?? INK).text(this.cellText(cell), cx + PAD_X, y + PAD_Y, {
        width: col.width - 2 * PAD_X,
        align: col.align ?? "left",
        lineGap: 1,
      });
      if (cell.goTo !== undefined) this.doc.goTo(cx, y, col.width, height, cell.goTo);
      cx += col.width;
    });
    if (style.rule !== undefined) {
      this.doc.moveTo(x, y + height).lineTo(x + total, y + height).lineWidth(0.5).strokeColor(style.rule).stroke();
    }
    this.doc.x = this.left;
    this.doc.y = y + height;
  }

  private headerRow(x: number, columns: Column[], size = 7.5): void {
    this.row(x, columns, columns.map((c) => ({ text: c.title })), { size, font: "Bold", color: MUTED, fill: HEAD_FILL, rule: RULE });
  }

  /** A table whose header is repeated on every page it runs onto. */
  private table(columns: Column[], rows: Cell[][], size = 8.5): void {
    const x = this.left;
    this.ensure(this.rowHeight(columns, columns.map((c) => ({ text: c.title, font: "Bold" })), { size: 7.5 }) + this.rowHeight(columns, rows[0] ?? [], { size }));
    this.headerRow(x, columns);
    for (const cells of rows) this.row(x, columns, cells, { size, rule: RULE }, () => this.headerRow(x, columns));
  }

  // -------------------------------------------------------------------------------------
  // Sections

  titleBlock(title: string, results: ScreeningResult[], meta: ReportMeta): void {
    this.doc.y = MARGIN.top;
    this.para(title, { font: "Bold", size: 20, after: 10 });
    const flagged = results.filter((r) => r.flagged).length;
    const rows: Array<[string, string]> = [
      ["Generated at", formatTime(meta.generatedAt)],
      ...(meta.generatedBy !== undefined ? [["Generated by", meta.generatedBy] as [string, string]] : []),
      ["Evidence store", meta.store],
      ["Vendor list", meta.listName],
      ["Vendors screened", String(results.length)],
    ];
    for (const [label, value] of rows) this.keyValue(label, value);
    // Tier counts as small coloured badges, then the flagged count.
    const y = this.doc.y + 1;
    this.style("Regular", 9, MUTED).text("By tier", this.left, y + 2.5, { width: KEY_WIDTH, lineBreak: false });
    let x = this.left + KEY_WIDTH;
    for (const tier of RISK_TIERS) {
      this.badge(tier, x, y, 54);
      const count = String(results.filter((r) => r.tier === tier).length);
      this.style("Bold", 9.5).text(count, x + 58, y + 2.5, { lineBreak: false });
      x += 58 + this.doc.widthOfString(count) + 16;
    }
    this.doc.x = this.left;
    this.doc.y = y + 19;
    this.keyValue("Flagged for review", `${flagged} (tiers ${[...FLAGGED_TIERS].join(" and ")})`, "Bold");
    this.doc.y += 4;
  }

  private keyValue(label: string, value: string, font: FontName = "Regular"): void {
    const y = this.doc.y;
    this.style("Regular", 9, MUTED).text(label, this.left, y, { width: KEY_WIDTH });
    this.style(font, 9).text(this.printable(value), this.left + KEY_WIDTH, y, { width: this.width - KEY_WIDTH, lineGap: 1 });
    this.doc.x = this.left;
    this.doc.y += 2;
  }

  summary(ordered: ScreeningResult[], anchors: Map<ScreeningResult, string>): void {
    this.sectionHeading("Summary");
    const columns: Column[] = [
      { title: "Vendor", width: 120 },
      { title: "Country", width: 42 },
      { title: "Tier", width: 60 },
      { title: "Rule", width: 100 },
      { title: "Best match (score)", width: 105 },
      { title: "Decision", width: 68 },
    ];
    const rows = ordered.map((r): Cell[] => {
      const best = r.matches[0];
      const decision = r.decisions[0];
      return [
        { text: r.vendor.name, goTo: anchors.get(r)! },
        { text: r.vendor.country ?? "—" },
        { text: r.tier.toUpperCase(), font: "Bold", color: TIER_COLOR[r.tier] },
        { text: r.rule.id },
        { text: best === undefined ? "—" : `${best.entity.name} (${best.score.toFixed(3)})` },
        decision === undefined
          ? { text: "—" }
          : { text: `${decision.decision.toUpperCase()}\n${formatDate(decision.createdAt)}`, font: "Bold", color: DECISION_COLOR[decision.decision] ?? INK },
      ];
    });
    this.table(columns, rows);
  }

  vendor(r: ScreeningResult, anchor: string): void {
    const v = r.vendor;
    const name = this.printable(shorten(v.name, HEADING_CHARS));
    const nameWidth = this.width - 66;
    const nameHeight = this.style("Bold", 13).heightOfString(name, { width: nameWidth });
    // The heading, its facts, its rule and the first match row go together: a heading
    // alone at the foot of a page is no use to the reader.
    this.ensure(12 + Math.max(14, nameHeight) + 100);
    this.doc.y += 12;
    const y = this.doc.y;
    this.doc.addNamedDestination(anchor, "XYZ", null, y - 6, null);
    this.doc.outline.addItem(`${r.tier.toUpperCase()} · ${shorten(name, 80)}`);
    this.badge(r.tier, this.left, y + 1);
    this.style("Bold", 13).text(name, this.left + 66, y, { width: nameWidth });
    const lineY = Math.max(this.doc.y, y + 16) + 2;
    this.doc.moveTo(this.left, lineY).lineTo(this.left + this.width, lineY).lineWidth(1.2).strokeColor(TIER_COLOR[r.tier]).stroke();
    this.doc.y = lineY + 5;

    const facts: Array<[string, string]> = [
      ["List line", String(v.line)],
      ["Country", v.country ?? "not given"],
      ...(v.website !== null ? [["Website", v.website] as [string, string]] : []),
      ...(v.identifiers.length > 0 ? [["Identifiers", v.identifiers.join(", ")] as [string, string]] : []),
    ];
    this.pairs(facts, { size: 8.5, after: 3 });
    this.pairs([["Rule", `${r.rule.id} — ${r.rule.reason}`]], { size: 9.5, after: 2 });

    this.subheading("Matches", r.matches.length === 0 ? 14 : 60);
    if (r.matches.length === 0) this.para("No stored entity fits this vendor.", { color: MUTED, size: 9 });
    else this.matches(r.matches);

    const firstEvidence = r.evidence[0];
    this.subheading("Evidence", firstEvidence === undefined ? 14 : this.evidenceHead(firstEvidence));
    if (r.evidence.length === 0) this.para("No supplier relations recorded for the matched entities.", { color: MUTED, size: 9 });
    else r.evidence.forEach((e, i) => this.evidence(e, i === r.evidence.length - 1));

    this.subheading("Decisions", r.decisions.length === 0 ? 14 : 46);
    if (r.decisions.length === 0) this.para("No decision recorded.", { color: MUTED, size: 9 });
    else for (const d of r.decisions) this.decision(d);
  }

  private matches(matches: VendorMatch[]): void {
    const x = this.left;
    const columns: Column[] = [
      { title: "Entity", width: 150 },
      { title: "Aliases", width: 175 },
      { title: "Country", width: 50 },
      { title: "Score", width: 50, align: "right" },
      { title: "Strength", width: 70 },
    ];
    const indent = 14;
    const featureColumns: Column[] = [
      { title: "Feature", width: 78 },
      { title: "Value", width: 40, align: "right" },
      { title: "Weight", width: 46, align: "right" },
      { title: "Detail", width: this.width - indent - 78 - 40 - 46 },
    ];
    const header = () => this.headerRow(x, columns);
    const featureHeader = () => this.headerRow(x + indent, featureColumns, 7);
    const first = matches[0];
    this.ensure(60 + (first === undefined ? 0 : this.rowHeight(columns, this.matchCells(first), { size: 8.5 })));
    header();
    for (const m of matches) {
      const cells = this.matchCells(m);
      // A match row with no room for its first feature below waits for the next page.
      const firstFeature = m.features[0];
      const need =
        this.rowHeight(columns, cells, { size: 8.5 }) +
        (firstFeature === undefined ? 0 : 16 + this.rowHeight(featureColumns, featureCells(firstFeature), { size: 7.5 }));
      if (this.doc.y + need > this.bottom) {
        this.newPage();
        header();
      }
      this.row(x, columns, cells, { size: 8.5 }, header);
      if (m.features.length > 0) {
        featureHeader();
        for (const f of m.features) this.row(x + indent, featureColumns, featureCells(f), { size: 7.5, rule: RULE }, featureHeader);
      }
      const y = this.doc.y + 2;
      this.doc.moveTo(x, y).lineTo(x + this.width, y).lineWidth(0.8).strokeColor(MUTED).stroke();
      this.doc.y = y + 2;
    }
  }

  private matchCells(m: VendorMatch): Cell[] {
    return [
      { text: m.matchedName === m.entity.name ? m.entity.name : `${m.entity.name} (matched as ${m.matchedName})`, font: "Bold" },
      { text: m.entity.aliases.length === 0 ? "—" : m.entity.aliases.join(", ") },
      { text: m.entity.country ?? "—" },
      { text: m.score.toFixed(3), font: "Bold" },
      { text: m.strength },
    ];
  }

  /** Room for an evidence block's relation line, grades, counts and first quote, which belong together. */
  private evidenceHead(e: VendorEvidence): number {
    const first = e.quote ?? e.denial;
    return 84 + (first === null ? 0 : 40 + this.quoteLayout(first).height);
  }

  private evidence(e: VendorEvidence, last: boolean): void {
    this.ensure(this.evidenceHead(e));
    const recipient = e.recipientCountry === null ? e.recipient : `${e.recipient} (${e.recipientCountry})`;
    this.para(`${e.supplier} → ${recipient}`, { font: "Bold", size: 10, after: 2 });
    this.pairs([
      ["Grade", `${e.grade} · ${e.credibilityLabel}`],
      ["Source", `${e.reliability}: ${RELIABILITY_LABELS[e.reliability] ?? ""}`],
    ]);
    this.pairs([["Items", e.items.length === 0 ? "not specified" : e.items.join(", ")]]);
    const denials = e.denials === 0 ? "none" : `${e.denials}${e.accusedDenials > 0 ? ` (${e.accusedDenials} by the accused)` : ""}`;
    this.pairs([
      ["Independent sources", `${e.independentSources} (${e.claims} claim${e.claims === 1 ? "" : "s"})`],
      ["Denials", denials],
    ]);
    this.pairs([
      ["First reported", e.firstReported ?? "—"],
      ["Last reported", e.lastReported ?? "—"],
    ]);
    if (e.explanation !== "") this.para(e.explanation, { size: 8, color: MUTED, after: 2 });
    if (e.quote !== null) this.quote(e.quote, `Reported (${e.quote.stance})`, TIER_COLOR.low);
    if (e.denial !== null) this.quote(e.denial, e.denial.stance === "denied" ? "Denial" : `Denial (${e.denial.stance})`, TIER_COLOR.elevated);
    this.doc.y += 4;
    if (!last) {
      this.doc.moveTo(this.left, this.doc.y).lineTo(this.left + this.width, this.doc.y).lineWidth(0.5).dash(2, { space: 2 }).strokeColor(RULE).stroke();
      this.doc.undash();
      this.doc.y += 6;
    }
  }

  /** Where a quote's text goes and how tall it is. Very long quotes are cut, saying so, so one always fits a page. */
  private quoteLayout(q: EvidenceQuote): { x: number; width: number; text: string; height: number } {
    const x = this.left + 16;
    const width = this.width - 16 - 8;
    const shortened = q.text.length > QUOTE_CHARS;
    const text = this.printable(shortened ? `${q.text.slice(0, QUOTE_CHARS)}… [shortened; full text in claim ${q.claimId}]` : q.text);
    return { x, width, text, height: this.style("Regular", 9.5).heightOfString(text, { width, lineGap: 2 }) };
  }

  /** A quote, indented on a shaded band with a coloured bar, then who published it. */
  private quote(q: EvidenceQuote, label: string, bar: string): void {
    const { x, width, text, height: textHeight } = this.quoteLayout(q);
    this.ensure(12 + textHeight + 8 + 24);
    this.doc.y += 3;
    this.style("Bold", 8, MUTED).text(label, x - 8, this.doc.y, { width });
    this.doc.y += 1;
    const top = this.doc.y;
    this.doc.save();
    this.doc.rect(x - 8, top, width + 16, textHeight + 8).fill(QUOTE_FILL);
    this.doc.rect(x - 8, top, 2.5, textHeight + 8).fill(bar);
    this.doc.restore();
    this.style("Regular", 9.5).text(text, x, top + 4, { width, lineGap: 2 });
    this.doc.y = top + textHeight + 10;
    const source = [q.publisher ?? "unknown publisher", ...(q.published !== null ? [q.published] : [])].join(", ");
    this.style("Regular", 8, MUTED).text(`— ${this.printable(source)}`, x - 8, this.doc.y, { width, continued: q.url !== null });
    if (q.url !== null) {
      const followable = /^https?:\/\//i.test(q.url);
      this.doc.text(" · ", { continued: true });
      this.style("Regular", 8, followable ? LINK : MUTED).text(this.printable(q.url), { link: followable ? q.url : null, underline: followable });
    }
    this.doc.x = this.left;
    this.doc.y += 2;
  }

  private decision(d: VendorDecision): void {
    this.ensure(46);
    const y = this.doc.y;
    const x = this.left + 10;
    this.style("Bold", 9.5, DECISION_COLOR[d.decision] ?? INK).text(d.decision.toUpperCase(), x, y, { width: this.width - 10, continued: true });
    this.style("Regular", 9.5, MUTED).text("  by ", { continued: true });
    this.style("Regular", 9.5, INK).text(this.printable(d.author), { continued: true });
    this.style("Regular", 9.5, MUTED).text(" on ", { continued: true });
    this.style("Regular", 9.5, INK).text(formatTime(d.createdAt));
    this.doc.y += 1;
    this.para(d.reason, { indent: 10, after: 1 });
    const matches = d.matches.map((m) => `${m.name} ${m.score.toFixed(3)}`).join(", ");
    this.para(
      `At the time: tier ${d.tier} (rule ${d.rule}), resting on ${d.evidence.length} evidence relation${d.evidence.length === 1 ? "" : "s"}${matches === "" ? "" : `; matches ${matches}`}.`,
      { indent: 10, size: 8.5, color: MUTED, after: 0 },
    );
    this.doc.moveTo(this.left + 3, y - 1).lineTo(this.left + 3, this.doc.y + 1).lineWidth(2).strokeColor(RULE).stroke();
    this.doc.y += 8;
  }

  clearList(compact: ScreeningResult[], anchors: Map<ScreeningResult, string>): void {
    this.sectionHeading("Clear vendors", TIER_COLOR.clear);
    this.para("No stored entity fits these vendors; no evidence and no decisions.", { size: 9, color: MUTED, after: 4 });
    // The summary's links to these vendors land on the list.
    for (const r of compact) this.doc.addNamedDestination(anchors.get(r)!, "XYZ", null, this.doc.y, null);
    this.table(
      [
        { title: "Vendor", width: 170 },
        { title: "Country", width: 48 },
        { title: "Line", width: 34, align: "right" },
        { title: "Rule", width: this.width - 170 - 48 - 34 },
      ],
      compact.map((r) => [{ text: r.vendor.name }, { text: r.vendor.country ?? "—" }, { text: String(r.vendor.line) }, { text: `${r.rule.id} — ${r.rule.reason}` }]),
    );
  }

  guide(): void {
    // The explanation and both scales go on one page; the tier list may follow on the next.
    this.ensure(200);
    this.sectionHeading("Reading this report");
    this.para(
      "Evidence is graded with the Admiralty (NATO) system. A grade such as B2 has two independent halves: the letter is the reliability of the source (A–F, judged from the publisher's record), the digit the credibility of the information (1–6, judged from how many independent sources support the relation and who denies it). A reliable source can pass on a doubtful claim, and an unknown one a confirmed fact.",
      { size: 9, after: 6 },
    );
    const top = this.doc.y;
    const half = this.width / 2;
    const list = (x: number, heading: string, items: Array<[string, string]>) => {
      this.style("Bold", 9).text(heading, x, top, { width: half - 10 });
      for (const [k, v] of items) {
        const y = this.doc.y + 1.5;
        this.style("Bold", 9).text(k, x, y, { width: 14, lineBreak: false });
        this.style("Regular", 9).text(v, x + 16, y, { width: half - 26 });
      }
      return this.doc.y;
    };
    const a = list(this.left, "Source reliability", (Object.keys(RELIABILITY_LABELS) as Reliability[]).map((r) => [r, RELIABILITY_LABELS[r]]));
    const b = list(
      this.left + half,
      "Information credibility",
      (Object.keys(CREDIBILITY_LABELS).map(Number) as Credibility[]).map((c) => [String(c), CREDIBILITY_LABELS[c]]),
    );
    this.doc.x = this.left;
    this.doc.y = Math.max(a, b) + 8;
    this.ensure(40);
    this.para("Risk tiers", { font: "Bold", size: 9, after: 4 });
    for (const tier of RISK_TIERS) {
      const height = this.style("Regular", 9).heightOfString(TIER_MEANINGS[tier], { width: this.width - 66 });
      this.ensure(height + 4);
      const y = this.doc.y;
      this.badge(tier, this.left, y - 2.5, 56);
      this.style("Regular", 9).text(TIER_MEANINGS[tier], this.left + 66, y, { width: this.width - 66 });
      this.doc.y = Math.max(this.doc.y, y + 14) + 5;
    }
    this.doc.y += 4;
    this.para(
      "A match score is the estimated probability that the vendor is the stored entity; each feature's weight is what it added to (or, when negative, took from) the log-odds of that estimate.",
      { size: 8.5, color: MUTED },
    );
  }

  /** The title and "page N of M" on every page, once the number of pages is known. */
  pageFurniture(title: string, meta: ReportMeta): void {
    const range = this.doc.bufferedPageRange();
    const total = range.count;
    for (let i = range.start; i < range.start + total; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      // Writing in the margins must not make pdfkit start another page.
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0;
      // The title gives way to the date and list when both do not fit on one line.
      const right = fit(this.style("Regular", 7.5, MUTED), this.printable(`${formatTime(meta.generatedAt)} · ${meta.listName}`), this.width * 0.45);
      const rightWidth = this.doc.widthOfString(right);
      const left = fit(this.style("Bold", 7.5, MUTED), this.printable(title), this.width - rightWidth - 20);
      this.doc.text(left, this.left, 34, { lineBreak: false });
      this.style("Regular", 7.5, MUTED).text(right, this.left, 34, { width: this.width, align: "right", lineBreak: false });
      this.doc.moveTo(this.left, 46).lineTo(this.left + this.width, 46).lineWidth(0.5).strokeColor(RULE).stroke();
      const footY = page.height - 40;
      this.doc.moveTo(this.left, footY - 6).lineTo(this.left + this.width, footY - 6).lineWidth(0.5).strokeColor(RULE).stroke();
      const store = fit(this.style("Regular", 7.5, MUTED), `Store ${this.printable(meta.store)}`, this.width * 0.7);
      this.doc.text(store, this.left, footY, { lineBreak: false });
      this.style("Regular", 7.5, INK).text(`page ${i - range.start + 1} of ${total}`, this.left, footY, { width: this.width, align: "right", lineBreak: false });
      page.margins.bottom = bottomMargin;
    }
  }

  // -------------------------------------------------------------------------------------
  // Text the fonts can print

  private covers(codePoint: number): boolean {
    let known = this.covered.get(codePoint);
    if (known === undefined) {
      known =
        this.fonts.length > 0
          ? this.fonts.every((f) => f.hasGlyphForCodePoint(codePoint))
          : !UNCOVERED_SCRIPTS.test(String.fromCodePoint(codePoint));
      this.covered.set(codePoint, known);
    }
    return known;
  }

  /**
   * `text` with every run of characters the fonts lack (spaces between such characters
   * included) replaced by its transliteration in brackets, and control and format
   * characters dropped, so nothing prints as an empty box.
   */
  printable(text: string): string {
    const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\p{Cf}]/gu, "").replace(/\t/g, " ");
    let out = "";
    let missing = "";
    let gap = "";
    for (const ch of clean) {
      if (/\s/u.test(ch)) {
        if (missing !== "") gap += ch;
        else out += ch;
      } else if (this.covers(ch.codePointAt(0)!)) {
        if (missing !== "") {
          out += `[${transliteration(missing)}]${gap}`;
          missing = "";
          gap = "";
        }
        out += ch;
      } else {
        missing += gap + ch;
        gap = "";
      }
    }
    if (missing !== "") out += `[${transliteration(missing)}]${gap}`;
    return out;
  }
}

const PAD_X = 4;
const PAD_Y = 3.5;
const KEY_WIDTH = 110;

function featureCells(f: VendorMatch["features"][number]): Cell[] {
  return [
    { text: f.feature },
    { text: f.value.toFixed(2) },
    { text: signed(f.weight), color: f.weight < 0 ? TIER_COLOR.high : f.weight > 0 ? TIER_COLOR.clear : INK },
    { text: f.detail },
  ];
}

const HAN = /\p{Script=Han}/u;

type PinyinPro = typeof import("pinyin-pro");
let pinyinPro: PinyinPro | undefined;
let chineseWords: Intl.Segmenter | undefined;

/**
 * Latin letters for characters the fonts cannot show, romanized the way the name keys
 * are (see `nameKeyDetails`): the same words, legal forms dropped, Chinese split into
 * words and each written in toneless pinyin, other scripts by any-ascii, so
 * "中国北方工业公司" reads "zhongguo beifang gongye" as it was compared. Unlike the keys,
 * spellings are not folded: a key's "zhonguo" is for matching, not for a reader.
 */
function transliteration(run: string): string {
  const latin: string[] = [];
  for (const word of stripLegalForms(nameWords(run.normalize("NFKC")))) {
    if (!HAN.test(word)) {
      latin.push(anyAscii(word.normalize("NFC")));
      continue;
    }
    chineseWords ??= new Intl.Segmenter("zh", { granularity: "word" });
    for (const { segment } of chineseWords.segment(word)) latin.push(HAN.test(segment) ? pinyinOf(segment) : anyAscii(segment));
  }
  const text = latin.join(" ").toLowerCase().replace(/['’ʼ]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  if (text !== "") return text;
  // Symbols with no letters to speak of: any-ascii's name for them, or a plain mark.
  const ascii = anyAscii(run).replace(/\s+/g, " ").trim();
  return ascii === "" ? "?" : ascii;
}

/** pinyin-pro's dictionary is large; it is loaded on the first Chinese run only. */
function pinyinOf(word: string): string {
  pinyinPro ??= load("pinyin-pro") as PinyinPro;
  return pinyinPro.pinyin(word, { toneType: "none", type: "array" }).join("").normalize("NFKD").replace(/\p{M}/gu, "");
}

/** A weight with its sign, two decimals; a weight that rounds to nothing carries none. */
function signed(w: number): string {
  const text = Math.abs(w).toFixed(2);
  if (text === "0.00") return text;
  return `${w < 0 ? "-" : "+"}${text}`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `text`, cut with an ellipsis to fit `width` in the document's current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function formatDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}
