import { test } from "node:test";
import assert from "node:assert/strict";
import { groupEntities, type JudgementKind, type JudgementLink } from "./entity-groups.ts";

/** Judgements in the order they were made: [kind, a, b]; ids follow the order. */
type Spec = Array<[kind: JudgementKind, a: number, b: number]>;

function links(spec: Spec): JudgementLink[] {
  return spec.map(([kind, a, b], i) => ({ id: i + 1, kind, a, b }));
}

/** The groups as sorted lists of ids, smallest representative first. */
function groups(spec: Spec): number[][] {
  const byRep = new Map<number, number[]>();
  for (const [id, rep] of groupEntities(links(spec))) byRep.set(rep, [...(byRep.get(rep) ?? []), id]);
  return [...byRep.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

const cases: Array<{ name: string; judgements: Spec; expect: number[][] }> = [
  { name: "no judgements, no groups", judgements: [], expect: [] },
  { name: "same joins a pair", judgements: [["same", 2, 1]], expect: [[1, 2]] },
  { name: "merge joins a pair", judgements: [["merge", 5, 3]], expect: [[3, 5]] },
  { name: "joins are transitive", judgements: [["same", 1, 2], ["merge", 2, 3]], expect: [[1, 2, 3]] },
  { name: "not_same alone groups nothing", judgements: [["not_same", 1, 2]], expect: [] },
  { name: "a later split undoes a merge of the pair", judgements: [["merge", 1, 2], ["split", 1, 2]], expect: [] },
  { name: "a later same overrides an earlier not_same", judgements: [["not_same", 1, 2], ["same", 1, 2]], expect: [[1, 2]] },
  {
    name: "not_same keeps its pair apart against a chain of joins; the older join gives way",
    judgements: [["same", 1, 2], ["same", 2, 3], ["not_same", 1, 3]],
    expect: [[2, 3]],
  },
  {
    name: "not_same made before the joins still keeps its pair apart",
    judgements: [["not_same", 1, 3], ["same", 1, 2], ["same", 2, 3]],
    expect: [[2, 3]],
  },
  {
    name: "separate groups stay separate",
    judgements: [["same", 1, 2], ["same", 3, 4], ["not_same", 2, 4]],
    expect: [[1, 2], [3, 4]],
  },
  { name: "a judgement of an entity with itself is ignored", judgements: [["same", 1, 1]], expect: [] },
  { name: "the representative is the smallest id", judgements: [["same", 9, 7], ["same", 8, 9]], expect: [[7, 8, 9]] },
];

for (const c of cases) {
  test(`groupEntities: ${c.name}`, () => {
    assert.deepEqual(groups(c.judgements), c.expect);
  });
}

test("groupEntities maps every member to the smallest id of its group", () => {
  assert.deepEqual([...groupEntities(links([["same", 9, 7], ["same", 8, 9]]))].sort((x, y) => x[0] - y[0]), [[7, 7], [8, 7], [9, 7]]);
});
