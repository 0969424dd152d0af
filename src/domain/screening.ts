/**
 * What screening a vendor list produces: for each vendor, the stored entities it may
 * be, why (feature by feature), the evidence against the ones it matches, a risk tier
 * with the rule that set it, and the decisions recorded about it. Shared by the CLI,
 * the API, the reports and the web app, so they cannot drift apart.
 */
import type { Credibility, Reliability } from "./admiralty.ts";
import type { Stance } from "./types.ts";

/** One row of a vendor list. */
export interface Vendor {
  name: string;
  /** ISO alpha-2 of the country the list gave; null when it gave none or one we do not know (never a guess). */
  country: string | null;
  website: string | null;
  /** Registry numbers, LEIs and the like, as given. */
  identifiers: string[];
  /** Where it came from in the list (1-based line or row), for messages. */
  line: number;
}

/** The features a match score is made of, each with how it moved the score. */
export const MATCH_FEATURES = [
  "name",
  "legal_form",
  "transliteration",
  "acronym",
  "brand",
  "country",
  "website",
] as const;
export type MatchFeatureName = (typeof MATCH_FEATURES)[number];

export interface MatchFeature {
  feature: MatchFeatureName;
  /** The feature's own value in [0, 1] (for country and legal form: 1 agree, 0 disagree). */
  value: number;
  /** What it added to the match's log-odds; negative weighs against the match. */
  weight: number;
  /** One line a reader can check: which names or values were compared. */
  detail: string;
}

export interface MatchedEntity {
  id: number;
  name: string;
  aliases: string[];
  country: string | null;
}

export interface VendorMatch {
  entity: MatchedEntity;
  /** In (0, 1): how likely the vendor is this entity. Never exactly 0 or 1. */
  score: number;
  /** "strong" at or above the match threshold, "possible" at or above the review threshold. */
  strength: "strong" | "possible" | "weak";
  /** The entity's name that fitted best. */
  matchedName: string;
  features: MatchFeature[];
}

/** A quote from one report, with where it comes from. */
export interface EvidenceQuote {
  claimId: number;
  documentId: number | null;
  text: string;
  stance: Stance;
  publisher: string | null;
  published: string | null;
  url: string | null;
}

/** One supplier relation of a matched entity, as graded. */
export interface VendorEvidence {
  entityId: number;
  supplier: string;
  recipient: string;
  recipientCountry: string | null;
  items: string[];
  credibility: Credibility;
  credibilityLabel: string;
  reliability: Reliability;
  /** Admiralty grade, e.g. "B2". */
  grade: string;
  independentSources: number;
  claims: number;
  /** Documents denying it, and how many denials come from the accused themselves. */
  denials: number;
  accusedDenials: number;
  firstReported: string | null;
  lastReported: string | null;
  quote: EvidenceQuote | null;
  denial: EvidenceQuote | null;
  explanation: string;
}

export const RISK_TIERS = ["high", "elevated", "low", "clear"] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/** Tiers that call for an analyst's review. */
export const FLAGGED_TIERS: ReadonlySet<RiskTier> = new Set(["high", "elevated"]);

export const DECISIONS = ["delist", "keep", "monitor"] as const;
export type Decision = (typeof DECISIONS)[number];

/** A compliance decision about a vendor, with who, when and the evidence it rested on. */
export interface VendorDecision {
  id: number;
  vendor: string;
  /** The vendor's comparison key, so later screenings of the same name find it. */
  vendorKey: string;
  country: string | null;
  decision: Decision;
  reason: string;
  author: string;
  createdAt: string;
  /** The tier and evidence when the decision was taken. */
  tier: RiskTier;
  rule: string;
  matches: Array<{ entityId: number; name: string; score: number }>;
  evidence: VendorEvidence[];
}

export interface ScreeningResult {
  vendor: Vendor;
  flagged: boolean;
  tier: RiskTier;
  /** Id and sentence of the tier rule that applied. */
  rule: { id: string; reason: string };
  /** Candidates, best first, at most five; those scoring under 0.1 are left out. */
  matches: VendorMatch[];
  /** Supplier relations of the matched entities, best graded first. */
  evidence: VendorEvidence[];
  /** Decisions recorded about this vendor, newest first. */
  decisions: VendorDecision[];
}

/** Rank of a tier for sorting: high first. */
export function tierRank(tier: RiskTier): number {
  return RISK_TIERS.indexOf(tier);
}
