import type { ExtractionResult } from "../domain/types.ts";
import { normalizeName } from "../domain/normalize-name.ts";
import type { GoldReport } from "./gold-corpus.ts";

/** The extraction contract's figures, counted as the shared scorer counts them. */
export interface PairCounts {
  tp: number; fp: number; fn: number;
  stanceOk: number; stanceN: number; claimOk: number; claimN: number;
  deniedGold: number; deniedFound: number;
  /** Transfers predicted in reports whose gold has none. */
  negativeFalse: number; negativeDocs: number;
}

export interface Figures {
  precision: number; recall: number; f1: number;
  stance: number; claimant: number; denied: number;
  negativeFalse: number;
}

const isDescription = (s: string): boolean => /^the\s+\p{Ll}/u.test(String(s).trim());
const namesOf = (e: { name: string; aliases?: string[] }): Set<string> =>
  new Set([e.name, ...(e.aliases ?? [])].filter((s) => s && !isDescription(s)).map(normalizeName).filter(Boolean));

export const emptyCounts = (): PairCounts => ({ tp: 0, fp: 0, fn: 0, stanceOk: 0, stanceN: 0, claimOk: 0, claimN: 0, deniedGold: 0, deniedFound: 0, negativeFalse: 0, negativeDocs: 0 });

/** Scores one report's extraction against its gold file (same matching as the shared scorer). */
export function scoreReport(gold: GoldReport, pred: Pick<ExtractionResult, "entities" | "transfers"> | undefined, into = emptyCounts()): PairCounts {
  const goldPairs = new Map<string, { stances: Set<string>; claimants: Set<string> }>();
  for (const t of gold.transfers) {
    const k = `${t.supplier}|${t.recipient}`;
    const g = goldPairs.get(k) ?? { stances: new Set(), claimants: new Set() };
    g.stances.add(t.stance);
    if (t.claimant) g.claimants.add(t.claimant);
    goldPairs.set(k, g);
  }
  const goldNames = gold.entities.map((g) => [g.id, namesOf(g)] as const);
  const map = new Map<string, Set<string>>();
  for (const p of pred?.entities ?? []) {
    const hits = new Set<string>();
    for (const n of namesOf(p)) for (const [gid, gn] of goldNames) if (gn.has(n)) hits.add(gid);
    map.set(p.id, hits);
  }
  const predPairs = new Map<string, Array<{ stance: string; claimant: string | null }>>();
  for (const t of pred?.transfers ?? []) {
    const k = `${t.supplier}|${t.recipient}`;
    predPairs.set(k, [...(predPairs.get(k) ?? []), t]);
  }
  if (!gold.transfers.length) { into.negativeDocs++; into.negativeFalse += predPairs.size; }
  const matched = new Set<string>();
  for (const [k, recs] of predPairs) {
    const [s, r] = k.split("|") as [string, string];
    let hit: string | undefined;
    for (const gs of map.get(s) ?? []) for (const gr of map.get(r) ?? []) {
      const gk = `${gs}|${gr}`;
      if (!hit && goldPairs.has(gk) && !matched.has(gk)) hit = gk;
    }
    if (!hit) { into.fp++; continue; }
    matched.add(hit);
    into.tp++;
    const g = goldPairs.get(hit)!;
    into.stanceN++;
    if (recs.some((t) => g.stances.has(t.stance))) into.stanceOk++;
    if (g.claimants.size) {
      into.claimN++;
      if (recs.some((t) => t.claimant && [...(map.get(t.claimant) ?? [])].some((c) => g.claimants.has(c)))) into.claimOk++;
    }
  }
  into.fn += [...goldPairs.keys()].filter((k) => !matched.has(k)).length;
  for (const [gk, g] of goldPairs) {
    if (!g.stances.has("denied")) continue;
    into.deniedGold++;
    const [gs, gr] = gk.split("|") as [string, string];
    const found = [...predPairs].some(([k, recs]) => {
      const [s, r] = k.split("|") as [string, string];
      return map.get(s)?.has(gs) && map.get(r)?.has(gr) && recs.some((t) => t.stance === "denied");
    });
    if (found) into.deniedFound++;
  }
  return into;
}

export function addCounts(a: PairCounts, b: PairCounts): PairCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as Array<keyof PairCounts>) out[k] += b[k];
  return out;
}

const ratio = (a: number, b: number): number => (b ? a / b : 0);

export function figures(c: PairCounts): Figures {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    precision, recall, f1: ratio(2 * precision * recall, precision + recall),
    stance: ratio(c.stanceOk, c.stanceN), claimant: ratio(c.claimOk, c.claimN), denied: ratio(c.deniedFound, c.deniedGold),
    negativeFalse: c.negativeFalse,
  };
}
