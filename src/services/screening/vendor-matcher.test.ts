import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Vendor } from "../../domain/screening.ts";
import { POSSIBLE_MATCH, STRONG_MATCH, VendorMatcher, type ScreenableEntity } from "./vendor-matcher.ts";

/** Invented and real-looking firms; the matcher knows nothing of any of them. */
const ENTITIES: ScreenableEntity[] = [
  { id: 1, name: "China North Industries Group Corporation", aliases: ["NORINCO", "Norinco", "中国北方工业公司", "Норинко"], country: "CN", websites: [] },
  { id: 2, name: "DJI", aliases: ["SZ DJI Technology Co., Ltd."], country: "CN", websites: ["dji.com"] },
  { id: 3, name: "Xiamen Aero Engine Co", aliases: [], country: "CN", websites: [] },
  { id: 4, name: "Special Technology Center", aliases: ["STC", "Спецтехнология"], country: "RU", websites: [] },
  { id: 5, name: "Rosoboronexport", aliases: ["JSC Rosoboronexport", "Рособоронэкспорт"], country: "RU", websites: [] },
  { id: 6, name: "China Electronics Technology Group Corporation", aliases: ["CETC"], country: "CN", websites: [] },
  { id: 7, name: "Kalashnikov Concern", aliases: ["Концерн Калашников"], country: "RU", websites: [] },
  { id: 8, name: "Kalashnikov Media", aliases: [], country: "RU", websites: [] },
  { id: 9, name: "Hindustan Aeronautics Limited", aliases: ["HAL"], country: "IN", websites: [] },
  { id: 10, name: "Volga Precision Optics", aliases: [], country: "RU", websites: ["volga-optics.example"] },
];

const matcher = new VendorMatcher(ENTITIES);
const vendor = (name: string, country: string | null = null, website: string | null = null): Vendor => ({ name, country, website, identifiers: [], line: 1 });
const best = (v: Vendor) => matcher.match(v)[0];

describe("VendorMatcher: variants of one firm match it strongly", () => {
  const cases: Array<[string, string | null, number, string]> = [
    ["Norinco", "CN", 1, "brand name"],
    ["NORINKO", null, 1, "spelling variant"],
    ["China North Industries Corp.", "CN", 1, "legal form changed"],
    ["Industries China North Group", null, 1, "reordered words"],
    ["Норинко", null, 1, "Cyrillic"],
    ["中国北方工业公司", "CN", 1, "Chinese"],
    ["Shenzhen DJI Innovation Technology Co Ltd", "CN", 2, "brand inside a company name"],
    ["Rosoboronexprot", "RU", 5, "typo"],
    ["АО Рособоронэкспорт", "RU", 5, "Cyrillic with legal form"],
    ["Rosoboron Export", null, 5, "word split"],
    ["CETC", "CN", 6, "acronym of the expansion"],
    ["Kalashnikov Concern JSC", "RU", 7, "legal form added"],
    ["Hindustan Aeronautics", "IN", 9, "legal form dropped"],
  ];
  for (const [name, country, id, kind] of cases) {
    test(`${kind}: ${name}`, () => {
      const m = best(vendor(name, country));
      assert.ok(m, `no candidate for ${name}`);
      assert.equal(m.entity.id, id);
      assert.ok(m.score >= STRONG_MATCH, `${name}: ${m.score}`);
      assert.ok(m.score < 1, "a score is never certainty");
    });
  }
});

describe("VendorMatcher: look-alikes are not matched", () => {
  const cases: Array<[string, string | null, string]> = [
    ["Xiamen Airlines", "CN", "shares only a city with an engine maker"],
    ["Saudi Telecom Company", "SA", "its initials are another firm's acronym"],
    ["HAL Communications Corp", null, "contains an acronym next to words that are not its expansion"],
    ["STC", "SA", "a bare acronym from another country"],
    ["China Southern Airlines", "CN", "shares generic words"],
    ["Acme Widgets Ltd", "GB", "unrelated"],
  ];
  for (const [name, country, why] of cases) {
    test(`${name}: ${why}`, () => {
      for (const m of matcher.match(vendor(name, country))) assert.ok(m.score < POSSIBLE_MATCH, `${name} ~ ${m.entity.name}: ${m.score}`);
    });
  }

  test("the acronym conflict is explained", () => {
    const m = matcher.match(vendor("HAL Communications Corp"))[0]!;
    const acronym = m.features.find((f) => f.feature === "acronym")!;
    assert.ok(acronym.weight < 0);
    assert.match(acronym.detail, /HAL stands for "Hindustan Aeronautics Limited"/);
  });
});

