import { resolve } from "node:path";
import { UsageError } from "../domain/errors.ts";
import { SHIPPED_MODEL, usePairModel, useRulesOnly } from "../pipeline/extract/learned/load-pair-model.ts";
import { PairEncoder } from "../pipeline/extract/encoder/pair-encoder.ts";
import { DEFAULT_MODE, EXTRACTION_MODES, useExtractionMode, type ExtractionMode } from "../pipeline/run-pipeline.ts";

/**
 * Applies `--model FILE|shipped|rules` (or $ARMSTRACE_MODEL) and `--mode fast|accurate|cascade`
 * (or $ARMSTRACE_MODE) for every extraction of this process. A model or encoder that
 * cannot be read is a usage error with one line.
 */
export async function selectExtraction(model: unknown, mode: unknown): Promise<void> {
  const path = typeof model === "string" ? model : process.env["ARMSTRACE_MODEL"];
  if (path) {
    try {
      if (path === "rules") useRulesOnly();
      else usePairModel(path === "shipped" ? SHIPPED_MODEL : resolve(path));
    } catch (e) {
      throw new UsageError(`--model: ${(e as Error).message}`);
    }
  }
  const m = (typeof mode === "string" ? mode : process.env["ARMSTRACE_MODE"]) ?? DEFAULT_MODE;
  if (!(EXTRACTION_MODES as readonly string[]).includes(m)) throw new UsageError(`--mode must be one of ${EXTRACTION_MODES.join(", ")} (got ${m})`);
  if (m === "fast") return useExtractionMode("fast");
  if (path === "rules") throw new UsageError(`--mode ${m} needs the pair model; --model rules turns it off`);
  let encoder: PairEncoder;
  try {
    encoder = await PairEncoder.load();
  } catch (e) {
    throw new UsageError(`--mode ${m}: ${(e as Error).message}`);
  }
  useExtractionMode(m as ExtractionMode, encoder);
}
