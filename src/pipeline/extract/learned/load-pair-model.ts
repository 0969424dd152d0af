import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LinearModel } from "./linear-model.ts";

/** Where the shipped pair model lives; its card sits beside it. */
export const SHIPPED_MODEL = fileURLToPath(new URL("../../../../data/models/pair-model.json", import.meta.url));

const cache = new Map<string, LinearModel>();

/** Reads a pair model file, checking its shape so a wrong file fails with a clear message. */
export function loadPairModel(path = SHIPPED_MODEL): LinearModel {
  const hit = cache.get(path);
  if (hit) return hit;
  if (!existsSync(path)) throw new Error(`model file not found: ${path}`);
  let m: Partial<LinearModel>;
  try {
    m = JSON.parse(readFileSync(path, "utf8")) as Partial<LinearModel>;
  } catch {
    throw new Error(`model file is not JSON: ${path}`);
  }
  if (typeof m.version !== "string" || typeof m.bias !== "number" || typeof m.threshold !== "number" || !m.weights || typeof m.weights !== "object") {
    throw new Error(`not a pair model (needs version, bias, threshold, weights): ${path}`);
  }
  const model = m as LinearModel;
  cache.set(path, model);
  return model;
}

let chosen: LinearModel | null | undefined;

/** Makes the model in `path` the one every extraction of this process uses (`--model FILE`). */
export function usePairModel(path: string): LinearModel {
  chosen = loadPairModel(path);
  return chosen;
}

/** Lets `--model rules` turn the pair model off: the pattern rules then decide alone. */
export function useRulesOnly(): void {
  chosen = null;
}

/** The model chosen with `usePairModel`, else the shipped one, or null when there is none or rules alone were chosen. */
export function shippedPairModel(): LinearModel | null {
  if (chosen !== undefined) return chosen;
  return existsSync(SHIPPED_MODEL) ? loadPairModel(SHIPPED_MODEL) : null;
}
