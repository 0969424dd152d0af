/**
 * The credibility of one supplier → recipient relation (Admiralty 1–6) from its
 * claims, by the rules written in docs/grading.md. This file implements exactly
 * those rules; change both together (and `GRADING_RULES`, so stored relations are
 * regraded).
 */
import {
  CREDIBILITY_LABELS,
  betterReliability,
  reliabilityRank,
  type Credibility,
  type Reliability,
} from "../domain/admiralty.ts";
import { normalizeName } from "../domain/normalize-name.ts";
import type { EntityType } from "../domain/types.ts";
import type { EvidenceRow, RelationRecord } from "../store/store.ts";
import { clusterSources } from "./cluster-sources.ts";
import type { SourceRegistry } from "./source-registry.ts";

/** Names the version of the rules; part of the grading digest, so a change regrades every stored relation. */
export const GRADING_RULES = "grading-rules-1";

/** Most distinct items kept on a relation. */
export const MAX_RELATION_ITEMS = 10;

/** The claims of one relation, between two group representatives. */
export interface RelationEvidence {
  supplierId: number;
  recipientId: number;
  claims: readonly EvidenceRow[];
  /** The group representative of an entity id (identity when entities are not grouped). */
  canonical: (id: number) => number;
}

/** How one document counts: which source it speaks for, and how reliable that is. */
export interface DocumentGrade {
  /** Documents with the same key are the same source. */
  key: string;
  /** "Reuters", or "Business Standard citing Reuters", or the publisher line as written. */
  label: string;
  reliability: Reliability;
}

/**
 * A document's source and grade. Its publisher is looked up in the registry (unknown:
 * F). A document relaying another source ("citing Reuters") speaks for that source,
 * and is graded no better than either the relay or the original: we hold only the relay.
 */
export function gradeDocument(
  doc: { documentId: number; publisher: string | null; originSource: string | null },
  registry: SourceRegistry,
): DocumentGrade {
  const publisher = registry.resolve(doc.publisher);
  const origin = doc.originSource ? registry.byName(doc.originSource) : undefined;
  const ownReliability: Reliability = publisher?.reliability ?? "F";
  const ownLabel = publisher?.name ?? doc.publisher?.trim() ?? "unknown publisher";
  if (origin && origin !== publisher) {
    return {
      key: `source:${origin.name}`,
      label: `${ownLabel} citing ${origin.name}`,
      reliability: reliabilityRank(ownReliability) >= reliabilityRank(origin.reliability) ? ownReliability : origin.reliability,
    };
  }
  if (publisher) return { key: `source:${publisher.name}`, label: publisher.name, reliability: ownReliability };
  const norm = doc.publisher ? normalizeName(doc.publisher) : "";
  return { key: norm ? `publisher:${norm}` : `document:${doc.documentId}`, label: ownLabel, reliability: "F" };
}

/** What one independent source (a cluster of documents) says about the relation. */
interface SourceCluster {
  label: string;
  reliability: Reliability;
  asserts: boolean;
  hedges: boolean;
  /** Denies it without being one of the accused parties. */
  refutes: boolean;
  accusedDenials: number;
}

const isAB = (r: Reliability) => reliabilityRank(r) <= 1;
const isAC = (r: Reliability) => reliabilityRank(r) <= 2;
const aboveD = isAC;

/**
 * Aggregates the claims of one relation and grades it. See docs/grading.md for the
 * rules; in short, first match wins:
 *  - a credible (A–B) independent refutation: 5 without support above D, else 3 when
 *    more A–B sources assert than credibly refute, else 4;
 *  - only F sources: 6;
 *  - ≥ 2 independent A–B sources assert: 1 (2 when exactly two and an accused party denies);
 *  - ≥ 2 independent A–C sources, or one A source, assert: 2;
 *  - one B–C source asserts: 3; hedged support from A–B only: 3;
 *  - anything else from A–E sources: 4; otherwise 6.
 */
