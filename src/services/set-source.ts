/**
 * The analyst's side of source grading: list every source with its grade, and set a
 * source's grade, kind or reason. An override is stored beside the shipped list,
 * never written into it, and every relation is regraded at once (a grade can change
 * any relation the source touches).
 */
import type { Source } from "../domain/admiralty.ts";
import { RELIABILITIES, SOURCE_KINDS } from "../domain/admiralty.ts";
import { UsageError } from "../domain/errors.ts";
import type { Store } from "../store/store.ts";
import type { ListedSource } from "./source-registry.ts";
import { isReliability, isSourceKind } from "./source-registry.ts";
import { loadSourceRegistry, refreshRelations } from "./recompute-relations.ts";

/** Every source, shipped ones first, each marked as a default or the analyst's override. */
export async function listSources(store: Store): Promise<ListedSource[]> {
  return (await loadSourceRegistry(store)).all();
}

export interface SourceChange {
  name: string;
  reliability?: string | undefined;
  kind?: string | undefined;
  reason?: string | undefined;
  url?: string | undefined;
  aliases?: readonly string[] | undefined;
}

/**
 * Sets the grade of the source named `name` (or one of its aliases): given fields
 * replace the current ones, others are kept. A source not yet known needs a
 * reliability and a reason; its kind defaults to "other". Returns the source as now
 * graded and how many relations were regraded.
 */
export async function setSource(store: Store, change: SourceChange): Promise<{ source: Source; regraded: number }> {
  const name = change.name.trim();
  if (!name) throw new UsageError("source name must not be empty");
  if (change.reliability !== undefined && !isReliability(change.reliability.trim().toUpperCase())) {
    throw new UsageError(`unknown reliability ${JSON.stringify(change.reliability)}; expected one of: ${RELIABILITIES.join(", ")}`);
  }
  const kindValue = change.kind?.trim().toLowerCase().replaceAll("-", "_");
  if (kindValue !== undefined && !isSourceKind(kindValue)) {
    throw new UsageError(`unknown source kind ${JSON.stringify(change.kind)}; expected one of: ${SOURCE_KINDS.join(", ")}`);
  }
  const reason = change.reason?.replace(/\s+/g, " ").trim();
  if (change.reason !== undefined && !reason) throw new UsageError("reason must not be empty");
  const registry = await loadSourceRegistry(store);
  const current = registry.byName(name);
  const reliability = change.reliability?.trim().toUpperCase() ?? current?.reliability;
  if (!current && (reliability === undefined || reason === undefined)) {
    throw new UsageError(`${JSON.stringify(name)} is not a known source: give --reliability and --reason to add it`);
  }
  if (!isReliability(reliability)) throw new UsageError("reliability is required");
  const kind = kindValue ?? current?.kind ?? "other";
  if (!isSourceKind(kind)) throw new UsageError("kind is required");
  const source: Source = {
    name: current?.name ?? name,
    aliases: [...new Set([...(current?.aliases ?? []), ...(change.aliases ?? []).map((a) => a.trim()).filter(Boolean)])],
    reliability,
    kind,
    reason: reason ?? current?.reason ?? "",
    url: change.url ?? current?.url ?? null,
  };
  await store.saveSourceOverride(source);
  const { recomputed } = await refreshRelations(store);
  return { source, regraded: recomputed };
}
