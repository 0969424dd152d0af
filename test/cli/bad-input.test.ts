import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  assertNoStack,
  assertOneLineError,
  checkReport,
  claimsJson,
  describe,
  entitiesJson,
  ingestSummary,
  makeTempDir,
  parseJsonLines,
  removeDir,
  run,
  stderrLines,
  write,
} from "./helpers.ts";

const tmp = makeTempDir();
after(() => removeDir(tmp));

const GOOD = "Iran supplied Shahed-136 drones to Russia, the U.S. Treasury said.";
const BINARY = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, ...Buffer.from("Belarus shipped tanks to Russia."), 0x00, 0xff]);
const INVALID_UTF8 = Buffer.concat([Buffer.from("Cuba delivered rifles to Russia "), Buffer.from([0xc3, 0x28]), Buffer.from(" last year.\n")]);
/** About 1.2 MB of text, over a `--max-size 1` limit. */
function bigText(): string {
  const sentence = "Armenia bought tanks from Russia. ";
  return sentence.repeat(Math.ceil((1.2 * 1024 * 1024) / sentence.length));
}

/** Runs `extract`, expecting it to fail on the one bad input with one line naming it; returns the run. */
function extractFails(args: string[], ...needles: string[]): ReturnType<typeof run> {
  const r = run(["extract", ...args]);
  assertOneLineError(r, 1, ...needles);
  return r;
}

test("nonexistent path: exit 1, one line naming it, the other inputs still processed", () => {
  const good = write(tmp, "nx/good.txt", GOOD);
  const missing = path.join(tmp, "nx", "missing.txt");
  const r = extractFails([missing, good], "no such file", missing);
  const out = parseJsonLines(r.stdout);
  assert.equal(out.length, 1, "the good file is still extracted");
  assert.equal(checkReport(out[0], GOOD).id, "good");
});

