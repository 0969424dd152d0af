import type { ExtractionResult, Report } from "../domain/types.ts";
import { probability, type LinearModel } from "../pipeline/extract/learned/linear-model.ts";
import { extractLearned } from "../pipeline/extract/learned/learned-extractor.ts";
import { loadLexicon } from "../pipeline/recognize/lexicon.ts";
import { recognizeEntities } from "../pipeline/recognize/recognize-entities.ts";
import { featuredCandidates } from "../pipeline/extract/learned/learned-extractor.ts";
import { toResult } from "../pipeline/run-pipeline.ts";
import { addCounts, emptyCounts, figures, scoreReport, type Figures, type PairCounts } from "./gold-score.ts";
import { groupFolds, pairTally, trainPairModel, type PreparedReport } from "./train-extractor.ts";

export interface ModeFigures { mode: string; pooled: Figures; folds: Figures[]; params: string[] }

interface Scored { r: PreparedReport; fast: number[]; enc: number[] }

/**
 * Fast, accurate and cascade modes side by side under the same grouped folds. The
 * encoder's probabilities come from a model fine-tuned without each report's fold (its
 * out-of-fold file); every threshold is chosen on the other folds' labels only.
 */
export interface ModeParams { threshold: number; cascade: { low: number; high: number; threshold: number } }

export function compareModes(reports: PreparedReport[], encoderProbs: Map<string, number>, k = 5): { modes: ModeFigures[]; params: ModeParams } {
  const folds = groupFolds(reports, k);
  // Out-of-fold fast scores for every report, to tune the modes on training folds.
  const models: LinearModel[] = [];
  const scored = new Map<string, Scored>();
  folds.forEach((fold, f) => {
    const model = trainPairModel(folds.flatMap((x, i) => (i === f ? [] : x)));
    models.push(model);
    for (const r of fold) {
      scored.set(r.gold.id, {
        r,
        fast: r.candidates.map((c) => probability(model, c.features)),
        enc: r.candidates.map((_, i) => encoderProbs.get(`${r.gold.id}#${i}`) ?? 0),
      });
    }
  });
  const results: ModeFigures[] = [
    { mode: "fast", pooled: figures(emptyCounts()), folds: [], params: [] },
    { mode: "accurate", pooled: figures(emptyCounts()), folds: [], params: [] },
    { mode: "cascade", pooled: figures(emptyCounts()), folds: [], params: [] },
  ];
  const pooled: PairCounts[] = results.map(() => emptyCounts());
  folds.forEach((fold, f) => {
    const train = folds.flatMap((x, i) => (i === f ? [] : x)).map((r) => scored.get(r.gold.id)!);
    const model = models[f]!;
    const { threshold: t, cascade } = chooseParams(train);
    const best = { low: cascade.low, high: cascade.high, th: cascade.threshold };
    results[1]!.params.push(`t=${t}`);
    results[2]!.params.push(`low=${best.low} high=${best.high} t=${best.th}`);
    const counts = results.map(() => emptyCounts());
    for (const r of fold) {
      const s = scored.get(r.gold.id)!;
      const fast = predict(r, model, null);
      const acc = predict(r, model, { scores: s.enc, accept: s.enc.map((p) => p >= t) });
      const cas = predict(r, model, {
        scores: s.fast.map((p, i) => (p < best.low || p >= best.high ? p : s.enc[i]!)),
        accept: s.fast.map((p, i) => (p < best.low ? false : p >= best.high ? true : s.enc[i]! >= best.th)),
      });
      [fast, acc, cas].forEach((pred, m) => { counts[m] = scoreReport(r.gold, pred, counts[m]); });
    }
    counts.forEach((c, m) => { results[m]!.folds.push(figures(c)); pooled[m] = addCounts(pooled[m]!, c); });
  });
  results.forEach((x, m) => { x.pooled = figures(pooled[m]!); });
  // The shipped encoder's thresholds: chosen the same way on every report's out-of-fold scores.
  return { modes: results, params: chooseParams([...scored.values()]) };
}

/** The accurate-mode threshold and the cascade's band and threshold that maximise pair F1 on these reports. */
function chooseParams(train: Scored[]): ModeParams {
  const t = bestThreshold(train, (s, i, th) => s.enc[i]! >= th);
  let best = { low: 0.05, high: 0.95, threshold: 0.5, f1: -1 };
  for (const low of [0.02, 0.05, 0.1, 0.2]) for (const high of [0.6, 0.8, 0.9, 0.95]) {
    const th = bestThreshold(train, (s, i, x) => (s.fast[i]! < low ? false : s.fast[i]! >= high ? true : s.enc[i]! >= x));
    const f1 = f1Of(train, (s, i) => (s.fast[i]! < low ? false : s.fast[i]! >= high ? true : s.enc[i]! >= th));
    if (f1 > best.f1 + 1e-9) best = { low, high, threshold: th, f1 };
  }
  return { threshold: t, cascade: { low: best.low, high: best.high, threshold: best.threshold } };
}

function predict(r: PreparedReport, model: LinearModel, decisions: { scores: number[]; accept: boolean[] } | null): ExtractionResult {
  const lexicon = loadLexicon();
  const report: Report = { id: r.gold.id, text: r.gold.text, format: "txt", origin: r.gold.id };
  const doc = recognizeEntities(report.text, lexicon);
  const featured = featuredCandidates(doc);
  const keyed = extractLearned(doc, lexicon, report.text, model, { featured, ...(decisions ? { decisions: { ...decisions, version: "eval" } } : {}) });
  return toResult(report, doc, keyed);
}

/** Pair-level F1 over reports for a candidate decision rule (the fast approximation used for tuning). */
function f1Of(items: Scored[], yes: (s: Scored, i: number) => boolean): number {
  let tp = 0, fp = 0, fn = 0;
  for (const s of items) {
    const c = pairTally(s.r, (i) => yes(s, i));
    tp += c.tp; fp += c.fp; fn += c.fn;
  }
  const p = tp / Math.max(1, tp + fp), rc = tp / Math.max(1, tp + fn);
  return p + rc ? (2 * p * rc) / (p + rc) : 0;
}

function bestThreshold(items: Scored[], yes: (s: Scored, i: number, t: number) => boolean): number {
  let best = 0.5, bestF = -1;
  for (let t = 0.1; t <= 0.951; t += 0.05) {
    const f = f1Of(items, (s, i) => yes(s, i, t));
    if (f > bestF + 1e-9) { bestF = f; best = Math.round(t * 100) / 100; }
  }
  return best;
}

