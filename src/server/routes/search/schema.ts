import { z } from "zod";
import { nonEmpty } from "../schema-parts.ts";

export const searchQuery = z.object({
  q: nonEmpty.max(200, "must be at most 200 characters"),
  limit: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20),
});
