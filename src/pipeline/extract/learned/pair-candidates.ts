import type { RecognizedReport, RecognizedSentence } from "../../recognize/recognize-entities.ts";

/**
 * One ordered pair of parties that may be supplier → recipient: two mentions of one
 * sentence, or a mention of this sentence and one of the sentence before when this
 * sentence names a single party ("The plant received engines. They came from X.").
 */
export interface PairCandidate {
  sentence: number;
  /** Mention indexes of the supplier and recipient; for a window pair, `recipientSentence` holds the other mention. */
  s: number;
  r: number;
  /** Sentence of the supplier's and of the recipient's mention (equal inside a sentence). */
  sSentence: number;
  rSentence: number;
  supplier: string;
  recipient: string;
}

/** Every ordered pair of distinct parties inside each sentence, plus a one-sentence look-back window. */
export function pairCandidates(doc: RecognizedReport): PairCandidate[] {
  const out: PairCandidate[] = [];
  doc.sentences.forEach((sent, n) => {
    const ms = sent.mentions;
    for (let i = 0; i < ms.length; i++) for (let j = 0; j < ms.length; j++) {
      if (i === j) continue;
      for (const a of ms[i]!.keys) for (const b of ms[j]!.keys) {
        if (a === b || ms[i]!.keys.includes(b) || ms[j]!.keys.includes(a)) continue;
        out.push({ sentence: n, s: i, r: j, sSentence: n, rSentence: n, supplier: a, recipient: b });
      }
    }
    // Window: a sentence with a supply word that names one party pairs it with the previous sentence's parties.
    const prev = doc.sentences[n - 1];
    if (!prev || !windowWorthy(sent)) return;
    const own = new Set(ms.flatMap((m) => m.keys));
    for (let i = 0; i < ms.length; i++) for (let j = 0; j < prev.mentions.length; j++) {
      for (const a of ms[i]!.keys) for (const b of prev.mentions[j]!.keys) {
        if (a === b || own.has(b)) continue;
        out.push({ sentence: n, s: i, r: j, sSentence: n, rSentence: n - 1, supplier: a, recipient: b });
        out.push({ sentence: n, s: j, r: i, sSentence: n - 1, rSentence: n, supplier: b, recipient: a });
      }
    }
  });
  return out;
}

const SUPPLY_WORD = /\b(?:suppl|deliver|provid|sold|sell|ship|export|transfer|sen[dt]|gave|giv|donat|receiv|acquir|bought|buy|purchas|import|obtain|procur|smuggl|used|using|deploy)/iu;

function windowWorthy(s: RecognizedSentence): boolean {
  return new Set(s.mentions.flatMap((m) => m.keys)).size <= 2 && SUPPLY_WORD.test(s.span.text);
}
