/**
 * Bearer tokens for the REST API. A token is 32 random bytes shown to its holder once;
 * the store keeps only its SHA-256, so reading the database does not reveal a usable
 * token, and checking one is a single indexed lookup (the token's entropy makes a slow
 * hash unnecessary).
 */
import { createHash, randomBytes } from "node:crypto";
import type { AccessRole } from "../domain/access-role.ts";
import type { AccessTokenRow, Store } from "../store/store.ts";

/** Marks armstrace tokens, so one pasted in the wrong place is recognisable. */
const TOKEN_PREFIX = "atr_";

export interface CreatedToken extends AccessTokenRow {
  /** The bearer token itself: shown once, never stored. */
  token: string;
}

export async function createAccessToken(store: Store, role: AccessRole): Promise<CreatedToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await store.createAccessToken(hashToken(token), role);
  return { ...row, token };
}

/** The stored token this bearer token is, or undefined when it is unknown. */
export async function checkAccessToken(store: Store, token: string): Promise<AccessTokenRow | undefined> {
  if (token === "") return undefined;
  return store.accessTokenByHash(hashToken(token));
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
