/**
 * The relations as a GraphML graph, for Gephi, yEd, Cytoscape or networkx: parties
 * are nodes, supplier → recipient relations are directed edges carrying their grades,
 * stance counts and items.
 */
import { CREDIBILITY_LABELS } from "../domain/admiralty.ts";
import type { Stance } from "../domain/types.ts";
import type { RelationRow, Store } from "../store/store.ts";
import { entityGroups, refreshRelations } from "./recompute-relations.ts";

/** GraphML attribute keys: [id, for, type]. */
const KEYS: ReadonlyArray<readonly [id: string, on: "node" | "edge", type: "string" | "int"]> = [
  ["name", "node", "string"],
  ["type", "node", "string"],
  ["country", "node", "string"],
  ["credibility", "edge", "int"],
  ["credibility_label", "edge", "string"],
  ["best_reliability", "edge", "string"],
  ["independent_sources", "edge", "int"],
  ["asserted", "edge", "int"],
  ["hedged", "edge", "int"],
  ["denied", "edge", "int"],
  ["supporting_documents", "edge", "int"],
  ["denying_documents", "edge", "int"],
  ["items", "edge", "string"],
  ["first_reported", "edge", "string"],
  ["last_reported", "edge", "string"],
  ["explanation", "edge", "string"],
];

/** The whole graph as one GraphML document. Node ids are `n<entity id>` of group representatives. */
export async function exportGraphml(store: Store): Promise<string> {
  await refreshRelations(store);
  const relations = await store.relations();
  const stances = await stanceCounts(store);
  const nodes = new Map<number, RelationRow["supplier"]>();
  for (const r of relations) {
    nodes.set(r.supplier.id, r.supplier);
    nodes.set(r.recipient.id, r.recipient);
  }
  const data = (key: string, value: string | number | null) => (value === null || value === "" ? "" : `<data key="${key}">${xml(String(value))}</data>`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map(([id, on, type]) => `  <key id="${id}" for="${on}" attr.name="${id}" attr.type="${type}"/>`),
    '  <graph id="armstrace" edgedefault="directed">',
  ];
  for (const n of [...nodes.values()].sort((a, b) => a.id - b.id)) {
    lines.push(`    <node id="n${n.id}">${data("name", n.name)}${data("type", n.type)}${data("country", n.country)}</node>`);
  }
  for (const r of relations) {
    const s = stances.get(`${r.supplierId}>${r.recipientId}`) ?? { asserted: 0, hedged: 0, denied: 0 };
    lines.push(
      `    <edge id="e${r.supplierId}-${r.recipientId}" source="n${r.supplierId}" target="n${r.recipientId}">` +
        data("credibility", r.credibility) +
        data("credibility_label", CREDIBILITY_LABELS[r.credibility]) +
        data("best_reliability", r.bestReliability) +
        data("independent_sources", r.independentSources) +
        data("asserted", s.asserted) +
        data("hedged", s.hedged) +
        data("denied", s.denied) +
        data("supporting_documents", r.supportingDocuments.length) +
        data("denying_documents", r.denyingDocuments.length) +
        data("items", r.items.join("; ")) +
        data("first_reported", r.firstReported) +
        data("last_reported", r.lastReported) +
        data("explanation", r.explanation) +
        "</edge>",
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

/** Claims of each relation by stance, keyed by the pair of group representatives. */
async function stanceCounts(store: Store): Promise<Map<string, Record<Stance, number>>> {
  const evidence = await store.evidence();
  const groups = entityGroups(store);
  const canon = await groups.canonicalOf([...new Set(evidence.flatMap((c) => [c.supplier.id, c.recipient.id]))]);
  const counts = new Map<string, Record<Stance, number>>();
  for (const c of evidence) {
    const key = `${canon.get(c.supplier.id) ?? c.supplier.id}>${canon.get(c.recipient.id) ?? c.recipient.id}`;
    const entry = counts.get(key) ?? { asserted: 0, hedged: 0, denied: 0 };
    entry[c.stance] += 1;
    counts.set(key, entry);
  }
  return counts;
}

/** Escapes text for XML content and attributes, and drops characters XML 1.0 cannot carry. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
