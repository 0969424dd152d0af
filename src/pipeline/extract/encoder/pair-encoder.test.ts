import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractReportAsync } from "../../run-pipeline.ts";
import { PairEncoder, SHIPPED_ENCODER } from "./pair-encoder.ts";
import { WordPieceTokenizer } from "./wordpiece-tokenizer.ts";

// Ids the reference BERT tokenizer (transformers' BertTokenizerFast over the same vocab.txt)
// gives these sentences, written for this test.
const REFERENCE = [
  { text: "@ * state * Iran @ supplied Shahed-136 drones to # ^ armed force ^ Russia's army #.", ids: [101, 1030, 1008, 2110, 1008, 4238, 1030, 8127, 7890, 2098, 1011, 15407, 24633, 2000, 1001, 1034, 4273, 2486, 1034, 3607, 1005, 1055, 2390, 1001, 1012, 102] },
  { text: "Kestrel Dynamics (Кестрел) delivered 4,000 thermal sights — worth $2.5m — to the Vanguard Brigade, officials said.", ids: [101, 17710, 26877, 10949, 1006, 1189, 15290, 29747, 22919, 16856, 15290, 29436, 1007, 5359, 1018, 1010, 2199, 9829, 15925, 1517, 4276, 1002, 1016, 1012, 1019, 2213, 1517, 2000, 1996, 18332, 4250, 1010, 4584, 2056, 1012, 102] },
  { text: "Café owners in Zürich bought 深圳 drones; naïve “quotes” and ellipses… stay.", ids: [101, 7668, 5608, 1999, 10204, 4149, 100, 100, 24633, 1025, 15743, 1523, 16614, 1524, 1998, 3449, 15000, 8583, 1529, 2994, 1012, 102] },
];

test("the WordPiece tokenizer gives the reference tokenizer's ids on the shipped vocabulary", () => {
  const tok = new WordPieceTokenizer(readFileSync(join(SHIPPED_ENCODER, "vocab.txt"), "utf8"));
  for (const r of REFERENCE) assert.deepEqual(tok.encode(r.text).ids, r.ids, r.text);
});

test("the shipped encoder runs offline through onnxruntime-node and scores a plain transfer above a non-transfer", async () => {
  const enc = await PairEncoder.load();
  const [yes, no] = await enc.probabilities([
    "@ * state * Norway @ delivered artillery shells to # ^ state ^ Estonia # last year.",
    "@ * state * Norway @ and # ^ state ^ Estonia # held talks on fisheries last year.",
  ]);
  assert.ok(yes! >= 0 && yes! <= 1 && no! >= 0 && no! <= 1);
  assert.ok(yes! > no!, `transfer ${yes} should outscore talks ${no}`);
});

test("accurate and cascade modes extract with the encoder and name both models on each claim", async () => {
  const encoder = await PairEncoder.load();
  const report = { id: "t", text: "Norway delivered artillery shells to Estonia last year.", format: "txt" as const, origin: "t" };
  for (const mode of ["accurate", "cascade"] as const) {
    const r = await extractReportAsync(report, { mode, encoder });
    for (const t of r.transfers) assert.match(t.model ?? "", /^pair-lr-\w+\+minilm-pair-\w+$/u, mode);
    assert.ok(r.transfers.every((t) => typeof t.score === "number"), mode);
  }
});
