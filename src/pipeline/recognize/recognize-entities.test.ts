import { test } from "node:test";
import assert from "node:assert/strict";
import { loadLexicon } from "./lexicon.ts";
import { recognizeEntities } from "./recognize-entities.ts";

/** [text, the mention surface, the party's type, a name it must carry (or key prefix)]. */
const cases: Array<[string, string, string, string]> = [
  ["Tehran sent drones.", "Tehran", "state", "Iran"],
  ["The Russian military fired them.", "The Russian military", "state", "Russia"],
  ["Russia's armed forces used them.", "Russia's armed forces", "state", "Russia"],
  ["The government of Ukraine received them.", "The government of Ukraine", "state", "Ukraine"],
  ["Chinese companies sold parts.", "Chinese companies", "organization", "Chinese companies"],
  ["Russian companies or brokers sold jets.", "Russian companies or brokers", "organization", "Russian companies"],
  ["Firms based in Singapore and Taiwan helped.", "Firms based in Singapore and Taiwan", "organization", "firms based in Taiwan"],
  ["The six entities were listed.", "The six entities", "organization", "six entities"],
  ["Shandong-based IRay Technology Corp makes sensors.", "IRay Technology Corp", "organization", "IRay Technology Corp"],
  ["The advocacy group Justice For Myanmar said so.", "Justice For Myanmar", "organization", "Justice For Myanmar"],
  ["China North Industries Group (NORINCO) denied it.", "China North Industries Group (NORINCO)", "organization", "NORINCO"],
  ["Burma's defense industry grew.", "Burma's defense industry", "organization", "Burma's defense industry"],
  ["Mykhailo Fedorov, Ukraine's minister of digital transformation, spoke.", "Mykhailo Fedorov", "person", "Mykhailo Fedorov"],
  ["Secretary of Defense Lloyd J. Austin III said it.", "Lloyd J. Austin III", "person", "Lloyd J. Austin III"],
  ["Yemen's Houthis fired missiles.", "Yemen's Houthis", "armed_force", "Houthis"],
];

for (const [text, surface, type, name] of cases) {
  test(`recognize: ${surface} in "${text}"`, () => {
    const doc = recognizeEntities(text, loadLexicon());
    const m = doc.sentences.flatMap((s) => s.mentions).find((x) => x.text === surface);
    assert.ok(m, `no mention "${surface}"; got ${JSON.stringify(doc.sentences.flatMap((s) => s.mentions).map((x) => x.text))}`);
    const es = m.keys.map((k) => doc.entities.get(k)!);
    assert.ok(es.some((e) => e.type === type), `types ${es.map((e) => e.type)}`);
    assert.ok(es.some((e) => [e.name, ...e.aliases].some((a) => a.toLowerCase() === name.toLowerCase())), `names ${JSON.stringify(es.map((e) => [e.name, ...e.aliases]))}`);
  });
}

test("recognize: a later description and pronoun point back to the firm", () => {
  const doc = recognizeEntities("Hexa Trading Ltd shipped parts. The company denied it. It said so.", loadLexicon());
  const keys = doc.sentences.flatMap((s) => s.mentions).map((m) => m.keys[0]);
  assert.equal(new Set(keys).size, 1);
});

test("recognize: headline names are trusted when the body names them", () => {
  const doc = recognizeEntities("Army Used Zorvex Drones\n\nThe drone maker Zorvex denied it.", loadLexicon());
  const head = doc.sentences[0]!.mentions.map((m) => m.text);
  assert.ok(head.includes("Zorvex"), JSON.stringify(head));
});
