/**
 * Finds parties by a name typed in any script and spelled roughly: first entities one
 * of whose names shares a comparison key with the query (so "Норинко" and "norinko"
 * find Norinco through transliteration and spelling folding), then those whose names
 * contain the query's words, then, to forgive typos the keys do not fold, names whose
 * letter trigrams are similar enough to the query's.
 */
import { UsageError } from "../domain/errors.ts";
import { nameKeys } from "../domain/name-keys.ts";
import type { EntityRow, Store } from "../store/store.ts";

/** Why a result was found, best first. */
export type SearchMatch = "name" | "words" | "similar";

export interface SearchHit {
  entity: EntityRow;
  match: SearchMatch;
  /** 1 for a name or words match; the trigram similarity (0–1) otherwise. */
  score: number;
}

/** Below this Jaccard similarity of trigram sets two names are taken as unrelated. */
const MIN_SIMILARITY = 0.3;
/** Candidates scored per query: far more than a results page, few enough to score at once. */
const MAX_CANDIDATES = 500;

export async function searchEntities(store: Store, query: string, limit = 20): Promise<SearchHit[]> {
  const q = query.trim();
  if (q === "") throw new UsageError("q must not be empty");
  const hits: SearchHit[] = [];
  const seen = new Set<number>();
  const add = (rows: readonly EntityRow[], match: SearchMatch, score: number) => {
    for (const entity of rows) {
      if (seen.has(entity.id)) continue;
      seen.add(entity.id);
      hits.push({ entity, match, score });
    }
  };
  add(await store.entities({ named: q }), "name", 1);
  add(await store.entities({ name: q }), "words", 1);
  if (hits.length < limit) {
    // The store's trigram index finds the candidates; they are scored here, the same way on every backend.
    const wanted = queryTrigrams(q);
    const candidates = wanted.size > 0 ? await store.nameCandidates(nameKeys(q), MAX_CANDIDATES) : [];
    if (candidates.length > 0) {
      // Scored on names alone; then only the candidates that can make the page are read
      // with their counts (the best, and any tied with the last of them, since claims
      // break ties), because counting is the costly part.
      const ranked = (await store.entities({ ids: candidates, counts: false }))
        .filter((e) => !seen.has(e.id))
        .map((entity) => ({ id: entity.id, score: Math.max(...[entity.name, ...entity.aliases].map((n) => nameScore(wanted, queryTrigrams(n), q))) }))
        .filter((x) => x.score >= MIN_SIMILARITY)
        .sort((a, b) => b.score - a.score);
      const room = limit - hits.length;
      const cut = ranked[room - 1]?.score;
      const scored = cut === undefined ? ranked : ranked.filter((x, i) => i < room || x.score === cut);
      const scores = new Map(scored.map((x) => [x.id, x.score]));
      const similar = (scores.size > 0 ? await store.entities({ ids: [...scores.keys()] }) : [])
        .map((entity) => ({ entity, score: scores.get(entity.id) ?? 0 }))
        .sort((a, b) => b.score - a.score || b.entity.claims - a.entity.claims);
      for (const x of similar) add([x.entity], "similar", Math.round(x.score * 1000) / 1000);
    }
  }
  return hits.slice(0, limit);
}

/** Trigrams of the name's comparison keys (Latin letters for every script), padded so short words count. */
function queryTrigrams(name: string): Set<string> {
  const grams = new Set<string>();
  for (const key of nameKeys(name)) {
    for (const word of key.split(" ")) {
      const padded = `  ${word} `;
      for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
    }
  }
  return grams;
}

/**
 * How well a query fits a name: trigram similarity, or, for a query of four letters or
 * more, how much of it the name contains (so "rosoboron" finds Rosoboronexport while a
 * name typed out in full still ranks above it). Never 1: that is kept for exact names.
 */
function nameScore(query: ReadonlySet<string>, name: ReadonlySet<string>, text: string): number {
  const jaccard = similarity(query, name);
  if (text.replace(/\s+/g, "").length < 4) return jaccard;
  let inside = 0;
  for (const g of query) if (name.has(g)) inside += 1;
  return Math.max(jaccard, 0.8 * (inside / query.size));
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  return shared / (a.size + b.size - shared);
}
