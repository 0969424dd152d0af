/**
 * Compliance decisions about vendors: record one (the vendor is screened again and the
 * evidence kept with the decision; "monitor" also starts a watch), list them.
 */
import { Hono } from "hono";
import { decideVendor } from "../../../services/screening/decide-vendor.ts";
import { vendorKey } from "../../../services/screening/screen-vendors.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { readJsonBody } from "../../read-json-body.ts";
import { queryOf, validate } from "../../validate.ts";
import { decisionBody, decisionsQuery } from "./schema.ts";

export function decisionsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get("/decisions", async (c) => {
      const q = validate(decisionsQuery, queryOf(c.req.url), "query");
      return jsonResponse({ items: await store.decisions({ vendorKey: q.vendor === undefined ? undefined : vendorKey(q.vendor), limit: q.limit }) });
    })
    .post("/decisions", async (c) => {
      const body = validate(decisionBody, await readJsonBody(c.req.raw), "body");
      const outcome = await decideVendor(store, { ...body, author: c.get("caller")?.name ?? "api" });
      return jsonResponse(outcome, 201);
    });
}
