/** The graded sources: shipped grades and the analyst's overrides (the service behind `armstrace source list`). */
import { Hono } from "hono";
import { listSources } from "../../../services/set-source.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";

export function sourcesRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get("/sources", async () => jsonResponse({ items: await listSources(store) }));
}
