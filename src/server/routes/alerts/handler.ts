/** The alert inbox: alerts raised by watches, newest first, with their claims; marking them read. */
import { Hono } from "hono";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { readJsonBody } from "../../read-json-body.ts";
import { queryOf, validate } from "../../validate.ts";
import { inboxAlerts } from "./inbox-alerts.ts";
import { alertsQuery, markReadBody } from "./schema.ts";

export function alertsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get("/alerts", async (c) => {
      const q = validate(alertsQuery, queryOf(c.req.url), "query");
      return jsonResponse({ items: await inboxAlerts(store, await store.alerts({ unread: q.unread, limit: q.limit })) });
    })
    .post("/alerts/read", async (c) => {
      const { ids } = validate(markReadBody, await readJsonBody(c.req.raw), "body");
      // Unknown and already read ids change nothing; the count says how many did change.
      return jsonResponse({ marked: await store.markAlertsRead([...new Set(ids)]) });
    });
}
