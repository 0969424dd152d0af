/**
 * Vendor screening: a list (a CSV, XLSX or JSON Lines file, or pasted CSV) screened
 * against the evidence graph, riskiest first; a row opens to show why, and takes a
 * decision. The same list can be saved as the HTML or PDF report to file.
 */
import { Fragment, useState } from "react";
import { RISK_TIERS, tierRank, type RiskTier } from "../../../src/domain/screening.ts";
import { api, vendorListUpload, type Screening, type ScreeningResult, type VendorDecision, type VendorListUpload } from "../api.ts";
import { VendorDetail } from "../components/vendor-detail.tsx";

export function ScreeningScene({ signedIn }: { signedIn: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [list, setList] = useState<VendorListUpload>();
  const [screening, setScreening] = useState<Screening>();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (upload: VendorListUpload) => {
    setBusy(true);
    setError(undefined);
    setScreening(undefined); // never show an earlier list's results as this one's
    setOpen(new Set());
    try {
      setScreening(await api.screen(upload));
      setList(upload);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const download = async (format: "html" | "pdf") => {
    if (!list) return;
    setError(undefined);
    try {
      const { blob, name } = await api.screeningReport(list, format);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name ?? `screening.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      // Give the browser time to start the download before the blob goes away.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const toggle = (line: number) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(line)) next.add(line);
      return next;
    });
  const decided = (line: number, d: VendorDecision) =>
    setScreening((s) => s && { ...s, results: s.results.map((r) => (r.vendor.line === line ? { ...r, decisions: [d, ...r.decisions] } : r)) });

  // Riskiest first; within a tier the list's own order, so a row is easy to find in the file.
  const rows = screening ? [...screening.results].sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || a.vendor.line - b.vendor.line) : [];
  const counts = new Map<RiskTier, number>(RISK_TIERS.map((t) => [t, rows.filter((r) => r.tier === t).length]));
  return (
    <section>
      <h1>Vendor screening</h1>
      {!signedIn && <p className="notice">Screening needs a token (vendor lists are confidential): paste one above.</p>}
      <p className="muted">
        A list with a header row naming a <code>name</code> column, and optionally <code>country</code>, <code>website</code> and <code>identifiers</code>. Nothing is stored by screening.
      </p>
      <fieldset disabled={!signedIn || busy}>
        <legend>Upload a vendor list (.csv, .xlsx, .jsonl)</legend>
        <input type="file" accept=".csv,.tsv,.txt,.xlsx,.jsonl,.ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-label="vendor list file" />
        <button disabled={!file} onClick={() => file && void run(vendorListUpload(file, file.name))}>Screen file</button>
      </fieldset>
      <fieldset disabled={!signedIn || busy}>
        <legend>Or paste CSV</legend>
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} aria-label="vendor list CSV" placeholder={"name,country\nExample Trading Ltd,HK"} />
        <div className="row">
          <button disabled={!text.trim()} onClick={() => void run(vendorListUpload(text, "pasted.csv"))}>Screen pasted list</button>
        </div>
      </fieldset>
      {busy && <p className="muted">Screening…</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {screening && list && (
        <>
          <div className="row screening-summary">
            <span data-testid="screening-summary">
              {list.name}: {rows.length} vendor{rows.length === 1 ? "" : "s"}, {rows.filter((r) => r.flagged).length} flagged ·{" "}
              {RISK_TIERS.map((t) => `${counts.get(t) ?? 0} ${t}`).join(", ")}
            </span>
            <button onClick={() => void download("html")}>Download HTML report</button>
            <button onClick={() => void download("pdf")}>Download PDF report</button>
          </div>
          {screening.warnings.length > 0 && (
            <ul className="warnings" data-testid="screening-warnings">
              {screening.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          )}
          <table className="screening" data-testid="screening-results">
            <thead>
              <tr><th aria-label="flagged" /><th>line</th><th>vendor</th><th>tier</th><th>rule</th><th>best match</th><th>decision</th></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Fragment key={r.vendor.line}>
                  <ResultRow result={r} open={open.has(r.vendor.line)} onToggle={() => toggle(r.vendor.line)} />
                  {open.has(r.vendor.line) && (
                    <tr className="screening-detail">
                      <td colSpan={7}>
                        <VendorDetail result={r} canDecide={signedIn} onDecided={(d) => decided(r.vendor.line, d)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function ResultRow({ result: r, open, onToggle }: { result: ScreeningResult; open: boolean; onToggle: () => void }) {
  const best = r.matches[0];
  const latest = r.decisions[0];
  return (
    <tr className={`screening-row tier-row-${r.tier}${open ? " open" : ""}`} data-testid="screening-row" data-tier={r.tier} data-flagged={String(r.flagged)} onClick={onToggle}>
      <td>{r.flagged ? <span className="flag" title="needs review" data-testid="flagged">⚑</span> : ""}</td>
      <td>{r.vendor.line}</td>
      <td>
        <button type="button" className="disclosure" aria-expanded={open} onClick={(e) => { e.stopPropagation(); onToggle(); }}>
          {open ? "▾" : "▸"}
        </button>{" "}
        <span data-testid="vendor-name">{r.vendor.name}</span>
        {r.vendor.country && <span className="muted"> ({r.vendor.country})</span>}
      </td>
      <td><span className={`tier tier-${r.tier}`} data-testid="tier">{r.tier}</span></td>
      <td><code>{r.rule.id}</code></td>
      <td>{best ? <>{best.entity.name} <span className="muted">{best.score.toFixed(3)} · {best.strength}</span></> : <span className="muted">none</span>}</td>
      <td data-testid="latest-decision">
        {latest ? <span className={`decision decision-${latest.decision}`} title={`${latest.author}: ${latest.reason}`}>{latest.decision}</span> : ""}
      </td>
    </tr>
  );
}
