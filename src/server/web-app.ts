/**
 * Serves the built web app (`npm run build:web` writes it to dist/web) beside the API:
 * the one page at `/` and its hashed assets. Routing happens in the page (`#/entity/3`),
 * so no other path needs the page. Files are read once and kept: the build is small
 * and never changes while the server runs.
 */
import fs from "node:fs";
import path from "node:path";
import { Hono } from "hono";
import type { ApiEnv } from "./access.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/**
 * The page may load its own scripts, styles and images and call its own API; nothing
 * inline, nothing from elsewhere. A report's text is rendered as text anyway; this is
 * the second lock on the door.
 */
export const WEB_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Whether `dir` holds a built web app. */
export function hasWebApp(dir: string): boolean {
  return fs.existsSync(path.join(dir, "index.html"));
}

export function webAppRoutes(dir: string): Hono<ApiEnv> {
  const root = path.resolve(dir);
  const cache = new Map<string, Uint8Array>();
  const read = (rel: string): Uint8Array | undefined => {
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return undefined;
    let body = cache.get(file);
    if (body === undefined) {
      try {
        body = fs.readFileSync(file);
      } catch {
        return undefined;
      }
      cache.set(file, body);
    }
    return body;
  };
  const send = (rel: string, immutable: boolean) => {
    const body = read(rel);
    if (body === undefined) return undefined;
    return new Response(body as BodyInit, {
      headers: {
        "content-type": TYPES[path.extname(rel)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      },
    });
  };
  return new Hono<ApiEnv>()
    .get("/", (c) => send("index.html", false) ?? c.notFound())
    .get("/index.html", (c) => send("index.html", false) ?? c.notFound())
    .get("/assets/:file", (c) => send(path.join("assets", c.req.param("file")), true) ?? c.notFound());
}
