/**
 * Fetches one report from the web for `POST /api/ingest/url`, refusing to be used as
 * a way into the server's own network. Every hop (the URL given and each redirect,
 * followed by hand) is resolved once, every address the name resolves to is checked
 * against an address policy, and the connection goes to a checked address through a
 * pinned `lookup`, never resolving again: a name that answered with a public address
 * for the check cannot answer with 127.0.0.1 for the connection (DNS rebinding).
 *
 * The answer must be HTML, plain text or Markdown, at most `maxBytes` after
 * decompression (read as a stream and cut off beyond), decodable in its charset, and
 * complete within `timeoutMs` (redirects included). Everything else is a
 * `FetchReportError` whose `failure` says which rule it broke and whose message names
 * the URL, so the API can answer with a status and a sentence the analyst can act on.
 *
 * `fetchUrl` is the same fetch without the report rules, for other bodies (feeds): the
 * caller names the media types it takes, may add request headers (conditional ones),
 * may take a 304 answer, and decodes the bytes itself. An error status carries the
 * status and headers, so a caller can honour `Retry-After`.
 */
import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { isLoopbackName, nonPublicAddressReason, type AddressPolicy } from "../domain/address-policy.ts";
import { decodeReportBytes } from "../pipeline/normalize/decode-report-bytes.ts";
import { looksBinary } from "../pipeline/normalize/looks-binary.ts";
import type { ReportInput } from "./ingest-one.ts";

/** Resolves a host name to every address it has, as `dns.lookup(name, { all: true })` does. */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;

export interface FetchReportOptions {
  /** Fetch from any address, private and loopback ones included (`serve --allow-private-fetch`). */
  allowPrivate?: boolean | undefined;
  /** Which addresses may be fetched; default `nonPublicAddressReason` (public unicast only). Ignored with `allowPrivate`. */
  addressPolicy?: AddressPolicy | undefined;
  /** How host names are resolved; default the system resolver (`dns.lookup`, all addresses). */
  lookup?: HostLookup | undefined;
  /** For the whole fetch, redirects included; default 15 s. */
  timeoutMs?: number | undefined;
  /** Largest body, after decompression; default 5 MB, the size `ingest` reads from a file. */
  maxBytes?: number | undefined;
  /** Default 5. */
  maxRedirects?: number | undefined;
}

/**
 * Which rule a fetch broke: `bad-url` the URL given is not http(s); `forbidden-address`
 * a hop resolves to an address the policy refuses; `refused` a redirect leads off
 * http(s); `too-large`, `unsupported-type` and `undecodable` the body; `bad-response`
 * the server (an error status, too many redirects); `unreachable` the network;
 * `timeout` the clock.
 */
export type FetchFailure =
  | "bad-url"
  | "forbidden-address"
  | "refused"
  | "too-large"
  | "unsupported-type"
  | "undecodable"
  | "bad-response"
  | "unreachable"
  | "timeout";

export interface FetchErrorOptions extends ErrorOptions {
  /** The status of the answer that broke a rule, when it was an error status. */
  status?: number | undefined;
  /** The headers of that answer. */
  headers?: IncomingHttpHeaders | undefined;
}

export class FetchReportError extends Error {
  override name = "FetchReportError";
  readonly failure: FetchFailure;
  /** Set for a `bad-response` that was an error status (404, 429, 503, …). */
  readonly status: number | undefined;
  /** The headers of that error answer (`retry-after`, …). */
  readonly headers: IncomingHttpHeaders | undefined;
  constructor(failure: FetchFailure, message: string, options?: FetchErrorOptions) {
    super(message, options);
    this.failure = failure;
    this.status = options?.status;
    this.headers = options?.headers;
  }
}

/** The bodies a fetch takes, and how it asks for and refuses them. */
export interface AcceptedMedia {
  /** Media types, lowercase and without parameters. */
  mediaTypes: readonly string[];
  /** The `Accept` header sent. */
  header: string;
  /** Ends the refusal of any other type: "only HTML, plain text and Markdown reports are ingested". */
  refusal: string;
  /** What the body is, for the size refusal: "a report". */
  noun: string;
}

export interface FetchUrlOptions extends FetchReportOptions {
  accept: AcceptedMedia;
  /** Request headers added to the defaults (`if-none-match`, …); names lowercase. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Answer a 304 as a result (an empty body) instead of refusing it as an error status. */
  notModified?: boolean | undefined;
}

export interface FetchedUrl {
  /** Where the body was fetched from in the end, after redirects. */
  url: string;
  /** The URLs that redirected, in order. */
  redirects: string[];
  /** 2xx, or 304 with `notModified`. */
  status: number;
  headers: IncomingHttpHeaders;
  /** The media type the server declared, lowercase; "" on a 304. */
  mediaType: string;
  /** Body bytes after decompression; empty on a 304. */
  body: Buffer;
}

