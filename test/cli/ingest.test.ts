import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  assertOneLineError,
  checkReport,
  claimsJson,
  describe,
  entitiesJson,
  ingestSummary,
  makeTempDir,
  parseJsonArray,
  parseJsonLines,
  removeDir,
  ROOT,
  run,
  transfersBetween,
  write,
  type ClaimRowOut,
  type OutTransfer,
  type RunResult,
} from "./helpers.ts";

const tmp = makeTempDir();
after(() => removeDir(tmp));

const corpus = path.join(tmp, "corpus");
const db = path.join(tmp, "store.db");
let first: RunResult;
let claimCount = 0;
let storedClaims: ClaimRowOut[] = [];

before(() => {
  write(corpus, "iran.txt", "---\ntitle: Drones\npublisher: Test Wire\n---\nIran supplied Shahed-136 drones to Russia, the U.S. Treasury said.\n");
  write(corpus, "serbia/denial.md", "# Ammunition\n\nSerbia denied that it had sold ammunition to Ukraine.\n");
  write(
    corpus,
    "pages/skynex.html",
    "<html><head><title>Skynex</title></head><body><nav>Home | World</nav><article><h1>Skynex</h1><p>Rheinmetall delivered Skynex air-defence systems to Ukraine, the Wagner Group said.</p></article></body></html>",
  );
  first = run(["ingest", corpus, "--db", db]);
});

function involves(row: ClaimRowOut, name: string): boolean {
  return [row.supplier, row.recipient, row.claimant].some((n) => n.toLowerCase() === name.toLowerCase());
}

test("ingest a directory of 3 reports: exit 0, summary says 3 added", () => {
  assert.equal(first.status, 0, describe(first));
  assert.equal(first.stderr, "", describe(first));
  assert.match(first.stdout, /\b3 added\b/);
  const s = ingestSummary(first.stdout);
  assert.deepEqual({ reports: s.reports, added: s.added, duplicates: s.duplicates, failed: s.failed }, { reports: 3, added: 3, duplicates: 0, failed: 0 });
  const claims = claimsJson(db);
  assert.equal(claims.length, s.claims, "the summary's claim count is what was stored");
  assert.ok(claims.length >= 3, JSON.stringify(claims));
  claimCount = claims.length;
  storedClaims = claims;
});

test("re-ingesting the same reports adds nothing", () => {
  const r = run(["ingest", corpus, "--db", db]);
  assert.equal(r.status, 0, describe(r));
  assert.match(r.stdout, /\b0 added\b/);
  assert.match(r.stdout, /\b3 already stored\b/);
  assert.equal(ingestSummary(r.stdout).claims, 0);
  assert.equal(claimsJson(db).length, claimCount, "claim count unchanged");
});

test("claims --entity filters to claims involving that party (any case)", () => {
  const rows = claimsJson(db, "--entity", "iran");
  assert.ok(rows.length >= 1 && rows.length < claimCount, JSON.stringify(rows));
  assert.ok(rows.every((r) => involves(r, "Iran")), JSON.stringify(rows));
});

test("claims --stance denied lists only denials", () => {
  const rows = claimsJson(db, "--stance", "denied");
  assert.ok(rows.length >= 1 && rows.length < claimCount, JSON.stringify(rows));
  assert.ok(rows.every((r) => r.stance === "denied"), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.supplier === "Serbia"), JSON.stringify(rows));
});

test("claims --format csv has a header line and one record per claim", () => {
  const r = run(["claims", "--format", "csv", "--db", db]);
  assert.equal(r.status, 0, describe(r));
  const lines = r.stdout.split("\r\n").filter((l) => l !== "");
  assert.match(lines[0] ?? "", /^SUPPLIER,RECIPIENT,STANCE,/);
  assert.equal(lines.length, claimCount + 1);
  assert.ok(lines.some((l) => l.startsWith("Iran,Russia,")), r.stdout);
});

