/**
 * An analyst's verdict on one claim (accept, reject, correct) and its undoing. The
 * verdict is stored beside the claim, and the relations of the claim's supplier →
 * recipient pair (before and after a correction of its parties) are regraded at once,
 * so the grade a reader sees already reflects it.
 */
import type { ClaimVerdict } from "../domain/claim-verdict.ts";
import { UsageError } from "../domain/errors.ts";
import { STANCES, type Stance } from "../domain/types.ts";
import type { ClaimReview, ClaimRow, RelationRow, Store } from "../store/store.ts";
import { findEntity } from "./find-entity.ts";
import { entityGroups, recomputeRelations, refreshRelations } from "./recompute-relations.ts";

export interface ReviewInput {
  verdict: ClaimVerdict;
  /** Corrections (verdict "correct"): the claim's stance, parties (entity id or name) and items as they should read. */
  stance?: Stance | undefined;
  supplier?: string | number | undefined;
  recipient?: string | number | undefined;
  items?: readonly string[] | undefined;
  reason?: string | null | undefined;
  author: string;
}

export interface ReviewOutcome {
  review: ClaimReview;
  /** The claim as it now reads. */
  claim: ClaimRow;
  /** The relations of the pairs the claim belonged to before and belongs to now (a pair left without claims is gone). */
  relations: RelationRow[];
}

/** Records a verdict on claim `claimId`; undefined when there is no such claim. */
export async function reviewClaim(store: Store, claimId: number, input: ReviewInput): Promise<ReviewOutcome | undefined> {
  const before = await claimById(store, claimId);
  if (before === undefined) return undefined;
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  let fields: { stance: Stance | null; supplierId: number | null; recipientId: number | null; items: string[] | null } = {
    stance: null,
    supplierId: null,
    recipientId: null,
    items: null,
  };
  if (input.verdict === "correct") {
    if (input.stance !== undefined && !STANCES.includes(input.stance)) throw new UsageError(`stance must be one of ${STANCES.join(", ")}`);
    const supplierId = input.supplier === undefined ? null : (await findEntity(store, String(input.supplier))).id;
    const recipientId = input.recipient === undefined ? null : (await findEntity(store, String(input.recipient))).id;
    const items = input.items === undefined ? null : [...new Set(input.items.map((i) => i.trim()).filter((i) => i !== ""))];
    const extracted = before.extracted ?? before;
    fields = {
      stance: input.stance !== undefined && input.stance !== extracted.stance ? input.stance : null,
      supplierId,
      recipientId,
      items,
    };
    if (fields.stance === null && supplierId === null && recipientId === null && items === null) {
      throw new UsageError("a correction must give a stance, supplier, recipient or items that differ from the extracted reading");
    }
    if (supplierId !== null && supplierId === (recipientId ?? before.recipient.id)) throw new UsageError("the supplier and the recipient must be different entities");
  } else if (input.verdict === "accept" && before.review?.verdict === "correct") {
    // Accepting a corrected claim approves the corrected reading, not the extractor's.
    const current = await store.claimReview(before.review.id);
    if (current !== undefined) {
      fields = { stance: current.stance, supplierId: current.supplier?.id ?? null, recipientId: current.recipient?.id ?? null, items: current.items };
    }
  }
  const review = await store.reviewClaim({ claimId, verdict: input.verdict, ...fields, reason, author: input.author });
  return afterChange(store, before, review);
}

/** Revokes review `reviewId` (the claim reads as the previous active review, or as extracted, has it); undefined when there is none. */
export async function revokeClaimReview(store: Store, reviewId: number): Promise<ReviewOutcome | undefined> {
  const existing = await store.claimReview(reviewId);
  if (existing === undefined) return undefined;
  const before = await claimById(store, existing.claimId);
  const review = (await store.revokeClaimReview(reviewId)) ?? existing;
  if (before === undefined) throw new UsageError(`claim ${existing.claimId} of review ${reviewId} is gone`);
  return afterChange(store, before, review);
}

async function afterChange(store: Store, before: ClaimRow, review: ClaimReview): Promise<ReviewOutcome> {
  // Bring everything else up to date first, so the recomputation below is the only pending change.
  await refreshRelations(store);
  const claim = await claimById(store, before.id);
  if (claim === undefined) throw new UsageError(`claim ${before.id} is gone`);
  const pairs: Array<[number, number]> = [[before.supplier.id, before.recipient.id]];
  if (claim.supplier.id !== before.supplier.id || claim.recipient.id !== before.recipient.id) pairs.push([claim.supplier.id, claim.recipient.id]);
  await recomputeRelations(store, pairs, { groups: entityGroups(store) });
  const ids = [...new Set(pairs.flat())];
  const relations = (await store.relations({ entityIds: ids })).filter((r) => pairs.some(([s, t]) => r.supplierId === s && r.recipientId === t));
  return { review, claim, relations };
}

async function claimById(store: Store, id: number): Promise<ClaimRow | undefined> {
  return (await store.claims({ id, limit: 1 }))[0];
}
