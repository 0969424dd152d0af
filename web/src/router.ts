import { useEffect, useState } from "react";

/** Hash routes (`#/entity/3`): the server serves one page, and links survive a reload. */
export interface Route {
  parts: string[];
  query: URLSearchParams;
}

function current(): Route {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const [path = "", search = ""] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const on = () => setRoute(current());
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

export const href = {
  home: () => "#/",
  search: (q: string) => `#/search?q=${encodeURIComponent(q)}`,
  entity: (id: number) => `#/entity/${id}`,
  relation: (s: number, r: number) => `#/relation/${s}/${r}`,
  document: (id: number, claim?: number) => `#/document/${id}${claim === undefined ? "" : `?claim=${claim}`}`,
  review: () => "#/review",
  audit: () => "#/audit",
  ingest: () => "#/ingest",
  screening: () => "#/screening",
  inbox: () => "#/inbox",
};
