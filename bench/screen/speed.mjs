// Screening speed: a list of vendor names against a large set of entities, in memory,
// and the whole screening service on a real SQLite store.
//
// The entities are arms-fair exhibitors from ../shared (name, other spellings and
// aliases, first country, websites), drawn at random; the names screened are a mix of
// exhibitors among them (as listed, or with a typo, another legal form or another
// case) and exhibitors left out of the index, which should match nothing closely.
import { rng, shuffled } from "./exhibitors.mjs";

const now = () => process.hrtime.bigint();
const seconds = (from, to = now()) => Number(to - from) / 1e9;
const mb = (bytes) => bytes / 1024 / 1024;

const LEGAL = ["Co., Ltd.", "Ltd", "Inc.", "GmbH", "JSC", "S.A.", "LLC", "Limited"];

function typo(name, random) {
  const words = name.split(" ");
  const at = words.reduce((best, w, i) => (w.length > words[best].length ? i : best), 0);
  const w = words[at];
  if (w.length < 4) return `${name} ${LEGAL[Math.floor(random() * LEGAL.length)]}`;
  const i = 1 + Math.floor(random() * (w.length - 2));
  words[at] = random() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return words.join(" ");
}

/** The entities and the names to screen, drawn with `seed`. */
export function speedInputs(exhibitors, entityCount, nameCount, seed) {
  const random = rng(seed);
  const drawn = shuffled(exhibitors, random);
  const indexed = drawn.slice(0, entityCount);
  const held = drawn.slice(entityCount);
  const entities = indexed.map((x, i) => ({ id: i + 1, name: x.name, aliases: [...new Set([...x.variants, ...x.aliases])], country: x.countries[0] ?? null, websites: x.websites }));
  const names = [];
  for (let i = 0; i < nameCount; i++) {
    const r = random();
    const at = Math.floor(random() * indexed.length);
    const x = indexed[at];
    const country = random() < 0.5 ? (x.countries[0] ?? null) : null;
    if (r < 0.4 || (r >= 0.7 && held.length === 0)) names.push({ kind: "listed", name: x.name, country, entity: at + 1 });
    else if (r < 0.7) {
      const v = random();
      const name = v < 0.4 ? typo(x.name, random) : v < 0.7 ? `${x.name} ${LEGAL[Math.floor(random() * LEGAL.length)]}` : v < 0.85 ? x.name.toUpperCase() : x.name.toLowerCase();
      names.push({ kind: "variant", name, country, entity: at + 1 });
    } else {
      const y = held[Math.floor(random() * held.length)];
      names.push({ kind: "absent", name: y.name, country: y.countries[0] ?? null, entity: null });
    }
  }
  return { entities, names };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Index build and matching times, latencies, memory and how often the right entity came first. */
export async function matcherSpeed({ exhibitors, entityCount, nameCount, seed }) {
  const { loadKnowledgeBase } = await import("../../src/pipeline/recognize/knowledge-base.ts");
  const { VendorMatcher } = await import("../../src/services/screening/vendor-matcher.ts");
  const { entities, names } = speedInputs(exhibitors, entityCount, nameCount, seed);
  const aliasCount = entities.reduce((s, e) => s + e.aliases.length, 0);
  const rssBefore = process.memoryUsage().rss;
  let t = now();
  // Word weights read the knowledge base once per process; timed on its own so the build is the index alone.
  loadKnowledgeBase();
  const kbSeconds = seconds(t);
  t = now();
  const matcher = new VendorMatcher(entities);
  const buildSeconds = seconds(t);
  let peakRss = process.memoryUsage().rss;
  const rssAfterBuild = peakRss;
  const latencies = new Float64Array(names.length);
  const outcome = { listed: { n: 0, top: 0, flagged: 0 }, variant: { n: 0, top: 0, flagged: 0 }, absent: { n: 0, top: 0, flagged: 0 } };
  const start = now();
  for (const [i, q] of names.entries()) {
    const s = now();
    const matches = matcher.match({ name: q.name, country: q.country, website: null, identifiers: [], line: i + 1 });
    latencies[i] = Number(now() - s) / 1e6;
    const o = outcome[q.kind];
    o.n += 1;
    const best = matches[0];
    if (best !== undefined && best.strength !== "weak") {
      o.flagged += 1;
      // The gazetteer lists some firms twice (spellings it did not group), so a tie for first counts.
      const own = matches.find((m) => m.entity.id === q.entity);
      if (own !== undefined && own.score === best.score) o.top += 1;
    }
    if (i % 250 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const matchSeconds = seconds(start);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    entities: entities.length,
    aliases: aliasCount,
    names: names.length,
    kbSeconds,
    buildSeconds,
    matchSeconds,
    namesPerSecond: names.length / matchSeconds,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    rssBefore: mb(rssBefore),
    rssAfterBuild: mb(rssAfterBuild),
    peakRss: mb(peakRss),
    maxRss: process.resourceUsage().maxRSS / 1024,
    outcome,
  };
}

/** `screenVendors` end to end on a stored corpus: entities read, index built, every vendor matched, evidence and decisions read. */
export async function serviceSpeed({ db, vendors }) {
  const { openSqliteStore } = await import("../../src/store/sqlite/sqlite-store.ts");
  const { screenVendors, storeMatcher } = await import("../../src/services/screening/screen-vendors.ts");
  const store = await openSqliteStore(db);
  try {
    const counts = await store.counts();
    let t = now();
    const matcher = await storeMatcher(store);
    const matcherSeconds = seconds(t);
    t = now();
    const results = await screenVendors(store, vendors, matcher);
    const screenSeconds = seconds(t);
    // As the CLI calls it: the matcher built inside, from the store as it is (the KB is already loaded by now).
    t = now();
    await screenVendors(store, vendors);
    const withBuildSeconds = seconds(t);
    return { counts, vendors: vendors.length, matcherSeconds, screenSeconds, withBuildSeconds, flagged: results.filter((r) => r.flagged).length };
  } finally {
    await store.close();
  }
}
