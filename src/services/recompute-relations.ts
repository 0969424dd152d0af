/**
 * Keeps the stored relations in step with the claims. Relations are derived, never
 * edited: each is recomputed from all claims of its (supplier, recipient) pair of
 * group representatives. Work is incremental: `refreshRelations` recomputes only the
 * pairs of claims stored since the last run (or everything, when the source grades
 * or grading rules changed), and `recomputeRelations(pairs)` only the given pairs,
 * e.g. those touching entities whose group a judgement changed.
 */
import type { EvidenceRow, RelationRecord, Store } from "../store/store.ts";
import { GRADING_RULES, gradeRelation } from "./grade-relation.ts";
import { SourceRegistry, defaultSources } from "./source-registry.ts";

/**
 * Maps entity ids to the representative of their group (entity resolution's
 * judgements). `identity` lets tests and callers that know there are no groups skip
 * the lookups.
 */
export interface EntityGroups {
  /** True when every entity is its own representative, so no lookups are needed. */
  identity: boolean;
  canonicalOf(ids: readonly number[]): Promise<Map<number, number>>;
}

/** The store's grouping of entities, as judged by analysts. */
export function entityGroups(store: Store): EntityGroups {
  return { identity: false, canonicalOf: (ids) => store.canonicalOf(ids) };
}

/** Every entity alone: for stores or tests without judgements. */
export const UNGROUPED: EntityGroups = { identity: true, canonicalOf: async (ids) => new Map(ids.map((id) => [id, id])) };

/** The shipped source grades with the analyst's overrides from the store. */
export async function loadSourceRegistry(store: Store): Promise<SourceRegistry> {
  return new SourceRegistry(defaultSources(), await store.sourceOverrides());
}

/** The digest stored with relations: the grades and the rules they were computed under. */
export function gradingDigest(registry: SourceRegistry): string {
  return `${GRADING_RULES}:${registry.digest()}`;
}

export interface RecomputeOptions {
  registry?: SourceRegistry | undefined;
  groups?: EntityGroups | undefined;
}

export interface RecomputeResult {
  /** Relations written (created or updated). */
  recomputed: number;
  /** Stored relations deleted: their pair has no claims left, or a party is no longer its group's representative. */
  removed: number;
  /** True when every relation was recomputed. */
  full: boolean;
}

/**
 * Recomputes the relations of `pairs` (entity ids, as stored on claims or as group
 * representatives), or all relations when `pairs` is absent. Each pair is mapped to
 * its representatives, every claim between the two groups is read, and the relation
 * is written; a stored relation under a pair whose party is no longer its group's
 * representative, or that has no claims left, is removed. Other relations are not
 * touched, so their `updatedAt` stays.
 */
export async function recomputeRelations(
  store: Store,
  pairs?: ReadonlyArray<readonly [number, number]>,
  opts: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const registry = opts.registry ?? (await loadSourceRegistry(store));
  const groups = opts.groups ?? entityGroups(store);
  if (pairs === undefined) {
    const state = { claimsThrough: await store.lastClaimId(), grading: gradingDigest(registry), groups: await currentGroups(store, groups) };
    const evidence = await store.evidence();
    const canon = await canonicalMap(groups, evidence);
    const relations = aggregate(evidence, canon, undefined, registry);
    const { removed } = await store.saveRelations({ upsert: relations, remove: "all", state });
    return { recomputed: relations.length, removed: Math.max(0, removed - relations.length), full: true };
  }

  if (pairs.length === 0) return { recomputed: 0, removed: 0, full: false };
  const ids = [...new Set(pairs.flat())];
  const canonIds = await groups.canonicalOf(ids);
  const rep = (id: number) => canonIds.get(id) ?? id;
  const targets = new Map<string, [number, number]>();
  for (const [s, r] of pairs) {
    const cs = rep(s);
    const cr = rep(r);
    if (cs !== cr) targets.set(`${cs}>${cr}`, [cs, cr]);
  }
  const members = await groupMembers(store, groups, [...targets.values()].flat());
  const suppliers = [...new Set([...targets.values()].flatMap(([s]) => members.get(s) ?? [s]))];
  const recipients = [...new Set([...targets.values()].flatMap(([, r]) => members.get(r) ?? [r]))];
  const evidence = targets.size === 0 ? [] : await store.evidence({ suppliers, recipients });
  const canon = await canonicalMap(groups, evidence);
  const relations = aggregate(evidence, canon, new Set(targets.keys()), registry);
  const written = new Set(relations.map((r) => `${r.supplierId}>${r.recipientId}`));
  const remove = [...pairs, ...targets.values()].filter(([s, r]) => !written.has(`${s}>${r}`));
  const { removed } = await store.saveRelations({ upsert: relations, remove });
  return { recomputed: relations.length, removed, full: false };
}

/**
 * Brings the stored relations up to date with the stored claims: recomputes the pairs
 * of claims stored since the last refresh and the relations of entities whose group a
 * judgement changed since, or everything when the source grades or grading rules
 * differ from those the relations were computed under. Cheap when
 * nothing changed. The ingest service calls it after each run; readers call it
 * before reading, so a run that was interrupted leaves nothing stale.
 */
