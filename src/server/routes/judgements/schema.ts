import { z } from "zod";
import { JUDGEMENT_KINDS } from "../../../domain/entity-groups.ts";

/** An entity by id or by one of its names (as `armstrace entity merge A B` takes them). */
const entityRef = z.union([z.number().int().positive(), z.string().trim().min(1, "must not be empty")]);

/** POST /api/judgements; "not-same" is accepted for "not_same", as on the command line. */
export const judgementBody = z.strictObject({
  kind: z.preprocess((v) => (typeof v === "string" ? v.replaceAll("-", "_") : v), z.enum(JUDGEMENT_KINDS, { error: `must be one of ${JUDGEMENT_KINDS.join(", ")}` })),
  a: entityRef,
  b: entityRef,
  reason: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
});
