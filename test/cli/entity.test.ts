/**
 * `armstrace entity`: resolution across reports as a user meets it, and the analyst's
 * judgements (merge, split, same, not-same, revoke), run as the real binary on a
 * temporary database.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  assertNoStack,
  assertOneLineError,
  claimsJson,
  describe,
  entitiesJson,
  makeTempDir,
  parseJsonArray,
  removeDir,
  run,
  write,
  type RunResult,
} from "./helpers.ts";

const tmp = makeTempDir();
after(() => removeDir(tmp));

const corpus = path.join(tmp, "corpus");
const db = path.join(tmp, "store.db");

before(() => {
  write(corpus, "norinco-en.txt", "Norinco supplied rifles to the Myanmar Army.\n");
  write(corpus, "norinco-ru.txt", "Норинко поставила винтовки армии Мьянмы.\n");
  write(corpus, "alpha.txt", "Alpha Defence Ltd supplied rifles to Niger.\n");
  write(corpus, "zeta.txt", "Zeta Arms Corp shipped mortars to Mali.\n");
  write(corpus, "gamma.txt", "Gamma Works Inc supplied shells to Chad.\n");
  write(corpus, "alpha-arms.txt", "Alpha Arms Corp shipped grenades to Chad.\n");
  const r = run(["ingest", corpus, "--db", db]);
  assert.equal(r.status, 0, describe(r));
});

/** Runs `armstrace entity ...` on the test database as analyst "tester". */
function entity(...args: string[]): RunResult {
  return run(["entity", ...args, "--db", db]);
}

function ok(r: RunResult): string {
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.stderr, "", describe(r));
  return r.stdout;
}

/** The items of the claims found by `claims --entity name`. */
function itemsOf(name: string): string[] {
  return claimsJson(db, "--entity", name).map((c) => c.items).sort();
}

interface JudgementOut {
  id: number;
  kind: string;
  a: string;
  b: string;
  author: string;
  reason: string;
  revoked: string;
}

function judgements(...args: string[]): JudgementOut[] {
  return parseJsonArray<JudgementOut>(entity("judgements", ...args, "--format", "json"));
}

// The tests below run in order and build on one another's judgements.

test("Norinco named in Latin and Cyrillic script in two reports is one entity with both names", () => {
  const rows = entitiesJson(db, "--name", "norinco");
  assert.equal(rows.length, 1, JSON.stringify(rows));
  const names = [rows[0]!.name, ...rows[0]!.aliases.split("; ")];
  assert.ok(names.includes("Norinco") && names.includes("Норинко"), JSON.stringify(rows));
  assert.equal(rows[0]!.documents, 2);
  assert.deepEqual(itemsOf("Норинко"), ["rifles"], "the Cyrillic name finds the claim made under the Latin one");
});

test("entity NAME shows the party's names and claims", () => {
  const out = ok(entity("Норинко"));
  assert.match(out, /Норинко/);
  assert.match(out, /claims:\s+1\b/);
});

