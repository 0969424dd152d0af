/**
 * For API tests: a real SQLite file in a temporary directory, one token per role, the
 * app over it, and request helpers, so each test reads as requests and answers.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import type { AccessRole } from "../domain/access-role.ts";
import { createAccessToken } from "../services/access-tokens.ts";
import { openSqliteStore } from "../store/sqlite/sqlite-store.ts";
import type { Store } from "../store/store.ts";
import type { ApiEnv } from "./access.ts";
import { createApp, type AppOptions } from "./create-app.ts";

export interface ApiFixture {
  app: Hono<ApiEnv>;
  store: Store;
  tokens: Record<AccessRole, string>;
  /** GET with the given token (none: anonymous). */
  get(path: string, token?: string): Promise<Response>;
  /** POST of a JSON body with the given token. */
  post(path: string, body: unknown, token?: string): Promise<Response>;
  close(): Promise<void>;
}

export async function apiFixture(opts: Partial<AppOptions> = {}): Promise<ApiFixture> {
  const dir = await mkdtemp(join(tmpdir(), "armstrace-api-"));
  const store = await openSqliteStore(join(dir, "api.db"));
  const tokens = {
    viewer: (await createAccessToken(store, "viewer")).token,
    analyst: (await createAccessToken(store, "analyst")).token,
    admin: (await createAccessToken(store, "admin")).token,
  };
  const app = createApp(store, { allowAnonymousReads: false, ...opts });
  const auth = (token: string | undefined): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });
  return {
    app,
    store,
    tokens,
    get: async (path, token) => app.request(path, { headers: auth(token) }),
    post: async (path, body, token) =>
      app.request(path, { method: "POST", headers: { ...auth(token), "content-type": "application/json" }, body: JSON.stringify(body) }),
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A short report with one asserted Norinco → Myanmar claim. */
export const NORINCO_REPORT = {
  text: "Norinco supplied assault rifles to the Myanmar military in 2023, Reuters reported.",
  publisher: "Reuters",
  published: "2024-03-01",
  title: "Rifles for Myanmar",
  url: "https://example.org/rifles",
};
