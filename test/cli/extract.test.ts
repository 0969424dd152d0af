import { after, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { htmlToReport } from "../../src/pipeline/normalize/index.ts";
import {
  checkReport,
  describe,
  makeTempDir,
  parseJsonLines,
  removeDir,
  run,
  transfersBetween,
  write,
  type OutReport,
} from "./helpers.ts";

const IRAN = ["Iran", "Islamic Republic of Iran"];
const RUSSIA = ["Russia", "Russian Federation"];
const DPRK = ["North Korea", "DPRK", "Democratic People's Republic of Korea"];

const IRAN_RUSSIA = "Iran supplied Shahed-136 drones to Russia, the U.S. Treasury said.";
const DPRK_RUSSIA = "North Korea shipped artillery shells to Russia in 2023.";

const tmp = makeTempDir();
after(() => removeDir(tmp));

/** Runs `extract` expecting success and returns the printed reports. */
function extractOk(args: string[], input?: string): unknown[] {
  const r = run(["extract", ...args], input === undefined ? {} : { input });
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.stderr, "", describe(r));
  return parseJsonLines(r.stdout);
}

function assertIranToRussia(report: OutReport): void {
  const hits = transfersBetween(report, IRAN, RUSSIA);
  assert.ok(hits.length >= 1, `expected Iran → Russia in ${JSON.stringify(report.transfers)}`);
  assert.ok(hits.some((t) => t.evidence.text.includes("Shahed-136")), "its evidence quotes the sentence");
}

test("extract .txt with front matter: offsets index the body after the header", () => {
  const body = `Tehran denies it.\n\n${IRAN_RUSSIA}\n`;
  const file = write(tmp, "txt/iran.txt", `---\nid: iran-treasury\ntitle: Drones for Moscow\npublisher: Test Wire\npublished: 2024-03-01\n---\n${body}`);
  const out = extractOk([file]);
  assert.equal(out.length, 1);
  const report = checkReport(out[0], body);
  assert.equal(report.id, "iran-treasury", "the front matter's id is used");
  assertIranToRussia(report);
  assert.ok(transfersBetween(report, IRAN, RUSSIA).every((t) => t.evidence.start > 0), "offsets count from the body, not from 0 by accident");
});

test("extract .md: raw Markdown text is what offsets index", () => {
  const text = `# Shells for the front\n\n*Analysis* by our **defence desk**.\n\n${DPRK_RUSSIA} Officials in Seoul confirmed the shipments.\n`;
  const out = extractOk([write(tmp, "md/dprk-shells.md", text)]);
  assert.equal(out.length, 1);
  const report = checkReport(out[0], text);
  assert.equal(report.id, "dprk-shells", "id is the file name without extension");
  assert.ok(transfersBetween(report, DPRK, RUSSIA).length >= 1, JSON.stringify(report));
});

test("extract .html: the article only, no nav/footer junk, offsets index the extracted text", () => {
  const html = `<!doctype html>
<html><head><title>Drones for Moscow</title><meta name="publisher" content="Example News"></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/x">Cuba sells rifles to Venezuela</a></nav>
<article>
<h1>Drones for Moscow</h1>
<p>${IRAN_RUSSIA}</p>
<p>Officials said the deliveries continued through the summer and that more shipments were expected before winter.</p>
</article>
<aside>Related: Belarus shipped tanks to Armenia.</aside>
<footer><p>Copyright Example News. Cuba delivered rifles to Venezuela. Subscribe now.</p></footer>
</body></html>
`;
  const file = write(tmp, "html/page.html", html);
  const out = extractOk([file]);
  assert.equal(out.length, 1);
  const expectedText = htmlToReport(html, file).text;
  assert.ok(expectedText.includes(IRAN_RUSSIA) && !/Cuba|Subscribe|Belarus/.test(expectedText), "sanity: the reader keeps only the article");
  const report = checkReport(out[0], expectedText);
  assert.equal(report.id, "page");
  assertIranToRussia(report);
  const junk = ["cuba", "venezuela", "belarus", "armenia"];
  const names = report.entities.flatMap((e) => [e.name, ...e.aliases].map((n) => n.toLowerCase()));
  assert.deepEqual(names.filter((n) => junk.includes(n)), [], "no entity comes from nav, aside or footer");
  assert.ok(report.transfers.every((t) => !/Cuba|Subscribe|Home/.test(t.evidence.text)), "no evidence from page furniture");
});

