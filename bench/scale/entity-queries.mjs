// Latency of the reads behind the entity page, in the benchmark's own process, on a
// store opened the way the CLI and the server open one. Which parties are timed is
// decided once, on the first store, and found again by name on the other, so both
// backends answer for the same parties even though their ids differ.
import { register } from "tsx/esm/api";

register();

const { entityProfile } = await import("../../src/services/entity-profile.ts");
const { entityTimelinePage } = await import("../../src/services/entity-timeline.ts");
const { searchEntities } = await import("../../src/services/search-entities.ts");
const { rng } = await import("../extract/make-corpus.ts");

/** What the web app asks for: the latest 100 timeline entries, 20 search hits. */
const TIMELINE_LATEST = 100;
const SEARCH_LIMIT = 20;

/**
 * The calls timed for one party, in the order a visit makes them: the entity page
 * loads the profile and the timeline; its relations are what the profile and the
 * relations listing read; the search is how an analyst gets to the page.
 */
export const CALLS = [
  { label: "profile", what: "entityProfile (GET /api/entities/{id})", run: (store, e) => entityProfile(store, e.id) },
  {
    label: "timeline",
    what: `entityTimelinePage, latest ${TIMELINE_LATEST} (GET /api/entities/{id}/timeline)`,
    run: (store, e) => entityTimelinePage(store, { id: e.id }, { latest: TIMELINE_LATEST }),
  },
  { label: "relations", what: "store.relations({ entityIds: [id] })", run: (store, e) => store.relations({ entityIds: [e.id] }) },
  { label: "search", what: `searchEntities(name, ${SEARCH_LIMIT}) (GET /api/search)`, run: (store, e) => searchEntities(store, e.name, SEARCH_LIMIT) },
];

/**
 * `busy` parties with the most claims and `ordinary` ones drawn (with `seed`) from all
 * the others that have a claim at all: most parties have few claims, so a random draw
 * is what an ordinary page costs, while the busiest are the worst case.
 */
export async function pickEntities(store, { busy, ordinary, seed }) {
  const all = (await store.entities()).filter((e) => e.claims > 0).sort((a, b) => b.claims - a.claims || a.id - b.id);
  const top = all.slice(0, busy);
  const rest = all.slice(busy);
  const rand = rng(seed);
  const drawn = [];
  while (drawn.length < ordinary && rest.length > 0) drawn.push(rest.splice(Math.floor(rand() * rest.length), 1)[0]);
  return [...top.map((e) => ({ ...e, kind: "busy" })), ...drawn.map((e) => ({ ...e, kind: "ordinary" }))];
}

/**
 * The same parties in another store, found by name and type (the busiest when several
 * share them). Those not found there are returned apart.
 */
export async function matchEntities(store, picked) {
  const byName = new Map();
  for (const e of (await store.entities()).sort((a, b) => b.claims - a.claims)) {
    const key = `${e.type}\t${e.name}`;
    if (!byName.has(key)) byName.set(key, e);
  }
  const found = [];
  const missing = [];
  for (const p of picked) {
    const e = byName.get(`${p.type}\t${p.name}`);
    if (e) found.push({ ...e, kind: p.kind });
    else missing.push(p);
  }
  return { found, missing };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Runs every call once per party untimed (JIT, page caches, and the relation refresh
 * each service starts with), then `repeat` timed rounds. A round visits every party
 * before the next round starts, so no call is timed straight after the same call for
 * the same party. Returns milliseconds per call label and party kind.
 */
export async function timeCalls(store, entities, repeat) {
  for (const e of entities) for (const c of CALLS) await c.run(store, e);
  const ms = new Map(CALLS.map((c) => [c.label, { busy: [], ordinary: [] }]));
  for (let round = 0; round < repeat; round++) {
    for (const e of entities) {
      for (const c of CALLS) {
        const t = now();
        await c.run(store, e);
        ms.get(c.label)[e.kind].push(now() - t);
      }
    }
  }
  return ms;
}

/** The nearest-rank percentile `p` (0–100) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