export interface FetchedReport {
  /** Where the report was fetched from in the end, after redirects. */
  url: string;
  /** The URLs that redirected, in order; empty when the first answer was the report. */
  redirects: string[];
  /** The media type the server declared (`text/html`, …). */
  mediaType: string;
  /** Body bytes after decompression. */
  bytes: number;
  /** The report for `ingestOne`: `html` for HTML, `text` otherwise, and `url` set to the final URL. */
  input: ReportInput;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_FETCH_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const USER_AGENT = "armstrace";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MEDIA_KINDS: Readonly<Record<string, "html" | "text">> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "text",
  "text/x-markdown": "text",
};

const REPORT_MEDIA: AcceptedMedia = {
  mediaTypes: Object.keys(MEDIA_KINDS),
  header: "text/html, application/xhtml+xml, text/plain, text/markdown;q=0.9, */*;q=0.1",
  refusal: "only HTML, plain text and Markdown reports are ingested",
  noun: "a report",
};

const systemLookup: HostLookup = async (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export async function fetchReportUrl(target: string, opts: FetchReportOptions = {}): Promise<FetchedReport> {
  const fetched = await fetchUrl(target, { ...opts, accept: REPORT_MEDIA });
  const url = new URL(fetched.url);
  const header = fetched.headers["content-type"] ?? "";
  const kind = MEDIA_KINDS[fetched.mediaType] ?? "text";
  const text = decodeBody(url, fetched.body, charsetOf(header) ?? (kind === "html" ? metaCharset(fetched.body) : undefined) ?? "utf-8");
  return {
    url: fetched.url,
    redirects: fetched.redirects,
    mediaType: fetched.mediaType,
    bytes: fetched.body.length,
    input: kind === "html" ? { html: text, url: url.href } : { text, url: url.href },
  };
}

/**
 * Fetches `target` under the same address, redirect, size and time rules as a report,
 * returning the raw body of one of `opts.accept`'s media types.
 */
export async function fetchUrl(target: string, opts: FetchUrlOptions): Promise<FetchedUrl> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const first = parseHttpUrl(target);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await follow(first, opts, controller.signal);
  } catch (error) {
    if (error instanceof FetchReportError) throw error;
    if (controller.signal.aborted) {
      throw new FetchReportError("timeout", `gave up on ${first.href}: no complete answer within ${timeoutMs / 1000} s`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new FetchReportError("bad-url", `${target} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchReportError("bad-url", `refusing to fetch ${url.href}: only http and https URLs are fetched`);
  }
  return url;
}

async function follow(first: URL, opts: FetchUrlOptions, signal: AbortSignal): Promise<FetchedUrl> {
  const policy = opts.allowPrivate === true ? undefined : (opts.addressPolicy ?? nonPublicAddressReason);
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const redirects: string[] = [];
  let url = first;
  for (;;) {
    const what = redirects.length === 0 ? url.href : `${url.href} (redirected from ${redirects.at(-1) ?? ""})`;
    const addresses = await vettedAddresses(url, what, policy, opts.lookup ?? systemLookup, signal);
    const response = await get(url, addresses, { accept: opts.accept.header, extra: opts.headers ?? {} }, signal);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      const location = response.headers.location;
      if (location === undefined) throw new FetchReportError("bad-response", `${url.href} answered ${status} without a Location to go to`);
      if (redirects.length >= maxRedirects) {
        throw new FetchReportError("bad-response", `${first.href} redirects more than ${maxRedirects} times; fetch the final URL instead`);
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FetchReportError("bad-response", `${url.href} redirects to ${JSON.stringify(location)}, which is not a URL`);
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        throw new FetchReportError("refused", `refusing to follow the redirect from ${url.href} to ${next.href}: only http and https URLs are fetched`);
      }
      redirects.push(url.href);
      url = next;
      continue;
    }
    if (status === 304 && opts.notModified === true) {
      response.destroy();
      return { url: url.href, redirects, status, headers: response.headers, mediaType: "", body: Buffer.alloc(0) };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new FetchReportError("bad-response", `${url.href} answered ${status} ${response.statusMessage ?? ""}`.trimEnd(), {
        status,
        headers: response.headers,
      });
    }
    const { mediaType, body } = await readBody(url, response, opts.accept, opts.maxBytes ?? DEFAULT_FETCH_MAX_BYTES, signal);
    return { url: url.href, redirects, status, headers: response.headers, mediaType, body };
  }
}

/** The addresses a hop may connect to: all of them checked, or a refusal naming the first that is not allowed. */
async function vettedAddresses(
  url: URL,
  what: string,
  policy: AddressPolicy | undefined,
  lookup: HostLookup,
  signal: AbortSignal,
): Promise<LookupAddress[]> {
  const host = bareHost(url);
  const refuse = (reason: string) => new FetchReportError("forbidden-address", `refusing to fetch ${what}: ${reason}`);
  const family = isIP(host);
  if (family !== 0) {
    const reason = policy?.(host);
    if (reason !== undefined) throw refuse(reason);
    return [{ address: host, family }];
  }
  if (policy !== undefined && isLoopbackName(host)) throw refuse(`${host} is a loopback name`);
  let addresses: LookupAddress[];
  try {
    addresses = await untilAborted(lookup(host), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchReportError("unreachable", `cannot fetch ${what}: ${host} does not resolve (${errorCode(error)})`, { cause: error });
  }
  if (addresses.length === 0) throw new FetchReportError("unreachable", `cannot fetch ${what}: ${host} has no addresses`);
  for (const { address } of addresses) {
    const reason = policy?.(address);
    // One bad address is enough: the connection could go to any of them.
    if (reason !== undefined) throw refuse(`${host} resolves to a non-public address (${reason})`);
  }
  return addresses;
}

/** The host without the brackets a URL puts around an IPv6 address. */
function bareHost(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

function get(
  url: URL,
  addresses: LookupAddress[],
  headers: { accept: string; extra: Readonly<Record<string, string>> },
  signal: AbortSignal,
): Promise<IncomingMessage> {
  // Hands the connection the addresses already checked instead of asking DNS again.
  const pinned: LookupFunction = (hostname, options, callback) => {
    const wanted = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
    const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
    const [firstUsable] = usable;
    if (firstUsable === undefined) {
      callback(Object.assign(new Error(`no checked address of the requested family for ${hostname}`), { code: "ENOTFOUND" }), []);
    } else if (options.all === true) {
      callback(null, usable);
    } else {
      callback(null, firstUsable.address, firstUsable.family);
    }
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: bareHost(url),
        port: url.port === "" ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: {
          "user-agent": USER_AGENT,
          accept: headers.accept,
          "accept-encoding": "gzip, deflate, br",
          ...headers.extra,
        },
        lookup: pinned,
        // A fresh connection per hop, so no pooled socket outlives the check that allowed it.
        agent: false,
        signal,
      },
      resolve,
    );
    request.on("error", (error) => {
      if (signal.aborted) reject(error);
      else reject(new FetchReportError("unreachable", `cannot fetch ${url.href} (${errorCode(error)})`, { cause: error }));
    });
    request.end();
  });
}

async function readBody(
  url: URL,
  response: IncomingMessage,
  accept: AcceptedMedia,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ mediaType: string; body: Buffer }> {
  const header = response.headers["content-type"] ?? "";
  const mediaType = header.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!accept.mediaTypes.includes(mediaType)) {
    response.destroy();
    const declared = mediaType === "" ? "has no content type" : `is ${mediaType}`;
    throw new FetchReportError("unsupported-type", `${url.href} ${declared}; ${accept.refusal}`);
  }
  const tooLarge = () => new FetchReportError("too-large", `${url.href} is larger than the ${sizeText(maxBytes)} limit for ${accept.noun}`);
  const length = Number(response.headers["content-length"]);
  if (Number.isFinite(length) && length > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  return { mediaType, body: await readLimited(url, response, { maxBytes, tooLarge, signal }) };
}

/** The body, decompressed, stopping as soon as it passes `maxBytes` rather than after reading it all. */
async function readLimited(
  url: URL,
  response: IncomingMessage,
  { maxBytes, tooLarge, signal }: { maxBytes: number; tooLarge: () => FetchReportError; signal: AbortSignal },
): Promise<Buffer> {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  let stream: Readable = response;
  if (encoding !== "identity" && encoding !== "") {
    const decompress = encoding === "gzip" || encoding === "x-gzip" ? createGunzip() : encoding === "deflate" ? createInflate() : encoding === "br" ? createBrotliDecompress() : undefined;
    if (decompress === undefined) {
      response.destroy();
      throw new FetchReportError("unsupported-type", `${url.href} is sent with the content encoding ${encoding}, which armstrace cannot decode`);
    }
    response.on("error", (error) => decompress.destroy(error));
    stream = response.pipe(decompress);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof FetchReportError || signal.aborted) throw error;
    throw new FetchReportError("bad-response", `${url.href} sent a broken body (${errorCode(error)})`, { cause: error });
  } finally {
    response.destroy();
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}

function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

/** A page's own `<meta charset>` (or http-equiv content type), looked for where browsers look: the first 1024 bytes. */
function metaCharset(body: Buffer): string | undefined {
  return /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(body.subarray(0, 1024).toString("latin1"))?.[1];
}

function decodeBody(url: URL, body: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new FetchReportError("undecodable", `${url.href} declares the charset ${JSON.stringify(charset)}, which armstrace cannot decode`);
  }
  if (decoder.encoding === "utf-8") {
    // The same checks and messages as a file gets: binary, UTF-16 without saying so, invalid UTF-8, empty.
    const decoded = decodeReportBytes(body, url.href);
    if (!decoded.ok) throw new FetchReportError("undecodable", decoded.message);
    return decoded.text;
  }
  if (!decoder.encoding.startsWith("utf-16") && looksBinary(body)) {
    throw new FetchReportError("undecodable", `${url.href} looks binary, not a text report`);
  }
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    throw new FetchReportError("undecodable", `${url.href} is not valid ${decoder.encoding}, the charset it declares`);
  }
  if (text.trim() === "") throw new FetchReportError("undecodable", `${url.href} is empty`);
  return text;
}

function sizeText(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes >= mb ? `${Number((bytes / mb).toFixed(1))} MB` : `${bytes} bytes`;
}

function errorCode(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}

/** `promise`, or the abort reason as soon as `signal` fires (a DNS lookup cannot be cancelled, only abandoned). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error as Error);
      },
    );
  });
}
