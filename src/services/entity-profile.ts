/**
 * Everything known about one party in one place: its names, type and country, whom
 * it supplies and who supplies it (each relation with its grades and best quote), and
 * the items involved.
 */
import type { EntityRow, RelationRow, Store } from "../store/store.ts";
import { refreshRelations } from "./recompute-relations.ts";

export interface EntityProfile {
  /** The group as one entity: its representative's name, every other name as aliases. */
  entity: EntityRow;
  /** Relations in which it is the supplier, best credibility first. */
  suppliesTo: RelationRow[];
  /** Relations in which it is the recipient, best credibility first. */
  receivesFrom: RelationRow[];
  /** Distinct items (ignoring case) of all its relations, in the order of the relations. */
  items: string[];
}

/** The profile of the group the stored entity `entityId` belongs to, or null when there is no such entity. */
export async function entityProfile(store: Store, entityId: number): Promise<EntityProfile | null> {
  await refreshRelations(store);
  const [entity] = await store.entities({ id: entityId });
  if (!entity) return null;
  const rep = (await store.canonicalOf([entityId])).get(entityId) ?? entityId;
  const relations = await store.relations({ entityIds: [rep] });
  const items = new Map<string, string>();
  for (const r of relations) for (const item of r.items) if (!items.has(item.toLowerCase())) items.set(item.toLowerCase(), item);
  return {
    entity,
    suppliesTo: relations.filter((r) => r.supplierId === rep),
    receivesFrom: relations.filter((r) => r.recipientId === rep),
    items: [...items.values()],
  };
}
