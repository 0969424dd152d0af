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

/**
 * The model chosen with `usePairModel` (`--model FILE`, `--model shipped`), or null: the
 * pattern rules decide alone until a model is chosen, since the shipped model still
 * breaks cases the rules handle (see its card).
 */
export function shippedPairModel(): LinearModel | null {
  return chosen ?? null;
}
