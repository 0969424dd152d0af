/**
 * The strongest supplier → recipient relations in the store: every stored claim is
 * grouped by its (supplier, recipient) pair of canonical entities, and the pairs are
 * ranked by how widely they are reported. A relation seen in many separate reports
 * from many publishers outranks one repeated many times in a single report.
 */
import { UsageError } from "../domain/errors.ts";
import type { Stance } from "../domain/types.ts";
import type { ClaimRow, Store } from "../store/store.ts";

/** Most distinct items listed per relation. */
export const MAX_RELATION_ITEMS = 6;

/** A canonical entity as a relation names it. */
export interface RelationParty {
  id: number;
  name: string;
}

/** How many of a relation's claims have each stance. */
export interface StanceCounts {
  asserted: number;
  hedged: number;
  denied: number;
}

/** The one claim chosen to show a reader what a relation rests on. */
export interface RelationQuote {
  /** The evidence sentence(s) as stored. */
  text: string;
  stance: Stance;
  publisher: string | null;
  published: string | null;
  url: string | null;
  title: string | null;
  /** The report's own id (`Report.id`). */
  reportId: string;
  /** Id of the extraction rule that made the claim. */
  rule: string;
  claimId: number;
}

export interface RelationSummary {
  supplier: RelationParty;
  recipient: RelationParty;
  /** Distinct stored documents with at least one claim of this relation. */
  documents: number;
  /**
   * Distinct publishers of those documents (compared ignoring case and spacing),
   * most documents first, then by name; documents without a publisher are not counted.
   */
  publishers: string[];
  /** All claims of the relation, whatever their stance. */
  claims: number;
  stances: StanceCounts;
  /**
   * Distinct items (ignoring case), most often claimed first, then in the order first
   * stored; at most `MAX_RELATION_ITEMS`.
   */
  items: string[];
  quote: RelationQuote;
}

export interface TopRelationsOptions {
  /** At most this many relations (a positive whole number); all when absent. */
  limit?: number | undefined;
}

/**
 * Ranks supplier → recipient relations, strongest first: by distinct documents, then
 * distinct publishers, then asserted claims, then hedged claims (so asserted evidence
 * outranks hedged, and hedged outranks denied-only); ties fall back to the supplier's
 * and recipient's names, then ids, so the order is stable.
 *
 * The quote prefers an asserted claim, else a hedged one, else a denied one; among
 * those, the one from the most recently published document (undated documents last),
 * then an actual transfer over a planned one, then the first stored.
 *
 * Throws `UsageError` when `limit` is not a positive whole number.
 */
export async function topRelations(store: Store, opts: TopRelationsOptions = {}): Promise<RelationSummary[]> {
  const { limit } = opts;
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
    throw new UsageError(`limit must be a positive whole number (got ${String(limit)})`);
  }
  const groups = new Map<string, ClaimRow[]>();
  for (const claim of await store.claims({})) {
    const key = `${claim.supplier.id}>${claim.recipient.id}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  const ranked = [...groups.values()].map(summarize).sort(compareRelations);
  return limit === undefined ? ranked : ranked.slice(0, limit);
}

/** Summarizes the claims of one (supplier, recipient) pair; `claims` is never empty and is in stored order. */
function summarize(claims: ClaimRow[]): RelationSummary {
  const first = claims[0]!;
  const stances: StanceCounts = { asserted: 0, hedged: 0, denied: 0 };
  const documents = new Set<number>();
  const publisherDocs = new Map<string, { name: string; documents: Set<number> }>();
  const items = new Map<string, { name: string; count: number; order: number }>();
  for (const claim of claims) {
    stances[claim.stance] += 1;
    documents.add(claim.documentId);
    const publisher = claim.publisher?.trim();
    if (publisher) {
      const key = foldKey(publisher);
      const entry = publisherDocs.get(key) ?? { name: publisher, documents: new Set<number>() };
      entry.documents.add(claim.documentId);
      publisherDocs.set(key, entry);
    }
    for (const raw of claim.items) {
      const item = raw.trim();
      if (!item) continue;
      const key = foldKey(item);
      const entry = items.get(key);
      if (entry) entry.count += 1;
      else items.set(key, { name: item, count: 1, order: items.size });
    }
  }
  const best = claims.reduce((a, b) => (compareQuotes(b, a) < 0 ? b : a));
  return {
    supplier: { id: first.supplier.id, name: first.supplier.name },
    recipient: { id: first.recipient.id, name: first.recipient.name },
    documents: documents.size,
    publishers: [...publisherDocs.values()]
      .sort((a, b) => b.documents.size - a.documents.size || codePointCompare(a.name, b.name))
      .map((p) => p.name),
    claims: claims.length,
    stances,
    items: [...items.values()]
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .slice(0, MAX_RELATION_ITEMS)
      .map((i) => i.name),
    quote: {
      text: best.evidence.text,
      stance: best.stance,
      publisher: best.publisher,
      published: best.published,
      url: best.url,
      title: best.title,
      reportId: best.reportId,
      rule: best.rule,
      claimId: best.id,
    },
  };
}

function compareRelations(a: RelationSummary, b: RelationSummary): number {
  return (
    b.documents - a.documents ||
    b.publishers.length - a.publishers.length ||
    b.stances.asserted - a.stances.asserted ||
    b.stances.hedged - a.stances.hedged ||
    codePointCompare(a.supplier.name, b.supplier.name) ||
    codePointCompare(a.recipient.name, b.recipient.name) ||
    a.supplier.id - b.supplier.id ||
    a.recipient.id - b.recipient.id
  );
}

const STANCE_PREFERENCE: Record<Stance, number> = { asserted: 0, hedged: 1, denied: 2 };

/** Negative when `a` makes the better quote. */
function compareQuotes(a: ClaimRow, b: ClaimRow): number {
  return (
    STANCE_PREFERENCE[a.stance] - STANCE_PREFERENCE[b.stance] ||
    compareDatesNewestFirst(a.published, b.published) ||
    Number(a.modality !== "actual") - Number(b.modality !== "actual") ||
    a.id - b.id
  );
}

/** ISO dates and date-times sort as strings; a missing date sorts after any date. */
function compareDatesNewestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? 1 : -1;
}

function foldKey(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
