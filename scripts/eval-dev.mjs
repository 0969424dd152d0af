#!/usr/bin/env node
// Scores the extractor on the dev gold set: the gold reports go through
// `armstrace extract` exactly as a user would run it, then through the shared scorer.
// The scorer's summary line is printed last.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const goldDir = process.env.ARMSTRACE_GOLD ?? join(root, "..", "shared", "gold", process.argv[2] ?? "dev");
const scorer = join(goldDir, "..", "score.mjs");
if (!existsSync(goldDir) || !existsSync(scorer)) {
  console.error(`eval: gold set not found at ${goldDir} (needs ../shared/gold beside the checkout)`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "armstrace-eval-"));
const input = join(dir, "docs.jsonl");
const pred = join(dir, "pred.jsonl");
writeFileSync(input, execFileSync(process.execPath, [scorer, "input", goldDir], { maxBuffer: 1 << 28 }));
writeFileSync(pred, execFileSync(join(root, "bin", "armstrace"), ["extract", input], { maxBuffer: 1 << 28 }));
const extra = process.argv.includes("--per-doc") ? ["--per-doc"] : [];
process.stdout.write(execFileSync(process.execPath, [scorer, "score", goldDir, pred, ...extra]));
