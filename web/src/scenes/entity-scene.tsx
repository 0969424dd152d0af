/** A party: profile, its suppliers and recipients drawn and tabled with their grades, and the timeline of reports. */
import { api, type RelationRow } from "../api.ts";
import { CredibilityBadge, ReliabilityBadge, StanceTag } from "../components/grades.tsx";
import { NetworkGraph } from "../components/network-graph.tsx";
import { href } from "../router.ts";
import { useLoad } from "../use-load.ts";

export function EntityScene({ id }: { id: number }) {
  const profile = useLoad(() => api.entity(id), `entity:${id}`);
  const timeline = useLoad(() => api.timeline(id), `timeline:${id}`);
  if (profile.error) return <p className="error" role="alert">{profile.error}</p>;
  const p = profile.data;
  if (!p) return <p className="muted">Loading…</p>;
  const rows: Array<{ dir: "supplies" | "receives from"; other: RelationRow["supplier"]; r: RelationRow }> = [
    ...p.suppliesTo.map((r) => ({ dir: "supplies" as const, other: r.recipient, r })),
    ...p.receivesFrom.map((r) => ({ dir: "receives from" as const, other: r.supplier, r })),
  ];
  return (
    <section>
      <h1 data-testid="entity-name">{p.entity.name}</h1>
      <p className="profile">
        {p.entity.type.replace("_", " ")}
        {p.entity.country ? ` · ${p.entity.country}` : ""} · {p.entity.claims} claims in {p.entity.documents} reports
        {p.entity.kb ? <> · knowledge base <code>{p.entity.kb}</code></> : null}
      </p>
      {p.entity.aliases.length > 0 && <p className="aliases">Also named: {p.entity.aliases.join(" · ")}</p>}
      {p.items.length > 0 && <p>Items: {p.items.join(", ")}</p>}
      <NetworkGraph name={p.entity.name} suppliers={p.receivesFrom} recipients={p.suppliesTo} />
      <p className="legend muted">Edges: colour = credibility (green confirmed … grey cannot be judged); width = independent sources; dashed = denied somewhere.</p>
      <h2>Relations</h2>
      <table className="relations" data-testid="relations-table">
        <thead>
          <tr>
            <th></th><th>party</th><th>credibility</th><th>best source</th><th>independent sources</th><th>claims</th><th>denials</th><th>items</th><th>reported</th><th></th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ dir, other, r }) => (
            <tr key={`${r.supplierId}>${r.recipientId}`}>
              <td>{dir}</td>
              <td><a href={href.entity(other.id)}>{other.name}</a></td>
              <td><CredibilityBadge value={r.credibility} /></td>
              <td><ReliabilityBadge value={r.bestReliability} /></td>
              <td>{r.independentSources}</td>
              <td>{r.claims}</td>
              <td>{r.denyingDocuments.length}</td>
              <td>{r.items.slice(0, 4).join(", ")}</td>
              <td>{r.firstReported ?? "?"}{r.lastReported && r.lastReported !== r.firstReported ? ` – ${r.lastReported}` : ""}</td>
              <td><a href={href.relation(r.supplierId, r.recipientId)} data-testid="relation-link">evidence</a></td>
            </tr>
          ))}
          {rows.length === 0 && <tr><td colSpan={10}>No supplier → recipient relation involves this party.</td></tr>}
        </tbody>
      </table>
      <h2>Timeline of reports</h2>
      {timeline.error && <p className="error" role="alert">{timeline.error}</p>}
      {timeline.data && timeline.data.total > timeline.data.items.length && (
        <p className="muted">The latest {timeline.data.items.length} of {timeline.data.total} claims.</p>
      )}
      <ol className="timeline" data-testid="timeline">
        {timeline.data?.items.map((t) => (
          <li key={t.claimId}>
            <time>{t.date ?? "undated"}</time> <a href={href.relation(t.supplierId, t.recipientId)}>{t.supplier} → {t.recipient}</a> <StanceTag stance={t.stance} />{" "}
            <span className="muted">{t.source} <ReliabilityBadge value={t.reliability} />{t.claimant ? `, says ${t.claimant}` : ""}</span>
            <div className="snippet">
              “{t.quote}” <a href={href.document(t.documentId, t.claimId)}>report</a>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
