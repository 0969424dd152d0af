/**
 * Read verbs over the store for the CLI and server. Their filters arrive as strings
 * from a command line or query string, so they are checked here and a bad value is a
 * `UsageError` that names the allowed values, rather than an empty result.
 */
import { UsageError } from "../domain/errors.ts";
import { ENTITY_TYPES, STANCES, type EntityType, type Stance } from "../domain/types.ts";
import type { ClaimRow, EntityRow, Store } from "../store/store.ts";

export interface ClaimQuery {
  /** Any name of the supplier, recipient or claimant (see `ClaimFilter.entity`). */
  entity?: string | undefined;
  /** One of `STANCES`. */
  stance?: string | undefined;
  limit?: number | undefined;
}

export interface EntityQuery {
  /** One of `ENTITY_TYPES`. */
  type?: string | undefined;
  /** Whole words of any of the entity's names (see `EntityFilter.name`). */
  name?: string | undefined;
  limit?: number | undefined;
}

export async function listClaims(store: Store, query: ClaimQuery = {}): Promise<ClaimRow[]> {
  return store.claims({
    entity: query.entity === undefined ? undefined : parseName(query.entity, "entity"),
    stance: query.stance === undefined ? undefined : parseStance(query.stance),
    limit: parseLimit(query.limit),
  });
}

export async function listEntities(store: Store, query: EntityQuery = {}): Promise<EntityRow[]> {
  return store.entities({
    type: query.type === undefined ? undefined : parseEntityType(query.type),
    name: query.name === undefined ? undefined : parseName(query.name, "name"),
    limit: parseLimit(query.limit),
  });
}

/** A stance from user input, case and surrounding spaces ignored. */
export function parseStance(value: string): Stance {
  return parseOneOf(STANCES, value, "stance");
}

/** An entity type from user input; "armed-force" is accepted for "armed_force". */
export function parseEntityType(value: string): EntityType {
  return parseOneOf(ENTITY_TYPES, value.replaceAll("-", "_"), "entity type", value);
}

function parseOneOf<T extends string>(values: readonly T[], value: string, what: string, shown = value): T {
  const wanted = value.trim().toLowerCase();
  const found = values.find((v) => v === wanted);
  if (found === undefined) {
    throw new UsageError(`unknown ${what} ${JSON.stringify(shown)}; expected one of: ${values.join(", ")}`);
  }
  return found;
}

function parseName(value: string, what: string): string {
  if (value.trim() === "") throw new UsageError(`${what} must not be empty`);
  return value;
}

function parseLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new UsageError(`limit must be a whole number of at least 1, not ${String(limit)}`);
  }
  return limit;
}
