import { test } from "node:test";
import assert from "node:assert/strict";
import { WordPieceTokenizer } from "./wordpiece-tokenizer.ts";

// A tiny vocabulary in BERT's layout: one token a line, the line number is the id.
const vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "iran", "supplied", "drones", "to", "russia", "@", "*", "#", "^", "state", "sha", "##hed", "-", "136", "cafe", "."].join("\n");
const tok = new WordPieceTokenizer(vocab);

test("basic tokenization lower-cases, strips accents and splits punctuation", () => {
  assert.deepEqual(tok.basic("Iran supplied Shahed-136 drones to RUSSIA."), ["iran", "supplied", "shahed", "-", "136", "drones", "to", "russia", "."]);
  assert.deepEqual(tok.basic("Café"), ["cafe"]);
  assert.deepEqual(tok.basic("中国"), ["中", "国"]);
});

test("wordpieces take the longest vocabulary match and mark continuations; unknown words become [UNK]", () => {
  const { ids, mask } = tok.encode("@ * state * Iran @ supplied Shahed drones to Xyz");
  assert.deepEqual(ids, [2, 9, 10, 13, 10, 4, 9, 5, 14, 15, 6, 7, 1, 3]);
  assert.equal(mask.length, ids.length);
});

test("encoding is cut to the maximum length with [SEP] kept last", () => {
  const { ids } = tok.encode("iran ".repeat(50), 8);
  assert.equal(ids.length, 8);
  assert.equal(ids[0], tok.cls);
  assert.equal(ids.at(-1), tok.sep);
});
