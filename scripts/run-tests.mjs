#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner. Node 20's runner
// does not expand globs itself, so the files are listed here.
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { spawnSync } from "node:child_process";

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["src", "test"];
const files = [];
const walk = (dir) => {
  let names;
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names.sort()) {
    if (name === "node_modules") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.ts")) files.push(p);
  }
};
for (const r of roots) r.endsWith(".test.ts") ? files.push(r) : walk(r);

// Which storage backends the store and CLI suites cover (STORES, comma-separated).
// Unset: PostgreSQL too when its server programs are installed, so a developer with
// them tests both backends without asking; otherwise SQLite alone, said out loud.
const env = { ...process.env };
if (!env.STORES) {
  if (postgresInstalled()) env.STORES = "sqlite,postgres";
  else {
    env.STORES = "sqlite";
    console.log("run-tests: no PostgreSQL found (initdb in /usr/lib/postgresql/*/bin or PATH); testing the SQLite store only (STORES=sqlite)");
  }
}
const res = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], { stdio: "inherit", env });
process.exit(res.status ?? 1);

function postgresInstalled() {
  const executable = (file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  let versions = [];
  try { versions = readdirSync("/usr/lib/postgresql"); } catch { /* not Debian's layout */ }
  const dirs = [...versions.map((v) => join("/usr/lib/postgresql", v, "bin")), ...(process.env.PATH ?? "").split(delimiter)];
  return dirs.some((d) => d !== "" && executable(join(d, "initdb")) && executable(join(d, "pg_ctl")));
}
