/** Name search in any script, forgiving spelling (see `searchEntities`). */
import { Hono } from "hono";
import { searchEntities } from "../../../services/search-entities.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { queryOf, validate } from "../../validate.ts";
import { searchQuery } from "./schema.ts";

export function searchRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get("/search", async (c) => {
    const q = validate(searchQuery, queryOf(c.req.url), "query");
    return jsonResponse({ items: await searchEntities(store, q.q, q.limit) });
  });
}
