/**
 * From a name a user typed to the entities it means: every entity with that name
 * (any of its names, compared by `normalizeName`), taken to its group's
 * representative, with every member of those groups. Queries about "norinco" must
 * see claims stored under every name of every entity merged with it.
 */
import type { Store } from "../store/store.ts";
import { entityGroups, type EntityGroups } from "./recompute-relations.ts";

export interface EntityGroupsFound {
  /** Group representatives, ascending; empty when no entity has the name. */
  representatives: number[];
  /** Every entity in those groups (the representatives included), ascending. */
  members: number[];
}

export async function findEntityGroups(store: Store, name: string, groups: EntityGroups = entityGroups(store)): Promise<EntityGroupsFound> {
  return entityGroupsOf(store, await store.entityIdsNamed(name), groups);
}

/** The groups of these stored entity ids, found as `findEntityGroups` finds those of a name. */
export async function entityGroupsOf(store: Store, named: readonly number[], groups: EntityGroups = entityGroups(store)): Promise<EntityGroupsFound> {
  if (named.length === 0) return { representatives: [], members: [] };
  if (groups.identity) return { representatives: [...named], members: [...named] };
  const canon = await groups.canonicalOf(named);
  const reps = new Set(named.map((id) => canon.get(id) ?? id));
  const members = new Set<number>(reps);
  const parties = await store.claimPartyIds();
  const partyCanon = await groups.canonicalOf(parties);
  for (const id of parties) if (reps.has(partyCanon.get(id) ?? id)) members.add(id);
  for (const id of named) members.add(id);
  const asc = (a: number, b: number) => a - b;
  return { representatives: [...reps].sort(asc), members: [...members].sort(asc) };
}
