/**
 * Claim reviews on PostgreSQL: the verdicts table and the SQL that makes every read see
 * claims as their most recent active review has them, as in `sqlite-claim-reviews.ts`.
 */
import { CLAIM_VERDICTS, isClaimVerdict, type ClaimVerdict } from "../../domain/claim-verdict.ts";
import { StoreError } from "../../domain/errors.ts";
import { ENTITY_TYPES, STANCES, type EntityType, type Stance } from "../../domain/types.ts";
import type { ClaimReview, ClaimReviewInput, EntityRef } from "../store.ts";
import { one, rows, run, type Queryable } from "./postgres-sql.ts";
import { REVIEW_SELECT } from "../claim-review-sql.ts";

export { EFFECTIVE, REVIEW_JOIN } from "../claim-review-sql.ts";

interface ReviewRecord {
  id: number;
  claim_id: number;
  verdict: string;
  stance: string | null;
  supplier_id: number | null;
  s_name: string | null;
  s_type: string | null;
  recipient_id: number | null;
  r_name: string | null;
  r_type: string | null;
  items: unknown;
  reason: string | null;
  author: string;
  created_at: string;
  revoked_at: string | null;
}


export async function insertClaimReview(db: Queryable, input: ClaimReviewInput): Promise<ClaimReview> {
  if (!isClaimVerdict(input.verdict)) {
    throw new StoreError(`verdict ${JSON.stringify(input.verdict)} is not one of ${CLAIM_VERDICTS.join(", ")}`);
  }
  if (!Number.isSafeInteger(input.claimId) || (await one(db, "SELECT id FROM claims WHERE id = $1", [input.claimId])) === undefined) {
    throw new StoreError(`there is no claim with id ${input.claimId}`);
  }
  for (const id of [input.supplierId, input.recipientId]) {
    if (id !== undefined && id !== null && (!Number.isSafeInteger(id) || (await one(db, "SELECT id FROM entities WHERE id = $1", [id])) === undefined)) {
      throw new StoreError(`there is no entity with id ${id}`);
    }
  }
  if (input.stance !== undefined && input.stance !== null && !(STANCES as readonly string[]).includes(input.stance)) {
    throw new StoreError(`stance ${JSON.stringify(input.stance)} is not one of ${STANCES.join(", ")}`);
  }
  if (input.author.trim() === "") throw new StoreError("a review needs an author");
  const row = await one<{ id: number }>(
    db,
    `INSERT INTO claim_reviews (claim_id, verdict, stance, supplier_id, recipient_id, items, reason, author, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING id`,
    [
      input.claimId,
      input.verdict,
      input.stance ?? null,
      input.supplierId ?? null,
      input.recipientId ?? null,
      input.items === undefined || input.items === null ? null : JSON.stringify(input.items),
      input.reason,
      input.author,
      new Date().toISOString(),
    ],
  );
  const stored = row === undefined ? undefined : await claimReviewById(db, row.id);
  if (stored === undefined) throw new StoreError("could not store the review");
  return stored;
}

export async function revokeClaimReviewById(db: Queryable, id: number): Promise<ClaimReview | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  await run(db, "UPDATE claim_reviews SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [new Date().toISOString(), id]);
  return claimReviewById(db, id);
}

export async function claimReviewById(db: Queryable, id: number): Promise<ClaimReview | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await one<ReviewRecord>(db, `${REVIEW_SELECT} WHERE v.id = $1`, [id]);
  return row === undefined ? undefined : toClaimReview(row);
}

export async function listClaimReviews(db: Queryable, claimId?: number): Promise<ClaimReview[]> {
  const found =
    claimId === undefined
      ? await rows<ReviewRecord>(db, `${REVIEW_SELECT} ORDER BY v.id`)
      : await rows<ReviewRecord>(db, `${REVIEW_SELECT} WHERE v.claim_id = $1 ORDER BY v.id`, [claimId]);
  return found.map(toClaimReview);
}

function toClaimReview(r: ReviewRecord): ClaimReview {
  const ref = (id: number | null, name: string | null, type: string | null): EntityRef | null =>
    id === null || name === null || type === null ? null : { id, name, type: pick(ENTITY_TYPES, type, "entity type") as EntityType };
  return {
    id: r.id,
    claimId: r.claim_id,
    verdict: pick(CLAIM_VERDICTS, r.verdict, "verdict") as ClaimVerdict,
    stance: r.stance === null ? null : (pick(STANCES, r.stance, "stance") as Stance),
    supplier: ref(r.supplier_id, r.s_name, r.s_type),
    recipient: ref(r.recipient_id, r.r_name, r.r_type),
    items: r.items === null ? null : stringList(r.items, "review items"),
    reason: r.reason,
    author: r.author,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

function pick(values: readonly string[], value: string, what: string): string {
  if (!values.includes(value)) throw new StoreError(`stored ${what} ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
  return value;
}

/** A stored jsonb list of strings, checked: a mismatch means the database was edited by hand. */
export function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
    throw new StoreError(`stored ${what} are not a list of strings: ${JSON.stringify(value)}`);
  }
  return value;
}
