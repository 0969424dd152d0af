/** Stored claims with their evidence offsets (the service behind `armstrace claims`). */
import { Hono } from "hono";
import { listClaims } from "../../../services/queries.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { queryOf, validate } from "../../validate.ts";
import { claimsQuery } from "./schema.ts";

export function claimsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get("/claims", async (c) => {
    const q = validate(claimsQuery, queryOf(c.req.url), "query");
    return jsonResponse({ items: await listClaims(store, q) });
  });
}
