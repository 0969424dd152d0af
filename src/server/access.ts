/**
 * Who is asking: a bearer token checked against the store, turned into a role. Reads
 * (GET) need a viewer token unless the server runs with anonymous reads; every write
 * needs an analyst token (analysts ingest and judge; admins may do everything).
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

export function accessControl(opts: AccessOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const needed: AccessRole = READ_METHODS.has(c.req.method) ? "viewer" : "analyst";
    const header = c.req.header("authorization");
    if (header === undefined) {
      if (needed === "viewer" && opts.allowAnonymousReads) {
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
