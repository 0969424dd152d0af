import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSentences } from "./split-sentences.ts";

const cases: Array<[string, string, string[]]> = [
  ["two sentences", "Iran sent drones. Russia used them.", ["Iran sent drones.", "Russia used them."]],
  ["dotted acronym", "The U.S. Treasury said so. It acted.", ["The U.S. Treasury said so.", "It acted."]],
  ["initial in a name", "Lloyd J. Austin said it. Then he left.", ["Lloyd J. Austin said it.", "Then he left."]],
  ["headline line", "Iran Ships Drones\nTehran sent them to Moscow.", ["Iran Ships Drones", "Tehran sent them to Moscow."]],
  ["paragraphs", "First one.\n\nSecond one.", ["First one.", "Second one."]],
  [
    "hard-wrapped paragraph",
    "The six entities are subject to severe restrictions on access to U.S. technologies for\nhaving contracted to continue to supply Russian military end users since February 2022,\nwhen the restrictions were put in place.",
    ["The six entities are subject to severe restrictions on access to U.S. technologies for\nhaving contracted to continue to supply Russian military end users since February 2022,\nwhen the restrictions were put in place."],
  ],
  [
    "semicolon clauses in wrapped text",
    "Whereas arms transfer agreements between the Russian Federation and Iran have been\nvalued in total at a large sum and grew considerably over the period;\nWhereas Russia has agreed to upgrade aircraft.",
    [
      "Whereas arms transfer agreements between the Russian Federation and Iran have been\nvalued in total at a large sum and grew considerably over the period;",
      "Whereas Russia has agreed to upgrade aircraft.",
    ],
  ],
  ["quote close", "He said “it is false.” Then he left.", ["He said “it is false.”", "Then he left."]],
  ["lower-case after stop is no boundary", "Approx. ten drones arrived.", ["Approx. ten drones arrived."]],
];

for (const [name, input, expected] of cases) {
  test(`splitSentences: ${name}`, () => {
    const spans = splitSentences(input);
    assert.deepEqual(spans.map((s) => s.text), expected);
    for (const s of spans) assert.equal(input.slice(s.start, s.end), s.text);
  });
}
