/** Admiralty grades and stances as small labelled badges; colours follow credibility (1 best … 6 unknown). */
import { CREDIBILITY_LABELS, type Credibility } from "../../../src/domain/admiralty.ts";
import type { ClaimRow } from "../api.ts";

export const CREDIBILITY_COLOURS: Record<Credibility, string> = {
  1: "#1a7f37",
  2: "#4d9a2a",
  3: "#b08800",
  4: "#d4700f",
  5: "#c0392b",
  6: "#8a8f98",
};

export function CredibilityBadge({ value }: { value: Credibility }) {
  return (
    <span className="badge" style={{ background: CREDIBILITY_COLOURS[value] }} title={`information credibility ${value}: ${CREDIBILITY_LABELS[value]}`} data-testid="credibility">
      {value} · {CREDIBILITY_LABELS[value]}
    </span>
  );
}

export function ReliabilityBadge({ value }: { value: string }) {
  return (
    <span className="badge reliability" title={`source reliability ${value} (A best, F cannot be judged)`}>
      {value}
    </span>
  );
}

export function StanceTag({ stance }: { stance: string }) {
  return <span className={`stance stance-${stance}`}>{stance}</span>;
}

export function ReviewTag({ claim }: { claim: ClaimRow }) {
  if (claim.review === null) return <span className="review review-none">not reviewed</span>;
  return (
    <span className={`review review-${claim.review.verdict}`} title={`${claim.review.author}, ${claim.review.createdAt}${claim.review.reason ? `: ${claim.review.reason}` : ""}`}>
      {claim.review.verdict === "accept" ? "accepted" : claim.review.verdict === "reject" ? "rejected" : "corrected"} by {claim.review.author}
    </span>
  );
}
