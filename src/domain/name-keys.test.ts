import { test } from "node:test";
import assert from "node:assert/strict";
import { acronymOf, foldSpelling, isShortKey, nameKeyDetails, nameKeys, stripLegalForms } from "./name-keys.ts";
import { normalizeName } from "./normalize-name.ts";

/** Whether two names share a comparison key, as the store decides "same entity". */
function meet(a: string, b: string): boolean {
  const keys = new Set(nameKeys(a));
  return nameKeys(b).some((k) => keys.has(k));
}

// Names of one party in different cases, scripts, legal forms and spellings.
const same: Array<[a: string, b: string]> = [
  ["Norinco", "NORINCO"],
  ["NORINCO", "Norinco Ltd."],
  ["China North Industries Group Corp Ltd", "China North Industries Group Corporation Limited"],
  ["China North Industries Group Corp Ltd", "China North Industries Group"],
  ["Norinco", "Норинко"],
  ["中国北方工业公司", "Zhongguo Beifang Gongye"],
  ["中国北方工业公司", "中国北方工业有限公司"],
  ["中国兵器工业集团有限公司", "中国兵器工业集团"],
  ["中国兵器工业集团有限公司", "Zhongguo Bingqi Gongye"],
  ["Rosoboronexport", "Рособоронэкспорт"],
  ["AO Rosoboronexport", "ROSOBORONEXPORT JSC"],
  ["Public Joint Stock Company Rostec", "Rostec PJSC"],
  ["ООО Ромашка", "Romashka LLC"],
  ["ООО Ромашка", "OOO Romashka"],
  ["Wagner", "Вагнер"],
  ["Almaz-Antey", "Алмаз-Антей"],
  ["Ilyushin", "Ильюшин"],
  ["Sukhoi", "Сухой"],
  ["Kalashnikov Concern", "Kalashnikov Concern JSC"],
  ["Vladimir Putin", "Владимир Путин"],
  ["The Boeing Company", "Boeing"],
  ["Russia's", "Russia"],
  ["U.S.", "US"],
  ["ASELSAN A.Ş.", "Aselsan"],
  ["Türkiye", "Turkiye"],
  ["ＮＯＲＩＮＣＯ", "Norinco"],
  ["Hindustan Aeronautics Ltd", "Hindustan Aeronautics Limited"],
  ["Airbus SE", "Airbus"],
  ["Krauss-Maffei Wegmann GmbH & Co. KG", "Krauss-Maffei Wegmann"],
];

// Different parties with similar names: no shared key.
const different: Array<[a: string, b: string]> = [
  ["China North Industries Group", "China North Rare Earth Group"],
  ["Kalashnikov Concern", "Kalashnikov Media"],
  ["Aselsan", "Aselsan Konya"],
  ["Iran Aircraft Manufacturing Industrial Company", "Iran Aircraft Industries"],
  ["Norinco", "China North Industries Group"], // an acronym and its expansion meet only through known aliases
  ["中国北方工业公司", "中国北方稀土集团"],
  ["Wagner Group", "Wagner"],
  ["Fund II", "Fund"],
  ["Rostec", "Rosatom"],
  ["Mikoyan", "Mil"],
  ["Aviation Industry Corporation of China", "Aviation Industry Corporation"],
];

for (const [a, b] of same) {
  test(`nameKeys: ${JSON.stringify(a)} and ${JSON.stringify(b)} share a key`, () => {
    assert.ok(meet(a, b), `${JSON.stringify(nameKeys(a))} vs ${JSON.stringify(nameKeys(b))}`);
  });
}

for (const [a, b] of different) {
  test(`nameKeys: ${JSON.stringify(a)} and ${JSON.stringify(b)} share no key`, () => {
    assert.ok(!meet(a, b), `${JSON.stringify(nameKeys(a))} vs ${JSON.stringify(nameKeys(b))}`);
  });
}

