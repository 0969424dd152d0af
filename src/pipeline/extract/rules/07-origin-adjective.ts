import type { MaskedSentence } from "../masked-sentence.ts";
import type { RawTransfer } from "../raw-transfer.ts";

export const ORIGIN_RULE_ID = "extract/07-origin-adjective";

const ORIGIN = /«(\d+)»\s*-\s*(made|built|supplied|provided|manufactured|produced|donated|delivered|sent|gifted)\b\s*([^«;,.]{0,60})/giu;
const STATE_GOODS = /«(\d+)»\s+((?:arms|weapons|munitions|ammunition|military (?:aid|equipment|hardware)|missiles|drones|tanks|equipment|defen[cs]e articles)\b[^«;,.]{0,40})/giu;
// A state's goods ("U.S. arms") count only where the sentence speaks of handing them over.
const SUPPLY_CONTEXT = /\b(?:provid|suppl|deliver|send|sent|ship|transfer|donat|package|drawdown)/iu;
// A bare "in" names a place, not a recipient ("Iranian-made drones in Ukraine").
const REC_BEFORE = /(?:\bto|\barrive\s+in|\binto|\bfor|hands of|\breach(?:ed|es)?|\bby|\barrived? in|\barrives? in|\bwith|\bgave|\bgive[sn]?|\bhelped|\ballowed)\s+(?:the\s+)?$/iu;
const REC_AFTER = /^\s+(?:[a-z]+\s+)?(?:(?:has|have|had|is|are|was|were|reportedly|allegedly)\s+)*(?:carried|carry|carries|wielded|brandished|possessed|use|used|uses|using|received|receives|deployed|deploys|operat\w+|fired|fires|launch\w+|acquired|bought|test-fired|[\p{L}]+-fired|obtained)\b/iu;

/**
 * "Chinese-built drones", "U.S.-made tanks ... arrive in Ukraine", "Syria test-fired a
 * Russian-built missile": the adjective names the supplier; the recipient is the
 * party the sentence sends the goods to, or the one that uses or receives them.
 */
export function originAdjective(ms: MaskedSentence): RawTransfer[] {
  const out: RawTransfer[] = [];
  const { masked } = ms;
  const found: Array<{ sup: number; idx: number; end: number; items: string; trig: [number, number] }> = [];
  for (const m of masked.matchAll(ORIGIN)) {
    const hy = m.index + m[0].indexOf(m[2]!);
    found.push({ sup: Number(m[1]), idx: m.index, end: m.index + m[0].length, items: m[3] ?? "", trig: [hy, hy + m[2]!.length] });
  }
  if (SUPPLY_CONTEXT.test(masked)) {
    for (const m of masked.matchAll(STATE_GOODS)) {
      const mention = ms.sentence.mentions[Number(m[1])];
      if (!mention || !mention.keys[0]?.startsWith("state:")) continue;
      const at = m.index + m[0].indexOf(m[2]!);
      found.push({ sup: Number(m[1]), idx: m.index, end: m.index + m[0].length, items: m[2]!, trig: [at, at + m[2]!.length] });
    }
  }
  for (const f of found) {
    const rec = nearestRecipient(masked, f.sup, f.idx);
    if (rec === null) continue;
    out.push({ rule: ORIGIN_RULE_ID, sup: [f.sup], rec: [rec], items: f.items.trim(), trig: f.trig });
  }
  return out;
}

function nearestRecipient(masked: string, sup: number, at: number): number | null {
  let best: { m: number; dist: number } | null = null;
  for (const mm of masked.matchAll(/«(\d+)»/g)) {
    const m = Number(mm[1]);
    if (m === sup) continue;
    const before = masked.slice(Math.max(0, mm.index - 20), mm.index);
    const after = masked.slice(mm.index + mm[0].length, mm.index + mm[0].length + 60);
    if (!(REC_BEFORE.test(before) || REC_AFTER.test(after))) continue;
    const dist = Math.abs(mm.index - at);
    if (!best || dist < best.dist) best = { m, dist };
  }
  return best?.m ?? null;
}
