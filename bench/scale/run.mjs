#!/usr/bin/env node
// Scale benchmark: N generated reports (default 100,000, varied from the samples by
// bench/extract/make-corpus.ts) ingested with the CLI into SQLite by one process and
// into PostgreSQL by two queue workers; then the size of both stores and the latency
// of the entity page's reads on each, for busy and ordinary parties. Prints figures,
// never pass/fail.
//
//   npm run bench:scale [-- --reports N] [-- --seed S] [-- --repeat R] [-- --keep]
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";
import { benchOptions } from "../bench-options.mjs";

register();

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "armstrace");
const OUT_DIR = path.join(ROOT, "bench", "out", "scale");
const NAME = "bench:scale";
const WORKERS = 2;
const BUSY = 25;
const ORDINARY = 25;

/**
 * Takes --repeat out of the arguments, so that the shared parser sees only the
 * options every corpus benchmark has (it refuses any other).
 */
function loadOptions() {
  let repeat = 5;
  const rest = [];
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const m = /^--repeat(?:=(.*))?$/.exec(args[i]);
    if (!m) {
      rest.push(args[i]);
      continue;
    }
    const raw = m[1] ?? args[++i];
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n <= 0) {
      console.error(`${NAME}: --repeat must be a positive whole number (got ${raw ?? "nothing"})`);
      process.exit(2);
    }
    repeat = n;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(
      `Usage: npm run ${NAME} -- [--reports N (default 100000)] [--seed S (default 1)] [--repeat R (timed rounds of the entity reads, default 5)] [--keep (keep the corpus and the SQLite file in bench/out/scale/)]\n` +
        "PostgreSQL is a throwaway server started for the run and always removed.",
    );
    process.exit(0);
  }
  process.argv.splice(2, args.length, ...rest);
  const { count, seed, keep } = benchOptions({ name: NAME, defaultReports: 100000, keepWhat: "corpus and the SQLite file in bench/out/scale/" });
  return { count, seed, keep, repeat };
}

const now = () => Number(process.hrtime.bigint()) / 1e9;
const fmt = (n, digits = 2) => n.toFixed(digits);
const num = (n) => n.toLocaleString("en-US");
const mb = (bytes) => `${fmt(bytes / 1024 / 1024, 1)} MB`;
const ms = (n) => (n < 10 ? fmt(n, 2) : n < 100 ? fmt(n, 1) : num(Math.round(n)));
const fileSize = (file) => (existsSync(file) ? statSync(file).size : 0);

/** Children still running, killed if the benchmark ends first, so none outlives it. */
const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Runs `bin/armstrace args`; resolves with its exit code, output and seconds from spawn to exit. */
function armstrace(args) {
  const t = now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ARMSTRACE_DEBUG: "" } });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      running.delete(child);
      resolve({ code: code ?? signal, stdout, stderr, seconds: now() - t });
    });
  });
}

/** The run's output when it failed, so the benchmark stops with the reason. */
function check(run, what) {
  if (run.code !== 0) throw new Error(`${what} exited with ${run.code}:\n${(run.stderr || run.stdout).trim().split("\n").slice(-10).join("\n")}`);
  return run;
}

/** The number `pattern` captures in `text` ("123 added"), or NaN. */
const countIn = (text, pattern) => Number(pattern.exec(text)?.[1] ?? NaN);

const { count, seed, keep, repeat } = loadOptions();
console.log(
  `armstrace scale benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${os.availableParallelism()} CPUs, ` +
    `${fmt(os.totalmem() / 2 ** 30, 0)} GB, load average ${fmt(os.loadavg()[0])})`,
);

const { writeCorpus } = await import("../extract/make-corpus.ts");
const { openStore } = await import("../../src/main.ts");
const { startPostgres } = await import("../../test/support/postgres-server.ts");
const { CALLS, matchEntities, percentile, pickEntities, timeCalls } = await import("./entity-queries.mjs");

