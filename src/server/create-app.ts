/**
 * The REST API as a Hono app over a store. The app does not open or close the store
 * and does not listen: `armstrace serve` does both, and tests call `app.request()`
 * in-process. Handlers stay thin: each parses its input and calls a service.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { StoreError, UsageError } from "../domain/errors.ts";
import type { Store } from "../store/store.ts";
import { accessControl, storeTokenCheck, type ApiEnv, type TokenCheck } from "./access.ts";
import { HttpProblem } from "./http-problem.ts";
import { OPENAPI_DOCUMENT } from "./openapi.ts";
import { jsonResponse } from "./presenters/json-response.ts";
import { problemResponse } from "./presenters/problem-response.ts";
import { alertsRoutes } from "./routes/alerts/handler.ts";
import { claimsRoutes } from "./routes/claims/handler.ts";
import { decisionsRoutes } from "./routes/decisions/handler.ts";
import { documentsRoutes } from "./routes/documents/handler.ts";
import { entitiesRoutes } from "./routes/entities/handler.ts";
import { ingestRoutes } from "./routes/ingest/handler.ts";
import { judgementsRoutes } from "./routes/judgements/handler.ts";
import { relationsRoutes } from "./routes/relations/handler.ts";
import { reviewsRoutes } from "./routes/reviews/handler.ts";
import { screeningsRoutes } from "./routes/screenings/handler.ts";
import { searchRoutes } from "./routes/search/handler.ts";
import { sourcesRoutes } from "./routes/sources/handler.ts";
import { WEB_CSP, webAppRoutes } from "./web-app.ts";

/** Largest request body: a report as large as `ingest` reads from a file (5 MB), with room for JSON escaping. */
export const DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface AppOptions {
  allowAnonymousReads: boolean;
  /** How bearer tokens are checked; by default against the store's access tokens. */
  tokens?: TokenCheck | undefined;
  maxBodyBytes?: number | undefined;
  /**
   * Lets `POST /api/ingest/url` fetch from private, loopback and link-local addresses.
   * Off by default: a server that fetches what it is told is a way into its own network.
   */
  allowPrivateFetch?: boolean | undefined;
  /** A built web app (dist/web) to serve at `/`; none: the API alone. */
  webRoot?: string | undefined;
  /** Where unexpected errors are reported (their details never reach the client). */
  onError?: ((error: unknown) => void) | undefined;
}

export function createApp(store: Store, opts: AppOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const maxBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  app.use("*", async (c, next) => {
    await next();
    // JSON never sniffed as HTML, nothing framed: report texts are untrusted.
    c.res.headers.set("x-content-type-options", "nosniff");
    const isApi = new URL(c.req.url).pathname.startsWith("/api");
    c.res.headers.set("content-security-policy", isApi ? "default-src 'none'; frame-ancestors 'none'" : WEB_CSP);
    c.res.headers.set("referrer-policy", "no-referrer");
  });
  // Public, so clients can discover the API (and how to authenticate) before holding a token.
  app.get("/api/openapi.json", () => jsonResponse(OPENAPI_DOCUMENT));
  app.use("/api/*", accessControl({ allowAnonymousReads: opts.allowAnonymousReads, tokens: opts.tokens ?? storeTokenCheck(store) }));
  app.use(
    "/api/*",
    bodyLimit({ maxSize: maxBytes, onError: () => problemResponse(413, `the request body is larger than ${maxBytes} bytes`) }),
  );
  for (const routes of [entitiesRoutes, relationsRoutes, claimsRoutes, documentsRoutes, sourcesRoutes, searchRoutes, judgementsRoutes, reviewsRoutes, screeningsRoutes, decisionsRoutes, alertsRoutes]) {
    app.route("/api", routes(store));
  }
  app.route("/api", ingestRoutes(store, { allowPrivateFetch: opts.allowPrivateFetch === true }));

  if (opts.webRoot !== undefined) app.route("/", webAppRoutes(opts.webRoot));

  app.notFound((c) => problemResponse(404, `no route ${c.req.method} ${new URL(c.req.url).pathname}; see /api/openapi.json`));
  app.onError((error) => {
    if (error instanceof HttpProblem) {
      return problemResponse(error.status, error.message, error.status === 401 ? { "www-authenticate": 'Bearer realm="armstrace"' } : {});
    }
    if (error instanceof UsageError) return problemResponse(400, error.message);
    opts.onError?.(error);
    // A store error's message is written for users; anything else may hold internals.
    return problemResponse(500, error instanceof StoreError ? error.message : "an unexpected error occurred; see the server log");
  });
  return app;
}
