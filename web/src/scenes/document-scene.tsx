/** One report: metadata and its text with every mention and claim marked; `?claim=` scrolls to one claim. */
import { api } from "../api.ts";
import { HighlightedText } from "../components/highlighted-text.tsx";
import { StanceTag } from "../components/grades.tsx";
import { href } from "../router.ts";
import { useLoad } from "../use-load.ts";

export function DocumentScene({ id, focusClaim }: { id: number; focusClaim: number | undefined }) {
  const doc = useLoad(() => api.document(id), `document:${id}`);
  if (doc.error) return <p className="error" role="alert">{doc.error}</p>;
  const d = doc.data;
  if (!d) return <p className="muted">Loading…</p>;
  return (
    <section className="document">
      <h1 data-testid="document-title">{d.title ?? d.reportId}</h1>
      <p className="muted">
        {d.publisher ?? "unknown publisher"}
        {d.published ? ` · ${d.published.slice(0, 10)}` : ""}
        {d.originSource ? ` · citing ${d.originSource}` : ""} · stored {d.ingestedAt.slice(0, 10)} · {d.mentions.length} mentions · {d.claims.length} claims
        {d.url && /^https?:\/\//i.test(d.url) ? <> · <a href={d.url} rel="noreferrer noopener" target="_blank">original</a></> : null}
      </p>
      <div className="document-layout">
        <HighlightedText doc={d} focusClaim={focusClaim} />
        <aside>
          <h2>Claims in this report</h2>
          <ol>
            {d.claims.map((c) => (
              <li key={c.id} className={c.id === focusClaim ? "focused" : undefined}>
                <a href={href.document(d.id, c.id)}>#{c.id}</a> <a href={href.relation(c.supplier.id, c.recipient.id)}>{c.supplier.name} → {c.recipient.name}</a> <StanceTag stance={c.stance} />
                {c.review?.verdict === "reject" && <span className="review review-reject"> rejected</span>}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </section>
  );
}
