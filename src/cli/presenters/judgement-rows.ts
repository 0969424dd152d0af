/** The shape of an entity judgement on screen or in a file: one flat row per judgement. */
import type { EntityJudgement } from "../../store/store.ts";
import type { Column } from "./format-rows.ts";

export type FlatJudgement = {
  id: number;
  kind: string;
  /** `#12 Alpha Defence`: the entity as stored, with its id for later commands. */
  a: string;
  b: string;
  reason: string;
  author: string;
  created: string;
  /** When it was revoked, or "" while it holds. */
  revoked: string;
};

export const JUDGEMENT_COLUMNS: readonly Column[] = [
  { key: "id", header: "ID" },
  { key: "kind", header: "KIND" },
  { key: "a", header: "A", width: 36 },
  { key: "b", header: "B", width: 36 },
  { key: "author", header: "BY" },
  { key: "created", header: "CREATED" },
  { key: "revoked", header: "REVOKED" },
  { key: "reason", header: "REASON", width: 50 },
];

export function judgementRows(judgements: readonly EntityJudgement[]): FlatJudgement[] {
  return judgements.map((j) => ({
    id: j.id,
    // Shown as typed on the command line.
    kind: j.kind.replace("_", "-"),
    a: `#${j.a.id} ${j.a.name}`,
    b: `#${j.b.id} ${j.b.name}`,
    reason: j.reason ?? "",
    author: j.author,
    created: j.createdAt,
    revoked: j.revokedAt ?? "",
  }));
}
