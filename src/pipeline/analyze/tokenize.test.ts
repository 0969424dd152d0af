import { test } from "node:test";
import assert from "node:assert/strict";
import { phraseKey, tokenize } from "./tokenize.ts";

const cases: Array<[string, string[]]> = [
  ["Russia’s military", ["Russia", "’s", "military"]],
  ["U.S.-made tanks", ["U.S.", "-", "made", "tanks"]],
  ["PLZ-52 howitzers", ["PLZ", "-", "52", "howitzers"]],
  ["China North Industries Group (NORINCO)", ["China", "North", "Industries", "Group", "(", "NORINCO", ")"]],
  ["Норинко и 中国北方工业公司", ["Норинко", "и", "中国北方工业公司"]],
];
for (const [input, expected] of cases) {
  test(`tokenize: ${input}`, () => {
    const toks = tokenize(input, 10);
    assert.deepEqual(toks.map((t) => t.text), expected);
    for (const t of toks) assert.equal(input.slice(t.start - 10, t.end - 10), t.text);
  });
}

test("phraseKey drops hyphens and dots and lowers case", () => {
  assert.equal(phraseKey("Shahed-136"), "shahed 136");
  assert.equal(phraseKey("U.S."), "us");
  assert.equal(phraseKey("Russia's"), "russia 's");
});
