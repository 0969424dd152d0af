import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { CrossValidation } from "./cross-validate.ts";
import type { TrainedModel } from "./train-extractor.ts";

export interface ModelProvenance {
  goldDirs: string[];
  goldReports: number;
  publishers: number;
  verdicts: number;
  cv?: CrossValidation | undefined;
  folds?: number | undefined;
  date: string;
}

/** Writes the model file and its card beside it (`X.json` → `X.md`), each written whole or not at all. */
export function writeModel(path: string, model: TrainedModel, prov: ModelProvenance): { sha256: string; card: string } {
  mkdirSync(dirname(path), { recursive: true });
  const body = JSON.stringify({ ...model, trainedAt: prov.date }, null, 0) + "\n";
  const sha256 = createHash("sha256").update(body).digest("hex");
  const card = path.replace(/\.json$/u, "") + ".md";
  atomicWrite(path, body);
  atomicWrite(card, modelCard(basename(path), model, prov, sha256));
  return { sha256, card };
}

function atomicWrite(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const f3 = (x: number): string => x.toFixed(3);

function modelCard(file: string, m: TrainedModel, p: ModelProvenance, sha256: string): string {
  const lines = [
    `# Pair model \`${file}\``,
    "",
    "A logistic-regression classifier over candidate party pairs (supplier → recipient) of one",
    "sentence or a one-sentence window. Its features are general (word classes, words and stems",
    "between and around the parties, the frame around the nearest transfer word, order, distance,",
    "party types, clause breaks, which extraction rules fired); none names a party or a report.",
    "Features live in `src/pipeline/extract/learned/pair-features.ts`; training in `src/training/`.",
    "",
    `- version: \`${m.version}\``,
    `- trained: ${p.date}`,
    `- sha256 of the model file: \`${sha256}\``,
    `- decision threshold: ${m.threshold} (chosen by grouped 3-fold cross-validation inside the training data)`,
    `- features with a weight: ${Object.keys(m.weights).length}`,
    `- training data: ${p.goldReports} gold reports from ${p.publishers} publishers (${p.goldDirs.map((d) => d.split(/[\\/]/u).slice(-2).join("/")).join(", ") || "none"}), ${p.verdicts} analysts' verdicts; ${m.trainedOn.examples} candidate pairs, ${m.trainedOn.positives} positive`,
    "- the gold reports are third-party excerpts used for training only; no text of theirs is in this file, only weights",
  ];
  if (p.cv) {
    const x = p.cv.pooled;
    lines.push(
      "",
      `## Cross-validated figures (grouped by publisher, ${p.folds} folds, out-of-fold)`,
      "",
      `| P | R | F1 | stance | claimant | denied recall | false pairs on negative reports |`,
      `|---|---|---|---|---|---|---|`,
      `| ${f3(x.precision)} | ${f3(x.recall)} | ${f3(x.f1)} | ${f3(x.stance)} | ${f3(x.claimant)} | ${f3(x.denied)} | ${x.negativeFalse} |`,
      "",
      `Stages: gold parties found as mentions ${f3(p.cv.stages.partyRecall)}, gold pairs among candidates ${f3(p.cv.stages.pairCandidateRecall)}, classifier on labelled candidates P ${f3(p.cv.stages.classifierPrecision)} R ${f3(p.cv.stages.classifierRecall)}.`,
    );
  }
  lines.push("", "Retrain with `npm run train` (gold files) or `armstrace train --from-store` (analysts' verdicts).", "");
  return lines.join("\n");
}
