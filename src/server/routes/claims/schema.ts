import { z } from "zod";
import { limitParam, nonEmpty } from "../schema-parts.ts";

/** GET /api/claims: `stance` is checked by the claims service, which names the allowed values. */
export const claimsQuery = z.object({ entity: nonEmpty.optional(), stance: nonEmpty.optional(), limit: limitParam });
