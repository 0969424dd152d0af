/** Parties: a filtered list, and one party's profile (the service behind `armstrace entity NAME`). */
import { Hono } from "hono";
import { entityProfile } from "../../../services/entity-profile.ts";
import { entityTimelinePage } from "../../../services/entity-timeline.ts";
import { listEntities } from "../../../services/queries.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { HttpProblem } from "../../http-problem.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { queryOf, validate } from "../../validate.ts";
import { idParam } from "../schema-parts.ts";
import { entitiesQuery, timelineQuery } from "./schema.ts";

export function entitiesRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get("/entities", async (c) => {
      const q = validate(entitiesQuery, queryOf(c.req.url), "query");
      return jsonResponse({ items: await listEntities(store, { type: q.type, name: q.q, limit: q.limit }) });
    })
    .get("/entities/:id", async (c) => {
      const { id } = validate(idParam, c.req.param(), "path");
      const profile = await entityProfile(store, id);
      if (profile === null) throw new HttpProblem(404, `there is no entity with id ${id}`);
      return jsonResponse(profile);
    })
    .get("/entities/:id/timeline", async (c) => {
      const { id } = validate(idParam, c.req.param(), "path");
      const { limit } = validate(timelineQuery, queryOf(c.req.url), "query");
      const [entity] = await store.entities({ id, ungrouped: true, limit: 1 });
      if (entity === undefined) throw new HttpProblem(404, `there is no entity with id ${id}`);
      return jsonResponse(await entityTimelinePage(store, { id }, { latest: limit }));
    });
}
