import { test } from "node:test";
import assert from "node:assert/strict";
import type { Reliability, SourceKind } from "../domain/admiralty.ts";
import { SourceRegistry, defaultSources, parseSources } from "./source-registry.ts";

const registry = new SourceRegistry(defaultSources());

/** Publisher lines as the sample corpus and the dev gold set write them, with the source each should find. */
const publishers: Array<[line: string, name: string, reliability: Reliability, kind: SourceKind]> = [
  ["Reuters", "Reuters", "A", "wire"],
  ["KEYT (Associated Press)", "Associated Press", "A", "wire"],
  ["U.S. Indo-Pacific Command (U.S. Department of State statement)", "U.S. Indo-Pacific Command", "B", "government"],
  ["KBS World", "KBS World", "B", "newspaper"],
  ["The Korea Herald", "The Korea Herald", "B", "newspaper"],
  ["Business Standard", "Business Standard", "C", "newspaper"],
  ["U.S. Department of the Treasury", "U.S. Department of the Treasury", "B", "government"],
  ["Bangkok Post", "Bangkok Post", "B", "newspaper"],
  ["The Irrawaddy", "The Irrawaddy", "B", "newspaper"],
  ["TRT World", "TRT World", "C", "state_affiliated_media"],
  ["Al Arabiya English", "Al Arabiya", "C", "state_affiliated_media"],
  ["UAWire", "UAWire", "D", "other"],
  ["Euro Weekly News", "Euro Weekly News", "D", "newspaper"],
  ["UK Parliament (Hansard)", "UK Parliament (Hansard)", "A", "government"],
  ["The Straits Times", "The Straits Times", "B", "newspaper"],
  ["The Kyiv Independent", "The Kyiv Independent", "B", "newspaper"],
  ["Kyiv Independent", "The Kyiv Independent", "B", "newspaper"],
  ["The New Indian Express", "The New Indian Express", "C", "newspaper"],
  ["Al-Monitor", "Al-Monitor", "B", "newspaper"],
  ["South China Morning Post", "South China Morning Post", "B", "newspaper"],
  ["TASS", "TASS", "D", "state_affiliated_media"],
  ["Stockholm International Peace Research Institute (SIPRI)", "Stockholm International Peace Research Institute", "A", "research"],
  ["Defence Blog", "Defence Blog", "C", "other"],
  ["UK Government (Foreign, Commonwealth & Development Office)", "UK Government", "B", "government"],
  ["The Daily Beast", "The Daily Beast", "C", "newspaper"],
  ["U.S. Department of Commerce, Bureau of Industry and Security", "U.S. Department of Commerce, Bureau of Industry and Security", "B", "government"],
  ["U.S. Department of State", "U.S. Department of State", "B", "government"],
  ["U.S. Government Accountability Office", "U.S. Government Accountability Office", "A", "government"],
  ["U.S. Department of Defense (DOD News)", "U.S. Department of Defense", "B", "government"],
  ["DOD News (republished by the 307th Bomb Wing, U.S. Air Force Reserve Command)", "U.S. Department of Defense", "B", "government"],
  ["Voice of America", "Voice of America", "B", "newspaper"],
  ["Voice of America (Editorials)", "Voice of America (Editorials)", "C", "government"],
  ["U.S. Embassy & Consulate in Poland (U.S. Department of State)", "U.S. Department of State", "B", "government"],
  ["U.S. House Committee on Foreign Affairs", "U.S. House Committee on Foreign Affairs", "B", "government"],
  ["U.S. Government Publishing Office (U.S. House of Representatives)", "U.S. Government Publishing Office", "A", "government"],
  ["Defense Security Cooperation Agency (U.S. Department of Defense)", "Defense Security Cooperation Agency", "A", "government"],
  ["Global Defense Corp", "Global Defense Corp", "D", "other"],
  ["RIA Novosti", "Rossiya Segodnya", "D", "state_affiliated_media"],
  ["Xinhua", "Xinhua", "D", "state_affiliated_media"],
  ["Global Times", "Global Times", "E", "state_affiliated_media"],
  ["KCNA", "KCNA", "E", "state_affiliated_media"],
  ["Press TV", "Press TV", "E", "state_affiliated_media"],
  ["RT", "RT", "E", "state_affiliated_media"],
  ["Justice For Myanmar", "Justice For Myanmar", "B", "ngo"],
  ["Conflict Armament Research", "Conflict Armament Research", "A", "research"],
  ["AFP", "Agence France-Presse", "A", "wire"],
];

for (const [line, name, reliability, kind] of publishers) {
  test(`source registry: ${JSON.stringify(line)} is ${name} (${reliability}, ${kind})`, () => {
    const found = registry.resolve(line);
    assert.deepEqual(found && { name: found.name, reliability: found.reliability, kind: found.kind }, { name, reliability, kind });
  });
}

test("source registry: an unknown publisher has no source and is graded F", () => {
  for (const line of ["Ruritanian Daily Bugle", "", null, undefined, "   "]) {
    assert.equal(registry.resolve(line), undefined);
    assert.equal(registry.reliabilityOf(line), "F");
  }
});

test("source registry: every shipped source has a one-line reason, a URL and unambiguous names", () => {
  const seen = new Map<string, string>();
  for (const s of defaultSources()) {
    assert.ok(s.reason.length > 10 && !s.reason.includes("\n"), s.name);
    assert.match(s.url ?? "", /^https?:\/\//, s.name);
    for (const n of [s.name, ...s.aliases]) {
      const owner = registry.byName(n)?.name;
      assert.equal(owner, s.name, `${n} of ${s.name} resolves to ${owner}`);
      assert.ok(!seen.has(n.toLowerCase()) || seen.get(n.toLowerCase()) === s.name, n);
      seen.set(n.toLowerCase(), s.name);
    }
  }
});

test("source registry: an override replaces the source it names and keeps its names; a new name adds one", () => {
  const r = new SourceRegistry(defaultSources(), [
    { name: "AP", aliases: [], reliability: "C", kind: "wire", reason: "analyst downgrade", url: null },
    { name: "Ruritanian Daily Bugle", aliases: ["RDB"], reliability: "D", kind: "newspaper", reason: "tabloid", url: null },
  ]);
  const ap = r.resolve("KEYT (Associated Press)");
  assert.deepEqual(ap && { name: ap.name, reliability: ap.reliability, origin: ap.origin, url: ap.url }, { name: "AP", reliability: "C", origin: "override", url: "https://apnews.com" });
  assert.equal(r.byName("Associated Press")?.name, "AP", "the default's name stays an alias");
  assert.equal(r.resolve("RDB")?.reliability, "D");
  assert.equal(r.all().length, defaultSources().length + 1);
  assert.notEqual(r.digest(), registry.digest(), "grades changed, so the digest did");
  assert.equal(new SourceRegistry(defaultSources()).digest(), registry.digest());
});

test("parseSources: refuses malformed entries with the entry's name", () => {
  const ok = { name: "X", aliases: [], reliability: "B", kind: "wire", reason: "why", url: null };
  assert.equal(parseSources([ok], "t").length, 1);
  assert.throws(() => parseSources({}, "t"), /JSON array/);
  assert.throws(() => parseSources([{ ...ok, reliability: "G" }], "t"), /t\[0\] \(X\): reliability/);
  assert.throws(() => parseSources([{ ...ok, kind: "blog" }], "t"), /kind must be one of/);
  assert.throws(() => parseSources([{ ...ok, reason: "two\nlines" }], "t"), /one line/);
  assert.throws(() => parseSources([{ ...ok, name: "" }], "t"), /name/);
});
