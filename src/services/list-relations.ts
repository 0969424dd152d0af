/**
 * The relations query: stored relations, brought up to date first, narrowed by a
 * party's name and a credibility floor. Filters arrive as strings from a command line
 * or query string, so they are checked here and a bad value is a `UsageError`.
 */
import { CREDIBILITIES, type Credibility } from "../domain/admiralty.ts";
import { UsageError } from "../domain/errors.ts";
import type { RelationRow, Store } from "../store/store.ts";
import { findEntityGroups } from "./find-entity-groups.ts";
import { refreshRelations } from "./recompute-relations.ts";

export interface RelationQuery {
  /** Any name of the supplier or recipient (or of an entity grouped with it). */
  entity?: string | undefined;
  /** Keep relations graded this or better: "2" keeps 1 (confirmed) and 2 (probably true). */
  minCredibility?: string | number | undefined;
  limit?: number | undefined;
}

export async function listRelations(store: Store, query: RelationQuery = {}): Promise<RelationRow[]> {
  const minCredibility = query.minCredibility === undefined ? undefined : parseCredibility(query.minCredibility);
  if (query.entity !== undefined && query.entity.trim() === "") throw new UsageError("entity must not be empty");
  if (query.limit !== undefined && (!Number.isSafeInteger(query.limit) || query.limit < 1)) {
    throw new UsageError(`limit must be a whole number of at least 1, not ${String(query.limit)}`);
  }
  await refreshRelations(store);
  let entityIds: number[] | undefined;
  if (query.entity !== undefined) {
    entityIds = (await findEntityGroups(store, query.entity)).representatives;
    if (entityIds.length === 0) return [];
  }
  return store.relations({ entityIds, minCredibility, limit: query.limit });
}

/** A credibility 1–6 from user input. */
export function parseCredibility(value: string | number): Credibility {
  const n = typeof value === "number" ? value : Number(value.trim());
  const found = CREDIBILITIES.find((c) => c === n);
  if (found === undefined || (typeof value === "string" && value.trim() === "")) {
    throw new UsageError(`credibility must be a whole number from 1 (confirmed) to 6 (cannot be judged), not ${JSON.stringify(String(value))}`);
  }
  return found;
}
