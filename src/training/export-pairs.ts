/**
 * Writes the labelled candidate pairs of the gold reports as JSON Lines for the encoder's
 * training script (training/): marked text, label, publisher fold. The output holds
 * excerpts of the gold texts, so it goes to a scratch folder, never into the repository.
 *
 *   node --import tsx src/training/export-pairs.ts OUT.jsonl [GOLD_DIR...]
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { markPair } from "../pipeline/extract/learned/mark-pair.ts";
import { readGoldDir } from "./gold-corpus.ts";
import { groupFolds, prepareReports } from "./train-extractor.ts";

const [out, ...dirs0] = process.argv.slice(2);
if (!out) {
  console.error("usage: export-pairs.ts OUT.jsonl [GOLD_DIR...]");
  process.exit(2);
}
const gold = join(import.meta.dirname, "..", "..", "..", "shared", "gold");
const dirs = dirs0.length ? dirs0 : [join(gold, "train"), join(gold, "dev")];
const reports = prepareReports(dirs.flatMap((d) => readGoldDir(d)));
const folds = groupFolds(reports, 5);
const foldOf = new Map<string, number>();
folds.forEach((f, i) => f.forEach((r) => foldOf.set(r.gold.id, i)));
const lines: string[] = [];
for (const r of reports) r.candidates.forEach((c, i) => {
  lines.push(JSON.stringify({ id: `${r.gold.id}#${i}`, report: r.gold.id, dev: r.gold.id.startsWith("dev-"), fold: foldOf.get(r.gold.id), label: r.labels[i], text: markPair(r.doc, c) }));
});
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${lines.length} candidate pairs (${lines.filter((l) => l.includes('"label":1')).length} positive) from ${reports.length} reports written to ${out}`);
