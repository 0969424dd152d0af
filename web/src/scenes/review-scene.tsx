/** The review queue: claims nobody has checked, newest first, and entity merges and splits. */
import { useState } from "react";
import { api } from "../api.ts";
import { ClaimCard } from "../components/claim-card.tsx";
import { useLoad } from "../use-load.ts";

export function ReviewScene({ canReview }: { canReview: boolean }) {
  const queue = useLoad(() => api.queue(), "queue");
  return (
    <section>
      <h1>Review queue</h1>
      {!canReview && <p className="notice">Reviewing needs an analyst token: paste one above.</p>}
      <EntityJudgementForm enabled={canReview} />
      {queue.error && <p className="error" role="alert">{queue.error}</p>}
      {queue.data && <p className="muted">{queue.data.items.length === 50 ? "50 or more" : queue.data.items.length} claims await review.</p>}
      {queue.data?.items.map((c) => <ClaimCard key={c.id} claim={c} canReview={canReview} onReviewed={queue.reload} />)}
    </section>
  );
}

function EntityJudgementForm({ enabled }: { enabled: boolean }) {
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const judge = async (kind: "merge" | "split") => {
    try {
      await api.judge({ kind, a: a.trim(), b: b.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setMessage({ ok: true, text: `${kind === "merge" ? "Merged" : "Split"} “${a}” and “${b}”; relations regraded.` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <fieldset className="judge-form" disabled={!enabled}>
      <legend>Entities: one party or two?</legend>
      <input placeholder="entity A (name or id)" value={a} onChange={(e) => setA(e.target.value)} aria-label="entity A" />
      <input placeholder="entity B (name or id)" value={b} onChange={(e) => setB(e.target.value)} aria-label="entity B" />
      <input placeholder="reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="judgement reason" />
      <button disabled={!a.trim() || !b.trim()} onClick={() => void judge("merge")}>Merge</button>
      <button disabled={!a.trim() || !b.trim()} onClick={() => void judge("split")}>Split</button>
      {message && <p className={message.ok ? "ok" : "error"} role="status">{message.text}</p>}
    </fieldset>
  );
}
