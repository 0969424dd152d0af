import { test } from "node:test";
import assert from "node:assert/strict";
import { MINHASH_SIZE, NEAR_DUPLICATE_JACCARD, estimateJaccard, minhash } from "./minhash.ts";

const base =
  "Myanmar's military has taken delivery of two Su-30SME fighter jets from Russia, the regime said on Monday. " +
  "The aircraft arrived at an air base near the capital after a ceremony attended by senior officers. " +
  "Russia agreed in 2018 to sell six of the jets to the Myanmar Air Force, which has used its aircraft in air strikes " +
  "on villages held by resistance groups since the coup in February 2021, according to rights groups and residents. " +
  "A spokesman for the junta said the remaining four fighters would be delivered next year under the same contract.";

const cases: Array<[name: string, text: string, near: boolean]> = [
  ["the same text", base, true],
  ["a wire dateline in front", `YANGON (Reuters) - ${base}`, true],
  ["a byline and footer", `${base}\n\nReporting by Jane Doe; editing by John Roe.`, true],
  ["one word changed", base.replace("ceremony", "parade"), true],
  ["different punctuation and case", base.toUpperCase().replaceAll(",", " ;"), true],
  ["only the first half", base.slice(0, base.length / 2), false],
  ["another report", "Germany will send Leopard 2 tanks to Ukraine and allow partners to re-export theirs, the chancellor said.", false],
];

for (const [name, text, near] of cases) {
  test(`minhash: ${name} is ${near ? "" : "not "}a near-duplicate`, () => {
    const j = estimateJaccard(minhash(base), minhash(text));
    assert.equal(j >= NEAR_DUPLICATE_JACCARD, near, `estimated Jaccard ${j}`);
  });
}

test("minhash: signatures have a fixed size, are deterministic, and handle tiny texts", () => {
  assert.equal(minhash(base).length, MINHASH_SIZE * 8);
  assert.equal(minhash(base), minhash(`${base}`));
  assert.equal(estimateJaccard(minhash("two words"), minhash("Two, words!")), 1);
  assert.equal(estimateJaccard(minhash(""), minhash("")), 1);
  assert.equal(estimateJaccard(minhash(""), minhash("something else entirely here")), 0);
});
