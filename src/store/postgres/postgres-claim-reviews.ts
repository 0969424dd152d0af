/**
 * Claim reviews on PostgreSQL: the verdicts table and the SQL that makes every read see
 * claims as their most recent active review has them, as in `sqlite-claim-reviews.ts`.
 */
import { CLAIM_VERDICTS, isClaimVerdict, type ClaimVerdict } from "../../domain/claim-verdict.ts";
import { StoreError } from "../../domain/errors.ts";
import { ENTITY_TYPES, STANCES, type EntityType, type Stance } from "../../domain/types.ts";
import type { ClaimReview, ClaimReviewInput, EntityRef } from "../store.ts";
import { one, rows, run, type Queryable } from "./postgres-sql.ts";

/** Joins `rv`, the review that applies to claim `c` (none when it has no active review). */
export const REVIEW_JOIN = `LEFT JOIN (SELECT claim_id, max(id) AS id FROM claim_reviews WHERE revoked_at IS NULL GROUP BY claim_id) lr
    ON lr.claim_id = c.id
  LEFT JOIN claim_reviews rv ON rv.id = lr.id`;

/** A claim's fields as they now read: corrected where the applying review corrects them. */
export const EFFECTIVE = {
  supplier: "coalesce(rv.supplier_id, c.supplier_id)",
  recipient: "coalesce(rv.recipient_id, c.recipient_id)",
  stance: "coalesce(rv.stance, c.stance)",
  items: "coalesce(rv.items, c.items)",
  /** True for claims that still count as evidence. */
  counts: "(rv.verdict IS NULL OR rv.verdict <> 'reject')",
} as const;

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

const REVIEW_SELECT = `
  SELECT v.id, v.claim_id, v.verdict, v.stance, v.supplier_id, s.name AS s_name, s.type AS s_type,
         v.recipient_id, r.name AS r_name, r.type AS r_type, v.items, v.reason, v.author, v.created_at, v.revoked_at
    FROM claim_reviews v
    LEFT JOIN entities s ON s.id = v.supplier_id
    LEFT JOIN entities r ON r.id = v.recipient_id`;

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
