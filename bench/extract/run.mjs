#!/usr/bin/env node
// Extraction throughput: builds a corpus of varied sample reports (make-corpus.ts),
// times ONE `armstrace extract <corpus.jsonl>` process over all of it, then the same
// reports through `extractReport` in this process with no warm-up. Prints figures,
// never pass/fail.
//
//   npm run bench:extract [-- --reports N] [-- --seed S] [-- --keep]
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { benchOptions } from "../bench-options.mjs";
import { register } from "tsx/esm/api";

register();

let corpusFile; // removed on exit unless --keep
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") throw e; // `npm run bench:extract | head` is not an error
  if (corpusFile && !keep) rmSync(corpusFile, { force: true });
  process.exit(0);
});

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/armstrace", import.meta.url));

const { count, seed, keep } = benchOptions({ name: "bench:extract", defaultReports: 5000, keepWhat: "corpus file" });

const MB = 1024 * 1024;
const now = () => Number(process.hrtime.bigint()) / 1e9;
const fmt = (n, digits = 2) => n.toFixed(digits);
function line(label, reports, bytes, seconds, extra = "") {
  console.log(
    `${label.padEnd(22)} ${String(reports).padStart(6)} reports  ${fmt(bytes / MB).padStart(6)} MB  ${fmt(seconds).padStart(7)} s  ` +
      `${fmt(reports / seconds, 0).padStart(6)} reports/s  ${fmt(bytes / MB / seconds).padStart(6)} MB/s${extra}`,
  );
}

const { writeCorpus, defaultCorpusFile } = await import("./make-corpus.ts");
let t = now();
corpusFile = defaultCorpusFile(count, seed);
const corpus = await writeCorpus(corpusFile, count, seed);
const load = os.loadavg()[0];
const cpus = os.availableParallelism();
console.log(
  `armstrace extraction benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${cpus} CPUs, load average ${fmt(load)})`,
);
if (load > cpus * 0.5) console.log("note: the machine is busy; figures will be noisy (compare runs made on an idle machine)");
console.log(
  `corpus: ${corpus.reports} reports varied from data/samples (seed ${seed}), ${fmt(corpus.textBytes / MB)} MB of text, ` +
    `${fmt(corpus.fileBytes / MB)} MB as JSON Lines, built in ${fmt(now() - t)} s\n        ${corpus.file}`,
);
console.log("MB below is UTF-8 text of the reports (1 MB = 2^20 bytes).\n");

// 1. One CLI process over the whole file, as a user would run it. Its output is
// collected (not written anywhere) and counted after the clock stops.
t = now();
const cli = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [bin, "extract", corpus.file], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const out = [];
  let err = "";
  child.stdout.on("data", (chunk) => out.push(chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  child.on("error", reject);
  child.on("close", (code) => resolve({ code, seconds: now() - t, out: Buffer.concat(out).toString("utf8"), err }));
});
const cliLines = cli.out.split("\n").filter(Boolean);
const cliTransfers = cliLines.reduce((sum, l) => sum + JSON.parse(l).transfers.length, 0);
line("CLI (1 process)", cliLines.length, corpus.textBytes, cli.seconds, `  ${cliTransfers} transfers`);
if (cli.code !== 0 || cliLines.length !== corpus.reports) {
  console.log(`  note: exit code ${cli.code}, ${cliLines.length} of ${corpus.reports} reports printed${cli.err ? `; stderr: ${cli.err.trim().split("\n").slice(0, 3).join(" | ")}` : ""}`);
}

// 2. The same reports in this process: read back through the normal input reader
// (not timed), then the pipeline module is imported and every report extracted once,
// with no warm-up, so the first reports pay for loading the lexicon and JIT.
const { readInputs, DEFAULT_MAX_BYTES } = await import("../../src/pipeline/normalize/index.ts");
t = now();
const { reports, problems } = await readInputs([corpus.file], { maxBytes: DEFAULT_MAX_BYTES });
const readSeconds = now() - t;
if (problems.length) console.log(`  note: ${problems.length} input problem(s), first: ${problems[0].message}`);
t = now();
const { extractReport } = await import("../../src/pipeline/run-pipeline.ts");
const importSeconds = now() - t;
let transfers = 0;
let firstHundred = 0;
t = now();
for (let i = 0; i < reports.length; i++) {
  transfers += extractReport(reports[i]).transfers.length;
  if (i === 99) firstHundred = now() - t;
}
const loopSeconds = now() - t;
line("in-process loop", reports.length, corpus.textBytes, loopSeconds, `  ${transfers} transfers`);
console.log(
  `  (not in the loop: reading the JSONL ${fmt(readSeconds)} s, importing the pipeline ${fmt(importSeconds)} s; ` +
    `first 100 reports took ${fmt(firstHundred)} s)`,
);
// 3. The same loop with the extraction rules alone (no pair model), to show what the
// learned stage costs.
t = now();
let ruleTransfers = 0;
for (const r of reports) ruleTransfers += extractReport(r, { model: null }).transfers.length;
const rulesSeconds = now() - t;
line("rules alone (no model)", reports.length, corpus.textBytes, rulesSeconds, `  ${ruleTransfers} transfers`);
console.log(`  the pair model costs ${fmt(((loopSeconds - rulesSeconds) / rulesSeconds) * 100, 0)}% over the rules alone; one process is one core`);
// 4. Accurate and cascade modes (the fine-tuned encoder), when it is shipped: on the first
// reports only, since the encoder is much slower; MB/s is comparable all the same.
const { existsSync } = await import("node:fs");
const { PairEncoder, SHIPPED_ENCODER } = await import("../../src/pipeline/extract/encoder/pair-encoder.ts");
if (existsSync(`${SHIPPED_ENCODER}/model.int8.onnx`)) {
  const { extractReportAsync } = await import("../../src/pipeline/run-pipeline.ts");
  const encoder = await PairEncoder.load();
  const subset = reports.slice(0, Math.min(reports.length, 300));
  const subsetBytes = subset.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
  for (const mode of ["accurate", "cascade"]) {
    t = now();
    let n = 0;
    for (const r of subset) n += (await extractReportAsync(r, { mode, encoder })).transfers.length;
    line(`${mode} mode`, subset.length, subsetBytes, now() - t, `  ${n} transfers (onnxruntime on 1 thread)`);
  }
} else console.log("(no encoder shipped in data/models/encoder: accurate and cascade modes not measured)");
const overhead = cli.seconds - loopSeconds;
console.log(
  overhead >= 0
    ? `\nThe CLI figure includes node + tsx start-up, reading and parsing the JSONL and writing JSON;` +
        ` the difference from the loop is ${fmt(overhead)} s (${fmt((overhead / cli.seconds) * 100, 0)}% of the CLI time).`
    : `\nThe loop took ${fmt(-overhead)} s longer than the whole CLI run, which does the same work and more:` +
        ` the machine was busier during the loop; rerun on an idle machine to compare the two.`,
);
if (cliTransfers !== transfers) console.log(`note: the CLI found ${cliTransfers} transfers, the loop ${transfers}`);

if (keep) console.log(`corpus kept: ${corpus.file}`);
else rmSync(corpus.file, { force: true });
