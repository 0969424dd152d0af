#!/usr/bin/env node
// REST API benchmark: serves a store of N varied reports (default 10,000) with
// `armstrace serve --anonymous-reads` in a child process and loads it over loopback
// with autocannon, one run per API call the entity page makes for a well-connected
// party, then one run cycling through all of them as page loads do. Prints req/s and
// latency per run, never pass/fail.
//
//   npm run bench:serve [-- --duration S] [-- --connections C] [-- --reports N] [-- --seed S]
import { spawn } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { benchOptions } from "../bench-options.mjs";
import { cachedStore, storeSize } from "./store-cache.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "armstrace");
const NAME = "bench:serve";
const WARMUP_SECONDS = 2;
/** autocannon's default of 10 s would cut off the slowest answers under load and leave them out of the latencies. */
const TIMEOUT_SECONDS = 60;

/**
 * Takes --duration and --connections out of the arguments, so that the shared parser
 * sees only the options every corpus benchmark has (it refuses any other).
 */
function loadOptions() {
  const wanted = { duration: 20, connections: 10 };
  const rest = [];
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const m = /^--(duration|connections)(?:=(.*))?$/.exec(args[i]);
    if (!m) {
      rest.push(args[i]);
      continue;
    }
    const raw = m[2] ?? args[++i];
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n <= 0) {
      console.error(`${NAME}: --${m[1]} must be a positive whole number (got ${raw ?? "nothing"})`);
      process.exit(2);
    }
    wanted[m[1]] = n;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(
      `Usage: npm run ${NAME} -- [--duration S (default 20, per run)] [--connections C (default 10)] [--reports N (default 10000)] [--seed S (default 1)]\n` +
        "The store is cached in bench/out/ and rebuilt when the generator, samples, knowledge base or ingest code change; --keep changes nothing.",
    );
    process.exit(0);
  }
  process.argv.splice(2, args.length, ...rest);
  const { count, seed } = benchOptions({ name: NAME, defaultReports: 10000, keepWhat: "store (it is always cached in bench/out/)" });
  return { count, seed, ...wanted };
}

const now = () => Number(process.hrtime.bigint()) / 1e9;
const fmt = (n, digits = 2) => n.toFixed(digits);
const num = (n) => n.toLocaleString("en-US");
/** A rate with a decimal when it is small, so 1.4 and 2.4 req/s do not both print as 2. */
const rate = (n) => fmt(n, n < 100 ? 1 : 0);

/** Starts the server on a free loopback port; resolves once it prints its URL. */
async function startServer(db) {
  const child = spawn(BIN, ["serve", "--anonymous-reads", "--host", "127.0.0.1", "--port", "0", "--db", db], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ARMSTRACE_DEBUG: "" },
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`armstrace serve printed no URL within 60 s:\n${output}`));
    }, 60_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      // The API line; a later line with the web app's address is not needed here.
      const m = /serving (http:\/\/[^\s/]+)\/api\b/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`armstrace serve exited (${code}) before listening:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  };
  return { url, stop, output: () => output };
}

async function getJson(url) {
  const res = await fetch(url);
  const body = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(body), json: res.ok ? JSON.parse(body) : undefined };
}

/** One autocannon run of `duration` seconds over `paths` (each connection cycles through them in order). */
function load(origin, paths, duration, connections) {
  return autocannon({ url: origin, connections, duration, timeout: TIMEOUT_SECONDS, requests: paths.map((p) => ({ method: "GET", path: p })) });
}

const { count, seed, duration, connections } = loadOptions();
console.log(
  `armstrace REST API benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${os.availableParallelism()} CPUs, load average ${fmt(os.loadavg()[0])})`,
);

let t = now();
const cached = await cachedStore(count, seed);
const size = await storeSize(cached.file);
console.log(
  `store:  ${num(size.reports)} reports (seed ${seed}), ${num(size.claims)} claims, ${num(size.entities)} entities, ${num(size.relations)} relations, ${fmt(size.mb, 1)} MB; ` +
    (cached.built ? `built in ${fmt(cached.buildSeconds, 1)} s` : `reused (built in ${fmt(cached.buildSeconds, 1)} s, ready in ${fmt(now() - t, 1)} s)`) +
    ` at ${path.relative(ROOT, cached.file)}`,
);

t = now();
const server = await startServer(cached.file);
let exitCode = 0;
try {
  console.log(`server: ${server.url} (armstrace serve --anonymous-reads in a child process), listening after ${fmt(now() - t, 1)} s`);

  // The listing is ordered by claims, so its first row is the party with the most.
  const top = await getJson(`${server.url}/api/entities?limit=1`);
  const entity = top.json?.items?.[0];
  if (entity === undefined) throw new Error(`GET /api/entities?limit=1 gave no entity (status ${top.status})`);
  console.log(`entity: #${entity.id} ${entity.name} (${entity.type}, ${num(entity.claims)} claims in ${num(entity.documents)} reports)`);

  // The calls the entity page makes for it.
  const calls = [
    ["profile", `/api/entities/${entity.id}`],
    ["timeline", `/api/entities/${entity.id}/timeline`],
    ["relations", `/api/relations?entity=${encodeURIComponent(entity.name)}`],
    ["search", `/api/search?q=${encodeURIComponent(entity.name)}`],
  ];
  const answers = [];
  for (const [, p] of calls) answers.push(await getJson(server.url + p));

  console.log(`load:   autocannon, ${connections} connections, ${duration} s per run after a ${WARMUP_SECONDS} s warm-up, over loopback`);
  // Untimed, so the first measured run does not pay for JIT compilation and cold caches.
  await load(server.url, calls.map(([, p]) => p), WARMUP_SECONDS, connections);

  const rows = [];
  for (const [i, [label, p]] of calls.entries()) {
    rows.push({ label, path: p, result: await load(server.url, [p], duration, connections), answer: answers[i] });
  }
  const page = await load(server.url, calls.map(([, p]) => p), duration, connections);

  const width = Math.max(...rows.map((r) => r.path.length), 28) + 6;
  console.log("");
  console.log(`${"request".padEnd(width)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"non-2xx".padStart(9)}${"errors".padStart(8)}${"body".padStart(10)}`);
  const line = (label, r, body) =>
    console.log(
      `${label.padEnd(width)}${rate(r.requests.total / r.duration).padStart(9)}${String(r.latency.p50).padStart(9)}${String(r.latency.p99).padStart(9)}` +
        `${String(r.non2xx).padStart(9)}${String(r.errors).padStart(8)}${body.padStart(10)}`,
    );
  for (const r of rows) line(`GET ${r.path}`, r.result, r.answer.status === 200 ? `${fmt(r.answer.bytes / 1024, 1)} KB` : `HTTP ${r.answer.status}`);
  line("all four, cycled (combined)", page, "");
  console.log(`\nentity pages: ${rate(page.requests.total / page.duration / calls.length)} page loads/s (${calls.length} API calls each)`);
  for (const r of rows) {
    if (r.answer.status !== 200) console.log(`note: ${r.label} answers HTTP ${r.answer.status}, so its figures measure the error response, not the ${r.label}`);
  }
  for (const { label, result } of [...rows, { label: "combined", result: page }]) {
    if (result.errors > 0) console.log(`note: ${label}: ${result.errors} request(s) failed, ${result.timeouts} of them timed out (after ${TIMEOUT_SECONDS} s)`);
  }
  console.log(`load average at the end: ${fmt(os.loadavg()[0])}`);
} catch (error) {
  console.error(`${NAME}: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await server.stop();
}
process.exitCode = exitCode;
