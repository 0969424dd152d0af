/** Stores one report through the same pipeline as `armstrace ingest`; answers with its document id and claims. */
import { Hono } from "hono";
import { ingestOne } from "../../../services/ingest-one.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { readJsonBody } from "../../read-json-body.ts";
import { validate } from "../../validate.ts";
import { ingestBody } from "./schema.ts";

export interface IngestRouteOptions {
  /** See `AppOptions.allowPrivateFetch`. */
  allowPrivateFetch: boolean;
}

export function ingestRoutes(store: Store, _opts: IngestRouteOptions): Hono<ApiEnv> {
  return new Hono<ApiEnv>().post("/ingest", async (c) => {
    const body = validate(ingestBody, await readJsonBody(c.req.raw), "body");
    const result = await ingestOne(store, body, "api");
    return jsonResponse(result, result.status === "added" ? 201 : 200);
  });
}
