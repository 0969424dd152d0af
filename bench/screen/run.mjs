#!/usr/bin/env node
// Vendor screening benchmark. Prints figures, never pass/fail.
//
// 1. Quality: a labelled list (make-list.mjs) screened by `screenVendors` against a
//    store of the samples plus synthetic reports about some sixty firms (corpus.mjs),
//    and by a fuse.js baseline over the same entities; precision, recall and F1 of
//    "flagged", per kind of name, and the misses and false alarms to check them by.
// 2. Speed: 10,000 names against 100,000 exhibitors in memory (speed.mjs), then
//    `screenVendors` end to end on the samples' SQLite store.
//
//   npm run bench:screen [-- --entities N] [-- --names N] [-- --seed S] [-- --only quality|speed]
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";
import { buildStores, kbFirms, SCREEN_OUT } from "./corpus.mjs";
import { readExhibitors, rng, shuffled } from "./exhibitors.mjs";
import { CONFIGS, CUTOFFS, fuseBestHits, fuseFlags } from "./fuse-baseline.mjs";
import { makeList, NEGATIVE_KINDS, POSITIVE_KINDS } from "./make-list.mjs";
import { matcherSpeed, serviceSpeed } from "./speed.mjs";

register();

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NAME = "bench:screen";
const SHOWN = 15;

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { entities: { type: "string" }, names: { type: "string" }, seed: { type: "string" }, only: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${NAME}: ${e.message}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(
      `Usage: npm run ${NAME} -- [--entities N (default 100000)] [--names N (default 10000)] [--seed S (default 1)] [--only quality|speed]\n` +
        "Stores, the labelled list and per-name results are written to bench/out/screen/.",
    );
    process.exit(0);
  }
  const whole = (v, d, what, min = 1) => {
    const n = Number(v ?? d);
    if (!Number.isInteger(n) || n < min) {
      console.error(`${NAME}: --${what} must be a whole number of at least ${min} (got ${v})`);
      process.exit(2);
    }
    return n;
  };
  if (values.only !== undefined && values.only !== "quality" && values.only !== "speed") {
    console.error(`${NAME}: --only is quality or speed (got ${values.only})`);
    process.exit(2);
  }
  return { entities: whole(values.entities, 100000, "entities"), names: whole(values.names, 10000, "names"), seed: whole(values.seed, 1, "seed", 0), only: values.only };
}

const fmt = (n, digits = 2) => n.toFixed(digits);
const num = (n) => n.toLocaleString("en-US");
const pct = (a, b) => (b === 0 ? "   -" : `${fmt((100 * a) / b, 0)}%`.padStart(4));
const vendorOf = (row) => ({ name: row.name, country: row.country, website: null, identifiers: [], line: row.line });

