/**
 * `armstrace entity NAME`: one party's profile. The `entity` command (entity.ts) hands
 * every call that is not a judgement subcommand to `showEntityProfile`, so the profile
 * can grow here (options included) without touching the judgement code.
 *
 * The profile shows the party's names, type and country, whom it supplies and who
 * supplies it, each relation with its Admiralty grades and best quote with its source,
 * and the items involved.
 */
import { CREDIBILITY_LABELS } from "../../domain/admiralty.ts";
import { entityProfile } from "../../services/entity-profile.ts";
import { findEntity } from "../../services/find-entity.ts";
import type { RelationRow } from "../../store/store.ts";
import { openStore } from "../../main.ts";
import type { Io, Options } from "../command.ts";

/** Options of the profile, merged into the `entity` command's own. */
export const entityProfileOptions: Options = { json: { type: "boolean" } };

/** Help for `entityProfileOptions`, shown by `armstrace entity --help`. */
export const entityProfileOptionHelp: Record<string, string> = { json: "profile: print it as one JSON object" };

/** Prints the profile of the entity `name` (a name or an id) and returns the exit code. */
export async function showEntityProfile(
  name: string,
  values: Record<string, string | boolean | string[] | undefined>,
  io: Io,
): Promise<number> {
  const store = await openStore(values["db"] as string | undefined);
  try {
    const found = await findEntity(store, name);
    const profile = await entityProfile(store, found.id);
    if (!profile) {
      io.err(`armstrace: no entity #${found.id}\n`);
      return 1;
    }
    if (values["json"] === true) {
      io.out(`${JSON.stringify(profile, null, 2)}\n`);
      return 0;
    }
    const e = profile.entity;
    const lines = [
      `${e.name}  (#${e.id}, ${e.type}${e.country ? `, ${e.country}` : ""})`,
      `names:    ${e.aliases.length > 0 ? e.aliases.join("; ") : "(no other names)"}`,
      `claims:   ${e.claims} as supplier or recipient, in ${e.documents} document(s)`,
      `items:    ${profile.items.length > 0 ? profile.items.join("; ") : "(none named)"}`,
      "",
      `supplies to (${profile.suppliesTo.length}):`,
      ...relationLines(profile.suppliesTo, (r) => r.recipient.name),
      "",
      `receives from (${profile.receivesFrom.length}):`,
      ...relationLines(profile.receivesFrom, (r) => r.supplier.name),
      "",
    ];
    io.out(lines.join("\n"));
    return 0;
  } finally {
    await store.close();
  }
}

/** One block per relation: the other party and grades, then the best quote and its source. */
function relationLines(relations: readonly RelationRow[], other: (r: RelationRow) => string): string[] {
  if (relations.length === 0) return ["  (none)"];
  return relations.flatMap((r) => {
    const q = r.quote;
    const source = q ? [q.publisher ?? "publisher unknown", q.published?.slice(0, 10) ?? "undated", q.url ?? "no URL"].join(", ") : "";
    return [
      `  ${other(r)}: credibility ${r.credibility} (${CREDIBILITY_LABELS[r.credibility]}), best source ${r.bestReliability}, ` +
        `${r.independentSources} independent source(s), ${r.supportingDocuments.length} supporting / ${r.denyingDocuments.length} denying report(s)` +
        `${r.firstReported ? `, ${r.firstReported}${r.lastReported && r.lastReported !== r.firstReported ? ` to ${r.lastReported}` : ""}` : ""}`,
      ...(r.items.length > 0 ? [`    items: ${r.items.join("; ")}`] : []),
      ...(q ? [`    “${oneLine(q.text)}” (${q.stance}) — ${source}`] : []),
      `    ${r.explanation}`,
    ];
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\p{Cc}/gu, "").trim();
}
