import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { assertOneLineError, claimsJson, describe, makeTempDir, removeDir, run, write } from "./helpers.ts";

const tmp = makeTempDir();
after(() => removeDir(tmp));

test("train without data or without --out is a usage error with one line", () => {
  assertOneLineError(run(["train", "--from-store"]), 2, "--out");
  assertOneLineError(run(["train", "--out", path.join(tmp, "m.json")]), 2, "--gold");
  assertOneLineError(run(["train", "--gold", path.join(tmp, "nowhere"), "--out", path.join(tmp, "m.json")]), 2, "not a folder");
});

test("extract --model with a missing or malformed model file is a usage error with one line", () => {
  const report = write(tmp, "r.txt", "Kestrel Dynamics delivered thermal sights to the Vanguard Brigade.\n");
  assertOneLineError(run(["extract", report, "--model", path.join(tmp, "missing.json")]), 2, "model file not found");
  const bad = write(tmp, "bad.json", "{\"hello\": 1}");
  assertOneLineError(run(["extract", report, "--model", bad]), 2, "not a pair model");
});

test("train --from-store learns from analysts' verdicts and writes a versioned model with its card", () => {
  const db = path.join(tmp, "store.db");
  const corpus = path.join(tmp, "corpus");
  write(corpus, "a.txt", "Kestrel Dynamics delivered thermal sights to the Vanguard Brigade, the ministry said.\n");
  write(corpus, "b.txt", "Orion Logistics shipped drone engines to the Northern Army last spring.\n");
  const ing = run(["ingest", corpus, "--db", db]);
  assert.equal(ing.status, 0, describe(ing));
  const claims = claimsJson(db);
  assert.ok(claims.length >= 2, JSON.stringify(claims));
  // A fresh store numbers claims from 1.
  const reject = run(["claim", "reject", "1", "--reason", "a different shipment", "--db", db]);
  assert.equal(reject.status, 0, describe(reject));
  const accept = run(["claim", "accept", "2", "--db", db]);
  assert.equal(accept.status, 0, describe(accept));
  const out = path.join(tmp, "models", "from-store.json");
  const r = run(["train", "--from-store", "--db", db, "--out", out]);
  assert.equal(r.status, 0, describe(r));
  assert.match(r.stdout, /2 analysts' verdicts/u);
  const model = JSON.parse(fs.readFileSync(out, "utf8")) as { version: string; weights: Record<string, number>; threshold: number };
  assert.match(model.version, /^pair-lr-[0-9a-f]{12}$/u);
  assert.ok(Object.keys(model.weights).length > 0);
  const card = fs.readFileSync(out.replace(/\.json$/u, ".md"), "utf8");
  assert.match(card, new RegExp(model.version));
  assert.match(card, /sha256/u);
  // The new model is usable at once, and every claim names it.
  const ex = run(["extract", path.join(corpus, "b.txt"), "--model", out]);
  assert.equal(ex.status, 0, describe(ex));
  for (const t of JSON.parse(ex.stdout).transfers as Array<{ model: string }>) assert.equal(t.model, model.version);
});

test("rejecting claims and retraining changes what is extracted from similar text", () => {
  const gold = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..", "shared", "gold", "train");
  assert.ok(fs.existsSync(gold), `gold training reports expected at ${gold}`);
  const db = path.join(tmp, "verdicts.db");
  const corpus = path.join(tmp, "cranes");
  // Civilian cranes leased between states: an analyst rejects each as no military transfer.
  write(corpus, "a.txt", "Norway leased cargo cranes to Chile.\n");
  write(corpus, "b.txt", "Denmark leased harbour cranes to Peru.\n");
  write(corpus, "c.txt", "Finland leased port cranes to Ecuador.\n");
  assert.equal(run(["ingest", corpus, "--db", db]).status, 0);
  const stored = claimsJson(db);
  assert.equal(stored.length, 3, JSON.stringify(stored));
  for (const id of [1, 2, 3]) assert.equal(run(["claim", "reject", String(id), "--reason", "civilian cranes", "--db", db]).status, 0);
  const similar = write(tmp, "similar.txt", "Sweden leased container cranes to Colombia.\n");
  const before = JSON.parse(run(["extract", similar]).stdout) as { transfers: unknown[] };
  assert.equal(before.transfers.length, 1, "the shipped model takes the similar sentence as a transfer");
  const out = path.join(tmp, "models", "corrected.json");
  const r = run(["train", "--gold", gold, "--from-store", "--db", db, "--folds", "0", "--out", out]);
  assert.equal(r.status, 0, describe(r));
  assert.match(r.stdout, /3 analysts' verdicts/u);
  const after = JSON.parse(run(["extract", similar, "--model", out]).stdout) as { transfers: unknown[] };
  assert.equal(after.transfers.length, 0, JSON.stringify(after));
});
