#!/usr/bin/env node
// `npm run demo`: runs scripts/demo.ts (the demo itself) under tsx, in the caller's
// directory, with its arguments and output passed straight through.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const demo = fileURLToPath(new URL("./demo.ts", import.meta.url));
const res = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), demo, ...process.argv.slice(2)], { stdio: "inherit" });
if (res.error) {
  console.error(`demo: could not start node (${res.error.message})`);
  process.exit(1);
}
process.exit(res.status ?? 1);
