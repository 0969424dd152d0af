/**
 * `npm run eval`: grouped cross-validation of the learned extractor over the shared gold
 * sets (train + dev), with stage figures and a learning curve; `--dev` trains on train
 * only and scores dev. Reads ../shared/gold; never part of the product at run time.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ExtractionResult } from "../domain/types.ts";
import { compareModes } from "./compare-modes.ts";
import { crossValidate, mean, sd } from "./cross-validate.ts";
import { readGoldDir } from "./gold-corpus.ts";
import { figures, scoreReport, emptyCounts } from "./gold-score.ts";
import { predictReport, prepareReports, trainPairModel } from "./train-extractor.ts";

const args = process.argv.slice(2);
const goldRoot = resolve(process.env["ARMSTRACE_GOLD"] ?? join(import.meta.dirname, "..", "..", "..", "shared", "gold"));
const scorer = join(goldRoot, "score.mjs");
if (!existsSync(join(goldRoot, "train")) || !existsSync(scorer)) {
  console.error(`eval: gold sets not found at ${goldRoot} (needs ../shared/gold beside the checkout)`);
  process.exit(2);
}
const f3 = (x: number): string => x.toFixed(3);
const k = Number(args[args.indexOf("--folds") + 1]) || 5;

/** Scores predictions with the shared scorer itself, over a folder of links to the gold files scored. */
function officialScore(dirs: string[], ids: Set<string>, preds: ExtractionResult[]): string {
  const tmp = mkdtempSync(join(tmpdir(), "armstrace-eval-"));
  const gold = join(tmp, "gold");
  mkdirSync(gold, { recursive: true });
  for (const d of dirs) for (const g of readGoldDir(d)) if (ids.has(g.id)) symlinkSync(join(d, `${g.id}.json`), join(gold, `${g.id}.json`));
  const pred = join(tmp, "pred.jsonl");
  writeFileSync(pred, preds.map((p) => JSON.stringify({ id: p.id, entities: p.entities, transfers: p.transfers })).join("\n") + "\n");
  return execFileSync(process.execPath, [scorer, "score", gold, pred], { encoding: "utf8" }).trim();
}

