/**
 * Who is asking: a bearer token checked against the store, turned into a role. Reads
 * (GET) need a viewer token unless the server runs with anonymous reads; every write
 * needs an analyst token (analysts ingest and judge; admins may do everything). A few
 * confidential reads need a token always (see `CONFIDENTIAL_READS`).
 */
import type { MiddlewareHandler } from "hono";
import { roleAllows, type AccessRole } from "../domain/access-role.ts";
import { checkAccessToken } from "../services/access-tokens.ts";
import type { Store } from "../store/store.ts";
import { HttpProblem } from "./http-problem.ts";

/** The holder of a valid token. */
export interface Caller {
  role: AccessRole;
  /** Recorded as the author of what the caller writes. */
  name: string;
}

/** Checks a bearer token; resolves to undefined when it is not a valid token. */
export type TokenCheck = (token: string) => Promise<Caller | undefined>;

/** Variables the access middleware leaves on the context; `caller` is undefined for anonymous reads. */
export interface ApiEnv {
  Variables: { caller: Caller | undefined };
}

export function storeTokenCheck(store: Store): TokenCheck {
  return async (token) => {
    const row = await checkAccessToken(store, token);
    return row === undefined ? undefined : { role: row.role, name: `token #${row.id} (${row.role})` };
  };
}

export interface AccessOptions {
  allowAnonymousReads: boolean;
  tokens: TokenCheck;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A compliance team's own business: the vendors it screens, what it decided about them
 * and the alerts its watches raise. These need a token even on a server that lets
 * anyone read the evidence graph, since a vendor list says whom a firm buys from.
 * Screening is a POST only because a list does not fit in a URL; it writes nothing,
 * so a viewer may send it.
 */
const CONFIDENTIAL_READS: ReadonlyArray<readonly [method: string, path: string]> = [
  ["POST", "/api/screenings"],
  ["GET", "/api/decisions"],
  ["HEAD", "/api/decisions"],
  ["GET", "/api/alerts"],
  ["HEAD", "/api/alerts"],
];

/** The role a request needs, and whether an anonymous caller may send it when the server allows anonymous reads. */
function accessNeeded(method: string, path: string): { role: AccessRole; anonymous: boolean } {
  if (CONFIDENTIAL_READS.some(([m, p]) => m === method && p === path)) return { role: "viewer", anonymous: false };
  return READ_METHODS.has(method) ? { role: "viewer", anonymous: true } : { role: "analyst", anonymous: false };
}

export function accessControl(opts: AccessOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const { role: needed, anonymous } = accessNeeded(c.req.method, c.req.path);
    const header = c.req.header("authorization");
    if (header === undefined) {
      if (anonymous && opts.allowAnonymousReads) {
        c.set("caller", undefined);
        return next();
      }
      throw new HttpProblem(401, "this request needs a bearer token (Authorization: Bearer <token>); create one with armstrace token create");
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const caller = match?.[1] === undefined ? undefined : await opts.tokens(match[1]);
    if (caller === undefined) throw new HttpProblem(401, "the bearer token is not valid");
    if (!roleAllows(caller.role, needed)) {
      throw new HttpProblem(403, `a ${caller.role} token cannot ${needed === "viewer" ? "read" : "write"}; this needs the ${needed} role or higher`);
    }
    c.set("caller", caller);
    return next();
  };
}
