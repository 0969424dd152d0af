import { resolve } from "node:path";
import { UsageError } from "../domain/errors.ts";
import { SHIPPED_MODEL, usePairModel, useRulesOnly } from "../pipeline/extract/learned/load-pair-model.ts";

/** Applies `--model FILE|shipped|rules` (or $ARMSTRACE_MODEL); an unreadable model is a usage error with one line. */
export function selectPairModel(value: unknown): void {
  const path = typeof value === "string" ? value : process.env["ARMSTRACE_MODEL"];
  if (!path) return;
  try {
    if (path === "rules") useRulesOnly();
    else usePairModel(path === "shipped" ? SHIPPED_MODEL : resolve(path));
  } catch (e) {
    throw new UsageError(`--model: ${(e as Error).message}`);
  }
}
