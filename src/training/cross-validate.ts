import type { ExtractionResult } from "../domain/types.ts";
import { scoreFeatures, type TrainOptions } from "../pipeline/extract/learned/linear-model.ts";
import { accepts } from "../pipeline/extract/learned/learned-extractor.ts";
import { addCounts, emptyCounts, figures, scoreReport, type Figures, type PairCounts } from "./gold-score.ts";
import { mapToGold } from "./label-candidates.ts";
import { groupFolds, predictReport, trainPairModel, type PreparedReport } from "./train-extractor.ts";

export interface FoldResult {
  fold: number;
  reports: number;
  publishers: number;
  counts: PairCounts;
  figures: Figures;
  /** Candidate-level precision and recall of the classifier at its threshold (labelled candidates only). */
  classifier: { precision: number; recall: number };
  threshold: number;
  ruleThreshold?: number | undefined;
}

export interface CrossValidation {
  folds: FoldResult[];
  pooled: Figures;
  pooledCounts: PairCounts;
  predictions: ExtractionResult[];
  stages: { partyRecall: number; pairCandidateRecall: number; classifierPrecision: number; classifierRecall: number };
}

/**
 * Grouped k-fold cross-validation: each fold's publishers are never in its training
 * data; the threshold is chosen inside the training folds. `fraction` trains on that
 * share of the training reports (for the learning curve).
 */
export function crossValidate(reports: PreparedReport[], k = 5, fraction = 1, opts: TrainOptions = {}): CrossValidation {
  const folds = groupFolds(reports, k);
  const results: FoldResult[] = [];
  const predictions: ExtractionResult[] = [];
  let pooled = emptyCounts();
  let ctp = 0, cfp = 0, cfn = 0;
  for (let f = 0; f < folds.length; f++) {
    let train = folds.flatMap((fold, i) => (i === f ? [] : fold));
    if (fraction < 1) train = train.filter((_, i) => (i * 7919) % 100 < fraction * 100);
    const model = trainPairModel(train, [], opts);
    let counts = emptyCounts();
    let tp = 0, fp = 0, fn = 0;
    for (const r of folds[f]!) {
      const pred = predictReport(r.gold, model);
      predictions.push(pred);
      counts = scoreReport(r.gold, pred, counts);
      r.candidates.forEach((c, i) => {
        const y = r.labels[i];
        if (y === null || y === undefined) return;
        const yes = accepts(model, c, scoreFeatures(model, c.features, 0).score);
        if (yes && y === 1) tp++; else if (yes) fp++; else if (y === 1) fn++;
      });
    }
    ctp += tp; cfp += fp; cfn += fn;
    pooled = addCounts(pooled, counts);
    results.push({
      fold: f + 1, reports: folds[f]!.length, publishers: new Set(folds[f]!.map((r) => r.group)).size, counts, figures: figures(counts),
      classifier: { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) }, threshold: model.threshold, ruleThreshold: model.ruleThreshold,
    });
  }
  return {
    folds: results, pooled: figures(pooled), pooledCounts: pooled, predictions,
    stages: { ...stageFigures(reports), classifierPrecision: ctp / Math.max(1, ctp + cfp), classifierRecall: ctp / Math.max(1, ctp + cfn) },
  };
}

/** How much of the gold survives recognition and candidate generation, before any model. */
export function stageFigures(reports: PreparedReport[]): { partyRecall: number; pairCandidateRecall: number } {
  let parties = 0, found = 0, pairs = 0, present = 0;
  for (const r of reports) {
    const map = mapToGold(r.doc, r.gold);
    const seen = new Set<string>();
    for (const ids of map.values()) for (const id of ids) seen.add(id);
    for (const p of new Set(r.gold.transfers.flatMap((t) => [t.supplier, t.recipient]))) { parties++; if (seen.has(p)) found++; }
    const cand = new Set<string>();
    for (const c of r.candidates) for (const gs of map.get(c.supplier) ?? []) for (const gr of map.get(c.recipient) ?? []) cand.add(`${gs}|${gr}`);
    for (const p of new Set(r.gold.transfers.map((t) => `${t.supplier}|${t.recipient}`))) { pairs++; if (cand.has(p)) present++; }
  }
  return { partyRecall: found / Math.max(1, parties), pairCandidateRecall: present / Math.max(1, pairs) };
}

export function mean(xs: number[]): number { return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length); }
export function sd(xs: number[]): number { const m = mean(xs); return Math.sqrt(mean(xs.map((x) => (x - m) ** 2))); }
