/**
 * Stores reports through the same pipeline as `armstrace ingest`: one handed over as
 * JSON, one fetched from a URL, or uploaded files; answers with the stored documents'
 * ids and claims.
 */
import { Hono } from "hono";
import { UsageError } from "../../../domain/errors.ts";
import { fetchReportUrl, FetchReportError, type FetchedReport } from "../../../services/fetch-report-url.ts";
import { ingestFiles } from "../../../services/ingest-files.ts";
import { ingestOne } from "../../../services/ingest-one.ts";
import type { Store } from "../../../store/store.ts";
import type { ApiEnv } from "../../access.ts";
import { jsonResponse } from "../../presenters/json-response.ts";
import { readJsonBody } from "../../read-json-body.ts";
import { validate } from "../../validate.ts";
import { fetchProblemResponse } from "./fetch-problem.ts";
import { FILE_FIELD, ingestBody, ingestUrlBody } from "./schema.ts";

export interface IngestRouteOptions {
  /** See `AppOptions.allowPrivateFetch`. */
  allowPrivateFetch: boolean;
}

export function ingestRoutes(store: Store, opts: IngestRouteOptions): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .post("/ingest", async (c) => {
      const body = validate(ingestBody, await readJsonBody(c.req.raw), "body");
      const result = await ingestOne(store, body, "api");
      return jsonResponse(result, result.status === "added" ? 201 : 200);
    })
    .post("/ingest/url", async (c) => {
      const { url, ...meta } = validate(ingestUrlBody, await readJsonBody(c.req.raw), "body");
      let page: FetchedReport;
      try {
        page = await fetchReportUrl(url, { allowPrivate: opts.allowPrivateFetch });
      } catch (error) {
        if (error instanceof FetchReportError) return fetchProblemResponse(error);
        throw error;
      }
      // The address it was fetched from, after redirects, is the report's URL; the analyst's metadata wins over the page's.
      const given = Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined));
      const result = await ingestOne(store, { ...page.input, ...given }, "api");
      return jsonResponse({ ...result, url: page.url, redirects: page.redirects }, result.status === "added" ? 201 : 200);
    })
    .post("/ingest/files", async (c) => {
      if (!/^multipart\/form-data\b/i.test(c.req.header("content-type") ?? "")) {
        throw new UsageError(`the body must be multipart/form-data, one field named "${FILE_FIELD}" per file`);
      }
      let form: Record<string, string | File | Array<string | File>>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch (error) {
        throw new UsageError(`the body is not valid multipart/form-data (${error instanceof Error ? error.message : String(error)})`);
      }
      const field = form[FILE_FIELD];
      const values = field === undefined ? [] : Array.isArray(field) ? field : [field];
      if (values.length === 0) throw new UsageError(`no file given: send each report as a multipart field named "${FILE_FIELD}"`);
      const files: File[] = [];
      for (const value of values) {
        if (typeof value === "string") throw new UsageError(`the "${FILE_FIELD}" field must hold files (parts with a filename), not text`);
        files.push(value);
      }
      const uploads = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      const results = await ingestFiles(store, uploads);
      return jsonResponse({ files: results }, results.some((r) => r.status === "added") ? 201 : 200);
    });
}
