/** Home and search: names in any script, spelled roughly; with no query, the best-supported relations. */
import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { CredibilityBadge } from "../components/grades.tsx";
import { href } from "../router.ts";
import { useLoad } from "../use-load.ts";

export function SearchScene({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState(initial);
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  const hits = useLoad(() => (query ? api.search(query) : Promise.resolve({ items: [] })), `search:${query}`);
  const top = useLoad(() => api.topRelations(), "top");
  return (
    <section>
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
          window.location.hash = href.search(text.trim());
        }}
      >
        <input
          autoFocus
          type="search"
          placeholder="Search a supplier, recipient or claimant: Norinco, Норинко, 北方工业…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="search names"
        />
      </form>
      {hits.error && <p className="error" role="alert">{hits.error}</p>}
      {query && hits.data && (
        <ul className="hits" data-testid="search-results">
          {hits.data.items.length === 0 && <li>No party is named like “{query}”.</li>}
          {hits.data.items.map((h) => (
            <li key={h.entity.id}>
              <a href={href.entity(h.entity.id)}>{h.entity.name}</a> <span className="muted">{h.entity.type}{h.entity.country ? `, ${h.entity.country}` : ""}</span>
              {h.entity.aliases.length > 0 && <span className="aliases"> also {h.entity.aliases.slice(0, 4).join(" · ")}</span>}
              <span className="muted"> · {h.entity.claims} claims · {h.match === "similar" ? `similar (${h.score.toFixed(2)})` : h.match}</span>
            </li>
          ))}
        </ul>
      )}
      {!query && (
        <>
          <h2>Best-supported relations</h2>
          {top.error && <p className="error" role="alert">{top.error}</p>}
          <ul className="top-relations">
            {top.data?.items.map((r) => (
              <li key={`${r.supplierId}>${r.recipientId}`}>
                <CredibilityBadge value={r.credibility} /> <a href={href.entity(r.supplierId)}>{r.supplier.name}</a> →{" "}
                <a href={href.entity(r.recipientId)}>{r.recipient.name}</a> · <a href={href.relation(r.supplierId, r.recipientId)}>{r.claims} claims, {r.independentSources} independent sources</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
