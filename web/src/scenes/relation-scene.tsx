/** One supplier → recipient relation: its grade and why, and every claim behind it with its quote. */
import { api } from "../api.ts";
import { ClaimCard } from "../components/claim-card.tsx";
import { CredibilityBadge, ReliabilityBadge } from "../components/grades.tsx";
import { href } from "../router.ts";
import { useLoad } from "../use-load.ts";

export function RelationScene({ supplierId, recipientId, canReview }: { supplierId: number; recipientId: number; canReview: boolean }) {
  const detail = useLoad(() => api.relation(supplierId, recipientId), `relation:${supplierId}>${recipientId}`);
  if (detail.error) return <p className="error" role="alert">{detail.error}</p>;
  const d = detail.data;
  if (!d) return <p className="muted">Loading…</p>;
  const r = d.relation;
  const first = d.claims[0];
  return (
    <section>
      <h1>
        {r ? <a href={href.entity(r.supplierId)}>{r.supplier.name}</a> : first?.supplier.name} → {r ? <a href={href.entity(r.recipientId)}>{r.recipient.name}</a> : first?.recipient.name}
      </h1>
      {r ? (
        <div className="grade-box" data-testid="relation-grade">
          <CredibilityBadge value={r.credibility} /> best source <ReliabilityBadge value={r.bestReliability} /> · {r.independentSources} independent sources · {r.claims} claims ·{" "}
          {r.denyingDocuments.length} denying reports
          <p className="explanation" data-testid="explanation">{r.explanation}</p>
        </div>
      ) : (
        <p className="grade-box" data-testid="relation-grade">No claim counts any more: every claim of this relation was rejected or moved.</p>
      )}
      <h2>Claims</h2>
      {d.claims.map((c) => (
        <ClaimCard key={c.id} claim={c} canReview={canReview} onReviewed={detail.reload} />
      ))}
    </section>
  );
}
