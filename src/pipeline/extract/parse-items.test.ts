import { test } from "node:test";
import assert from "node:assert/strict";
import { parseItems } from "./parse-items.ts";

const cases: Array<[string, string[]]> = [
  ["more than 1,000 containers of military equipment and munitions", ["containers of military equipment", "munitions"]],
  ["more than 400 ballistic missiles", ["ballistic missiles"]],
  ["$500 million worth of U.S. arms and equipment from Department of Defense stocks", ["U.S. arms", "equipment"]],
  ["both finished military equipment and military production assistance", ["finished military equipment", "military production assistance"]],
  ["20,000 rounds of 155 mm artillery shells", ["rounds of 155 mm artillery shells"]],
  ["Shahed-136 drones, Fath-360 missiles and spare parts", ["Shahed-136 drones", "Fath-360 missiles", "spare parts"]],
  ["is now providing materials", ["materials"]],
  ["weapons are being supplied", []],
  ["ammunition, would not sell weapons", ["ammunition"]],
  ["", []],
];

for (const [input, expected] of cases) {
  test(`parseItems: ${input || "(empty)"}`, () => assert.deepEqual(parseItems(input), expected));
}
