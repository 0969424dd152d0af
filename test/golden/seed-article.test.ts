import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractReport } from "../../src/pipeline/run-pipeline.ts";
import { normalizeName } from "../../src/domain/normalize-name.ts";
import type { ExtractedTransfer, ExtractionResult } from "../../src/domain/types.ts";

// The founding article, as a careful reader finds its claims. Names are matched the
// way the scorer matches them, so the test does not depend on entity ids.
const text = readFileSync(fileURLToPath(new URL("../../../shared/seed/seed-article.txt", import.meta.url)), "utf8");
const result = extractReport({ id: "seed", text, format: "txt", origin: "seed-article.txt" });

function names(r: ExtractionResult, id: string | null): string[] {
  const e = r.entities.find((x) => x.id === id);
  return e ? [e.name, ...e.aliases].map(normalizeName) : [];
}
function find(pred: (t: ExtractedTransfer) => boolean): ExtractedTransfer[] {
  return result.transfers.filter(pred);
}
const is = (id: string | null, ...wanted: string[]): boolean => names(result, id).some((n) => wanted.map(normalizeName).includes(n));
const RUSSIA = ["Russia", "Russian military", "Russia's military", "Russian forces", "Russian troops"];

test("seed: DJI → Russian military, asserted in the headline", () => {
  const hits = find((t) => is(t.supplier, "DJI") && is(t.recipient, ...RUSSIA) && t.stance === "asserted");
  assert.ok(hits.length >= 1, JSON.stringify(result.transfers, null, 1));
  assert.ok(hits.some((t) => t.evidence.start < 80), "the headline carries it");
});

test("seed: DJI denies it, as its own claimant", () => {
  const hits = find((t) => is(t.supplier, "DJI") && is(t.recipient, ...RUSSIA) && t.stance === "denied");
  assert.ok(hits.length >= 1);
  assert.ok(hits.some((t) => is(t.claimant, "DJI")));
});

test("seed: DJI → Russia hedged (the minister's accusation)", () => {
  const hits = find((t) => is(t.supplier, "DJI") && is(t.recipient, ...RUSSIA) && t.stance === "hedged");
  assert.ok(hits.length >= 1);
});

test("seed: Norinco → Myanmar military according to Justice For Myanmar", () => {
  const hits = find((t) => is(t.supplier, "Norinco") && is(t.recipient, "Myanmar military"));
  assert.ok(hits.length >= 1, JSON.stringify(result.transfers.map((t) => [names(result, t.supplier)[0], names(result, t.recipient)[0]])));
  assert.ok(hits.some((t) => is(t.claimant, "Justice For Myanmar")));
});

test("seed: Norinco → Russia, hedged", () => {
  const hits = find((t) => is(t.supplier, "Norinco", "China North Industries Group") && is(t.recipient, ...RUSSIA) && t.stance === "hedged");
  assert.ok(hits.length >= 1);
  assert.ok(hits[0]!.items.some((i) => /armou?red vehicles/i.test(i)));
});

test("seed: China Electronics Corp and IRay Technology → Russia according to Rossiya Segodnya", () => {
  for (const supplier of ["China Electronics Corp", "IRay Technology Corp"]) {
    const hits = find((t) => is(t.supplier, supplier) && is(t.recipient, ...RUSSIA));
    assert.ok(hits.length >= 1, supplier);
    assert.ok(hits.some((t) => is(t.claimant, "Rossiya Segodnya")), `${supplier} claimant`);
  }
});

test("seed: the arms show and the demonstration are not transfers", () => {
  for (const t of result.transfers) {
    assert.ok(!/arms show|Airshow China|is demonstrated/.test(t.evidence.text), t.evidence.text);
  }
});

test("seed: every evidence span indexes the text", () => {
  for (const t of result.transfers) assert.equal(text.slice(t.evidence.start, t.evidence.end), t.evidence.text);
});
