/**
 * Finds the one stored entity a user means by a name or an id, for commands that act
 * on a single entity (judgements, profiles). A name that could mean several is a
 * usage error listing them with their ids, so the user can pick one.
 */
import { UsageError } from "../domain/errors.ts";
import type { EntityRow, Store } from "../store/store.ts";

/** Most candidates listed in an "ambiguous" message; the rest are counted. */
const MAX_LISTED = 8;

/**
 * The stored entity `ref` names: a whole number is an entity id; anything else a name,
 * tried first as one of an entity's names (same comparison keys: "Норинко" finds
 * Norinco), then as whole words of its names ("north industries"). The entity itself
 * is returned, not its group's representative, so a member can be split off a group.
 * Throws `UsageError` when nothing matches or the name fits several entities.
 */
export async function findEntity(store: Store, ref: string): Promise<EntityRow> {
  const text = ref.trim();
  if (text === "") throw new UsageError("an entity name or id must not be empty");
  if (/^\d+$/.test(text)) {
    const [row] = await store.entities({ id: Number(text), ungrouped: true });
    if (row === undefined) throw new UsageError(`there is no entity with id ${text}`);
    return row;
  }
  for (const filter of [{ named: text }, { name: text }]) {
    const rows = await store.entities({ ...filter, ungrouped: true });
    if (rows.length === 1) return rows[0]!;
    if (rows.length > 1) {
      const listed = rows.slice(0, MAX_LISTED).map(describeEntity).join(", ");
      const more = rows.length > MAX_LISTED ? ` and ${rows.length - MAX_LISTED} more` : "";
      throw new UsageError(`"${text}" could be ${rows.length} entities: ${listed}${more}; give an id instead`);
    }
  }
  throw new UsageError(`no entity is named "${text}" (see armstrace entities --name)`);
}

/** `#12 Ministry of Defence (organization, GB)`: enough to tell candidates apart. */
export function describeEntity(e: Pick<EntityRow, "id" | "name" | "type" | "country">): string {
  return `#${e.id} ${e.name} (${e.type}${e.country ? `, ${e.country}` : ""})`;
}
