/** Query and body pieces several routes share, so they answer alike. */
import { z } from "zod";

/** Lists default to this many rows, so a forgotten limit does not send a whole store. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const limitParam = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
  .default(DEFAULT_LIMIT);

export const nonEmpty = z.string().trim().min(1, "must not be empty");

/** A path id: a positive whole number. */
export const idParam = z.object({ id: z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive") });
