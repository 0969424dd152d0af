/**
 * The sample corpus read as a careful reader would: the transfers each sample plainly
 * reports are extracted with the shipped pair model, and the readings that would mislead
 * (a negated finding as support, accusers and regulators as suppliers) never appear.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeName } from "../../src/domain/normalize-name.ts";
import { readInputs, DEFAULT_MAX_BYTES } from "../../src/pipeline/normalize/index.ts";
import { extractReport, type ExplainedResult } from "../../src/pipeline/run-pipeline.ts";

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "samples");
const results = new Map<string, ExplainedResult>();

async function sample(file: string): Promise<ExplainedResult> {
  const hit = results.get(file);
  if (hit) return hit;
  const { reports, problems } = await readInputs([path.join(samples, file)], { maxBytes: DEFAULT_MAX_BYTES });
  assert.equal(problems.length, 0);
  const r = extractReport(reports[0]!);
  results.set(file, r);
  return r;
}

const names = (r: ExplainedResult, id: string | null): string[] => {
  const e = r.entities.find((x) => x.id === id);
  return e ? [e.name, ...e.aliases].map(normalizeName) : [];
};

function pairs(r: ExplainedResult, stances: string[]): Array<[string[], string[], string]> {
  return r.transfers.filter((t) => stances.includes(t.stance)).map((t) => [names(r, t.supplier), names(r, t.recipient), t.stance]);
}

const found = (r: ExplainedResult, s: string, rec: string, stances = ["asserted", "hedged"]): boolean =>
  pairs(r, stances).some(([a, b]) => a.includes(normalizeName(s)) && b.includes(normalizeName(rec)));

const READER_AGREES: Array<[file: string, supplier: string, recipient: string]> = [
  ["01-iran-shahed-russia-alabuga.md", "Iran", "Russia"],
  ["03-dprk-munitions-russia-joint-statement.md", "North Korea", "Russia"],
  ["11-norinco-myanmar-jfm.html", "Norinco", "Myanmar"],
  ["12-russia-su30-myanmar.txt", "Russia", "Myanmar"],
  ["14-iran-houthis-dhow-seizure.md", "Iran", "Houthis"],
  ["16-baykar-tb2-lithuania-ukraine.txt", "Baykar", "Ukraine"],
  ["17-patriot-systems-ukraine.md", "Germany", "Ukraine"],
  ["18-germany-leopard2-ukraine.html", "Germany", "Ukraine"],
  ["25-zala-lancet-kalashnikov.txt", "ZALA", "Russia"],
];

for (const [file, s, r] of READER_AGREES) {
  test(`sample ${file}: ${s} → ${r} is extracted`, async () => {
    const res = await sample(file);
    assert.ok(found(res, s, r), JSON.stringify(pairs(res, ["asserted", "hedged", "denied"])));
  });
}

test("a negated finding (\"has not seen China provide\") never supports China → Russia", async () => {
  const res = await sample("09-blinken-china-no-weapons.md");
  assert.ok(!found(res, "China", "Russia"), JSON.stringify(pairs(res, ["asserted", "hedged"])));
});

test("accusers and regulators are never suppliers in the sample corpus", async () => {
  const files = ["04-dprk-hwasong-11-kharkiv.md", "08-hong-kong-microelectronics-treasury.md", "07-garpiya-engines-sanctions.md", "02-iran-drones-safiran-sanctions.txt"];
  for (const f of files) {
    const res = await sample(f);
    for (const t of res.transfers) {
      const s = names(res, t.supplier).join(" | ");
      assert.doesNotMatch(s, /security council|department of commerce|treasury|commerce department/u, `${f}: ${s}`);
    }
  }
});

test("every claim of the samples explains itself: model version, score and its strongest features", async () => {
  const res = await sample("01-iran-shahed-russia-alabuga.md");
  assert.ok(res.transfers.length > 0);
  res.transfers.forEach((t, i) => {
    assert.match(t.model ?? "", /^pair-lr-/u);
    assert.ok(typeof t.score === "number" && t.score >= 0 && t.score <= 1);
    assert.ok((res.explanations[i]?.features ?? []).length > 0);
  });
});
