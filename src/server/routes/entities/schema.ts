import { z } from "zod";
import { limitParam, nonEmpty } from "../schema-parts.ts";

/** GET /api/entities: `type` and `q` are checked further by the entities service. */
export const entitiesQuery = z.object({ type: nonEmpty.optional(), q: nonEmpty.optional(), limit: limitParam });

/** GET /api/entities/{id}/timeline: the most recent `limit` entries (default 100), with the total. */
export const timelineQuery = z.object({ limit: limitParam });
