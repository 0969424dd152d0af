/**
 * Claim reviews on SQLite: the verdicts table and the SQL that makes every read see
 * claims as their most recent active review has them. Kept apart from the store so
 * the "effective claim" expressions are written once and used by every query.
 */
import type Database from "better-sqlite3";
import { CLAIM_VERDICTS, isClaimVerdict, type ClaimVerdict } from "../../domain/claim-verdict.ts";
import { StoreError } from "../../domain/errors.ts";
import { ENTITY_TYPES, STANCES, type EntityType, type Stance } from "../../domain/types.ts";
import type { ClaimReview, ClaimReviewInput, EntityRef } from "../store.ts";
import { REVIEW_SELECT } from "../claim-review-sql.ts";

type SqlValue = string | number | null;

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
  items: string | null;
  reason: string | null;
  author: string;
  created_at: string;
  revoked_at: string | null;
}


export function insertClaimReview(db: Database.Database, input: ClaimReviewInput): ClaimReview {
  if (!isClaimVerdict(input.verdict)) {
    throw new StoreError(`verdict ${JSON.stringify(input.verdict)} is not one of ${CLAIM_VERDICTS.join(", ")}`);
  }
  if (!Number.isSafeInteger(input.claimId) || db.prepare<[number], { id: number }>("SELECT id FROM claims WHERE id = ?").get(input.claimId) === undefined) {
    throw new StoreError(`there is no claim with id ${input.claimId}`);
  }
  const entityExists = db.prepare<[number], { id: number }>("SELECT id FROM entities WHERE id = ?");
  for (const id of [input.supplierId, input.recipientId]) {
    if (id !== undefined && id !== null && (!Number.isSafeInteger(id) || entityExists.get(id) === undefined)) {
      throw new StoreError(`there is no entity with id ${id}`);
    }
  }
  if (input.stance !== undefined && input.stance !== null && !(STANCES as readonly string[]).includes(input.stance)) {
    throw new StoreError(`stance ${JSON.stringify(input.stance)} is not one of ${STANCES.join(", ")}`);
  }
  if (input.author.trim() === "") throw new StoreError("a review needs an author");
  const id = Number(
    db
      .prepare<SqlValue[]>(
        `INSERT INTO claim_reviews (claim_id, verdict, stance, supplier_id, recipient_id, items, reason, author, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.claimId,
        input.verdict,
        input.stance ?? null,
        input.supplierId ?? null,
        input.recipientId ?? null,
        input.items === undefined || input.items === null ? null : JSON.stringify(input.items),
        input.reason,
        input.author,
        new Date().toISOString(),
      ).lastInsertRowid,
  );
  return claimReviewById(db, id)!;
}

export function revokeClaimReviewById(db: Database.Database, id: number): ClaimReview | undefined {
  db.prepare<[string, number]>("UPDATE claim_reviews SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(new Date().toISOString(), id);
  return claimReviewById(db, id);
}

export function claimReviewById(db: Database.Database, id: number): ClaimReview | undefined {
  const row = db.prepare<[number], ReviewRecord>(`${REVIEW_SELECT} WHERE v.id = ?`).get(id);
  return row === undefined ? undefined : toClaimReview(row);
}

export function listClaimReviews(db: Database.Database, claimId?: number): ClaimReview[] {
  if (claimId === undefined) return db.prepare<[], ReviewRecord>(`${REVIEW_SELECT} ORDER BY v.id`).all().map(toClaimReview);
  return db.prepare<[number], ReviewRecord>(`${REVIEW_SELECT} WHERE v.claim_id = ? ORDER BY v.id`).all(claimId).map(toClaimReview);
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
    items: r.items === null ? null : parseItems(r.items),
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

function parseItems(json: string): string[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw new StoreError("stored review items are not a list of strings");
  return value;
}
