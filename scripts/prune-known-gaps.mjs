#!/usr/bin/env node
// Removes from a test file's KNOWN_GAPS the entries whose tests now pass, so a gap
// that has been closed turns into an ordinary test. Usage: node scripts/prune-known-gaps.mjs FILE.test.ts
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const file = process.argv[2];
if (!file) { console.error("usage: prune-known-gaps.mjs FILE.test.ts"); process.exit(2); }
const run = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=tap", file], { encoding: "utf8", maxBuffer: 1 << 26 });
const closed = [...run.stdout.matchAll(/^ok \d+ - (.*?) # TODO/gm)].map((m) => m[1].replace(/\\#/g, "#"));
let src = readFileSync(file, "utf8");
let removed = 0;
for (const name of closed) {
  const line = `  ${JSON.stringify(name)},\n`;
  if (src.includes(line)) { src = src.replace(line, ""); removed++; }
}
writeFileSync(file, src);
console.log(`${removed} closed gap(s) removed of ${closed.length} passing todo test(s)`);
