/**
 * Polls one feed and says when to poll it next. The fetch is the report fetch's
 * (`fetchUrl`): a feed URL is given by a user, so it gets the same refusal of private
 * addresses, hand-followed redirects and size and time limits as a report URL.
 *
 * The request is conditional (`If-None-Match`, `If-Modified-Since`) so an unchanged
 * feed costs the publisher one 304 rather than the whole document every quarter hour.
 * A poll never throws: every failure (network, timeout, error status, a body that is
 * not a feed) comes back as a result with the next attempt pushed out exponentially,
 * so a dead feed is tried less and less often, though still daily, and a server's own
 * `Retry-After` on 429/503 is respected when it asks for a longer pause. The caller
 * stores the state and the next time; this module keeps none.
 */
import type { AddressPolicy } from "../../domain/address-policy.ts";
import { InputError } from "../../pipeline/normalize/index.ts";
import { fetchUrl, FetchReportError, type AcceptedMedia, type HostLookup } from "../fetch-report-url.ts";
import { parseFeed, type ParsedFeed } from "./parse-feed.ts";

export interface FeedPollState {
  url: string;
  /** The `ETag` of the last answer with a body; null when the server sent none. */
  etag: string | null;
  /** The `Last-Modified` of that answer, as the server wrote it. */
  lastModified: string | null;
  /** Failed polls in a row since the last success. */
  failures: number;
}

export interface PollOptions {
  /** The clock; default `new Date()`. */
  now?: (() => Date) | undefined;
  /** Between successful polls; default 15 minutes. Also the base of the backoff. */
  intervalMs?: number | undefined;
  timeoutMs?: number | undefined;
  maxBytes?: number | undefined;
  /** Poll private and loopback addresses too. */
  allowPrivate?: boolean | undefined;
  lookup?: HostLookup | undefined;
  addressPolicy?: AddressPolicy | undefined;
}

export type PollResult =
  | { status: "updated"; feed: ParsedFeed; etag: string | null; lastModified: string | null; nextPollAt: string }
  | { status: "not-modified"; nextPollAt: string; etag: string | null; lastModified: string | null }
  | { status: "failed"; error: string; failures: number; nextPollAt: string };

export const DEFAULT_POLL_INTERVAL_MS = 15 * 60 * 1000;
/** The longest pause after failures, so a feed that comes back is noticed within a day. */
export const MAX_POLL_BACKOFF_MS = 24 * 60 * 60 * 1000;

const FEED_MEDIA: AcceptedMedia = {
  mediaTypes: ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"],
  header: "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8",
  refusal: "only RSS and Atom feeds (XML) are polled",
  noun: "a feed",
};

/** Retry-After is honoured on these only: the statuses where it means "come back later". */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export async function pollFeed(feed: FeedPollState, opts: PollOptions = {}): Promise<PollResult> {
  const now = opts.now ?? (() => new Date());
  const intervalMs = opts.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const headers: Record<string, string> = {};
  if (feed.etag !== null && feed.etag !== "") headers["if-none-match"] = feed.etag;
  if (feed.lastModified !== null && feed.lastModified !== "") headers["if-modified-since"] = feed.lastModified;
  try {
    const fetched = await fetchUrl(feed.url, {
      accept: FEED_MEDIA,
      headers,
      notModified: true,
      allowPrivate: opts.allowPrivate,
      addressPolicy: opts.addressPolicy,
      lookup: opts.lookup,
      timeoutMs: opts.timeoutMs,
      maxBytes: opts.maxBytes,
    });
    const etag = headerValue(fetched.headers.etag);
    const lastModified = headerValue(fetched.headers["last-modified"]);
    const nextPollAt = new Date(now().getTime() + intervalMs).toISOString();
    if (fetched.status === 304) {
      // A 304 may carry fresh validators; otherwise the ones that matched still stand.
      return { status: "not-modified", nextPollAt, etag: etag ?? feed.etag, lastModified: lastModified ?? feed.lastModified };
    }
    const text = decodeFeed(fetched.url, fetched.body, headerValue(fetched.headers["content-type"]) ?? "");
    // Relative links are relative to where the feed was found in the end, after redirects.
    return { status: "updated", feed: parseFeed(text, fetched.url), etag, lastModified, nextPollAt };
  } catch (error) {
    const failures = Math.max(0, Math.floor(feed.failures)) + 1;
    const at = now();
    let delay = intervalMs * 2 ** failures;
    if (error instanceof FetchReportError && error.status !== undefined && RETRY_AFTER_STATUSES.has(error.status)) {
      delay = Math.max(delay, retryAfterMs(headerValue(error.headers?.["retry-after"]), at) ?? 0);
    }
    delay = Math.min(delay, MAX_POLL_BACKOFF_MS);
    return { status: "failed", error: describe(feed.url, error), failures, nextPollAt: new Date(at.getTime() + delay).toISOString() };
  }
}

function describe(url: string, error: unknown): string {
  if (error instanceof FetchReportError || error instanceof InputError) return error.message;
  return `cannot poll ${url}: ${error instanceof Error ? error.message : String(error)}`;
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed === undefined || trimmed === "" ? null : trimmed;
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; undefined when unreadable. */
function retryAfterMs(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}

const BOMS: readonly [bytes: readonly number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

/**
 * The feed's text. The encoding is looked for where XML puts it: a byte order mark,
 * then the content type's charset, then the XML declaration; else UTF-8 (RFC 7303).
 */
function decodeFeed(url: string, body: Buffer, contentType: string): string {
  const bom = BOMS.find(([bytes]) => bytes.every((byte, index) => body[index] === byte));
  const declared =
    bom?.[1] ??
    /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ??
    /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(body.subarray(0, 256).toString("latin1"))?.[1] ??
    "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    throw new InputError(`${url} declares the charset ${JSON.stringify(declared)}, which armstrace cannot decode`);
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new InputError(`${url} is not valid ${decoder.encoding}, the charset it declares or defaults to`);
  }
}
