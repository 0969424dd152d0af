/**
 * The evidence-graph commands end to end: `relations`, `timeline`, `source`, `export`
 * and the `entity` profile, run as a user would, on the bundled samples.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { assertOneLineError, describe, makeTempDir, removeDir, ROOT, run } from "./helpers.ts";

const tmp = makeTempDir();
after(() => removeDir(tmp));
const db = path.join(tmp, "evidence.db");

before(() => {
  const r = run(["ingest", path.join(ROOT, "data", "samples"), "--db", db]);
  assert.ok(r.status === 0 || r.status === 1, describe(r));
});

for (const cmd of ["relations", "timeline", "source", "export"]) {
  test(`${cmd} --help shows usage and an example`, () => {
    const r = run([cmd, "--help"]);
    assert.equal(r.status, 0, describe(r));
    assert.match(r.stdout, new RegExp(`Usage: armstrace ${cmd}`));
    assert.match(r.stdout, /Example:\n {2}armstrace /);
  });
}

test("relations: a table with grades, JSON with every field, a credibility floor", () => {
  const table = run(["relations", "--db", db, "--limit", "5"]);
  assert.equal(table.status, 0, describe(table));
  assert.match(table.stdout.split("\n")[0]!, /^SUPPLIER → RECIPIENT +CREDIBILITY +BEST SRC +INDEP +SUPPORT +DENY +FIRST +LAST +WHY$/);
  const json = run(["relations", "--db", db, "--format", "json", "--min-credibility", "3"]);
  assert.equal(json.status, 0, describe(json));
  const rows = JSON.parse(json.stdout) as Array<{ credibility: number; explanation: string; best_reliability: string }>;
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.credibility <= 3 && /^[A-F]$/.test(r.best_reliability) && r.explanation.length > 0));
  const russia = JSON.parse(run(["relations", "--db", db, "--format", "json", "--entity", "russia"]).stdout) as Array<{ supplier: string; recipient: string }>;
  assert.ok(russia.length > 0 && russia.every((r) => r.supplier === "Russia" || r.recipient === "Russia"));
  assertOneLineError(run(["relations", "--db", db, "--min-credibility", "9"]), 2, "credibility");
});

test("timeline: every claim of a party in date order, with stance, source and grades", () => {
  const r = run(["timeline", "serbia", "--db", db, "--format", "json"]);
  assert.equal(r.status, 0, describe(r));
  const rows = JSON.parse(r.stdout) as Array<{ date: string; stance: string; source: string; reliability: string }>;
  assert.ok(rows.length >= 3);
  const dates = rows.map((x) => x.date).filter((d) => d !== "undated");
  assert.deepEqual(dates, [...dates].sort());
  assert.ok(rows.some((x) => x.stance === "denied"));
  assertOneLineError(run(["timeline", "Nobody At All", "--db", db]), 1, "no claims");
  assertOneLineError(run(["timeline", "--db", db]), 2, "name");
});

test("source: list the graded sources and set one; relations are regraded", () => {
  const list = run(["source", "list", "--db", db, "--format", "csv"]);
  assert.equal(list.status, 0, describe(list));
  assert.match(list.stdout, /^NAME,REL,KIND,FROM,REASON,ALIASES,URL\r\n/);
  assert.match(list.stdout, /\r\nReuters,A,wire,default,/);
  const set = run(["source", "set", "UAWire", "--reliability", "B", "--kind", "newspaper", "--reason", "checked its record", "--db", db]);
  assert.equal(set.status, 0, describe(set));
  assert.match(set.stdout, /^UAWire: reliability B, newspaper: checked its record\n\d+ relation\(s\) regraded\n$/);
  assert.match(run(["source", "list", "--db", db]).stdout, /\nUAWire +B +newspaper +override +checked its record/);
  assertOneLineError(run(["source", "set", "Ruritanian Bugle", "--db", db]), 2, "not a known source");
  assertOneLineError(run(["source", "set", "Reuters", "--reliability", "G", "--db", db]), 2, "reliability");
});

test("export: FtM JSON lines, CSV and GraphML to a file", () => {
  const ftm = run(["export", "--format", "ftm", "--db", db]);
  assert.equal(ftm.status, 0, describe(ftm));
  const schemas = new Set(ftm.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { schema: string }).schema));
  for (const s of ["Article", "Event", "UnknownLink", "PublicBody"]) assert.ok(schemas.has(s), s);
  const csv = run(["export", "--format", "csv", "--db", db]);
  assert.match(csv.stdout, /^supplier,recipient,credibility,grade,/);
  const out = path.join(tmp, "graph.graphml");
  const graph = run(["export", "--format", "graphml", "--out", out, "--db", db]);
  assert.equal(graph.status, 0, describe(graph));
  assert.match(fs.readFileSync(out, "utf8"), /<graphml [^>]*>[\s\S]*<edge id="e\d+-\d+" source="n\d+" target="n\d+">/);
  assertOneLineError(run(["export", "--format", "pdf", "--db", db]), 2, "format");
});

test("entity: the profile shows whom a party supplies, with grades and a sourced quote", () => {
  const r = run(["entity", "Iran", "--db", db]);
  assert.equal(r.status, 0, describe(r));
  assert.match(r.stdout, /^Iran {2}\(#\d+, state, IR\)\n/);
  assert.match(r.stdout, /\nsupplies to \(\d+\):\n {2}Russia: credibility \d \([a-z ]+\), best source [A-F], \d+ independent source/);
  assert.match(r.stdout, /\n {4}“[^”]+” \((asserted|hedged|denied)\) — [^,]+, \d{4}-\d{2}-\d{2}, https?:\/\//);
  const json = JSON.parse(run(["entity", "Iran", "--json", "--db", db]).stdout) as { suppliesTo: unknown[] };
  assert.ok(json.suppliesTo.length > 0);
});
