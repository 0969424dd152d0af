import { test } from "node:test";
import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import { withEvidenceStore } from "../../test/fixtures/evidence-store.ts";
import { exportGraphml } from "./export-graphml.ts";

test("exportGraphml: valid XML with keys, the parties as nodes and the relations as edges", () =>
  withEvidenceStore(async (store) => {
    const xml = await exportGraphml(store);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml /);
    assertWellFormed(xml);
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const all = (tag: string) => [...doc.getElementsByTagName(tag)];
    const keys = all("key").map((k) => `${k.getAttribute("for")}:${k.getAttribute("id")}:${k.getAttribute("attr.type")}`);
    for (const k of ["node:name:string", "node:type:string", "edge:credibility:int", "edge:asserted:int", "edge:hedged:int", "edge:denied:int", "edge:items:string"]) {
      assert.ok(keys.includes(k), k);
    }
    assert.equal(all("graph")[0]?.getAttribute("edgedefault"), "directed");
    const data = (el: Element, key: string) => [...el.getElementsByTagName("data")].find((d) => d.getAttribute("key") === key)?.textContent ?? null;
    const nodes = new Map(all("node").map((n) => [n.getAttribute("id"), data(n, "name")]));
    assert.deepEqual([...nodes.values()].sort(), ["Arland", "Borduria", "Cedonia", "Dorvia"]);
    const edges = all("edge").map((e) => ({
      from: nodes.get(e.getAttribute("source")),
      to: nodes.get(e.getAttribute("target")),
      credibility: data(e, "credibility"),
      stances: `${data(e, "asserted")}/${data(e, "hedged")}/${data(e, "denied")}`,
      items: data(e, "items"),
    }));
    assert.deepEqual(edges, [
      { from: "Arland", to: "Borduria", credibility: "2", stances: "2/0/1", items: "armoured vehicles" },
      { from: "Cedonia", to: "Dorvia", credibility: "4", stances: "1/0/0", items: "drones" },
    ]);
  }));

/**
 * A strict check linkedom's lenient parser does not make: every tag closes in order,
 * attributes are quoted, and no bare & or < appears in text.
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const token = /<\/?([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = token.exec(body)) !== null) {
    at = token.lastIndex;
    if (m[4] !== undefined) {
      assert.ok(!/&(?!(?:amp|lt|gt|quot|apos);)/.test(m[4]), `bare & in ${m[4].slice(0, 40)}`);
      continue;
    }
    const name = m[1]!;
    if (m[0].startsWith("</")) assert.equal(stack.pop(), name, `closing ${name}`);
    else if (m[3] !== "/") stack.push(name);
  }
  assert.equal(at, body.length, `unparsable XML at ${body.slice(at, at + 60)}`);
  assert.deepEqual(stack, [], "every element is closed");
}