export function gradeRelation(evidence: RelationEvidence, registry: SourceRegistry): RelationRecord {
  const { claims, canonical, supplierId, recipientId } = evidence;
  const docs = new Map<number, { grade: DocumentGrade; fingerprint: string | null; claims: EvidenceRow[]; published: string | null }>();
  for (const c of claims) {
    let doc = docs.get(c.documentId);
    if (!doc) {
      doc = {
        grade: gradeDocument({ documentId: c.documentId, publisher: c.publisher, originSource: c.originSource }, registry),
        fingerprint: c.fingerprint,
        claims: [],
        published: c.published,
      };
      docs.set(c.documentId, doc);
    }
    doc.claims.push(c);
  }
  const clusterOf = clusterSources([...docs].map(([id, d]) => ({ id, sourceKey: d.grade.key, fingerprint: d.fingerprint })));

  const clusters = new Map<number, SourceCluster>();
  const supporting = new Set<number>();
  const denying = new Set<number>();
  let accusedDenials = 0;
  for (const [id, doc] of docs) {
    const root = clusterOf.get(id) ?? id;
    let cluster = clusters.get(root);
    if (!cluster) {
      cluster = { label: doc.grade.label, reliability: doc.grade.reliability, asserts: false, hedges: false, refutes: false, accusedDenials: 0 };
      clusters.set(root, cluster);
    } else if (reliabilityRank(doc.grade.reliability) < reliabilityRank(cluster.reliability)) {
      cluster.label = doc.grade.label;
      cluster.reliability = doc.grade.reliability;
    }
    for (const c of doc.claims) {
      if (isDenial(c)) {
        denying.add(id);
        if (isAccused(c, supplierId, recipientId, canonical)) {
          cluster.accusedDenials += 1;
          accusedDenials += 1;
        } else cluster.refutes = true;
      } else {
        supporting.add(id);
        if (c.stance === "asserted") cluster.asserts = true;
        else cluster.hedges = true;
      }
    }
  }

  const all = [...clusters.values()];
  const support = all.filter((c) => c.asserts || c.hedges);
  const { credibility, explanation } = decide(all, accusedDenials);
  const best = (list: SourceCluster[]) => list.map((c) => c.reliability).reduce<Reliability>(betterReliability, "F");
  const dates = [...docs.values()].map((d) => d.published?.slice(0, 10)).filter((d): d is string => !!d).sort();
  const quote = [...claims].sort((a, b) => compareQuotes(a, b, docs))[0];
  return {
    supplierId,
    recipientId,
    credibility,
    bestReliability: best(support.length > 0 ? support : all),
    independentSources: support.length,
    claims: claims.length,
    items: distinctItems(claims),
    claimants: [...new Set(claims.flatMap((c) => (c.claimant ? [c.claimant.name] : [])))].sort(codePointCompare),
    supportingDocuments: [...supporting].sort((a, b) => a - b),
    denyingDocuments: [...denying].sort((a, b) => a - b),
    accusedDenials,
    firstReported: dates[0] ?? null,
    lastReported: dates.at(-1) ?? null,
    quoteClaimId: quote?.id ?? null,
    explanation: explanation + reviewNote(claims),
  };
}

/**
 * Analysts' checks, said in the explanation. An accepted or corrected claim reads its
 * report right; that says nothing new about the source, so it changes no grade by
 * itself (rejections and corrections change the evidence, and so the grade).
 */
function reviewNote(claims: readonly EvidenceRow[]): string {
  const checked = claims.filter((c) => c.review?.verdict === "accept" || c.review?.verdict === "correct").length;
  if (checked === 0) return "";
  return checked === claims.length ? `; every claim checked by an analyst` : `; ${checked} of ${claims.length} claims checked by an analyst`;
}

/** A denial: denied in so many words, or said not to have happened. */
function isDenial(c: EvidenceRow): boolean {
  // An analyst's corrected stance overrides the extractor's reading of negation.
  const stanceCorrected = c.extracted !== null && c.extracted.stance !== c.stance;
  return c.stance === "denied" || (c.modality === "negated" && !stanceCorrected);
}

const OFFICIAL_TYPES: ReadonlySet<EntityType> = new Set(["state", "armed_force", "organization", "person"]);

/**
 * Whether a denial comes from an accused party: the supplier or recipient itself (in
 * any of its group's names), or a state body, official or firm of the same country
 * as one of them (Serbia's president denying Serbian ammunition went to Ukraine).
 * Media are never accused parties: they are sources, graded as such.
 */
function isAccused(c: EvidenceRow, supplierId: number, recipientId: number, canonical: (id: number) => number): boolean {
  if (!c.claimant) return false;
  const who = canonical(c.claimant.id);
  if (who === supplierId || who === recipientId) return true;
  if (!OFFICIAL_TYPES.has(c.claimant.type) || !c.claimantCountry) return false;
  return c.claimantCountry === c.supplierCountry || c.claimantCountry === c.recipientCountry;
}