/** Precision, recall and F1 of `flags` against the list's labels. */
function scores(list, flags) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  list.forEach((row, i) => {
    if (row.expected) flags[i] ? tp++ : fn++;
    else flags[i] ? fp++ : tn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** The features that moved a match, as "name +9.50, country +1.00". */
const moved = (m) => m.features.filter((f) => f.weight !== 0).map((f) => `${f.feature} ${f.weight > 0 ? "+" : ""}${fmt(f.weight)}`).join(", ");
const detailOf = (m) => m.features.filter((f) => f.weight !== 0 && (f.feature === "name" || f.feature === "transliteration" || f.feature === "brand" || f.feature === "acronym")).map((f) => f.detail).join("; ");

async function quality(seed) {
  const { openSqliteStore } = await import("../../src/store/sqlite/sqlite-store.ts");
  const { screenVendors, screenableEntities } = await import("../../src/services/screening/screen-vendors.ts");
  const { VendorMatcher } = await import("../../src/services/screening/vendor-matcher.ts");

  let t = performance.now();
  const built = buildStores(seed);
  console.log(`stores: built through \`armstrace ingest\` in ${fmt((performance.now() - t) / 1000, 1)} s, in ${path.relative(ROOT, SCREEN_OUT)}/`);
  console.log(`  samples.db: data/samples: ${built.ingested.samples.replace(/^ingested /, "")}`);
  console.log(`  quality.db: data/samples + ${built.reports.length} synthetic reports about ${built.firms.length} KB firms: ${built.ingested.quality.replace(/^ingested /, "")}`);

  const store = await openSqliteStore(built.qualityDb);
  let results, entities, credible, list, implicated, matcher;
  try {
    const stored = await store.entities();
    const relations = await store.relations();
    const made = makeList({ entities: stored, relations, kbFirms: kbFirms(), exhibitors: readExhibitors(), seed });
    ({ list, implicated } = made);
    credible = made.credibleSuppliers;
    const reported = new Set(built.firms.map((f) => f.id));
    const graded = new Set(implicated.map((f) => f.id));
    const lost = built.firms.filter((f) => !graded.has(f.id));
    console.log(
      `  suppliers graded 1-3: ${credible.size} stored entities, ${implicated.length} of them KB firms (${implicated.filter((f) => reported.has(f.id)).length} of the ${built.firms.length} reported, ` +
        `${implicated.filter((f) => !reported.has(f.id)).length} from the samples)` +
        (lost.length > 0 ? `; not graded suppliers, so left out: ${lost.map((f) => f.name).join(", ")}` : ""),
    );
    const unlinked = implicated.filter((f) => !stored.some((e) => e.kb === f.id));
    if (unlinked.length > 0) console.log(`  stored without their KB link (so screened without the KB's aliases): ${unlinked.map((f) => f.name).join(", ")}`);
    mkdirSync(SCREEN_OUT, { recursive: true });
    writeFileSync(path.join(SCREEN_OUT, "list.jsonl"), list.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const positives = list.filter((r) => r.expected).length;
    console.log(`list:   ${num(list.length)} names, ${num(positives)} to flag and ${num(list.length - positives)} not, written to ${path.relative(ROOT, SCREEN_OUT)}/list.jsonl`);

    entities = await screenableEntities(store);
    matcher = new VendorMatcher(entities);
    t = performance.now();
    results = await screenVendors(store, list.map(vendorOf), matcher);
    console.log(`armstrace: screenVendors over ${num(entities.length)} screenable entities, ${fmt((performance.now() - t) / 1000, 2)} s`);
  } finally {
    await store.close();
  }
  const ours = results.map((r) => r.flagged);

  // fuse.js: every configuration and cut-off of the grid, the best F1 kept.
  t = performance.now();
  let best = null;
  const grid = [];
  for (const config of CONFIGS) {
    const hits = fuseBestHits(entities, list, config);
    for (const cutoff of CUTOFFS) {
      const s = scores(list, fuseFlags(hits, entities, credible, cutoff));
      grid.push({ config, cutoff, s });
      if (best === null || s.f1 > best.s.f1) best = { config, cutoff, s, hits };
    }
  }
  const theirs = fuseFlags(best.hits, entities, credible, best.cutoff);
  console.log(
    `fuse.js: ${CONFIGS.length} configurations x ${CUTOFFS.length} cut-offs in ${fmt((performance.now() - t) / 1000, 1)} s; best F1 with ${best.config.label}, score <= ${best.cutoff} ` +
      `(tuned on this same list, which favours fuse.js)`,
  );
  for (const config of CONFIGS) {
    console.log(`  F1 by cut-off, ${config.label}: ` + grid.filter((g) => g.config === config).map((g) => `${g.cutoff}: ${fmt(g.s.f1, 3)}`).join("  "));
  }

  const a = scores(list, ours);
  const b = scores(list, theirs);
  console.log("");
  console.log(`${"".padEnd(34)}${"precision".padStart(10)}${"recall".padStart(8)}${"F1".padStart(7)}${"TP".padStart(6)}${"FP".padStart(6)}${"FN".padStart(6)}${"TN".padStart(6)}`);
  for (const [label, s] of [["armstrace (screenVendors)", a], [`fuse.js (${best.config.label}, <= ${best.cutoff})`, b]]) {
    console.log(`${label.padEnd(34)}${fmt(s.precision, 3).padStart(10)}${fmt(s.recall, 3).padStart(8)}${fmt(s.f1, 3).padStart(7)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}${String(s.tn).padStart(6)}`);
  }

  // Per kind: recall for kinds to flag, false-alarm rate for the others.
  console.log("");
  console.log(`${"kind".padEnd(22)}${"names".padStart(6)}  ${"flag?".padEnd(6)}${"armstrace flagged".padStart(20)}${"fuse.js flagged".padStart(18)}`);
  for (const kind of [...POSITIVE_KINDS, ...NEGATIVE_KINDS]) {
    const at = list.map((r, i) => (r.kind === kind ? i : -1)).filter((i) => i >= 0);
    if (at.length === 0) continue;
    const expected = list[at[0]].expected;
    const x = at.filter((i) => ours[i]).length;
    const y = at.filter((i) => theirs[i]).length;
    console.log(`${kind.padEnd(22)}${String(at.length).padStart(6)}  ${(expected ? "yes" : "no").padEnd(6)}${`${x} ${pct(x, at.length)}`.padStart(20)}${`${y} ${pct(y, at.length)}`.padStart(18)}`);
    if (kind === POSITIVE_KINDS.at(-1)) console.log("");
  }
  console.log("(for kinds to flag the share flagged is the recall; for the others it is the false-alarm rate)");

  // Right for the right reason: a flagged positive should be flagged through its own firm.
  const wrongEntity = results.filter((r, i) => {
    const row = list[i];
    if (!row.expected || !r.flagged) return false;
    const via = r.evidence.filter((e) => e.credibility <= 3).map((e) => e.entityId);
    return !via.some((id) => row.entityIds.includes(id));
  });
  const byRule = {};
  for (const r of results) if (r.flagged) byRule[r.rule.id] = (byRule[r.rule.id] ?? 0) + 1;
  console.log(`armstrace flags by rule: ${Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(", ")}; positives flagged through another firm than their own: ${wrongEntity.length}`);

  // The misses and false alarms, with the match that decided.
  const misses = list.map((row, i) => [row, results[i]]).filter(([row, r]) => row.expected && !r.flagged);
  const alarms = list.map((row, i) => [row, results[i]]).filter(([row, r]) => !row.expected && r.flagged);
  const where = (row) => `${JSON.stringify(row.name)}${row.country ? ` (${row.country})` : ""} [${row.kind}]`;
  console.log(`\narmstrace misses: ${misses.length} (first ${Math.min(SHOWN, misses.length)})`);
  for (const [row] of misses.slice(0, SHOWN)) {
    const all = matcher.match(vendorOf(row), 50);
    const own = all.find((m) => row.entityIds.includes(m.entity.id));
    console.log(
      `  ${where(row)} → expected ${row.entity}: ` +
        (own === undefined ? `no score of 0.1 or more (nothing lower is reported)${all[0] ? `; best: ${all[0].entity.name} ${fmt(all[0].score, 3)}` : ""}` : `${fmt(own.score, 3)} ${own.strength} via "${own.matchedName}"; ${moved(own)}; ${detailOf(own)}`),
    );
  }
  console.log(`\narmstrace false alarms: ${alarms.length} (first ${Math.min(SHOWN, alarms.length)})`);
  for (const [row, r] of alarms.slice(0, SHOWN)) {
    const m = r.matches[0];
    console.log(`  ${where(row)}${row.note ? ` (${row.note})` : ""} → ${m.entity.name} ${fmt(m.score, 3)} ${m.strength} via "${m.matchedName}", ${r.rule.id}; ${moved(m)}; ${detailOf(m)}`);
  }

  writeFileSync(
    path.join(SCREEN_OUT, "results.jsonl"),
    list
      .map((row, i) => {
        const m = results[i].matches[0];
        const h = best.hits[i];
        return JSON.stringify({
          ...row,
          armstrace: { flagged: ours[i], rule: results[i].rule.id, match: m ? { entity: m.entity.name, score: m.score, strength: m.strength, via: m.matchedName } : null },
          fuse: { flagged: theirs[i], hit: h ? { entity: entities[h.entity].name, via: h.name, score: h.score } : null },
        });
      })
      .join("\n") + "\n",
  );
  console.log(`\nevery name with both verdicts: ${path.relative(ROOT, SCREEN_OUT)}/results.jsonl`);
  return { list, samplesDb: built.samplesDb };
}

async function speed(opts, list, samplesDb) {
  const exhibitors = readExhibitors();
  const entityCount = Math.min(opts.entities, exhibitors.length);
  console.log(`\nspeed: ${num(opts.names)} names against ${num(entityCount)} exhibitors from ${path.relative(ROOT, path.resolve(ROOT, "..", "shared", "data", "arms-fair-exhibitors", "exhibitors.csv"))} (seed ${opts.seed}), in memory`);
  const s = await matcherSpeed({ exhibitors, entityCount, nameCount: opts.names, seed: opts.seed });
  console.log(`  entities:      ${num(s.entities)} (${num(s.entities + s.aliases)} names with their other spellings and aliases)`);
  console.log(`  knowledge base: ${s.kbSeconds < 0.01 ? "already loaded by the quality run" : `loaded in ${fmt(s.kbSeconds)} s`} (word weights need it; once per process, not counted in the build)`);
  console.log(`  index build:   ${fmt(s.buildSeconds)} s`);
  console.log(`  matching:      ${fmt(s.matchSeconds)} s for ${num(s.names)} names, ${fmt(s.namesPerSecond, 0)} names/s`);
  console.log(`  per name:      p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, max ${fmt(s.max, 0)} ms`);
  console.log(`  build + match: ${fmt(s.buildSeconds + s.matchSeconds, 1)} s (goal: under 30 s)`);
  console.log(`  memory (RSS):  ${fmt(s.rssBefore, 0)} MB before, ${fmt(s.rssAfterBuild, 0)} MB after the build, peak sampled ${fmt(s.peakRss, 0)} MB (max RSS ${fmt(s.maxRss, 0)} MB)`);
  const o = s.outcome;
  console.log(
    `  outcomes:      listed names ${pct(o.listed.top, o.listed.n)} right entity first or tied (of ${num(o.listed.n)}), variants ${pct(o.variant.top, o.variant.n)} (of ${num(o.variant.n)}), ` +
      `names not indexed ${pct(o.absent.flagged, o.absent.n)} with a strong or possible match (of ${num(o.absent.n)})`,
  );
  console.log("                 (the gazetteer groups only identical spellings, so many names left out are another spelling of an indexed exhibitor: not a false-alarm rate)");

  const sample = shuffled(list ?? [], rng(opts.seed));
  const vendors = Array.from({ length: 1000 }, (_, i) => {
    const row = sample.length > 0 ? sample[i % sample.length] : { name: exhibitors[i].name, country: exhibitors[i].countries[0] ?? null };
    return { name: row.name, country: row.country, website: null, identifiers: [], line: i + 1 };
  });
  const e = await serviceSpeed({ db: samplesDb, vendors });
  console.log(`\nscreenVendors on ${path.relative(ROOT, samplesDb)} (${num(e.counts.documents)} reports, ${num(e.counts.entities)} entities, ${num(e.counts.claims)} claims), ${num(e.vendors)} names from the list:`);
  console.log(`  matcher from the store: ${fmt(e.matcherSeconds * 1000, 0)} ms; screening: ${fmt(e.screenSeconds, 2)} s (${fmt((e.screenSeconds * 1000) / e.vendors, 2)} ms/name, ${e.flagged} flagged)`);
  console.log(`  screenVendors(store, vendors), the matcher built inside as the CLI does: ${fmt(e.withBuildSeconds, 2)} s`);
}

const opts = options();
console.log(`armstrace screening benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${os.availableParallelism()} CPUs, load average ${fmt(os.loadavg()[0])}, ${new Date().toISOString().slice(0, 10)})`);
const started = performance.now();
let list, samplesDb;
if (opts.only !== "speed") ({ list, samplesDb } = await quality(opts.seed));
else samplesDb = buildStores(opts.seed).samplesDb;
if (opts.only !== "quality") await speed(opts, list, samplesDb);
console.log(`\ndone in ${fmt((performance.now() - started) / 1000, 0)} s; load average at the end ${fmt(os.loadavg()[0])}`);
