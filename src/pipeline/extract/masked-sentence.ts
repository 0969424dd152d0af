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
}

export function maskSentence(sentence: RecognizedSentence): MaskedSentence {
  const { span, mentions } = sentence;
  let masked = "";
  // Pairs of (masked offset, report offset) at the start of each copied or marker segment.
  const anchors: Array<[number, number, boolean]> = [];
  let cursor = span.start;
  mentions.forEach((m, i) => {
    if (m.start < cursor) return;
    anchors.push([masked.length, cursor, false]);
    masked += span.text.slice(cursor - span.start, m.start - span.start);
    anchors.push([masked.length, m.start, true]);
    masked += `«${i}»`;
    cursor = m.end;
  });
  anchors.push([masked.length, cursor, false]);
  masked += span.text.slice(cursor - span.start);
  const toReport = (idx: number): number => {
    let best: [number, number, boolean] = anchors[0]!;
    for (const a of anchors) if (a[0] <= idx) best = a; else break;
    return best[2] ? best[1] : best[1] + (idx - best[0]);
  };
  return { masked, sentence, toReport };
}

/** Mention indexes in a masked fragment: "«0», «2» and «3»" → [0, 2, 3]. */
export function markersIn(fragment: string | undefined): number[] {
  if (!fragment) return [];
  return [...fragment.matchAll(/«(\d+)»/g)].map((m) => Number(m[1]));
}
