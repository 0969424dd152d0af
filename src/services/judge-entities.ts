/**
 * The verb behind `armstrace entity merge|split|same|not-same`: records an analyst's
 * judgement about two entities named by the user, and says what grouping results.
 */
import { UsageError } from "../domain/errors.ts";
import { joins, type JudgementKind } from "../domain/entity-groups.ts";
import type { EntityJudgement, EntityRow, Store } from "../store/store.ts";
import { findEntity } from "./find-entity.ts";

export interface JudgeOptions {
  reason?: string | undefined;
  author: string;
}

export interface JudgeOutcome {
  judgement: EntityJudgement;
  a: EntityRow;
  b: EntityRow;
  /** Whether the two are in one group now, after every active judgement is applied. */
  together: boolean;
  /**
   * Earlier merge or same judgements whose two entities were in one group before this
   * judgement and are not any more: the newer judgement took precedence over them
   * (see `groupEntities`). They stay active and apply again if it is revoked.
   */
  setAside: EntityJudgement[];
}

/**
 * Finds the entities `refA` and `refB` name (see `findEntity`) and records the
 * judgement. Throws `UsageError` when a name is unknown or ambiguous, or when both name
 * the same stored entity (resolution already made them one; nothing to judge).
 */
export async function judgeEntities(
  store: Store,
  kind: JudgementKind,
  refA: string,
  refB: string,
  opts: JudgeOptions,
): Promise<JudgeOutcome> {
  const a = await findEntity(store, refA);
  const b = await findEntity(store, refB);
  if (a.id === b.id) {
    throw new UsageError(`"${refA}" and "${refB}" are one stored entity (#${a.id}); a judgement needs two`);
  }
  const reason = opts.reason?.trim() ? opts.reason.trim() : null;
  const joining = (await store.judgements()).filter((j) => j.revokedAt === null && joins(j.kind));
  const ids = [a.id, b.id, ...joining.flatMap((j) => [j.a.id, j.b.id])];
  const before = await store.canonicalOf(ids);
  const judgement = await store.judgeEntities(kind, a.id, b.id, reason, opts.author);
  const after = await store.canonicalOf(ids);
  const joined = (groups: Map<number, number>, x: number, y: number) => groups.get(x) === groups.get(y);
  return {
    judgement,
    a,
    b,
    together: joined(after, a.id, b.id),
    setAside: joining.filter((j) => joined(before, j.a.id, j.b.id) && !joined(after, j.a.id, j.b.id)),
  };
}
