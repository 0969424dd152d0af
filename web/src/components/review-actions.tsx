/** Accept, reject or correct one claim; `onDone` reloads whatever shows the claim and its grade. */
import { useState } from "react";
import { api, type ClaimRow, type ReviewRequest } from "../api.ts";

export function ReviewActions({ claim, onDone }: { claim: ClaimRow; onDone: () => void }) {
  const [mode, setMode] = useState<"idle" | "correct">("idle");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [stance, setStance] = useState(claim.stance);
  const [supplier, setSupplier] = useState("");
  const [recipient, setRecipient] = useState("");
  const [items, setItems] = useState(claim.items.join(", "));

  const send = async (body: ReviewRequest) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.review(claim.id, { ...body, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setMode("idle");
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const correct = () => {
    const body: ReviewRequest = { verdict: "correct" };
    if (stance !== claim.stance) body.stance = stance;
    if (supplier.trim()) body.supplier = supplier.trim();
    if (recipient.trim()) body.recipient = recipient.trim();
    const list = items.split(",").map((i) => i.trim()).filter(Boolean);
    if (list.join("|") !== claim.items.join("|")) body.items = list;
    void send(body);
  };
  return (
    <div className="review-actions" data-testid={`review-${claim.id}`}>
      <input className="reason" placeholder="reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="reason" />
      <button disabled={busy} onClick={() => void send({ verdict: "accept" })}>Accept</button>
      <button disabled={busy} className="danger" onClick={() => void send({ verdict: "reject" })}>Reject</button>
      <button disabled={busy} onClick={() => setMode(mode === "correct" ? "idle" : "correct")}>Correct…</button>
      {mode === "correct" && (
        <div className="correct-form">
          <label>
            stance{" "}
            <select value={stance} onChange={(e) => setStance(e.target.value as ClaimRow["stance"])}>
              <option>asserted</option>
              <option>hedged</option>
              <option>denied</option>
            </select>
          </label>
          <label>
            supplier <input placeholder={claim.supplier.name} value={supplier} onChange={(e) => setSupplier(e.target.value)} />
          </label>
          <label>
            recipient <input placeholder={claim.recipient.name} value={recipient} onChange={(e) => setRecipient(e.target.value)} />
          </label>
          <label>
            items <input value={items} onChange={(e) => setItems(e.target.value)} />
          </label>
          <button disabled={busy} onClick={correct}>Save correction</button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
