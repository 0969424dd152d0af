/**
 * The risk tier of a screened vendor, from the strength of its best match and the
 * grades of the matched entities' supplier relations. The rules are tried in order
 * and the first that applies sets the tier; its id and sentence go into every report,
 * so a reviewer can see why a vendor was flagged and argue with the rule, not guess.
 */
import type { Credibility } from "../../domain/admiralty.ts";
import type { RiskTier, VendorEvidence, VendorMatch } from "../../domain/screening.ts";

export interface TierInput {
  matches: readonly VendorMatch[];
  /** Supplier relations of the strong and possible matches. */
  evidence: readonly VendorEvidence[];
}

interface TierRule {
  id: string;
  tier: RiskTier;
  applies(input: TierInput): string | null;
}

const credible = (c: Credibility) => c <= 3;

const strong = (input: TierInput) => input.matches.filter((m) => m.strength === "strong");
const possible = (input: TierInput) => input.matches.filter((m) => m.strength !== "weak");
const of = (input: TierInput, matches: readonly VendorMatch[]) => {
  const ids = new Set(matches.map((m) => m.entity.id));
  return input.evidence.filter((e) => ids.has(e.entityId));
};
const describe = (e: VendorEvidence) => `${e.supplier} → ${e.recipient} graded ${e.grade}`;

/** In order: the first that applies wins. */
export const TIER_RULES: readonly TierRule[] = [
  {
    id: "R1-credible-supplier",
    tier: "high",
    applies(input) {
      const hit = of(input, strong(input)).find((e) => credible(e.credibility));
      return hit ? `strong match supplies with credibility 1-3: ${describe(hit)}` : null;
    },
  },
  {
    id: "R2-possible-credible-supplier",
    tier: "elevated",
    applies(input) {
      const hit = of(input, possible(input)).find((e) => credible(e.credibility));
      return hit ? `possible match supplies with credibility 1-3: ${describe(hit)}; confirm the identity` : null;
    },
  },
  {
    id: "R3-contested-supplier",
    tier: "elevated",
    applies(input) {
      const hit = of(input, strong(input))[0];
      return hit ? `strong match is reported as a supplier, but doubtful, denied or ungradable: ${describe(hit)}` : null;
    },
  },
  {
    id: "R4-weak-evidence",
    tier: "low",
    applies(input) {
      const hit = of(input, possible(input))[0];
      return hit ? `possible match with only doubtful or denied supplier reports: ${describe(hit)}` : null;
    },
  },
  {
    id: "R5-matched-no-supply",
    tier: "low",
    applies(input) {
      const m = possible(input)[0];
      return m ? `matches ${m.entity.name} (${m.score.toFixed(3)}), which no stored report names as a supplier` : null;
    },
  },
  {
    id: "R6-no-match",
    tier: "clear",
    applies(input) {
      const best = input.matches[0];
      return best ? `no entity matches closely enough (closest: ${best.entity.name}, ${best.score.toFixed(3)})` : "no stored entity resembles the name";
    },
  },
];

export function riskTier(input: TierInput): { tier: RiskTier; rule: { id: string; reason: string } } {
  for (const rule of TIER_RULES) {
    const reason = rule.applies(input);
    if (reason !== null) return { tier: rule.tier, rule: { id: rule.id, reason } };
  }
  // R6 always applies; kept for the type checker.
  throw new Error("no tier rule applied");
}
