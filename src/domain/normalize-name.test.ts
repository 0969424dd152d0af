import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeName } from "./normalize-name.ts";

const cases: Array<[input: string, expected: string]> = [
  ["Rosoboronexport", "rosoboronexport"],
  ["  ROSOBORONEXPORT,   JSC ", "rosoboronexport"],
  ["AO Rosoboronexport", "rosoboronexport"],
  ["The Boeing Company", "boeing"],
  ["Lockheed Martin Corp.", "lockheed martin"],
  ["China North Industries Group Corporation Limited", "china north industries group"],
  ["Wagner Group", "wagner group"],
  ["Thales S.A.", "thales"],
  ["Airbus SE", "airbus se"],
  ["Rheinmetall AG", "rheinmetall"],
  ["Fincantieri S.p.A.", "fincantieri"],
  ["Damen Shipyards B.V.", "damen shipyards"],
  ["Acme L.L.C.", "acme"],
  ["U.S. Army", "us army"],
  ["Russia's", "russia"],
  ["Russia’s Ministry of Defence", "russia ministry of defence"],
  ["Türkiye", "turkiye"],
  ["Baykar Makina Sanayi ve Ticaret A.Ş.", "baykar makina sanayi ve ticaret as"],
  ["Société Générale", "societe generale"],
  ["ＮＯＲＩＮＣＯ", "norinco"],
  ["Kalashnikov Concern (JSC)", "kalashnikov concern"],
  ["Hindustan Aeronautics Ltd", "hindustan aeronautics"],
  ["Smith & Wesson Inc.", "smith wesson"],
  ["Myanmar Economic Holdings Public Co., Ltd.", "myanmar economic holdings public"],
  ["the", "the"],
  ["The Co.", "co"],
  ["AG", "ag"],
  ["Co Ltd", "co ltd"],
  ["Theodore Corp", "theodore"],
  ["Spartan", "spartan"],
  ["HJ-10", "hj 10"],
  ["Mi-17/Mi-171", "mi 17 mi 171"],
  ["Ростех", "ростех"],
  ["ООО Ромашка", "ооо ромашка"],
  ["", ""],
  ["  ---  ", ""],
];

for (const [input, expected] of cases) {
  test(`normalizeName(${JSON.stringify(input)}) = ${JSON.stringify(expected)}`, () => {
    assert.equal(normalizeName(input), expected);
  });
}

test("normalizeName is idempotent", () => {
  for (const [input] of cases) {
    const once = normalizeName(input);
    assert.equal(normalizeName(once), once, input);
  }
});
