import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { assertNoStack, makeTempDir, removeDir, run } from "./helpers.ts";

let dir = "";
let db = "";
const REPORTS = [
  "Norinco supplied assault rifles to the Myanmar military in 2023.",
  "In 2023 Norinco delivered assault rifles to the Myanmar military, officials said.",
];

before(() => {
  dir = makeTempDir();
  db = path.join(dir, "claim.db");
  for (const [i, text] of REPORTS.entries()) {
    const r = run(["ingest", "-", "--db", db], { input: `---\npublisher: ${i === 0 ? "Reuters" : "Associated Press"}\npublished: 2024-03-0${i + 1}\n---\n${text}\n` });
    assert.equal(r.status, 0, r.stderr);
  }
});
after(() => removeDir(dir));

const credibility = (out: string) => Number(/credibility (\d)/.exec(out)?.[1]);

test("claim reject regrades the relation; revoke restores it; reviews lists both states", () => {
  const claims = JSON.parse(run(["claims", "--db", db, "--format", "json"]).stdout) as unknown[];
  assert.equal(claims.length, 2);
  const id = "1"; // a fresh store numbers claims from 1
  const rejected = run(["claim", "reject", id, "--db", db, "--reason", "misread", "--by", "ana"]);
  assert.equal(rejected.status, 0, rejected.stderr);
  assert.match(rejected.stdout, /review #1: reject of claim/);
  const revoked = run(["claim", "revoke", "1", "--db", db]);
  assert.equal(revoked.status, 0, revoked.stderr);
  assert.ok(credibility(rejected.stdout) > credibility(revoked.stdout), `${rejected.stdout} vs ${revoked.stdout}`);
  const reviews = JSON.parse(run(["claim", "reviews", id, "--db", db]).stdout) as Array<{ author: string; revokedAt: string | null }>;
  assert.equal(reviews[0]?.author, "ana");
  assert.ok(reviews[0]?.revokedAt);
});

test("claim usage errors exit 2 with one line", () => {
  for (const args of [["claim"], ["claim", "accept"], ["claim", "accept", "x"], ["claim", "reject", "1", "--stance", "denied"], ["claim", "correct", "1"]]) {
    const r = run([...args, "--db", db]);
    assert.equal(r.status, 2, args.join(" "));
    assertNoStack(r);
  }
  const missing = run(["claim", "accept", "999", "--db", db]);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /no claim with id 999/);
});
