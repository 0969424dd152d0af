import type { RecognizedSentence } from "../recognize/recognize-entities.ts";

/**
 * A sentence with each mention replaced by a marker «n» (n indexes the sentence's
 * mentions), so extraction rules can be plain regular expressions over roles.
 * Offsets in the masked string map back to report offsets through `toReport`.
 */
export interface MaskedSentence {
  masked: string;
  sentence: RecognizedSentence;
  toReport(maskedIndex: number): number;
  /** The report text under masked range [start, end), markers expanded back to their mentions. */
  original(start: number, end: number): { text: string; start: number; end: number };
}

// Guillemets in the report itself ("ЧВК «Вагнер»") would read as markers; they are
// swapped for look-alikes of the same length in the masked string only.
const quoteSafe = (s: string): string => s.replace(/[«»]/g, (c) => (c === "«" ? "‹" : "›"));

export function maskSentence(sentence: RecognizedSentence): MaskedSentence {
  const { span, mentions } = sentence;
  let masked = "";
  // Pairs of (masked offset, report offset) at the start of each copied or marker segment.
  const anchors: Array<[number, number, boolean]> = [];
  let cursor = span.start;
  mentions.forEach((m, i) => {
    if (m.start < cursor) return;
    anchors.push([masked.length, cursor, false]);
    masked += quoteSafe(span.text.slice(cursor - span.start, m.start - span.start));
    anchors.push([masked.length, m.start, true]);
    masked += `«${i}»`;
    cursor = m.end;
  });
  anchors.push([masked.length, cursor, false]);
  masked += quoteSafe(span.text.slice(cursor - span.start));
  const toReport = (idx: number): number => {
    let best: [number, number, boolean] = anchors[0]!;
    for (const a of anchors) if (a[0] <= idx) best = a; else break;
    return best[2] ? best[1] : best[1] + (idx - best[0]);
  };
  const toReportEnd = (idx: number): number => {
    // exclusive end: the last character inside a marker maps to the end of its mention
    const inside = masked.lastIndexOf("«", idx - 1);
    const close = masked.indexOf("»", inside);
    if (inside >= 0 && close >= idx - 1 && masked.lastIndexOf("»", idx - 2) < inside) {
      const n = Number(masked.slice(inside + 1, close));
      const m = mentions[n];
      if (m) return m.end;
    }
    return toReport(idx - 1) + 1;
  };
  const original = (start: number, end: number): { text: string; start: number; end: number } => {
    if (end <= start) return { text: "", start: toReport(start), end: toReport(start) };
    const s = toReport(start);
    const e = toReportEnd(end);
    return { text: span.text.slice(s - span.start, e - span.start), start: s, end: e };
  };
  return { masked, sentence, toReport, original };
}

/** Mention indexes in a masked fragment: "«0», «2» and «3»" → [0, 2, 3]. */
export function markersIn(fragment: string | undefined): number[] {
  if (!fragment) return [];
  return [...fragment.matchAll(/«(\d+)»/g)].map((m) => Number(m[1]));
}