test("claims --format json parses as an array of claim rows", () => {
  // The array was read (and parsed) by the first test; this checks its rows.
  assert.ok(storedClaims.length >= 3);
  for (const row of storedClaims) {
    for (const key of ["supplier", "recipient", "stance", "quote", "rule"] as const) assert.equal(typeof row[key], "string", key);
  }
});

/** A `claims --format json` row with the pair model's explanation, which only JSON carries whole. */
type ExplainedRowOut = ClaimRowOut & { score: number | null; model: string | null; features: Array<[string, number]> | null };

test("claims --format json keeps each claim's model, score and features as extract printed them", () => {
  const rows = storedClaims as ExplainedRowOut[];
  for (const row of rows) {
    const where = JSON.stringify(row);
    assert.ok(row.score === null || (typeof row.score === "number" && row.score >= 0 && row.score <= 1), `score: ${where}`);
    assert.ok(row.model === null || typeof row.model === "string", `model: ${where}`);
    assert.ok(row.features === null || row.features.every(([f, w]) => typeof f === "string" && typeof w === "number"), `features: ${where}`);
  }
  const extracted = run(["extract", path.join(corpus, "iran.txt")]);
  assert.equal(extracted.status, 0, describe(extracted));
  const [report] = parseJsonLines(extracted.stdout).map((r) => checkReport(r));
  const [printed] = transfersBetween(report!, ["Iran"], ["Russia"]) as Array<OutTransfer & { score?: number; model?: string; features?: Array<[string, number]> }>;
  assert.ok(printed, describe(extracted));
  const stored = rows.find((r) => r.supplier === "Iran" && r.recipient === "Russia");
  assert.ok(stored, JSON.stringify(rows));
  assert.deepEqual(
    { score: stored.score, model: stored.model, features: stored.features },
    { score: printed.score ?? null, model: printed.model ?? null, features: printed.features ?? null },
  );
});

test("claims --format csv ends with the score and model, not the features", () => {
  const [header] = run(["claims", "--format", "csv", "--db", db]).stdout.split("\r\n");
  assert.match(header ?? "", /,RULE,SCORE,MODEL$/);
});

test("entities --type state lists only (and all) the states", () => {
  const all = entitiesJson(db);
  assert.ok(all.some((e) => e.type !== "state"), `the corpus has non-state parties: ${JSON.stringify(all)}`);
  const states = entitiesJson(db, "--type", "state");
  assert.ok(states.length >= 3, JSON.stringify(states));
  assert.ok(states.every((e) => e.type === "state"), JSON.stringify(states));
  assert.deepEqual(states.map((e) => e.id).sort(), all.filter((e) => e.type === "state").map((e) => e.id).sort());
  assert.ok(states.some((e) => e.name === "Iran"));
});

test("a --db that is not a SQLite database: exit 1, one line, file untouched", () => {
  const notDb = write(tmp, "notes.db", "just some text, not a database\n");
  const r = run(["ingest", corpus, "--db", notDb]);
  assertOneLineError(r, 1, notDb, "not an armstrace database");
  assert.equal(r.stdout, "");
  assert.equal(fs.readFileSync(notDb, "utf8"), "just some text, not a database\n");
  assert.ok(!fs.existsSync(`${notDb}-wal`) && !fs.existsSync(`${notDb}-shm`), "no journal files left beside it");
});

test("ARMSTRACE_DB is used when --db is absent", () => {
  const r = run(["claims", "--format", "json"], { env: { ARMSTRACE_DB: db } });
  assert.equal(parseJsonArray<ClaimRowOut>(r).length, claimCount);
});

test("ingest the bundled samples: at least 20 documents and 20 claims", () => {
  const samplesDb = path.join(tmp, "samples.db");
  const r = run(["ingest", path.join(ROOT, "data", "samples"), "--db", samplesDb]);
  assert.equal(r.status, 0, describe(r));
  const s = ingestSummary(r.stdout);
  assert.ok(s.added >= 20, r.stdout);
  assert.equal(s.failed, 0, r.stdout);
  assert.ok(claimsJson(samplesDb).length >= 20);
});
