/** Analysts' entity judgements (merge, same, split, not-same): record one, list them. */
import { Hono } from "hono";
import { judgeEntities } from "../../../services/judge-entities.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { readJsonBody } from "../../read-json-body.ts";
import { validate } from "../../validate.ts";
import { judgementBody } from "./schema.ts";

export function judgementsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get("/judgements", async () => jsonResponse({ items: await store.judgements() }))
    .post("/judgements", async (c) => {
      const body = validate(judgementBody, await readJsonBody(c.req.raw), "body");
      const author = c.get("caller")?.name ?? "api";
      const outcome = await judgeEntities(store, body.kind, String(body.a), String(body.b), { reason: body.reason, author });
      return jsonResponse({ judgement: outcome.judgement, together: outcome.together, setAside: outcome.setAside }, 201);
    });
}
