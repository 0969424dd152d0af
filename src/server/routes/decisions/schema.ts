import { z } from "zod";
import { DECISIONS } from "../../../domain/screening.ts";
import { limitParam, nonEmpty } from "../schema-parts.ts";

/** POST /api/decisions: what was decided about a vendor, and why (the reason is kept with it). */
export const decisionBody = z.strictObject({
  vendor: nonEmpty.max(2000, "must be at most 2000 characters"),
  country: z.string().trim().max(100, "must be at most 100 characters").nullish(),
  decision: z.enum(DECISIONS, { error: `must be one of ${DECISIONS.join(", ")}` }),
  reason: nonEmpty.max(2000, "must be at most 2000 characters"),
});

/** GET /api/decisions: all, or those about one vendor (matched by its comparison key, as screening finds them). */
export const decisionsQuery = z.object({
  vendor: nonEmpty.max(2000, "must be at most 2000 characters").optional(),
  limit: limitParam,
});
