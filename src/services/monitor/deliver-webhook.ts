/**
 * Delivers alerts as one signed JSON POST. The signature is an HMAC-SHA256 over
 * `${timestamp}.${body}` with a secret shared with the receiver, sent beside the
 * timestamp: the receiver recomputes it from the raw bytes it got to know the alerts
 * came from this server unaltered, and since the timestamp is signed too it can refuse
 * an old request replayed later. (The scheme is the one Stripe and GitHub made
 * familiar, so receivers have code for it already.)
 *
 * Delivery never throws: it runs from a background job that records the outcome and
 * retries, so a refused connection or a 500 is a result to store, not an exception to
 * catch. Messages name only the URL's origin, because webhook URLs often carry a token
 * in their path. Redirects are not followed: a POST that moves is a misconfiguration
 * to report, not to repeat somewhere else.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AlertMessage } from "./alert-message.ts";

export interface WebhookResult {
  /** The receiver answered 2xx. */
  ok: boolean;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  error: string | null;
}

export interface WebhookOptions {
  /** For the whole request; default 10 s. */
  timeoutMs?: number | undefined;
  /** The clock the timestamp is read from; default `new Date()`. */
  now?: (() => Date) | undefined;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=` and the hex HMAC-SHA256 of `${timestamp}.${body}` under `secret`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

/** Whether `signature` is `signWebhook(secret, timestamp, body)`, compared in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body), "utf8");
  const given = Buffer.from(signature, "utf8");
  // timingSafeEqual needs equal lengths; the length of a signature is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function deliverWebhook(url: string, secret: string, alerts: AlertMessage[], opts: WebhookOptions = {}): Promise<WebhookResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, status: null, error: "the webhook URL is not a URL" };
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return { ok: false, status: null, error: `the webhook URL must be http or https, not ${target.protocol.replace(/:$/, "")}` };
  }
  const where = `the webhook at ${target.origin}`;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const body = JSON.stringify({ alerts });
  const timestamp = String(Math.floor((opts.now ?? (() => new Date()))().getTime() / 1000));
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "armstrace",
        "x-armstrace-timestamp": timestamp,
        "x-armstrace-signature": signWebhook(secret, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body means nothing to us; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status <= 299) return { ok: true, status: response.status, error: null };
    const reason = `${response.status} ${response.statusText}`.trimEnd();
    const moved = response.status >= 300 && response.status <= 399 ? " (redirects are not followed; give the final URL)" : "";
    return { ok: false, status: response.status, error: `${where} answered ${reason}${moved}` };
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      return { ok: false, status: null, error: `${where} did not answer within ${timeoutMs / 1000} s` };
    }
    return { ok: false, status: null, error: `cannot reach ${where} (${causeOf(error)})` };
  }
}

/** fetch wraps network errors as "fetch failed"; the code (ECONNREFUSED, ENOTFOUND, …) is in the cause. */
function causeOf(error: unknown): string {
  let at: unknown = error;
  for (let depth = 0; depth < 3 && at instanceof Error; depth += 1) {
    const code = (at as NodeJS.ErrnoException).code;
    if (typeof code === "string") return code;
    if (at.cause === undefined) return at.message;
    at = at.cause;
  }
  return at instanceof Error ? at.message : String(at);
}
