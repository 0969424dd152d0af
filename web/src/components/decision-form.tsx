/** Records a compliance decision about a vendor (delist, keep or monitor, with the reason kept beside it). */
import { useState } from "react";
import { api, type Decision, type VendorDecision } from "../api.ts";

const CHOICES: ReadonlyArray<{ value: Decision; label: string }> = [
  { value: "monitor", label: "monitor (watch for new claims)" },
  { value: "delist", label: "delist" },
  { value: "keep", label: "keep" },
];

export function DecisionForm({ vendor, country, onDecided }: { vendor: string; country: string | null; onDecided: (d: VendorDecision) => void }) {
  const [decision, setDecision] = useState<Decision>("monitor");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await api.decide({ vendor, country, decision, reason: reason.trim() });
      setReason("");
      onDecided(outcome.decision);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="decision-form"
      data-testid="decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        decision{" "}
        <select value={decision} onChange={(e) => setDecision(e.target.value as Decision)} aria-label="decision">
          {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </label>
      <input className="reason" placeholder="reason (required, kept with the decision)" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="decision reason" />
      <button type="submit" disabled={busy || reason.trim() === ""}>Record decision</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
