/**
 * One claim as a reader judges it: the quote, stance, modality, claimant, source, why the
 * extractor believed it (rule, model score, strongest features), review, and the way to its document.
 */
import type { ClaimRow } from "../api.ts";
import { href } from "../router.ts";
import { ClaimReasons } from "./claim-reasons.tsx";
import { ReviewTag, StanceTag } from "./grades.tsx";
import { Quote } from "./quote.tsx";
import { ReviewActions } from "./review-actions.tsx";

export function ClaimCard({ claim, canReview, onReviewed }: { claim: ClaimRow; canReview: boolean; onReviewed: () => void }) {
  return (
    <article className={`claim-card${claim.review?.verdict === "reject" ? " rejected" : ""}`} data-testid="claim" data-claim-id={claim.id}>
      <header>
        <a href={href.entity(claim.supplier.id)}>{claim.supplier.name}</a> → <a href={href.entity(claim.recipient.id)}>{claim.recipient.name}</a>
        {claim.items.length > 0 && <span className="items"> · {claim.items.join(", ")}</span>}
      </header>
      <Quote claim={claim} />
      <dl className="facts">
        <dt>stance</dt>
        <dd><StanceTag stance={claim.stance} /></dd>
        <dt>modality</dt>
        <dd>{claim.modality}</dd>
        <dt>claimant</dt>
        <dd>{claim.claimant ? <a href={href.entity(claim.claimant.id)}>{claim.claimant.name}</a> : "the report itself"}</dd>
        <dt>source</dt>
        <dd>
          {claim.publisher ?? "unknown publisher"}
          {claim.published ? `, ${claim.published.slice(0, 10)}` : ""}
        </dd>
        <ClaimReasons claim={claim} />
        <dt>review</dt>
        <dd><ReviewTag claim={claim} /></dd>
      </dl>
      {claim.extracted && (
        <p className="extracted">
          extracted as: {claim.extracted.supplier.name} → {claim.extracted.recipient.name}, {claim.extracted.stance}
          {claim.extracted.items.length > 0 ? `, ${claim.extracted.items.join(", ")}` : ""}
        </p>
      )}
      <p>
        <a href={href.document(claim.documentId, claim.id)} data-testid="document-link">Show in the report{claim.title ? `: ${claim.title}` : ""}</a>
        {claim.url && /^https?:\/\//i.test(claim.url) && (
          <>
            {" · "}
            <a href={claim.url} rel="noreferrer noopener" target="_blank">original</a>
          </>
        )}
      </p>
      {canReview && <ReviewActions claim={claim} onDone={onReviewed} />}
    </article>
  );
}
