import type { Span } from "../../domain/types.ts";

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  [
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "rep", "sen", "gov", "pres",
    "st", "jr", "sr", "no", "nos", "vs", "v", "inc", "co", "corp", "ltd", "llc", "plc", "dept", "est", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "para", "art",
    "e.g", "i.e", "etc", "al",
  ],
);

const TERMINAL = /[.!?;:"”')\]]$/;

/**
 * Splits a report into sentence spans. Reports arrive with three kinds of line
 * breaks: paragraph breaks (always a boundary), one-line headlines and list items
 * (a boundary), and hard wraps inside a paragraph (not a boundary). A block whose
 * lines mostly run long and stop without terminal punctuation is taken as wrapped.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const blockRe = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (const block of text.matchAll(blockRe)) {
    const blockStart = block.index;
    const lines = [...block[0].matchAll(/[^\n]+/g)].map((m) => ({ start: blockStart + m.index, end: blockStart + m.index + m[0].length, text: m[0] }));
    if (!lines.length) continue;
    const body = lines.slice(0, -1);
    const wrappedCount = body.filter((l) => l.text.trimEnd().length >= 50 && !TERMINAL.test(l.text.trimEnd())).length;
    const wrapped = body.length > 0 && wrappedCount / body.length >= 0.5;
    const units: Array<{ start: number; end: number }> = [];
    if (wrapped) {
      // A wrapped paragraph is one unit, except that ";" or ":" at a line end closes a clause
      // (legal texts: "Whereas …;" items).
      let cur = lines[0]!.start;
      for (const [i, l] of lines.entries()) {
        const last = i === lines.length - 1;
        if (last || /[;]\s*$/.test(l.text)) {
          units.push({ start: cur, end: l.end });
          if (!last) cur = lines[i + 1]!.start;
        }
      }
    } else {
      for (const l of lines) units.push({ start: l.start, end: l.end });
    }
    for (const u of units) splitUnit(text, u.start, u.end, spans);
  }
  return spans;
}

function splitUnit(text: string, start: number, end: number, out: Span[]): void {
  const unit = text.slice(start, end);
  // Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace,
  // then something that can open a sentence.
  const re = /[.!?]+["”’')\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;
  let s = 0;
  for (const m of unit.matchAll(re)) {
    const cut = m.index + m[0].length;
    if (m[0].startsWith(".") && m[0].length === 1 && isAbbreviation(unit, m.index)) continue;
    push(text, start + s, start + cut, out);
    s = cut;
  }
  push(text, start + s, end, out);
}

function isAbbreviation(unit: string, dot: number): boolean {
  const before = unit.slice(Math.max(0, dot - 12), dot);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
  if (!word) return false;
  // Initials and dotted acronyms: "J.", "U.S.", "D.C."
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  // "… Co., Ltd. The company said": a legal form before a sentence opener ends the sentence.
  if (/^(?:ltd|inc|co|corp|llc|plc|jsc)$/i.test(word) && /^\.\s+(?:The|It|A|An|In|On|This|That|He|She|They|We|Its|Their)\b/.test(unit.slice(dot))) return false;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function push(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
