/**
 * What an analyst can say about one extracted claim: it reads the report right
 * (accept), it does not (reject: the claim no longer counts as evidence), or it does
 * once some of its fields are changed (correct: stance, supplier, recipient or items).
 */
export const CLAIM_VERDICTS = ["accept", "reject", "correct"] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export function isClaimVerdict(value: string): value is ClaimVerdict {
  return (CLAIM_VERDICTS as readonly string[]).includes(value);
}
