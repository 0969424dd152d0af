import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../../domain/errors.ts";
import { openStore } from "../../main.ts";
import { crossValidate } from "../../training/cross-validate.ts";
import { publisherOf, readGoldDir } from "../../training/gold-corpus.ts";
import { storeExamples } from "../../training/store-examples.ts";
import { prepareReports, trainPairModel } from "../../training/train-extractor.ts";
import { writeModel } from "../../training/write-model.ts";
import type { Command } from "../command.ts";

/** Retrains the pair model from gold files and, with --from-store, from analysts' verdicts. */
export const trainCommand: Command = {
  name: "train",
  summary: "Train the pair model that decides which party pairs are transfers, from gold files and analysts' review verdicts; writes the model and its card.",
  usage: "train --out FILE [--gold DIR]... [--from-store] [--db FILE] [--folds N]",
  example: "armstrace train --gold gold/train --from-store --db armstrace.db --out models/pair-model.json",
  options: {
    out: { type: "string" },
    gold: { type: "string", multiple: true },
    "from-store": { type: "boolean" },
    db: { type: "string" },
    folds: { type: "string" },
  },
  optionHelp: {
    out: "where to write the model (JSON); its card is written beside it as .md",
    gold: "a folder of gold annotation files (*.json); repeat for several",
    "from-store": "also learn from the accepted, rejected and corrected claims in the store",
    db: "SQLite file or postgres:// URL for --from-store (default $ARMSTRACE_DB or ./armstrace.db)",
    folds: "grouped cross-validation folds reported in the card (default 5; 0 to skip)",
  },
  async run({ values }, io) {
    const out = values["out"];
    if (typeof out !== "string" || !out.trim()) throw new UsageError("train: give --out FILE for the new model");
    const dirs = ((values["gold"] as string[] | undefined) ?? []).map((d) => resolve(d));
    for (const d of dirs) if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`train: --gold ${d} is not a folder`);
    if (!dirs.length && !values["from-store"]) throw new UsageError("train: give --gold DIR and/or --from-store");
    const golds = dirs.flatMap((d) => readGoldDir(d));
    if (dirs.length && !golds.length) throw new UsageError(`train: no gold files (*.json) in ${dirs.join(", ")}`);
    const reports = prepareReports(golds);
    let extra: Awaited<ReturnType<typeof storeExamples>> = { examples: [], verdicts: 0 };
    if (values["from-store"]) {
      const store = await openStore(values["db"] as string | undefined);
      try {
        extra = await storeExamples(store);
      } finally {
        await store.close();
      }
    }
    if (!extra.examples.length && !reports.length) {
      io.err("armstrace: nothing to train on: the store holds no reviewed claims\n");
      return 1;
    }
    const folds = values["folds"] === undefined ? 5 : Number(values["folds"]);
    if (!Number.isInteger(folds) || folds < 0 || folds === 1) throw new UsageError("train: --folds must be 0 or a whole number of at least 2");
    const model = trainPairModel(reports, extra.examples);
    const cv = folds && reports.length >= folds * 2 ? crossValidate(reports, folds) : undefined;
    const { sha256, card } = writeModel(resolve(out), model, {
      goldDirs: dirs, goldReports: reports.length, publishers: new Set(golds.map(publisherOf)).size, verdicts: extra.verdicts,
      cv, folds, date: new Date().toISOString().slice(0, 10),
    });
    io.out(`model ${model.version} written to ${out} (sha256 ${sha256.slice(0, 16)}…), card ${card}\n`);
    io.out(`trained on ${reports.length} gold reports and ${extra.verdicts} analysts' verdicts: ${model.trainedOn.examples} candidate pairs, threshold ${model.threshold}\n`);
    if (cv) io.out(`cross-validated (${folds} folds by publisher): P ${cv.pooled.precision.toFixed(3)} R ${cv.pooled.recall.toFixed(3)} F1 ${cv.pooled.f1.toFixed(3)}\n`);
    return 0;
  },
};