test("directory with no reports: exit 1, one line naming it", () => {
  const dir = path.join(tmp, "no-reports");
  write(dir, "picture.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  write(dir, "sub/brief.pdf", "%PDF-1.4");
  const r = extractFails([dir], "no reports", dir);
  assert.equal(r.stdout, "");
});

test("binary file: exit 1, one line saying it looks binary", () => {
  const file = write(tmp, "bin/archive.txt", BINARY);
  const r = extractFails([file], file, "binary");
  assert.equal(r.stdout, "");
});

test("invalid UTF-8: exit 1, one line saying so", () => {
  const file = write(tmp, "utf8/latin.txt", INVALID_UTF8);
  const r = extractFails([file], file, "UTF-8");
  assert.equal(r.stdout, "");
});

test("file over --max-size: exit 1, one line with the limit; a smaller file passes with the same flag", () => {
  const big = write(tmp, "size/big.txt", bigText());
  assert.ok(fs.statSync(big).size > 1.1 * 1024 * 1024);
  const r = extractFails([big, "--max-size", "1"], big, "limit", "--max-size");
  assert.equal(r.stdout, "");

  const small = write(tmp, "size/small.txt", `${GOOD}\n${"Filler sentence about the weather. ".repeat(10_000)}`);
  assert.ok(fs.statSync(small).size > 300_000 && fs.statSync(small).size < 1024 * 1024);
  const ok = run(["extract", "--max-size", "1", small]);
  assert.equal(ok.status, 0, describe(ok));
  assert.equal(ok.stderr, "");
  assert.equal(parseJsonLines(ok.stdout).length, 1);
});

test("malformed .jsonl line: names file:2, the other two reports are still printed, exit 1", () => {
  const texts = [GOOD, "North Korea shipped artillery shells to Russia in 2023."];
  const file = write(
    tmp,
    "jsonl/three.jsonl",
    `${JSON.stringify({ id: "j1", text: texts[0] })}\n{"id": "j2", "text": "Venezuela sold rifles to Russia."\n${JSON.stringify({ id: "j3", text: texts[1] })}\n`,
  );
  const r = extractFails([file], `${file}:2`);
  const out = parseJsonLines(r.stdout);
  assert.deepEqual(out.map((o, i) => checkReport(o, texts[i]).id), ["j1", "j3"]);
});

test("empty file: exit 1, one line saying it is empty", () => {
  const file = write(tmp, "empty/nothing.txt", "");
  const r = extractFails([file], file, "empty");
  assert.equal(r.stdout, "");
});

test("unsupported extension (.pdf): exit 1, one line naming the type", () => {
  const file = write(tmp, "pdf/brief.pdf", "%PDF-1.4 Iran supplied drones to Russia.");
  const r = extractFails([file], file, ".pdf", "unsupported");
  assert.equal(r.stdout, "");
});

test("unknown option: exit 2 (usage), one line, no input read", () => {
  const file = write(tmp, "opt/good.txt", GOOD);
  const r = run(["extract", file, "--bogus"]);
  assertOneLineError(r, 2, "--bogus");
  assert.equal(r.stdout, "");
});

test("ingest: bad inputs are reported and skipped; the database holds exactly the good reports", () => {
  const db = path.join(tmp, "ingest", "store.db");
  const first = write(tmp, "ingest/first.txt", GOOD);

  const r1 = run(["ingest", first, "--db", db]);
  assert.equal(r1.status, 0, describe(r1));
  assert.equal(r1.stderr, "");
  assert.equal(ingestSummary(r1.stdout).added, 1);

  // Every kind of bad input at once, next to good ones; each good report has one claim involving Russia.
  const goodTexts = [
    GOOD,
    "North Korea shipped artillery shells to Russia in 2023.",
    "Myanmar received Su-30 fighter jets from Russia last year.",
    "Serbia denied that it had sold ammunition to Russia.",
  ];
  const dir = path.join(tmp, "ingest", "mixed");
  write(dir, "good.txt", goodTexts[1]!);
  write(dir, "archive.txt", BINARY);
  write(dir, "latin.txt", INVALID_UTF8);
  write(dir, "big.txt", bigText());
  write(dir, "empty.md", "");
  write(dir, "brief.pdf", "%PDF-1.4 skipped silently inside a directory");
  const jsonl = write(
    dir,
    "batch.jsonl",
    `${JSON.stringify({ id: "j1", text: goodTexts[2] })}\n{"id": "j2", "text": "Venezuela sold rifles to Russia."\n${JSON.stringify({ id: "j3", text: goodTexts[3] })}\n`,
  );
  const pdf = write(tmp, "ingest/brief.pdf", "%PDF-1.4");
  const missing = path.join(tmp, "ingest", "missing.txt");

  const r2 = run(["ingest", dir, pdf, missing, "--db", db, "--max-size", "1"]);
  assert.equal(r2.status, 1, describe(r2));
  assertNoStack(r2);
  const summary = ingestSummary(r2.stdout);
  assert.deepEqual(
    { reports: summary.reports, added: summary.added, duplicates: summary.duplicates, failed: summary.failed },
    { reports: 3, added: 3, duplicates: 0, failed: 7 },
    r2.stdout,
  );
  const errors = stderrLines(r2);
  assert.equal(errors.length, 7, describe(r2));
  assert.ok(errors.every((l) => l.startsWith("armstrace: ")), describe(r2));
  const mentioned = (needle: string): boolean => errors.some((l) => l.includes(needle));
  for (const needle of ["archive.txt", "latin.txt", "big.txt", "empty.md", `${jsonl}:2`, pdf, missing]) {
    assert.ok(mentioned(needle), `stderr names ${needle}:\n${r2.stderr}`);
  }

  const claims = claimsJson(db);
  assert.deepEqual([...new Set(claims.map((c) => c.quote))].sort(), [...goodTexts].sort(), "claims come from the good reports only");

  const entities = entitiesJson(db);
  const names = entities.flatMap((e) => [e.name, ...e.aliases.split("; ")].map((n) => n.toLowerCase()));
  for (const stray of ["belarus", "cuba", "armenia", "venezuela"]) {
    assert.ok(!names.includes(stray), `${stray} comes only from a bad input and must not be stored`);
  }
  const russia = entities.find((e) => e.name === "Russia");
  assert.ok(russia, JSON.stringify(entities));
  assert.equal(russia.documents, goodTexts.length, "Russia's claims come from exactly the good documents");
});