mkdirSync(OUT_DIR, { recursive: true });
const corpus = path.join(OUT_DIR, `corpus-${count}-s${seed}.jsonl`);
const sqliteFile = path.join(OUT_DIR, `scale-${count}-s${seed}.db`);
const sqliteFiles = ["", "-wal", "-shm"].map((suffix) => sqliteFile + suffix);

const started = now();
let pgServer;
const stores = [];
let exitCode = 0;
try {
  let t = now();
  const written = await writeCorpus(corpus, count, seed);
  console.log(
    `corpus:   ${num(written.reports)} reports varied from data/samples (seed ${seed}), ${mb(written.textBytes)} of text, ` +
      `${mb(written.fileBytes)} of JSON Lines, written in ${fmt(now() - t, 1)} s to ${path.relative(ROOT, corpus)}`,
  );

  // 1. SQLite: one CLI process over the whole file, as a user ingests. Its clock includes
  // start-up, reading, extraction, storing and the one regrade at the end.
  for (const f of sqliteFiles) rmSync(f, { force: true });
  const single = check(await armstrace(["ingest", corpus, "--db", sqliteFile]), "armstrace ingest (SQLite)");
  const singleAdded = countIn(single.stdout, /(\d+) added/);
  // The CLI closes the store on exit, which checkpoints the WAL; whatever is left of it is counted too.
  const sqliteBytes = fileSize(sqliteFiles[0]) + fileSize(sqliteFiles[1]);
  console.log("");
  console.log(`SQLite, 1 process (bin/armstrace ingest <corpus> --db ${path.relative(ROOT, sqliteFile)}):`);
  console.log(`  ${single.stdout.trim()}`);
  console.log(`  ${num(singleAdded)} reports in ${fmt(single.seconds, 1)} s: ${fmt(singleAdded / single.seconds, 1)} reports/s`);
  console.log(`  database: ${mb(sqliteBytes)} (file ${mb(fileSize(sqliteFiles[0]))}, -wal ${mb(fileSize(sqliteFiles[1]))})`);

  // 2. PostgreSQL: queue every report, then time two workers draining the queue together.
  t = now();
  pgServer = await startPostgres();
  const db = await pgServer.createDatabase();
  console.log("");
  console.log(`PostgreSQL, ${WORKERS} workers (throwaway server from test/support/postgres-server.ts, fsync off, started in ${fmt(now() - t, 1)} s):`);
  const queued = check(await armstrace(["ingest", corpus, "--queue", "--db", db.url]), "armstrace ingest --queue");
  const queuedCount = countIn(queued.stdout, /queued (\d+) report/);
  console.log(`  ${queued.stdout.trim()}`);
  console.log(`  queueing: ${num(queuedCount)} reports in ${fmt(queued.seconds, 1)} s (${fmt(queuedCount / queued.seconds, 0)} reports/s), not counted below`);
  t = now();
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, (_, i) => armstrace(["worker", "--drain", "--quiet", "--db", db.url]).then((r) => check(r, `armstrace worker ${i + 1}`))),
  );
  const drainSeconds = now() - t;
  const workersAdded = workers.reduce((sum, w) => sum + countIn(w.stdout, /(\d+) added/), 0);
  for (const [i, w] of workers.entries()) console.log(`  worker ${i + 1}, ${fmt(w.seconds, 1)} s: ${w.stdout.trim()}`);
  console.log(`  ${num(workersAdded)} reports in ${fmt(drainSeconds, 1)} s from starting the workers to both exiting: ${fmt(workersAdded / drainSeconds, 1)} reports/s`);

  const pgStore = await openStore(db.url);
  stores.push(pgStore);
  const pg = (await import("pg")).default;
  const sizeClient = new pg.Client({ connectionString: db.url });
  await sizeClient.connect();
  try {
    const { rows } = await sizeClient.query(
      "SELECT pg_database_size(current_database())::bigint AS total, pg_total_relation_size('ingest_jobs')::bigint AS jobs",
    );
    const total = Number(rows[0].total);
    const jobs = Number(rows[0].jobs);
    // Done jobs keep the report they carried, so the queue is a good part of the database.
    console.log(`  database: ${mb(total)} (pg_database_size), of which ${mb(jobs)} is the ingest_jobs queue and ${mb(total - jobs)} the rest`);
  } finally {
    await sizeClient.end();
  }

  // 4. The entity page's reads at this size, on both stores, for the same parties.
  const sqliteStore = await openStore(sqliteFile);
  stores.push(sqliteStore);
  const counts = await sqliteStore.counts();
  const pgCounts = await pgStore.counts();
  console.log("");
  console.log(
    `stores:   SQLite ${num(counts.documents)} reports, ${num(counts.claims)} claims, ${num(counts.entities)} entities; ` +
      `PostgreSQL ${num(pgCounts.documents)} reports, ${num(pgCounts.claims)} claims, ${num(pgCounts.entities)} entities`,
  );
  const picked = await pickEntities(sqliteStore, { busy: BUSY, ordinary: ORDINARY, seed });
  const { found: pgPicked, missing } = await matchEntities(pgStore, picked);
  const claimsOf = (kind) => picked.filter((e) => e.kind === kind).map((e) => e.claims);
  const range = (xs) => (xs.length ? `${num(Math.min(...xs))}–${num(Math.max(...xs))} claims` : "none");
  console.log(
    `parties:  ${claimsOf("busy").length} busy (the most claims: ${range(claimsOf("busy"))}, ${picked[0]?.name ?? "?"} first) and ` +
      `${claimsOf("ordinary").length} ordinary (drawn from the rest: ${range(claimsOf("ordinary"))}, median ${num(percentile(claimsOf("ordinary"), 50))})`,
  );
  if (missing.length > 0) console.log(`note: ${missing.length} of them have no entity of the same name and type on PostgreSQL and are timed on SQLite only: ${missing.map((e) => e.name).join(", ")}`);
  console.log(`timing:   in this process, through openStore; one untimed round, then ${repeat} timed rounds over every party`);

  const results = [];
  for (const [label, store, entities] of [["SQLite", sqliteStore, picked], ["PostgreSQL", pgStore, pgPicked]]) {
    t = now();
    results.push({ label, ms: await timeCalls(store, entities, repeat) });
    console.log(`          ${label}: ${fmt(now() - t, 1)} s`);
  }

  console.log("");
  const head = ["call", "parties", ...results.flatMap((r) => [`${r.label} p50`, "p99"])];
  const widths = [12, 10, ...results.flatMap((r) => [r.label.length + 8, 9])];
  const row = (cells) => console.log(cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(""));
  row(head);
  for (const c of CALLS) {
    for (const kind of ["busy", "ordinary", "all"]) {
      const cells = [kind === "busy" ? c.label : "", kind];
      for (const r of results) {
        const m = r.ms.get(c.label);
        const values = kind === "all" ? [...m.busy, ...m.ordinary] : m[kind];
        cells.push(ms(percentile(values, 50)), ms(percentile(values, 99)));
      }
      row(cells);
    }
  }
  console.log("(milliseconds per call)");
  for (const c of CALLS) console.log(`  ${c.label}: ${c.what}`);
  console.log(`load average at the end: ${fmt(os.loadavg()[0])}; the whole run took ${fmt((now() - started) / 60, 1)} min`);
} catch (error) {
  console.error(`${NAME}: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  for (const store of stores) await store.close().catch(() => undefined);
  await pgServer?.stop().catch((e) => console.error(`${NAME}: stopping PostgreSQL: ${e.message}`));
  if (keep) console.log(`kept: ${path.relative(ROOT, corpus)} and ${path.relative(ROOT, sqliteFile)}`);
  else for (const f of [corpus, ...sqliteFiles]) rmSync(f, { force: true });
}
process.exitCode = exitCode;