test("merge: two different entities are shown as one; claims --entity finds the claims of both", () => {
  assert.equal(entitiesJson(db, "--name", "zeta arms").length, 1);
  assert.deepEqual(itemsOf("Zeta Arms"), ["mortars"]);
  const out = ok(entity("merge", "Alpha Defence", "Zeta Arms", "--reason", "one firm, renamed", "--by", "tester"));
  assert.match(out, /^judgement #1: merge #\d+ Alpha Defence Ltd \(organization\) and #\d+ Zeta Arms Corp \(organization\), by tester$/m);
  assert.match(out, /now shown as one party/);
  assert.deepEqual(itemsOf("Zeta Arms"), ["mortars", "rifles"]);
  assert.deepEqual(itemsOf("alpha defence"), ["mortars", "rifles"]);
  const [group, ...rest] = entitiesJson(db, "--name", "zeta arms");
  assert.equal(rest.length, 0);
  assert.equal(group?.name, "Alpha Defence Ltd");
  assert.equal(group?.aliases, "Zeta Arms Corp");
  assert.equal(group?.claims, 2);
});

test("judgements lists the judgement, for everyone and for an entity of the group", () => {
  const all = judgements();
  assert.deepEqual(all.map((j) => [j.id, j.kind, j.author, j.reason, j.revoked]), [[1, "merge", "tester", "one firm, renamed", ""]]);
  assert.match(all[0]!.a, /^#\d+ Alpha Defence Ltd$/);
  assert.deepEqual(judgements("Zeta Arms").map((j) => j.id), [1]);
  assert.deepEqual(judgements("Gamma Works"), []);
  const table = ok(entity("judgements"));
  assert.match(table, /^ID +KIND +A +B +BY/);
  assert.match(table, /\bmerge\b.*Alpha Defence Ltd.*Zeta Arms Corp.*tester/);
});

test("revoke: the two are apart again, and the judgement stays on record as revoked", () => {
  const out = ok(entity("revoke", "1"));
  assert.match(out, /^revoked judgement #1: merge #\d+ Alpha Defence Ltd and #\d+ Zeta Arms Corp/);
  assert.deepEqual(itemsOf("Zeta Arms"), ["mortars"]);
  assert.deepEqual(itemsOf("Alpha Defence"), ["rifles"]);
  const [j] = judgements();
  assert.ok(j && !Number.isNaN(Date.parse(j.revoked)), JSON.stringify(j));
  assert.match(ok(entity("revoke", "1")), /already revoked/);
});

test("not-same keeps a pair apart even when merges chain them through a third entity", () => {
  assert.match(ok(entity("not-same", "Alpha Defence", "Zeta Arms", "--by", "tester")), /now kept apart/);
  assert.match(ok(entity("merge", "Alpha Defence", "Gamma Works", "--by", "tester")), /now shown as one party/);
  assert.deepEqual(itemsOf("Alpha Defence"), ["rifles", "shells"]);
  // The newest merge wins; the older one that would chain Alpha to Zeta gives way, and says so.
  const chained = ok(entity("merge", "Gamma Works", "Zeta Arms", "--by", "tester"));
  assert.match(chained, /now shown as one party/);
  assert.match(chained, /^note: judgement #3 \(merge #\d+ Alpha Defence Ltd and #\d+ Gamma Works Inc\) no longer joins them/m);
  assert.deepEqual(itemsOf("Alpha Defence"), ["rifles"]);
  assert.deepEqual(itemsOf("Zeta Arms"), ["mortars", "shells"]);
  // Revoking the not-same lets the chain join all three.
  const notSame = judgements().find((j) => j.kind === "not-same");
  assert.ok(notSame);
  ok(entity("revoke", String(notSame.id)));
  assert.deepEqual(itemsOf("Zeta Arms"), ["mortars", "rifles", "shells"]);
});

test("split takes a member out of its group", () => {
  assert.match(ok(entity("split", "Gamma Works", "Zeta Arms", "--by", "tester")), /now kept apart/);
  assert.deepEqual(itemsOf("Zeta Arms"), ["mortars"]);
  assert.deepEqual(itemsOf("Alpha Defence"), ["rifles", "shells"]);
});

test("the judging author defaults to $USER", () => {
  const r = run(["entity", "same", "Alpha Arms", "Gamma Works", "--db", db], { env: { USER: "login-name" } });
  assert.match(ok(r), /by login-name$/m);
});

const usageErrors: Array<{ name: string; args: string[]; needles: string[] }> = [
  { name: "an unknown id", args: ["merge", "999999", "Zeta Arms"], needles: ["999999"] },
  { name: "an unknown name", args: ["merge", "Nobody Industries", "Zeta Arms"], needles: ["Nobody Industries"] },
  { name: "an ambiguous name, listing the candidates", args: ["merge", "Alpha", "Zeta Arms"], needles: ["Alpha Defence Ltd", "Alpha Arms Corp", "id"] },
  { name: "one entity only", args: ["merge", "Zeta Arms"], needles: ["two entities"] },
  { name: "the same entity twice", args: ["same", "Zeta Arms", "Zeta Arms Corp"], needles: ["one stored entity"] },
  { name: "an unknown judgement", args: ["revoke", "4242"], needles: ["4242"] },
  { name: "a judgement id that is not a number", args: ["revoke", "first"], needles: ["judgement id"] },
  { name: "--reason without a judgement", args: ["judgements", "--reason", "x"], needles: ["--reason"] },
  { name: "a bad --format", args: ["judgements", "--format", "xml"], needles: ["--format", "xml"] },
  { name: "no arguments", args: [], needles: ["merge"] },
];

for (const bad of usageErrors) {
  test(`entity with ${bad.name}: exit 2, one line, nothing recorded`, () => {
    const before = judgements().length;
    const r = entity(...bad.args);
    assertOneLineError(r, 2, ...bad.needles);
    assert.equal(r.stdout, "");
    assert.equal(judgements().length, before);
  });
}

test("entity --help shows every subcommand with examples", () => {
  const r = run(["entity", "--help"]);
  assert.equal(r.status, 0, describe(r));
  assertNoStack(r);
  for (const sub of ["merge", "split", "same", "not-same", "judgements", "revoke"]) {
    assert.match(r.stdout, new RegExp(`armstrace entity ${sub}\\b`), sub);
  }
  assert.match(r.stdout, /^Example:\n  armstrace entity /m);
});

test("a usage error does not create the database", () => {
  const fresh = path.join(tmp, "never", "x.db");
  const r = run(["entity", "revoke", "first", "--db", fresh]);
  assert.equal(r.status, 2, describe(r));
  assert.ok(!fs.existsSync(fresh));
});
