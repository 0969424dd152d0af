import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { assertNoStack, makeTempDir, removeDir, run, write } from "./helpers.ts";

let dir = "";
let db = "";
let list = "";

const REPORTS = [
  ["Reuters", "2024-03-01", "Norinco supplied assault rifles to the Myanmar military in 2023."],
  ["Associated Press", "2024-03-02", "In 2023 Norinco delivered assault rifles to the Myanmar military, officials said."],
  ["Reuters", "2024-04-11", "Xiamen Aero Engine Co was founded in 1978 and makes parts for civil aircraft."],
] as const;

before(() => {
  dir = makeTempDir();
  db = path.join(dir, "screen.db");
  for (const [publisher, published, text] of REPORTS) {
    const r = run(["ingest", "-", "--db", db], { input: `---\npublisher: ${publisher}\npublished: ${published}\n---\n${text}\n` });
    assert.equal(r.status, 0, r.stderr);
  }
  list = write(dir, "vendors.csv", [
    "name,country,website,identifiers",
    "Acme Widgets Ltd,GB,,",
    '"China North Industries Corp., Ltd.",China,,91110000100010433L',
    "Xiamen Airlines,CN,,",
    "Норинко,,,",
  ].join("\n"));
});
after(() => removeDir(dir));

interface JsonResult {
  vendor: { name: string; line: number; country: string | null; identifiers: string[] };
  flagged: boolean;
  tier: string;
  rule: { id: string };
  matches: Array<{ entity: { id: number; name: string; aliases: string[] }; score: number; features: Array<{ feature: string }> }>;
  evidence: Array<{ grade: string; quote: { text: string } | null; recipient: string }>;
  decisions: Array<{ decision: string; author: string }>;
}

test("screen --format json: one array in input order with matches, evidence and tier", () => {
  const r = run(["screen", list, "--db", db, "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(r.stdout) as JsonResult[];
  assert.deepEqual(results.map((x) => x.vendor.name), ["Acme Widgets Ltd", "China North Industries Corp., Ltd.", "Xiamen Airlines", "Норинко"]);
  const [acme, norinco, xiamen, cyrillic] = results as [JsonResult, JsonResult, JsonResult, JsonResult];
  assert.equal(acme.flagged, false);
  assert.equal(acme.tier, "clear");
  assert.equal(norinco.vendor.country, "CN");
  assert.deepEqual(norinco.vendor.identifiers, ["91110000100010433L"]);
  assert.equal(norinco.flagged, true);
  assert.match(norinco.matches[0]!.entity.name, /Norinco|North Industries/i);
  assert.ok(norinco.matches[0]!.score > 0.85 && norinco.matches[0]!.score < 1);
  assert.ok(norinco.matches[0]!.features.length >= 7);
  assert.match(norinco.evidence[0]!.recipient, /Myanmar/);
  assert.match(norinco.evidence[0]!.quote!.text, /assault rifles/);
  assert.match(norinco.rule.id, /^R\d/);
  assert.equal(xiamen.flagged, false, "a city in common is not a match");
  assert.equal(cyrillic.flagged, true, "the Cyrillic name finds the same firm");
  assert.match(r.stderr, /screened 4 vendor\(s\): 2 flagged/);
});

test("screen table puts the riskiest first; --flagged keeps only those", () => {
  const r = run(["screen", list, "--db", db]);
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split("\n").slice(1);
  assert.match(rows[0]!, /yes/);
  assert.match(rows.at(-1)!, /clear/);
  const flagged = run(["screen", list, "--db", db, "--flagged", "--format", "csv"]);
  assert.equal(flagged.stdout.trim().split("\n").length, 3, flagged.stdout);
});

test("decide records who, when and the evidence; the next screening shows it; html and pdf carry it", () => {
  const d = run(["decide", "Norinco", "--delist", "--reason", "credible reports of rifles to Myanmar", "--by", "compliance-officer", "--db", db]);
  assert.equal(d.status, 0, d.stderr);
  assert.match(d.stdout, /decision 1: delist "Norinco" by compliance-officer/);
  assert.match(d.stdout, /1 supplier relation/);
  const listed = JSON.parse(run(["decide", "--list", "Norinco", "--db", db, "--format", "json"]).stdout) as Array<{ reason: string; evidence: unknown[]; createdAt: string }>;
  assert.equal(listed.length, 1);
  assert.equal(listed[0]!.evidence.length, 1);
  assert.ok(Date.parse(listed[0]!.createdAt) > 0);

  const vendors = write(dir, "again.jsonl", '{"name":"NORINCO","country":"CN"}\n');
  const again = JSON.parse(run(["screen", vendors, "--db", db, "--format", "json"]).stdout) as JsonResult[];
  assert.equal(again[0]!.decisions[0]!.decision, "delist");
  assert.equal(again[0]!.decisions[0]!.author, "compliance-officer");

  const html = path.join(dir, "report.html");
  assert.equal(run(["screen", vendors, "--db", db, "--format", "html", "--out", html]).status, 0);
  const page = fs.readFileSync(html, "utf8");
  assert.match(page, /credible reports of rifles to Myanmar/);
  assert.match(page, /assault rifles/);
  const pdf = path.join(dir, "report.pdf");
  const p = run(["screen", vendors, "--db", db, "--format", "pdf", "--out", pdf]);
  assert.equal(p.status, 0, p.stderr);
  assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
});

test("decide --monitor starts a vendor watch", () => {
  const d = run(["decide", "Xiamen Airlines", "--monitor", "--reason", "name resembles an engine maker", "--country", "CN", "--db", db]);
  assert.equal(d.status, 0, d.stderr);
  assert.match(d.stdout, /watching "Xiamen Airlines"/);
  assert.match(run(["watch", "list", "--db", db]).stdout, /vendor +Xiamen Airlines +CN/);
});

test("bad vendor lists and options fail with one line and change nothing", () => {
  const before = fs.readFileSync(db);
  const cases: Array<[string[], RegExp, number]> = [
    [["screen", write(dir, "nocol.csv", "company,country\nAcme,GB\n"), "--db", db], /has no "name" column/, 1],
    [["screen", write(dir, "bin.csv", Buffer.from([0, 1, 2, 3, 0, 0, 5])), "--db", db], /looks binary/, 1],
    [["screen", write(dir, "bad.jsonl", '{"name":"A"}\n{"name":\n'), "--db", db], /line 2 is not valid JSON/, 1],
    [["screen", path.join(dir, "missing.csv"), "--db", db], /missing\.csv/, 1],
    [["screen", list, "--db", db, "--format", "pdf"], /needs --out/, 2],
    [["screen", list, "--db", db, "--format", "xml"], /--format must be one of/, 2],
    [["decide", "Norinco", "--delist", "--keep", "--reason", "x", "--db", db], /exactly one of/, 2],
    [["decide", "Norinco", "--keep", "--db", db], /give the reason/, 2],
    [["screen", list, "--bogus"], /Unknown option/, 2],
  ];
  for (const [args, message, status] of cases) {
    const r = run(args);
    assert.equal(r.status, status, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assertNoStack(r);
  }
  assert.ok(fs.readFileSync(db).equals(before), "the store is unchanged");
});
