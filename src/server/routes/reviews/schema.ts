import { z } from "zod";
import { CLAIM_VERDICTS } from "../../../domain/claim-verdict.ts";
import { STANCES } from "../../../domain/types.ts";
import { limitParam } from "../schema-parts.ts";

const entityRef = z.union([z.number().int().positive(), z.string().trim().min(1, "must not be empty")]);

/** POST /api/claims/{id}/review: a verdict, and for "correct" the fields as they should read. */
export const reviewBody = z.strictObject({
  verdict: z.enum(CLAIM_VERDICTS, { error: `must be one of ${CLAIM_VERDICTS.join(", ")}` }),
  stance: z.enum(STANCES, { error: `must be one of ${STANCES.join(", ")}` }).optional(),
  supplier: entityRef.optional(),
  recipient: entityRef.optional(),
  items: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  reason: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
});

/** GET /api/review-queue. */
export const queueQuery = z.object({ limit: limitParam });

/** GET /api/relations/{supplierId}/{recipientId}. */
export const pairParam = z.object({
  supplierId: z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive"),
  recipientId: z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive"),
});
