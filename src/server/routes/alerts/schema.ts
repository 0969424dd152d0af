import { z } from "zod";
import { MAX_LIMIT, limitParam } from "../schema-parts.ts";

/** GET /api/alerts: unread=true for the unread only, unread=false for the read only. */
export const alertsQuery = z.object({
  unread: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true").optional(),
  limit: limitParam,
});

/** POST /api/alerts/read. */
export const markReadBody = z.strictObject({
  ids: z
    .array(z.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive"))
    .min(1, "must list at least one alert id")
    .max(MAX_LIMIT, `must list at most ${MAX_LIMIT} ids`),
});
