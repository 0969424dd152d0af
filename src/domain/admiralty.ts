/**
 * The Admiralty (NATO) grading system as data. A grade has two independent halves:
 * the reliability of a *source* (A–F, a property of the publisher or body, judged
 * from its record) and the credibility of a piece of *information* (1–6, judged from
 * how well it is corroborated). Keeping them apart is the point of the system: a
 * reliable source can pass on a doubtful claim, and an unknown one a confirmed fact.
 */

export const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;
/** A completely reliable … E unreliable, F reliability cannot be judged. */
export type Reliability = (typeof RELIABILITIES)[number];

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
};

export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
/** 1 confirmed … 5 improbable, 6 truth cannot be judged. */
export type Credibility = (typeof CREDIBILITIES)[number];

export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: "confirmed",
  2: "probably true",
  3: "possibly true",
  4: "doubtful",
  5: "improbable",
  6: "cannot be judged",
};

/** What kind of body a source is; it explains a grade, it does not set it. */
export const SOURCE_KINDS = [
  "wire",
  "newspaper",
  "government",
  "ngo",
  "state_affiliated_media",
  "party_to_conflict",
  "research",
  "other",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A publisher or body with its grade and the one-line reason for it. */
export interface Source {
  name: string;
  aliases: string[];
  reliability: Reliability;
  kind: SourceKind;
  reason: string;
  url: string | null;
}

/** Ranks reliabilities so that a smaller number is better: A → 0 … F → 5. */
export function reliabilityRank(r: Reliability): number {
  return RELIABILITIES.indexOf(r);
}

/** The better (more reliable) of two grades. */
export function betterReliability(a: Reliability, b: Reliability): Reliability {
  return reliabilityRank(a) <= reliabilityRank(b) ? a : b;
}
