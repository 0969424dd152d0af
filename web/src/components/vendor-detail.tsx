/**
 * Everything behind one screened vendor's tier: the rule that set it, every candidate
 * entity with how each feature moved its score, the graded supplier relations with
 * their best quote and denial (each linked to its sentence in the report), and the
 * decisions taken, with a form to record another.
 */
import type { EvidenceQuote, VendorEvidence } from "../../../src/domain/screening.ts";
import type { ScreeningResult, VendorDecision } from "../api.ts";
import { href } from "../router.ts";
import { DecisionForm } from "./decision-form.tsx";
import { CredibilityBadge, ReliabilityBadge, StanceTag } from "./grades.tsx";
import { MarkedQuote } from "./marked-quote.tsx";

export function VendorDetail({ result, canDecide, onDecided }: { result: ScreeningResult; canDecide: boolean; onDecided: (d: VendorDecision) => void }) {
  // The names to mark in quotes: the vendor's own and those of the entities it matched.
  const names = [result.vendor.name, ...result.matches.flatMap((m) => [m.entity.name, m.matchedName, ...m.entity.aliases])];
  return (
    <div className="vendor-detail" data-testid="vendor-detail">
      <p className="explanation">
        <code>{result.rule.id}</code>: {result.rule.reason}
      </p>

      <h3>Matches</h3>
      {result.matches.length === 0 && <p className="muted">No stored entity resembles this name.</p>}
      {result.matches.map((m) => (
        <div key={m.entity.id} className="match" data-testid="match">
          <p>
            <a href={href.entity(m.entity.id)}>{m.entity.name}</a>
            {m.entity.country ? ` (${m.entity.country})` : ""} · matched on “{m.matchedName}” · score <strong>{m.score.toFixed(3)}</strong> ·{" "}
            <span className={`strength strength-${m.strength}`}>{m.strength}</span>
          </p>
          <table className="features">
            <thead>
              <tr><th>feature</th><th>value</th><th>weight</th><th>compared</th></tr>
            </thead>
            <tbody>
              {m.features.map((f) => (
                <tr key={f.feature}>
                  <td>{f.feature.replace("_", " ")}</td>
                  <td>{f.value.toFixed(2)}</td>
                  <td className={f.weight > 0 ? "ok" : f.weight < 0 ? "error" : "muted"}>{f.weight > 0 ? "+" : ""}{f.weight.toFixed(2)}</td>
                  <td>{f.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}

      <h3>Evidence</h3>
      {result.evidence.length === 0 && <p className="muted">No stored report names a matched entity as a supplier.</p>}
      {result.evidence.map((e) => <EvidenceCard key={`${e.entityId}-${e.supplier}-${e.recipient}`} evidence={e} names={names} />)}

      <h3>Decisions</h3>
      {result.decisions.length === 0 ? (
        <p className="muted">No decision recorded about this vendor.</p>
      ) : (
        <ul className="decisions" data-testid="decisions">
          {result.decisions.map((d) => (
            <li key={d.id} data-testid="decision">
              <span className={`decision decision-${d.decision}`}>{d.decision}</span> by {d.author}, <time>{d.createdAt.replace("T", " ").slice(0, 16)}</time>: {d.reason}
              <span className="muted"> (tier {d.tier} then)</span>
            </li>
          ))}
        </ul>
      )}
      {canDecide ? (
        <DecisionForm vendor={result.vendor.name} country={result.vendor.country} onDecided={onDecided} />
      ) : (
        <p className="notice">Recording a decision needs an analyst token: paste one above.</p>
      )}
    </div>
  );
}

function EvidenceCard({ evidence: e, names }: { evidence: VendorEvidence; names: string[] }) {
  return (
    <article className="evidence" data-testid="evidence">
      <header>
        {e.supplier} → {e.recipient}
        {e.recipientCountry ? ` (${e.recipientCountry})` : ""}
        {e.items.length > 0 && <span className="items"> · {e.items.join(", ")}</span>}
      </header>
      <p>
        <CredibilityBadge value={e.credibility} /> <ReliabilityBadge value={e.reliability} /> <code>{e.grade}</code> · {e.independentSources} independent source
        {e.independentSources === 1 ? "" : "s"}, {e.claims} claim{e.claims === 1 ? "" : "s"}
        {e.denials > 0 && <>, denied in {e.denials} report{e.denials === 1 ? "" : "s"}{e.accusedDenials > 0 ? ` (${e.accusedDenials} by the accused)` : ""}</>}
        {e.firstReported && <span className="muted"> · reported {e.firstReported.slice(0, 10)}{e.lastReported && e.lastReported !== e.firstReported ? ` – ${e.lastReported.slice(0, 10)}` : ""}</span>}
      </p>
      <p className="explanation">{e.explanation}</p>
      {e.quote && <QuoteWithSource quote={e.quote} names={names} />}
      {e.denial && (
        <>
          <p className="muted">Denial:</p>
          <QuoteWithSource quote={e.denial} names={names} denial />
        </>
      )}
    </article>
  );
}

function QuoteWithSource({ quote, names, denial = false }: { quote: EvidenceQuote; names: string[]; denial?: boolean }) {
  return (
    <div className={denial ? "denial" : undefined}>
      <MarkedQuote text={quote.text} terms={names} className={denial ? "quote quote-denial" : "quote"} testId={denial ? "denial-quote" : "quote"} />
      <p className="source">
        <StanceTag stance={quote.stance} /> {quote.publisher ?? "unknown publisher"}
        {quote.published ? `, ${quote.published.slice(0, 10)}` : ""}
        {quote.documentId !== null && (
          <>
            {" · "}
            <a href={href.document(quote.documentId, quote.claimId)} data-testid="document-link">Show in the report</a>
          </>
        )}
        {quote.url && /^https?:\/\//i.test(quote.url) && (
          <>
            {" · "}
            <a href={quote.url} rel="noreferrer noopener" target="_blank">original</a>
          </>
        )}
      </p>
    </div>
  );
}
