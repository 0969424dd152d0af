// The store the REST API benchmark serves: N reports varied from the samples by
// bench/extract/make-corpus.ts, ingested and graded as bench/aggregate does. Building
// 10,000 reports takes a minute or more, and the server's figures do not depend on how
// the store was built, so it is kept in bench/out/ and reused while nothing that
// decides its contents has changed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const OUT_DIR = path.join(ROOT, "bench", "out");

/** The modules the build imports; with everything they import in turn, they decide what is stored. */
const BUILD_MODULES = [
  "bench/extract/make-corpus.ts",
  "src/pipeline/run-pipeline.ts",
  "src/store/sqlite/sqlite-store.ts",
  "src/services/ingest.ts",
  "src/services/recompute-relations.ts",
];
/** Read from disk rather than imported: the samples the corpus varies and the knowledge base. */
const DATA_DIRS = ["data/samples", "data/kb"];

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** `entries` and every relative module they import, directly or not. */
function importClosure(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const rel = queue.pop();
    // A path that names no file came from a comment or a string, not an import.
    if (seen.has(rel) || !existsSync(path.join(ROOT, rel))) continue;
    seen.add(rel);
    const source = readFileSync(path.join(ROOT, rel), "utf8");
    for (const [, spec] of source.matchAll(IMPORT)) {
      queue.push(path.relative(ROOT, path.resolve(ROOT, path.dirname(rel), spec)).split(path.sep).join("/"));
    }
  }
  return [...seen].sort();
}

function listFiles(rel) {
  if (!statSync(path.join(ROOT, rel)).isDirectory()) return [rel];
  return readdirSync(path.join(ROOT, rel)).sort().flatMap((name) => listFiles(`${rel}/${name}`));
}

/**
 * A short hash of everything that decides the store's contents: the corpus size and
 * seed, this file, the build's modules (by following their imports, so editing code
 * that only reads, such as the server, keeps the cache) and the data they read.
 */
export function storeKey(count, seed) {
  const hash = createHash("sha256").update(`reports=${count} seed=${seed}\n`);
  const files = ["bench/serve/store-cache.mjs", ...importClosure(BUILD_MODULES), ...DATA_DIRS.flatMap(listFiles)];
  for (const rel of files) hash.update(`${rel}\n`).update(readFileSync(path.join(ROOT, rel))).update("\n");
  return hash.digest("hex").slice(0, 12);
}

const now = () => Number(process.hrtime.bigint()) / 1e9;

/** A corpus record as a report, the way the JSON Lines reader makes one. */
const toReport = (r) => ({ id: r.id, text: r.text, url: r.url, title: r.title, publisher: r.publisher, published: r.published, format: "jsonl", origin: `bench:${r.id}` });

/** Ingests `count` generated reports into `file` (aggregation deferred, then every relation graded once). */
async function buildStore(file, count, seed) {
  const { makeCorpus, readSamples } = await import("../extract/make-corpus.ts");
  const { extractReport } = await import("../../src/pipeline/run-pipeline.ts");
  const { openSqliteStore } = await import("../../src/store/sqlite/sqlite-store.ts");
  const { ingestReports } = await import("../../src/services/ingest.ts");
  const { refreshRelations } = await import("../../src/services/recompute-relations.ts");
  const reports = [...makeCorpus(await readSamples(), count, seed)].map(toReport);
  const store = await openSqliteStore(file);
  try {
    const ingested = await ingestReports(store, reports, (r) => extractReport(r), { aggregate: false });
    if (ingested.failed.length > 0) throw new Error(`${ingested.failed.length} of ${count} reports failed to ingest`);
    await refreshRelations(store);
  } finally {
    // Closing checkpoints the WAL into the file, so the file alone is the whole store.
    await store.close();
  }
}

/** Reports, claims, entities and relations stored in `file`, and its size in MB. */
export async function storeSize(file) {
  const { openSqliteStore } = await import("../../src/store/sqlite/sqlite-store.ts");
  const store = await openSqliteStore(file);
  try {
    const counts = await store.counts();
    const relations = (await store.relations()).length;
    const bytes = ["", "-wal"].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
    return { reports: counts.documents, claims: counts.claims, entities: counts.entities, relations, mb: bytes / 1024 / 1024 };
  } finally {
    await store.close();
  }
}

/**
 * The cached store for `count` reports and `seed`, built first if there is none for
 * the current key. Returns its file, whether it was built now and how long building
 * took (now or when it was cached).
 */
export async function cachedStore(count, seed) {
  const key = storeKey(count, seed);
  const prefix = `serve-${count}-s${seed}-`;
  const file = path.join(OUT_DIR, `${prefix}${key}.db`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    return { file, built: false, buildSeconds: JSON.parse(readFileSync(meta, "utf8")).buildSeconds };
  }
  mkdirSync(OUT_DIR, { recursive: true });
  // Stores of the same size and seed under another key can never be reused once their inputs changed.
  for (const name of readdirSync(OUT_DIR)) if (name.startsWith(prefix)) rmSync(path.join(OUT_DIR, name), { force: true });
  // Built under a temporary name, so an interrupted build is never taken for a finished one.
  const partial = `${file}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  const t = now();
  await buildStore(partial, count, seed);
  const buildSeconds = now() - t;
  // SQLite normally removes the WAL on the last close; if one is left, it belongs with the file.
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(partial + suffix)) renameSync(partial + suffix, file + suffix);
  writeFileSync(meta, `${JSON.stringify({ key, count, seed, buildSeconds, builtAt: new Date().toISOString() })}\n`);
  return { file, built: true, buildSeconds };
}
