#!/usr/bin/env node
// Aggregation benchmark: ingests N generated reports (varied from the samples, as
// bench/extract does) into a fresh SQLite file, grades every relation, then adds one
// more report and shows that only its relations were recomputed. Prints figures,
// never pass/fail.
//
//   npm run bench:aggregate [-- --reports N] [-- --seed S] [-- --keep]
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchOptions } from "../bench-options.mjs";
import { register } from "tsx/esm/api";

register();

const { count, seed, keep } = benchOptions({ name: "bench:aggregate", defaultReports: 10000, keepWhat: "database" });

const now = () => Number(process.hrtime.bigint()) / 1e9;
const fmt = (n, digits = 2) => n.toFixed(digits);

const { makeCorpus, readSamples } = await import("../extract/make-corpus.ts");
const { extractReport } = await import("../../src/pipeline/run-pipeline.ts");
const { openSqliteStore } = await import("../../src/store/sqlite/sqlite-store.ts");
const { ingestReports } = await import("../../src/services/ingest.ts");
const { refreshRelations } = await import("../../src/services/recompute-relations.ts");

/** A corpus record as a report, the way the JSON Lines reader makes one. */
const toReport = (r) => ({ id: r.id, text: r.text, url: r.url, title: r.title, publisher: r.publisher, published: r.published, format: "jsonl", origin: `bench:${r.id}` });

const samples = await readSamples();
let t = now();
const records = [...makeCorpus(samples, count + 1, seed)];
const reports = records.slice(0, count).map(toReport);
const extra = toReport(records[count]);
console.log(
  `armstrace aggregation benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${os.availableParallelism()} CPUs, load average ${fmt(os.loadavg()[0])})`,
);
console.log(`corpus: ${count} reports varied from data/samples (seed ${seed}), built in ${fmt(now() - t)} s`);

const dir = mkdtempSync(path.join(os.tmpdir(), "armstrace-bench-aggregate-"));
const file = path.join(dir, "bench.db");
const store = await openSqliteStore(file);
try {
  // 1. Extract and store every report (one transaction each), relations left for step 2.
  t = now();
  const ingested = await ingestReports(store, reports, (r) => extractReport(r), { aggregate: false });
  const ingestSeconds = now() - t;
  // 2. Grade every relation from the stored claims (the first refresh computes them all).
  t = now();
  const all = await refreshRelations(store);
  const aggregateSeconds = now() - t;
  const counts = await store.counts();
  console.log(
    `ingest:    ${ingested.added} reports stored (${ingested.failed.length} failed), ${counts.claims} claims, ${counts.entities} entities ` +
      `in ${fmt(ingestSeconds)} s (${fmt(ingested.added / ingestSeconds, 0)} reports/s, extraction included)`,
  );
  console.log(`aggregate: ${all.recomputed} relations graded in ${fmt(aggregateSeconds)} s`);
  console.log(`total:     ${fmt(ingestSeconds + aggregateSeconds)} s to ingest and aggregate ${count} reports`);

  // 3. One more report through the normal ingest service, which regrades only the relations it touches.
  const before = (await store.relations()).length;
  t = now();
  const one = await ingestReports(store, [extra], (r) => extractReport(r));
  const oneSeconds = now() - t;
  const after = (await store.relations()).length;
  console.log(
    `add one:   ${one.claims} claims stored and ${one.relations} of ${after} relations recomputed in ${fmt(oneSeconds * 1000, 1)} ms ` +
      `(${after - before} new relation(s); the other ${after - one.relations} untouched)`,
  );
  console.log(`database:  ${fmt(statSync(file).size / 1024 / 1024, 1)} MB${keep ? ` kept at ${file}` : ""}`);
} finally {
  await store.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
