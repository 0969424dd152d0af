/** One stored report: its text, metadata, mentions and claims, every span with offsets into `text`. */
import { Hono } from "hono";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { HttpProblem } from "../../http-problem.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { validate } from "../../validate.ts";
import { idParam } from "../schema-parts.ts";

export function documentsRoutes(store: Store): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get("/documents/:id", async (c) => {
    const { id } = validate(idParam, c.req.param(), "path");
    const document = await store.document(id);
    if (document === undefined) throw new HttpProblem(404, `there is no document with id ${id}`);
    return jsonResponse({ ...document, claims: await store.claims({ documentId: id }) });
  });
}
