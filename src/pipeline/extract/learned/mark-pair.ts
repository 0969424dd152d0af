import type { RecognizedReport } from "../../recognize/recognize-entities.ts";
import type { PairCandidate } from "./pair-candidates.ts";

/**
 * The text an encoder reads for one candidate: its sentence (with the sentence before
 * for a window pair) with typed punctuation markers around the two parties,
 * "@ * state * Iran @ … # ^ armed force ^ the Houthis #", so a pretrained vocabulary
 * needs no new tokens. Long sentences are cut to a window around the pair.
 */
export function markPair(doc: RecognizedReport, c: PairCandidate, maxChars = 600): string {
  const sm = doc.sentences[c.sSentence]!.mentions[c.s]!;
  const rm = doc.sentences[c.rSentence]!.mentions[c.r]!;
  const first = doc.sentences[Math.min(c.sSentence, c.rSentence)]!.span;
  const last = doc.sentences[Math.max(c.sSentence, c.rSentence)]!.span;
  const base = first.start;
  const text = (first === last ? first.text : first.text + " " + " ".repeat(Math.max(0, last.start - first.end - 1)) + last.text).slice(0, last.end - base);
  const type = (key: string): string => (doc.entities.get(key)?.type ?? "party").replace("_", " ");
  const marks: Array<[number, number, string, string]> = [
    [sm.start - base, sm.end - base, `@ * ${type(c.supplier)} * `, " @"],
    [rm.start - base, rm.end - base, `# ^ ${type(c.recipient)} ^ `, " #"],
  ];
  marks.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  let lo = 0, hi = 0;
  for (const [s, e, open, close] of marks) {
    if (s < at) continue; // overlapping mentions: keep the first marker only
    out += text.slice(at, s) + open;
    if (!lo) lo = out.length;
    out += text.slice(s, e) + close;
    hi = out.length;
    at = e;
  }
  out += text.slice(at);
  out = out.replace(/\s+/gu, " ");
  if (out.length <= maxChars) return out.trim();
  // Keep a window around the two markers.
  const mid = Math.round((lo + hi) / 2);
  const from = Math.max(0, Math.min(mid - maxChars / 2, out.length - maxChars));
  return out.slice(from, from + maxChars).trim();
}
