/**
 * Every claim involving an entity (as supplier, recipient or claimant, under any name
 * of its group), oldest report first, each with its stance, its source and that
 * source's grade, and the credibility of the relation it belongs to: how the story
 * of one party was told over time, and by whom.
 */
import type { Credibility, Reliability } from "../domain/admiralty.ts";
import type { Modality, Stance } from "../domain/types.ts";
import type { Store } from "../store/store.ts";
import { entityGroupsOf, findEntityGroups } from "./find-entity-groups.ts";
import { gradeDocument } from "./grade-relation.ts";
import { entityGroups, loadSourceRegistry, refreshRelations } from "./recompute-relations.ts";

export interface TimelineEntry {
  /** The report's publication date (YYYY-MM-DD), null when undated. */
  date: string | null;
  claimId: number;
  documentId: number;
  supplier: string;
  supplierId: number;
  recipientId: number;
  recipient: string;
  stance: Stance;
  modality: Modality;
  claimant: string | null;
  items: string[];
  quote: string;
  /** The source the report speaks for: "Reuters", "KBS World citing Reuters", or the publisher line. */
  source: string;
  reliability: Reliability;
  url: string | null;
  /** Credibility of the supplier → recipient relation the claim is part of. */
  credibility: Credibility | null;
  /** The rule that made the claim, and the pair model's version, score and strongest features (see `ClaimRow`). */
  rule: string;
  model: string | null;
  score: number | null;
  features: Array<[string, number]> | null;
}

/**
 * The timeline of the entity named `ref` (or of the stored entity `{ id }`, with its
 * group); empty when no entity has that name. Undated reports come last.
 */
export async function entityTimeline(store: Store, ref: string | { id: number }, opts: { latest?: number | undefined } = {}): Promise<TimelineEntry[]> {
  return (await entityTimelinePage(store, ref, opts)).items;
}

/** A timeline and how many entries it has in all; with `latest`, only the most recent entries (still oldest first). */
export async function entityTimelinePage(
  store: Store,
  ref: string | { id: number },
  opts: { latest?: number | undefined } = {},
): Promise<{ items: TimelineEntry[]; total: number }> {
  await refreshRelations(store);
  const groups = entityGroups(store);
  const found = typeof ref === "string" ? await findEntityGroups(store, ref, groups) : await entityGroupsOf(store, [ref.id], groups);
  if (found.members.length === 0) return { items: [], total: 0 };
  // A busy party has thousands of claims: read only those shown, and count the rest.
  const evidence = await store.evidence({ involving: found.members, latest: opts.latest });
  const total = opts.latest === undefined ? evidence.length : await store.evidenceCount({ involving: found.members });
  const partyIds = [...new Set(evidence.flatMap((c) => [c.supplier.id, c.recipient.id]))];
  const canon = await groups.canonicalOf(partyIds);
  const rep = (id: number) => canon.get(id) ?? id;
  const reps = [...new Set(partyIds.map(rep))];
  const credibility = new Map(
    (await store.relations({ entityIds: reps })).map((r) => [`${r.supplierId}>${r.recipientId}`, r.credibility]),
  );
  const registry = await loadSourceRegistry(store);
  const entries = evidence.map((c): TimelineEntry => {
    const grade = gradeDocument({ documentId: c.documentId, publisher: c.publisher, originSource: c.originSource }, registry);
    return {
      date: c.published?.slice(0, 10) ?? null,
      claimId: c.id,
      documentId: c.documentId,
      supplier: c.supplier.name,
      supplierId: rep(c.supplier.id),
      recipientId: rep(c.recipient.id),
      recipient: c.recipient.name,
      stance: c.stance,
      modality: c.modality,
      claimant: c.claimant?.name ?? null,
      items: c.items,
      quote: c.evidence.text,
      source: grade.label,
      reliability: grade.reliability,
      url: c.url,
      credibility: credibility.get(`${rep(c.supplier.id)}>${rep(c.recipient.id)}`) ?? null,
      rule: c.rule,
      model: c.model,
      score: c.score,
      features: c.features,
    };
  });
  entries.sort((a, b) => compareDates(a.date, b.date) || a.claimId - b.claimId);
  return { items: entries, total };
}

/** Oldest first; undated last. */
function compareDates(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
}
