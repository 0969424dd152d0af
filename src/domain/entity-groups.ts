/**
 * Analysts' judgements about stored entities, and the grouping they imply. Judgements
 * are records beside the data: storing, revoking or contradicting one never rewrites an
 * entity, a name or a claim, so every grouping can be undone. The store computes the
 * grouping from its active judgements whenever it reads; backends share this code so
 * they agree on it.
 */

/**
 * `same` and `merge` say two entities are one party; `not_same` and `split` say they
 * are not. `merge`/`split` record an action on what the analyst saw listed, `same`/
 * `not_same` a finding; for grouping each pair acts the same.
 */
export const JUDGEMENT_KINDS = ["same", "not_same", "merge", "split"] as const;
export type JudgementKind = (typeof JUDGEMENT_KINDS)[number];

/** Whether a judgement of this kind puts its two entities in one group. */
export function joins(kind: JudgementKind): boolean {
  return kind === "same" || kind === "merge";
}

/** The part of an active (not revoked) judgement that grouping needs. */
export interface JudgementLink {
  /** Larger ids are more recent. */
  id: number;
  kind: JudgementKind;
  a: number;
  b: number;
}

/**
 * Groups entities by active judgements; returns, for every entity in a group of two or
 * more, its group's representative (the smallest id, the entity stored first).
 * Entities not in the map stand alone.
 *
 * Precedence:
 * 1. About one pair, the most recent judgement wins: `merge` then `split` leaves the
 *    pair apart; `not_same` then `same` joins it.
 * 2. Joining pairs are applied most recent first (union-find). A join that would put
 *    two entities judged apart (rule 1) in one group is skipped, so a `not_same` or
 *    `split` always keeps its two entities apart, even against a chain of `same`
 *    judgements through other entities; the older joins of such a chain give way.
 */
export function groupEntities(links: readonly JudgementLink[]): Map<number, number> {
  const latest = new Map<string, JudgementLink>();
  for (const link of links) {
    if (link.a === link.b) continue;
    const key = pairKey(link.a, link.b);
    const known = latest.get(key);
    if (known === undefined || link.id > known.id) latest.set(key, link);
  }
  const apart = new Map<number, Set<number>>();
  const joining: JudgementLink[] = [];
  for (const link of latest.values()) {
    if (joins(link.kind)) {
      joining.push(link);
    } else {
      setOf(apart, link.a).add(link.b);
      setOf(apart, link.b).add(link.a);
    }
  }
  joining.sort((x, y) => y.id - x.id);

  const parent = new Map<number, number>();
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short.
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const groupOf = (root: number): number[] => members.get(root) ?? [root];

  for (const link of joining) {
    const ra = find(link.a);
    const rb = find(link.b);
    if (ra === rb) continue;
    const ga = groupOf(ra);
    const gb = groupOf(rb);
    const gbSet = new Set(gb);
    if (ga.some((x) => [...(apart.get(x) ?? [])].some((y) => gbSet.has(y)))) continue;
    const [big, small] = ga.length >= gb.length ? [ra, rb] : [rb, ra];
    parent.set(small, big);
    parent.set(big, big);
    members.set(big, [...groupOf(big), ...groupOf(small)]);
    members.delete(small);
  }

  const representative = new Map<number, number>();
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const rep = Math.min(...group);
    for (const id of group) representative.set(id, rep);
  }
  return representative;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function setOf(map: Map<number, Set<number>>, key: number): Set<number> {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}
