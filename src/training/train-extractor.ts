import { createHash } from "node:crypto";
import type { ExtractionResult } from "../domain/types.ts";
import { loadLexicon } from "../pipeline/recognize/lexicon.ts";
import { recognizeEntities, type RecognizedReport } from "../pipeline/recognize/recognize-entities.ts";
import { extractReport } from "../pipeline/run-pipeline.ts";
import { featuredCandidates, type FeaturedCandidate } from "../pipeline/extract/learned/learned-extractor.ts";
import { scoreFeatures, trainLogistic, type LinearModel, type TrainingExample, type TrainOptions } from "../pipeline/extract/learned/linear-model.ts";
import { publisherOf, type GoldReport } from "./gold-corpus.ts";
import { labelCandidates, mapToGold, type Label } from "./label-candidates.ts";

/** A gold report read once: its recognition, candidates and their labels, reused by every fold. */
export interface PreparedReport {
  gold: GoldReport;
  group: string;
  doc: RecognizedReport;
  candidates: FeaturedCandidate[];
  labels: Label[];
}

export function prepareReports(golds: GoldReport[]): PreparedReport[] {
  const lexicon = loadLexicon();
  return golds.map((gold) => {
    const doc = recognizeEntities(gold.text, lexicon);
    const { candidates } = featuredCandidates(doc);
    return { gold, group: publisherOf(gold), doc, candidates, labels: labelCandidates(doc, gold, candidates) };
  });
}

/** Extra labelled examples beyond the gold files (analysts' verdicts), as features and labels. */
export type ExtraExamples = TrainingExample[];

export function examplesOf(reports: PreparedReport[]): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const r of reports) r.candidates.forEach((c, i) => {
    const y = r.labels[i];
    if (y === null || y === undefined) return;
    out.push({ features: c.features, label: y });
  });
  return out;
}

/** Groups reports into k folds by publisher, deterministically (largest groups spread first). */
export function groupFolds<T extends { group: string }>(items: T[], k: number): T[][] {
  const groups = new Map<string, T[]>();
  for (const it of items) groups.set(it.group, [...(groups.get(it.group) ?? []), it]);
  const ordered = [...groups].sort((a, b) => b[1].length - a[1].length || (hash(a[0]) < hash(b[0]) ? -1 : 1));
  const folds: T[][] = Array.from({ length: k }, () => []);
  for (const [, members] of ordered) {
    let best = 0;
    for (let f = 1; f < k; f++) if (folds[f]!.length < folds[best]!.length) best = f;
    folds[best]!.push(...members);
  }
  return folds;
}

const hash = (s: string): string => createHash("sha256").update(s).digest("hex");

/**
 * Chooses the decision threshold by an inner grouped cross-validation on the training
 * reports alone: the threshold that maximises pair F1 on their out-of-fold scores.
 */
export function chooseThreshold(reports: PreparedReport[], extra: ExtraExamples, opts: TrainOptions, k = 3): { threshold: number; ruleThreshold: number } {
  const folds = groupFolds(reports, k);
  const scored: Array<{ r: PreparedReport; scores: number[] }> = [];
  for (let f = 0; f < folds.length; f++) {
    const train = folds.flatMap((fold, i) => (i === f ? [] : fold));
    if (!train.length || !folds[f]!.length) continue;
    const m = trainLogistic([...examplesOf(train), ...extra], opts);
    const model: LinearModel = { ...m, version: "inner", threshold: 0.5 };
    for (const r of folds[f]!) scored.push({ r, scores: r.candidates.map((c) => scoreFeatures(model, c.features, 0).score) });
  }
  let best = { threshold: 0.5, ruleThreshold: 0.5 }, bestF = -1;
  for (let t = 0.2; t <= 0.9001; t += 0.025) for (let tr = 0.05; tr <= t + 1e-9; tr += 0.05) {
    let tp = 0, fp = 0, fn = 0;
    for (const { r, scores } of scored) {
      const c = pairTally(r, (i) => scores[i]! >= (r.candidates[i]!.raw ? tr : t));
      tp += c.tp; fp += c.fp; fn += c.fn;
    }
    const p = tp / Math.max(1, tp + fp), rc = tp / Math.max(1, tp + fn);
    const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
    if (f1 > bestF + 1e-9) { bestF = f1; best = { threshold: Math.round(t * 1000) / 1000, ruleThreshold: Math.round(tr * 1000) / 1000 }; }
  }
  return best;
}

/**
 * Pair-level counts of one report when the candidates `yes` accepts are taken (the fast
 * approximation of the scorer used to tune thresholds and modes).
 */
export function pairTally(r: PreparedReport, yes: (i: number) => boolean): { tp: number; fp: number; fn: number } {
  const map = mapToGold(r.doc, r.gold);
  const goldPairs = new Set(r.gold.transfers.map((x) => `${x.supplier}|${x.recipient}`));
  const pred = new Set<string>();
  r.candidates.forEach((c, i) => { if (yes(i)) pred.add(`${c.supplier}|${c.recipient}`); });
  const matched = new Set<string>();
  let tp = 0, fp = 0;
  for (const k of pred) {
    const [s, rr] = k.split("|") as [string, string];
    let hit: string | undefined;
    for (const gs of map.get(s) ?? []) for (const gr of map.get(rr) ?? []) if (!hit && goldPairs.has(`${gs}|${gr}`) && !matched.has(`${gs}|${gr}`)) hit = `${gs}|${gr}`;
    if (hit) { matched.add(hit); tp++; } else fp++;
  }
  return { tp, fp, fn: goldPairs.size - matched.size };
}

export interface TrainedModel extends LinearModel {
  trainedOn: { reports: number; examples: number; positives: number; extra: number };
}

/** Trains the pair model on prepared gold reports (plus any extra examples) and picks its threshold. */
export function trainPairModel(reports: PreparedReport[], extra: ExtraExamples = [], opts: TrainOptions = {}): TrainedModel {
  const examples = [...examplesOf(reports), ...extra];
  const m = trainLogistic(examples, opts);
  const { threshold, ruleThreshold } = chooseThreshold(reports, extra, opts);
  const body = JSON.stringify({ bias: m.bias, weights: m.weights, threshold, ruleThreshold });
  const version = `pair-lr-${hash(body).slice(0, 12)}`;
  return {
    version, threshold, ruleThreshold, bias: m.bias, weights: m.weights,
    trainedOn: { reports: reports.length, examples: examples.length, positives: examples.filter((e) => e.label === 1).length, extra: extra.length },
  };
}

/** Runs the whole extraction of one gold report with a model, as `extract` would. */
export function predictReport(gold: GoldReport, model: LinearModel | null): ExtractionResult {
  return extractReport({ id: gold.id, text: gold.text, title: gold.title, url: gold.url, publisher: gold.publisher, published: gold.published, format: "txt", origin: gold.id }, { model });
}