const exact: Array<[name: string, keys: Array<[key: string, kind: string]>]> = [
  ["Norinco", [["norinco", "normalized"], ["norinko", "transliterated"]]],
  ["NORINCO", [["norinco", "acronym"], ["norinko", "acronym"]]],
  ["Норинко", [["норинко", "normalized"], ["norinko", "transliterated"]]],
  ["中国北方工业公司", [["中国北方工业", "normalized"], ["中国北方工业公司", "normalized"], ["zhonguo beifang gongye", "transliterated"]]],
  ["China North Industries Group Corp Ltd", [["china north industries group", "normalized"]]],
  ["ООО Ромашка", [["ромашка", "normalized"], ["ооо ромашка", "normalized"], ["romashka", "transliterated"]]],
  ["HAL", [["hal", "acronym"]]],
  ["Hal", [["hal", "normalized"]]],
  ["U.S.", [["us", "acronym"]]],
  ["ФСБ", [["фсб", "acronym"], ["fsb", "acronym"]]],
  ["AG", [["ag", "acronym"]]],
  ["Co Ltd", [["co ltd", "normalized"], ["ko ltd", "transliterated"]]],
  ["The", [["the", "normalized"]]],
  ["", []],
  ["  ---  ", []],
];

for (const [name, keys] of exact) {
  test(`nameKeyDetails(${JSON.stringify(name)})`, () => {
    assert.deepEqual(nameKeyDetails(name).map((k) => [k.key, k.kind]), keys);
  });
}

test("nameKeys always include normalizeName, so names that met before still meet", () => {
  for (const [a, b] of [...same, ...different]) {
    for (const name of [a, b]) {
      const norm = normalizeName(name);
      if (norm !== "") assert.ok(nameKeys(name).includes(norm), name);
    }
  }
});

const legalForms: Array<[words: string[], expected: string[]]> = [
  [["rosoboronexport", "jsc"], ["rosoboronexport"]],
  [["ao", "rosoboronexport"], ["rosoboronexport"]],
  [["public", "joint", "stock", "company", "rostec"], ["rostec"]],
  [["krauss", "maffei", "wegmann", "gmbh", "co", "kg"], ["krauss", "maffei", "wegmann"]],
  [["sberbank", "pao"], ["sberbank"]],
  [["中国兵器工业集团有限公司"], ["中国兵器工业"]],
  [["株式会社東芝"], ["東芝"]],
  [["ag"], ["ag"]],
  [["public", "joint", "stock", "company"], ["public", "joint", "stock", "company"]],
  [["fund", "ii"], ["fund", "ii"]], // "II" is a number here, not a form
  [["made", "in", "china"], ["made", "in", "china"]], // forms are dropped only at the ends
  [[], []],
];

for (const [words, expected] of legalForms) {
  test(`stripLegalForms(${words.join(" ")})`, () => {
    assert.deepEqual(stripLegalForms(words), expected);
  });
}

const acronyms: Array<[name: string, expected: string | undefined]> = [
  ["NORINCO", "norinco"],
  ["U.S.", "us"],
  ["ROSOBORONEXPORT JSC", "rosoboronexport"],
  ["(IRGC)", "irgc"],
  ["ФСБ", "фсб"],
  ["F-16", undefined],
  ["Norinco", undefined],
  ["US Army", undefined],
  ["A", undefined],
  ["1234", undefined],
];

for (const [name, expected] of acronyms) {
  test(`acronymOf(${JSON.stringify(name)}) = ${String(expected)}`, () => {
    assert.equal(acronymOf(name), expected);
  });
}

const folds: Array<[word: string, folded: string]> = [
  ["norinco", "norinko"],
  ["rosoboronexport", "rosoboroneksport"],
  ["wagner", "vagner"],
  ["sukhoy", "sukhoi"],
  ["antej", "antei"],
  ["zhongguo", "zhonguo"],
  ["cessna", "cesna"], // c before e, i or y is soft, left as it is
  ["yakovlev", "yakovlev"],
];

for (const [word, folded] of folds) {
  test(`foldSpelling(${word}) = ${folded}`, () => {
    assert.equal(foldSpelling(word), folded);
  });
}

test("isShortKey: one word of at most three letters or digits", () => {
  assert.deepEqual(["us", "hal", "ag", "f16", "norinco", "hj 10", "a b"].map(isShortKey), [true, true, true, true, false, false, false]);
});