test("extract .jsonl: one object per line, offsets index each line's text (UTF-16 units)", () => {
  const lines = [
    { id: "r1", text: `Update 🛰️ — “Satellite images” were published on Monday. ${IRAN_RUSSIA}`, publisher: "Wire" },
    { id: "r2", text: DPRK_RUSSIA },
  ];
  const file = write(tmp, "jsonl/two.jsonl", lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  const out = extractOk([file]);
  assert.equal(out.length, 2);
  const r1 = checkReport(out[0], lines[0]!.text);
  const r2 = checkReport(out[1], lines[1]!.text);
  assert.deepEqual([r1.id, r2.id], ["r1", "r2"], "the records' ids, in file order");
  assertIranToRussia(r1);
  assert.ok(transfersBetween(r1, IRAN, RUSSIA).some((t) => t.evidence.start > 50), "offset after the emoji and quotes");
  assert.ok(transfersBetween(r2, DPRK, RUSSIA).length >= 1, JSON.stringify(r2));
});

test("extract a directory: reads report files recursively, skips other files and hidden ones", () => {
  const dir = path.join(tmp, "tree");
  const texts: Record<string, string> = {
    a: `${IRAN_RUSSIA}\n`,
    b: `## Note\n\n${DPRK_RUSSIA}\n`,
    c: "Serbia denied that it had sold ammunition to Russia.",
  };
  write(dir, "a.txt", texts["a"]!);
  write(dir, "sub/b.md", texts["b"]!);
  write(dir, "sub/deeper/more.jsonl", JSON.stringify({ id: "c", text: texts["c"] }) + "\n");
  write(dir, "sub/picture.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  write(dir, "sub/brief.pdf", "%PDF-1.4 not a report");
  write(dir, ".hidden.txt", "Cuba delivered rifles to Venezuela.");
  write(dir, ".git/notes.md", "Cuba delivered rifles to Venezuela.");
  const out = extractOk([dir]);
  const reports = out.map((o) => {
    const id = (o as { id: string }).id;
    return checkReport(o, texts[id]);
  });
  assert.deepEqual(reports.map((r) => r.id).sort(), ["a", "b", "c"]);
  assertIranToRussia(reports.find((r) => r.id === "a")!);
  assert.ok(transfersBetween(reports.find((r) => r.id === "b")!, DPRK, RUSSIA).length >= 1);
});

test("extract - reads a report from stdin", () => {
  const text = `${IRAN_RUSSIA} The shipments went by sea.\n`;
  const out = extractOk(["-"], text);
  assert.equal(out.length, 1);
  const report = checkReport(out[0], text);
  assert.equal(report.id, "stdin");
  assertIranToRussia(report);
});

test("extract --explain prints rule, trigger and cue lines for each transfer", () => {
  const file = write(tmp, "explain/claim.txt", `${IRAN_RUSSIA}\nSerbia denied that it had sold ammunition to Russia.\n`);
  const r = run(["extract", "--explain", file]);
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.stderr, "");
  assert.match(r.stdout, /^# claim: \d+ transfer\(s\)/m, "a header per report");
  assert.match(r.stdout, /^\d+\. Iran → Russia\b/m, "the transfer, by name");
  const rules = r.stdout.match(/^ {3}rule: +extract\/\S+$/gm) ?? [];
  const triggers = r.stdout.match(/^ {3}trigger: +"[^"]+" at \d+-\d+$/gm) ?? [];
  const cues = r.stdout.match(/^ {3}cues: +\S.*$/gm) ?? [];
  assert.ok(rules.length >= 1, r.stdout);
  assert.equal(triggers.length, rules.length, "one trigger line per transfer");
  assert.equal(cues.length, rules.length, "one cues line per transfer");
  assert.ok(cues.some((c) => /denied/.test(c)), `the denial's cue is shown:\n${r.stdout}`);
  assert.ok(!r.stdout.trimStart().startsWith("{"), "not JSON");
});
