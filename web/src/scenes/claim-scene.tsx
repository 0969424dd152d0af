/** One claim with its review history: where the audit log links. */
import { api } from "../api.ts";
import { ClaimCard } from "../components/claim-card.tsx";
import { useLoad } from "../use-load.ts";

export function ClaimScene({ id, canReview }: { id: number; canReview: boolean }) {
  const c = useLoad(() => api.claim(id), `claim:${id}`);
  if (c.error) return <p className="error" role="alert">{c.error}</p>;
  if (!c.data) return <p className="muted">Loading…</p>;
  return (
    <section>
      <h1>Claim #{id}</h1>
      <ClaimCard claim={c.data.claim} canReview={canReview} onReviewed={c.reload} />
      <h2>Reviews</h2>
      <ol>
        {c.data.reviews.map((r) => (
          <li key={r.id} className={r.revokedAt ? "revoked" : undefined}>
            {r.createdAt.slice(0, 19).replace("T", " ")} · {r.author} · {r.verdict}
            {r.reason ? `: ${r.reason}` : ""}
            {r.revokedAt ? ` (revoked ${r.revokedAt.slice(0, 10)})` : ""}
          </li>
        ))}
      </ol>
    </section>
  );
}
