/** Graded supplier → recipient relations (the service behind `armstrace relations`). */
import { Hono } from "hono";
import { listRelations } from "../../../services/list-relations.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { queryOf, validate } from "../../validate.ts";
import { relationsQuery } from "./schema.ts";

export function relationsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get("/relations", async (c) => {
    const q = validate(relationsQuery, queryOf(c.req.url), "query");
    return jsonResponse({ items: await listRelations(store, q) });
  });
}
