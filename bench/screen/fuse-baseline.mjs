// The baseline screening is compared with: fuse.js, a popular fuzzy search, over the
// same screenable entities (every name and alias one record), flagging a vendor when
// its best hit is an entity that supplies with credibility 1–3 (what tier rules R1
// and R2 ask of a match). Fuse has no notion of legal forms, countries or acronyms;
// the point is to show what a plain fuzzy match gets right and wrong on the same list.
//
// Fuse's score runs from 0 (exact) to 1. Each configuration is run once with the most
// permissive threshold of the grid, and each cut-off is applied to the best hit's
// score afterwards; that gives what a run with that threshold gives, without running
// the search once per threshold.
import Fuse from "fuse.js";

export const CUTOFFS = [0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];
export const CONFIGS = [
  { ignoreLocation: false, label: "default location scoring" },
  { ignoreLocation: true, label: "ignoreLocation" },
];

/** The best hit of every vendor under one configuration: entity index and score, or null. */
export function fuseBestHits(entities, vendors, config) {
  const records = entities.flatMap((e, i) => [e.name, ...e.aliases].map((name) => ({ name, entity: i })));
  const fuse = new Fuse(records, { keys: ["name"], includeScore: true, threshold: Math.max(...CUTOFFS), ignoreLocation: config.ignoreLocation });
  return vendors.map((v) => {
    const [hit] = fuse.search(v.name, { limit: 1 });
    return hit === undefined ? null : { entity: hit.item.entity, name: hit.item.name, score: hit.score };
  });
}

/** Flags at one cut-off: the best hit is close enough and a graded supplier. */
export function fuseFlags(hits, entities, credible, cutoff) {
  return hits.map((h) => h !== null && h.score <= cutoff && credible.has(entities[h.entity].id));
}
