import { z } from "zod";
import { limitParam, nonEmpty } from "../schema-parts.ts";

/** GET /api/relations: `minCredibility` (1–6) is checked by the relations service. */
export const relationsQuery = z.object({ entity: nonEmpty.optional(), minCredibility: nonEmpty.optional(), limit: limitParam });
