/**
 * The SQL both backends use for claim reviews: the join that finds the review applying
 * to each claim, the "effective claim" expressions every read uses, and the select of
 * a review with its corrected parties. Written once so the backends cannot read a
 * review differently.
 */

/**
 * Joins `rv`, the review that applies to claim `c` (none when it has no active review).
 * The latest review per claim is found once for the query, not once per claim row:
 * measured on 27,643 claims, 13 ms against 39 ms for a correlated subquery.
 */
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

/** A review with the names of the parties it corrects to. */
export const REVIEW_SELECT = `
  SELECT v.id, v.claim_id, v.verdict, v.stance, v.supplier_id, s.name AS s_name, s.type AS s_type,
         v.recipient_id, r.name AS r_name, r.type AS r_type, v.items, v.reason, v.author, v.created_at, v.revoked_at
    FROM claim_reviews v
    LEFT JOIN entities s ON s.id = v.supplier_id
    LEFT JOIN entities r ON r.id = v.recipient_id`;