function decide(all: SourceCluster[], accusedDenials: number): { credibility: Credibility; explanation: string } {
  const asserting = all.filter((c) => c.asserts);
  const hedgingOnly = all.filter((c) => c.hedges && !c.asserts);
  const support = all.filter((c) => c.asserts || c.hedges);
  const refuting = all.filter((c) => c.refutes);
  const credibleRefuting = refuting.filter((c) => isAB(c.reliability));
  const abAsserting = asserting.filter((c) => isAB(c.reliability));
  const acAsserting = asserting.filter((c) => isAC(c.reliability));
  const aAsserting = asserting.filter((c) => c.reliability === "A");
  const accused = accusedDenials > 0 ? `; ${plural(accusedDenials, "denial")} by the accused party` : "";
  const refutedBy = refuting.length > credibleRefuting.length ? `; refuted by ${names(refuting.filter((c) => !isAB(c.reliability)))} (not credible)` : "";
  const say = (credibility: Credibility, why: string) => ({ credibility, explanation: `${CREDIBILITY_LABELS[credibility]}: ${why}` });

  if (credibleRefuting.length > 0) {
    const refuted = `independently refuted by ${names(credibleRefuting)}`;
    if (!support.some((c) => aboveD(c.reliability))) {
      return say(5, `${refuted}; ${support.length > 0 ? `support only from ${names(support)}` : "no support"}${accused}`);
    }
    if (abAsserting.length > credibleRefuting.length) {
      return say(3, `${abAsserting.length} independent A–B sources assert (${names(abAsserting)}) but it is ${refuted}${accused}`);
    }
    return say(4, `support (${names(support)}) outweighed: ${refuted}${accused}`);
  }
  if (all.every((c) => c.reliability === "F")) {
    return say(6, `only sources of unknown reliability (F): ${names(all)}${accused}`);
  }
  if (abAsserting.length >= 2) {
    if (accusedDenials > 0 && abAsserting.length === 2) {
      return say(2, `2 independent A–B sources assert (${names(abAsserting)}), but the accused party denies it (${plural(accusedDenials, "denial")}); a third A–B source would confirm`);
    }
    return say(1, `${abAsserting.length} independent A–B sources assert (${names(abAsserting)}); no credible independent refutation${accused}${refutedBy}`);
  }
  if (acAsserting.length >= 2) {
    return say(2, `${acAsserting.length} independent A–C sources assert (${names(acAsserting)}); no credible independent refutation${accused}${refutedBy}`);
  }
  if (aAsserting.length >= 1) {
    return say(2, `asserted by an A source (${names(aAsserting)}); no credible independent refutation${accused}${refutedBy}`);
  }
  if (acAsserting.length === 1) {
    return say(3, `one independent source asserts (${names(acAsserting)})${accused}${refutedBy}`);
  }
  const abHedging = hedgingOnly.filter((c) => isAB(c.reliability));
  if (abHedging.length > 0) {
    return say(3, `only hedged support from A–B sources (${names(abHedging)})${accused}${refutedBy}`);
  }
  const judged = (list: SourceCluster[]) => list.filter((c) => c.reliability !== "F");
  if (judged(all).length > 0) {
    if (judged(asserting).length > 0) return say(4, `asserted only by D–E sources (${names(judged(asserting))})${accused}${refutedBy}`);
    if (judged(hedgingOnly).length > 0) return say(4, `only hedged support from C or worse (${names(judged(hedgingOnly))})${accused}${refutedBy}`);
    const denials = `denials reported by ${names(judged(all))}${accused}`;
    if (support.length > 0) return say(4, `support only from sources of unknown reliability (${names(support)}); ${denials}`);
    return say(4, `no support; only ${denials}`);
  }
  return say(6, `only sources of unknown reliability (F): ${names(all)}${accused}`);
}

/** "Reuters (A), The Irrawaddy (B)", best first, at most four named. */
function names(clusters: SourceCluster[]): string {
  const sorted = [...clusters].sort((a, b) => reliabilityRank(a.reliability) - reliabilityRank(b.reliability) || codePointCompare(a.label, b.label));
  const shown = sorted.slice(0, 4).map((c) => `${c.label} (${c.reliability})`);
  return sorted.length > 4 ? `${shown.join(", ")} and ${sorted.length - 4} more` : shown.join(", ");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const STANCE_ORDER = { asserted: 0, hedged: 1, denied: 2 } as const;

/** The quote: asserted before hedged before denied, then the most reliable source, then the newest, then an actual transfer, then the first stored. */
function compareQuotes(a: EvidenceRow, b: EvidenceRow, docs: Map<number, { grade: DocumentGrade }>): number {
  const rel = (c: EvidenceRow) => reliabilityRank(docs.get(c.documentId)?.grade.reliability ?? "F");
  const date = (c: EvidenceRow) => c.published ?? "";
  return (
    STANCE_ORDER[a.stance] - STANCE_ORDER[b.stance] ||
    rel(a) - rel(b) ||
    (date(a) === date(b) ? 0 : date(a) < date(b) ? 1 : -1) ||
    Number(a.modality !== "actual") - Number(b.modality !== "actual") ||
    a.id - b.id
  );
}

/** Distinct items ignoring case, most often claimed first, then in stored order. */
function distinctItems(claims: readonly EvidenceRow[]): string[] {
  const items = new Map<string, { name: string; count: number; order: number }>();
  for (const c of claims) {
    for (const raw of c.items) {
      const item = raw.trim();
      if (!item) continue;
      const key = item.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
      const entry = items.get(key);
      if (entry) entry.count += 1;
      else items.set(key, { name: item, count: 1, order: items.size });
    }
  }
  return [...items.values()].sort((a, b) => b.count - a.count || a.order - b.order).slice(0, MAX_RELATION_ITEMS).map((i) => i.name);
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