describe("VendorMatcher: scores and features", () => {
  test("strong matches resting on different evidence get different scores", () => {
    const scores = [["Norinco", "CN"], ["China North Industries Corp.", "CN"], ["Industries China North Group", null], ["Rosoboronexprot", "RU"], ["Shenzhen DJI Innovation Technology Co Ltd", "CN"]]
      .map(([n, c]) => best(vendor(n!, c ?? null))!.score);
    assert.ok(scores.every((s) => s >= STRONG_MATCH));
    assert.equal(new Set(scores).size, scores.length, scores.join(", "));
  });

  test("two candidates for one vendor are told apart, the closer first", () => {
    const kalashnikov = new VendorMatcher([
      { id: 1, name: "Kalashnikov Concern", aliases: [], country: "RU", websites: [] },
      { id: 2, name: "Kalashnikov Group", aliases: [], country: "RU", websites: [] },
    ]);
    const [first, second] = kalashnikov.match(vendor("Kalashnikov Concern Group", "RU"));
    assert.equal(first!.entity.id, 1);
    assert.ok(first!.score > second!.score && second!.score > 0.5, `${first!.score} ${second!.score}`);
  });

  test("a different country weighs against a match, the same country for it", () => {
    const same = best(vendor("Rosoboronexport", "RU"))!;
    const none = best(vendor("Rosoboronexport"))!;
    const other = best(vendor("Rosoboronexport", "FR"))!;
    assert.ok(same.score > none.score && none.score > other.score, `${same.score} ${none.score} ${other.score}`);
    assert.equal(other.features.find((f) => f.feature === "country")!.weight < 0, true);
  });

  test("a bare acronym needs its country", () => {
    assert.ok(best(vendor("STC", "RU"))!.score >= STRONG_MATCH);
    assert.ok((best(vendor("STC", "SA"))?.score ?? 0) < POSSIBLE_MATCH);
  });

  test("every feature is explained, and the weights add up to the score", () => {
    const m = best(vendor("Калашников Медиа", "RU"))!;
    assert.equal(m.entity.id, 8, "known only by its Latin name");
    assert.deepEqual(m.features.map((f) => f.feature).sort(), ["acronym", "brand", "country", "legal_form", "name", "transliteration", "website"]);
    const translit = m.features.find((f) => f.feature === "transliteration")!;
    assert.ok(translit.weight > 5, "a cross-script match is carried by transliteration");
    const logit = -5.5 + m.features.reduce((s, f) => s + f.weight, 0);
    assert.ok(Math.abs(1 / (1 + Math.exp(-logit)) - m.score) < 0.01);
  });

  test("a shared website lifts a weaker name match", () => {
    const without = best(vendor("Volga Optics", "RU"))!;
    const withSite = best(vendor("Volga Optics", "RU", "https://www.volga-optics.example/contact"))!;
    assert.equal(withSite.entity.id, 10);
    assert.ok(withSite.score > without.score);
    assert.equal(withSite.features.find((f) => f.feature === "website")!.value, 1);
  });

  test("brand ↔ company is named as the reason", () => {
    const m = best(vendor("Shenzhen DJI Innovation Technology Co Ltd", "CN"))!;
    const brand = m.features.find((f) => f.feature === "brand")!;
    assert.ok(brand.weight > 0);
    assert.match(brand.detail, /distinctive part/);
  });

  test("names without letters or digits match nothing", () => {
    assert.deepEqual(matcher.match(vendor("—")), []);
  });
});