export async function refreshRelations(store: Store, opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const registry = opts.registry ?? (await loadSourceRegistry(store));
  const groups = opts.groups ?? entityGroups(store);
  const stored = await store.relationState();
  const grading = gradingDigest(registry);
  if (stored.grading !== grading) return recomputeRelations(store, undefined, { registry, groups });
  const last = await store.lastClaimId();
  const grouped = await currentGroups(store, groups);
  const changed = changedEntities(stored.groups, grouped);
  if (last <= stored.claimsThrough && changed.length === 0) return { recomputed: 0, removed: 0, full: false };
  const pairs = new Map<string, readonly [number, number]>();
  for (const p of await store.claimPairsBetween(stored.claimsThrough, last)) pairs.set(`${p[0]}>${p[1]}`, p);
  // A judgement moved these entities between groups: their relations, old and new, are recomputed.
  if (changed.length > 0) for (const p of await relationPairsOf(store, changed)) pairs.set(`${p[0]}>${p[1]}`, p);
  const result = await recomputeRelations(store, [...pairs.values()], { registry, groups });
  await store.saveRelations({ upsert: [], remove: [], state: { claimsThrough: last, grading, groups: grouped } });
  return result;
}

/** [entity id, representative] of every claim party that is not its own group's representative, ascending. */
async function currentGroups(store: Store, groups: EntityGroups): Promise<Array<[number, number]>> {
  if (groups.identity) return [];
  const parties = await store.claimPartyIds();
  const canon = await groups.canonicalOf(parties);
  return parties.flatMap((id): Array<[number, number]> => {
    const rep = canon.get(id) ?? id;
    return rep === id ? [] : [[id, rep]];
  });
}

/** Entities whose representative differs between two groupings, with their old and new representatives. */
function changedEntities(before: ReadonlyArray<readonly [number, number]>, after: ReadonlyArray<readonly [number, number]>): number[] {
  const old = new Map(before);
  const now = new Map(after);
  const changed = new Set<number>();
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(id) ?? id;
    const b = now.get(id) ?? id;
    if (a !== b) changed.add(id).add(a).add(b);
  }
  return [...changed].sort((x, y) => x - y);
}

/**
 * The pairs to recompute when the groups of `entityIds` changed (a judgement joined or
 * split them): every (supplier, recipient) pair of their claims and of the stored
 * relations they take part in. Pass the entities on both sides of the judgement.
 */
export async function relationPairsOf(store: Store, entityIds: readonly number[]): Promise<Array<[number, number]>> {
  const pairs = new Map<string, [number, number]>();
  const add = (s: number, r: number) => pairs.set(`${s}>${r}`, [s, r]);
  for (const c of await store.evidence({ involving: entityIds })) add(c.supplier.id, c.recipient.id);
  for (const r of await store.relations({ entityIds })) add(r.supplierId, r.recipientId);
  return [...pairs.values()];
}

/** Representatives of every supplier, recipient and claimant in `evidence`. */
async function canonicalMap(groups: EntityGroups, evidence: readonly EvidenceRow[]): Promise<(id: number) => number> {
  if (groups.identity) return (id) => id;
  const ids = new Set<number>();
  for (const c of evidence) {
    ids.add(c.supplier.id);
    ids.add(c.recipient.id);
    if (c.claimant) ids.add(c.claimant.id);
  }
  const map = await groups.canonicalOf([...ids]);
  return (id) => map.get(id) ?? id;
}

/** Every entity id in the groups of `reps`; without grouping each is alone. */
async function groupMembers(store: Store, groups: EntityGroups, reps: number[]): Promise<Map<number, number[]>> {
  const members = new Map<number, number[]>(reps.map((r) => [r, [r]]));
  if (groups.identity || reps.length === 0) return members;
  // Members of a group are found among the entities that take part in claims, the only ones that matter here.
  const parties = await store.claimPartyIds();
  const canon = await groups.canonicalOf(parties);
  for (const id of parties) {
    const list = members.get(canon.get(id) ?? id);
    if (list && !list.includes(id)) list.push(id);
  }
  return members;
}

/** Groups claims by their pair of representatives (dropping a group's claims about itself) and grades each pair in `only`, or every pair. */
function aggregate(
  evidence: readonly EvidenceRow[],
  canonical: (id: number) => number,
  only: ReadonlySet<string> | undefined,
  registry: SourceRegistry,
): RelationRecord[] {
  const byPair = new Map<string, { s: number; r: number; claims: EvidenceRow[] }>();
  for (const c of evidence) {
    const s = canonical(c.supplier.id);
    const r = canonical(c.recipient.id);
    if (s === r) continue;
    const key = `${s}>${r}`;
    if (only && !only.has(key)) continue;
    const entry = byPair.get(key);
    if (entry) entry.claims.push(c);
    else byPair.set(key, { s, r, claims: [c] });
  }
  return [...byPair.values()].map(({ s, r, claims }) =>
    gradeRelation({ supplierId: s, recipientId: r, claims, canonical }, registry),
  );
}