if (args.includes("--dev")) {
  const train = prepareReports(readGoldDir(join(goldRoot, "train")));
  const dev = readGoldDir(join(goldRoot, "dev"));
  const model = trainPairModel(train);
  const preds = dev.map((g) => predictReport(g, model));
  let c = emptyCounts();
  for (const [i, g] of dev.entries()) c = scoreReport(g, preds[i], c);
  const fg = figures(c);
  console.log(`trained on ${train.length} train reports (threshold ${model.threshold}); dev figures below from the shared scorer`);
  console.log(`false transfers on negative dev reports: ${fg.negativeFalse}`);
  console.log(officialScore([join(goldRoot, "dev")], new Set(dev.map((g) => g.id)), preds));
} else {
  const dirs = [join(goldRoot, "train"), join(goldRoot, "dev")];
  const golds = dirs.flatMap((d) => readGoldDir(d));
  const t0 = Date.now();
  const reports = prepareReports(golds);
  const cv = crossValidate(reports, k);
  console.log(`grouped ${k}-fold cross-validation over ${reports.length} reports from ${new Set(reports.map((r) => r.group)).size} publishers (train + dev); no publisher in a fold's training and test at once`);
  console.log("fold  reports  publishers  threshold  P      R      F1     stance claimant denied  neg-false  clf-P  clf-R");
  for (const f of cv.folds) {
    const x = f.figures;
    console.log(`${String(f.fold).padEnd(6)}${String(f.reports).padEnd(9)}${String(f.publishers).padEnd(12)}${String(f.threshold).padEnd(11)}${f3(x.precision)}  ${f3(x.recall)}  ${f3(x.f1)}  ${f3(x.stance)}  ${f3(x.claimant)}   ${f3(x.denied)}   ${String(x.negativeFalse).padEnd(11)}${f3(f.classifier.precision)}  ${f3(f.classifier.recall)}`);
  }
  const pick = (g: (f: (typeof cv.folds)[number]) => number): string => `${f3(mean(cv.folds.map(g)))} ± ${f3(sd(cv.folds.map(g)))}`;
  console.log(`mean ± sd over folds: P ${pick((f) => f.figures.precision)}  R ${pick((f) => f.figures.recall)}  F1 ${pick((f) => f.figures.f1)}  stance ${pick((f) => f.figures.stance)}  claimant ${pick((f) => f.figures.claimant)}  denied ${pick((f) => f.figures.denied)}`);
  console.log(`stages: gold parties found as mentions ${f3(cv.stages.partyRecall)}; gold pairs among candidates ${f3(cv.stages.pairCandidateRecall)}; classifier on labelled candidates P ${f3(cv.stages.classifierPrecision)} R ${f3(cv.stages.classifierRecall)}`);
  console.log(`false transfers on negative reports: ${cv.pooled.negativeFalse} pairs`);
  if (!args.includes("--no-curve")) {
    for (const frac of [0.25, 0.5, 0.75]) {
      const c = crossValidate(reports, k, frac);
      console.log(`learning curve ${Math.round(frac * 100)}% of training folds: P ${f3(c.pooled.precision)} R ${f3(c.pooled.recall)} F1 ${f3(c.pooled.f1)}`);
    }
    console.log(`learning curve 100% of training folds: P ${f3(cv.pooled.precision)} R ${f3(cv.pooled.recall)} F1 ${f3(cv.pooled.f1)}`);
  }
  const oofAt = args.indexOf("--encoder-oof");
  if (oofAt >= 0) {
    // The encoder's out-of-fold probabilities (training/train_encoder.py --cv), keyed by candidate.
    const probs = new Map<string, number>();
    for (const line of readFileSync(args[oofAt + 1]!, "utf8").split("\n")) if (line.trim()) { const o = JSON.parse(line) as { id: string; prob: number }; probs.set(o.id, o.prob); }
    console.log(`modes side by side (same ${k} grouped folds; encoder fine-tuned per fold; thresholds chosen on training folds):`);
    console.log("mode      P      R      F1     stance claimant denied  F1 per fold");
    const compared = compareModes(reports, probs, k);
    for (const m of compared.modes) {
      const x = m.pooled;
      console.log(`${m.mode.padEnd(10)}${f3(x.precision)}  ${f3(x.recall)}  ${f3(x.f1)}  ${f3(x.stance)}  ${f3(x.claimant)}   ${f3(x.denied)}   ${m.folds.map((f) => f3(f.f1)).join(" ")}${m.params.length ? `  (${m.params.join("; ")})` : ""}`);
    }
    const p = compared.params;
    console.log(`thresholds on all out-of-fold scores: accurate ${p.threshold}; cascade: fast model decides below ${p.cascade.low} and from ${p.cascade.high}, the encoder between at ${p.cascade.threshold}`);
    const cfgAt = args.indexOf("--write-encoder-config");
    if (cfgAt >= 0) {
      // The encoder's thresholds and the measured figures go beside the ONNX file.
      const dir = args[cfgAt + 1]!;
      const info = JSON.parse(readFileSync(join(dir, "training-info.json"), "utf8")) as Record<string, unknown>;
      const version = `minilm-pair-${String(info["onnx_sha256"] ?? info["sha256"] ?? "").slice(0, 12)}`;
      writeFileSync(join(dir, "encoder.json"), JSON.stringify({ version, maxLength: 128, threshold: p.threshold, cascade: p.cascade, figures: Object.fromEntries(compared.modes.map((m) => [m.mode, m.pooled])) }, null, 2) + "\n");
      console.log(`encoder config written to ${join(dir, "encoder.json")} (version ${version})`);
    }
  }
  const ids = new Set(golds.map((g) => g.id));
  const official = officialScore(dirs, ids, cv.predictions);
  console.log(`pooled out-of-fold predictions, shared scorer: ${official}`);
  const p = cv.pooled;
  console.log(`eval: ${k}-fold grouped CV P=${f3(p.precision)} R=${f3(p.recall)} F1=${f3(p.f1)} stance=${f3(p.stance)} claimant=${f3(p.claimant)} denied=${f3(p.denied)} negative-false=${p.negativeFalse} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
