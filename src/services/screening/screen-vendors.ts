/**
 * Screens a vendor list against the evidence graph: each vendor is matched against
 * the stored organisations (their names from every report, plus the names and
 * websites the knowledge base records for them), the supplier relations of its
 * strong and possible matches are gathered with their grades, best quotes and
 * denials, a tier rule decides whether it needs review, and the decisions recorded
 * about it are attached. Results come back in input order.
 */
import { CREDIBILITY_LABELS, type Credibility } from "../../domain/admiralty.ts";
import { nameKeys } from "../../domain/name-keys.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import { FLAGGED_TIERS, type EvidenceQuote, type ScreeningResult, type Vendor, type VendorDecision, type VendorEvidence } from "../../domain/screening.ts";
import { loadKnowledgeBase, type OrganizationRecord } from "../../pipeline/recognize/knowledge-base.ts";
import type { EntityRow, RelationRow, Store } from "../../store/store.ts";
import { riskTier } from "./risk-tier.ts";
import { VendorMatcher, type ScreenableEntity } from "./vendor-matcher.ts";

/** Entity types a vendor can be: firms, and people trading in their own name. */
const SCREENED_TYPES = new Set(["organization", "person"]);
/** Supplier relations shown per vendor, best graded first. */
const MAX_EVIDENCE = 20;

/** The key decisions about a vendor are filed under, so a later screening of the same name finds them. */
export function vendorKey(name: string): string {
  return nameKeys(name)[0] ?? normalizeName(name);
}

/** Stored organisations with what the knowledge base adds about them. */
export async function screenableEntities(store: Store): Promise<ScreenableEntity[]> {
  const kb = loadKnowledgeBase();
  const records = new Map<string, OrganizationRecord>();
  for (const o of [...kb.exhibitors, ...kb.organizations]) records.set(o.id, o);
  return (await store.entities())
    .filter((e) => SCREENED_TYPES.has(e.type))
    .map((e: EntityRow) => {
      const record = e.kb === null ? undefined : records.get(e.kb);
      const aliases = new Set(e.aliases);
      for (const a of record?.aliases ?? []) if (a !== e.name) aliases.add(a);
      return { id: e.id, name: e.name, aliases: [...aliases], country: e.country ?? record?.country ?? null, websites: record?.websites ?? [] };
    });
}

/** A matcher over the store as it is now; build it once to screen several lists. */
export async function storeMatcher(store: Store): Promise<VendorMatcher> {
  return new VendorMatcher(await screenableEntities(store));
}

export async function screenVendors(store: Store, vendors: readonly Vendor[], matcher?: VendorMatcher): Promise<ScreeningResult[]> {
  const m = matcher ?? (await storeMatcher(store));
  const bySupplier = new Map<number, RelationRow[]>();
  for (const r of await store.relations()) {
    const list = bySupplier.get(r.supplier.id);
    if (list === undefined) bySupplier.set(r.supplier.id, [r]);
    else list.push(r);
  }
  const quotes = new QuoteCache(store);
  // All decisions read once, newest first, rather than one query per vendor of a long list.
  const decided = new Map<string, VendorDecision[]>();
  for (const d of await store.decisions()) {
    const list = decided.get(d.vendorKey);
    if (list === undefined) decided.set(d.vendorKey, [d]);
    else list.push(d);
  }
  const results: ScreeningResult[] = [];
  for (const vendor of vendors) {
    const matches = m.match(vendor);
    const evidence: VendorEvidence[] = [];
    for (const match of matches) {
      if (match.strength === "weak") continue;
      for (const r of bySupplier.get(match.entity.id) ?? []) evidence.push(await toEvidence(r, match.entity.id, quotes));
    }
    evidence.sort((a, b) => a.credibility - b.credibility || b.independentSources - a.independentSources);
    const shown = evidence.slice(0, MAX_EVIDENCE);
    const { tier, rule } = riskTier({ matches, evidence: shown });
    const decisions = decided.get(vendorKey(vendor.name)) ?? [];
    results.push({ vendor, flagged: FLAGGED_TIERS.has(tier), tier, rule, matches, evidence: shown, decisions });
  }
  return results;
}

async function toEvidence(r: RelationRow, entityId: number, quotes: QuoteCache): Promise<VendorEvidence> {
  const quote = r.quote === null ? null : await quotes.byClaim(r.quote.claimId);
  const denial = r.denyingDocuments.length === 0 ? null : await quotes.denial(r.supplier.id, r.recipient.id);
  return {
    entityId,
    supplier: r.supplier.name,
    recipient: r.recipient.name,
    recipientCountry: r.recipient.country,
    items: r.items,
    credibility: r.credibility,
    credibilityLabel: CREDIBILITY_LABELS[r.credibility as Credibility],
    reliability: r.bestReliability,
    grade: `${r.bestReliability}${r.credibility}`,
    independentSources: r.independentSources,
    claims: r.claims,
    denials: r.denyingDocuments.length,
    accusedDenials: r.accusedDenials,
    firstReported: r.firstReported,
    lastReported: r.lastReported,
    quote,
    denial,
    explanation: r.explanation,
  };
}

/** Quotes looked up once each: several vendors often match one implicated firm. */
class QuoteCache {
  readonly #store: Store;
  readonly #claims = new Map<number, EvidenceQuote | null>();
  readonly #denials = new Map<string, EvidenceQuote | null>();
  constructor(store: Store) {
    this.#store = store;
  }

  async byClaim(id: number): Promise<EvidenceQuote | null> {
    if (!this.#claims.has(id)) {
      const [c] = await this.#store.claims({ id });
      this.#claims.set(id, c === undefined ? null : { claimId: c.id, documentId: c.documentId, text: c.evidence.text, stance: c.stance, publisher: c.publisher, published: c.published, url: c.url });
    }
    return this.#claims.get(id)!;
  }

  async denial(supplierId: number, recipientId: number): Promise<EvidenceQuote | null> {
    const key = `${supplierId}:${recipientId}`;
    if (!this.#denials.has(key)) {
      const [c] = await this.#store.claims({ pair: { supplierId, recipientId }, stance: "denied", order: "newest", limit: 1 });
      this.#denials.set(key, c === undefined ? null : { claimId: c.id, documentId: c.documentId, text: c.evidence.text, stance: c.stance, publisher: c.publisher, published: c.published, url: c.url });
    }
    return this.#denials.get(key)!;
  }
}
