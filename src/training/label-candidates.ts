import { normalizeName } from "../domain/normalize-name.ts";
import type { RecognizedReport } from "../pipeline/recognize/recognize-entities.ts";
import type { FeaturedCandidate } from "../pipeline/extract/learned/learned-extractor.ts";
import type { GoldReport } from "./gold-corpus.ts";

// Descriptions ("the company") are coreference, not names: the scorer ignores them too.
const isDescription = (s: string): boolean => /^the\s+\p{Ll}/u.test(s.trim());

/** Maps each recognized entity key to the gold entity ids sharing a normalized name, as the scorer does. */
export function mapToGold(doc: RecognizedReport, gold: GoldReport): Map<string, Set<string>> {
  const goldNames = gold.entities.map((g) => [g.id, new Set([g.name, ...(g.aliases ?? [])].filter((s) => s && !isDescription(s)).map(normalizeName).filter(Boolean))] as const);
  const map = new Map<string, Set<string>>();
  for (const e of doc.entities.values()) {
    const names = [e.name, ...e.aliases].filter((s) => s && !isDescription(s)).map(normalizeName);
    const hits = new Set<string>();
    for (const [gid, gn] of goldNames) for (const n of names) if (gn.has(n)) hits.add(gid);
    map.set(e.key, hits);
  }
  return map;
}

export type Label = 0 | 1 | null;

/**
 * Labels each candidate: 1 when its parties map to a gold supplier → recipient whose
 * evidence sentence is the candidate's, 0 when they map to no gold pair, null (left
 * out of training) when the pair is gold but its evidence stands elsewhere.
 */
export function labelCandidates(doc: RecognizedReport, gold: GoldReport, candidates: FeaturedCandidate[]): Label[] {
  const map = mapToGold(doc, gold);
  const evidence = new Map<string, Array<[number, number]>>();
  for (const t of gold.transfers) {
    const k = `${t.supplier}|${t.recipient}`;
    const at = t.evidence ? gold.text.indexOf(t.evidence) : -1;
    const spans = evidence.get(k) ?? [];
    if (at >= 0) spans.push([at, at + t.evidence!.length]);
    evidence.set(k, spans);
  }
  const labels: Label[] = candidates.map((c) => {
    const span = doc.sentences[c.sentence]!.span;
    let gold_ = false;
    for (const gs of map.get(c.supplier) ?? []) for (const gr of map.get(c.recipient) ?? []) {
      const spans = evidence.get(`${gs}|${gr}`);
      if (!spans) continue;
      gold_ = true;
      if (spans.some(([a, b]) => a < span.end && span.start < b)) return 1;
    }
    return gold_ ? null : 0;
  });
  // One positive per gold pair and sentence: the extractor needs one mention pair to
  // fire, and "Britain supplied missiles to Ukraine … its chances" should not teach that
  // a pronoun far away is a recipient. The closest named pair stays; the others are left out.
  const best = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (labels[i] !== 1) return;
    const key = `${c.sentence}|${[...(map.get(c.supplier) ?? [])].sort()}|${[...(map.get(c.recipient) ?? [])].sort()}`;
    const j = best.get(key);
    if (j === undefined || closeness(doc, c) < closeness(doc, candidates[j]!)) best.set(key, i);
  });
  const keep = new Set(best.values());
  return labels.map((l, i) => (l === 1 && !keep.has(i) ? null : l));
}

/** How far apart a candidate's mentions are, descriptions and pronouns counted as farther. */
function closeness(doc: RecognizedReport, c: FeaturedCandidate): number {
  const sm = doc.sentences[c.sSentence]!.mentions[c.s]!;
  const rm = doc.sentences[c.rSentence]!.mentions[c.r]!;
  const gap = c.sSentence !== c.rSentence ? 1000 : Math.max(rm.first - sm.last, sm.first - rm.last);
  return gap + (sm.coref ? 50 : 0) + (rm.coref ? 50 : 0) + (c.raw ? -100 : 0);
}
