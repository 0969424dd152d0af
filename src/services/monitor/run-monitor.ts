/**
 * One monitoring cycle, and the loop that repeats it: poll the feeds that are due
 * (conditional GET, backoff on failure), fetch and ingest their new items, raise an
 * alert for every new claim that touches a watched entity or vendor, and deliver the
 * alerts not yet delivered over each configured channel (webhook, email). Every step
 * records its progress in the store before the next begins, so a monitor stopped at
 * any point resumes without losing an item or alerting twice: items are marked once
 * handled, alerts are unique per watch and claim and raised up to a stored cursor,
 * and a delivery that failed is tried again next cycle.
 */
import type { Store, AlertInput, AlertRow, DeliveryChannel, WatchRow } from "../../store/store.ts";
import { fetchReportUrl, FetchReportError } from "../fetch-report-url.ts";
import { ingestOne } from "../ingest-one.ts";
import { screenableEntities } from "../screening/screen-vendors.ts";
import { VendorMatcher, STRONG_MATCH } from "../screening/vendor-matcher.ts";
import type { AlertMessage } from "./alert-message.ts";
import { deliverEmail } from "./deliver-email.ts";
import { deliverWebhook } from "./deliver-webhook.ts";
import { pollFeed, DEFAULT_POLL_INTERVAL_MS } from "./poll-feed.ts";
import type { FeedItem } from "./parse-feed.ts";

export interface MonitorOptions {
  webhook?: { url: string; secret: string } | undefined;
  email?: { smtpUrl: string; from: string; to: string[] } | undefined;
  /** Where the web app is served, for links in alerts. */
  baseUrl?: string | undefined;
  /** Fetch feeds and items from private and loopback addresses too. */
  allowPrivate?: boolean | undefined;
  /** How long a feed waits between polls when all is well. */
  feedIntervalMs?: number | undefined;
  /** New items fetched per feed per cycle, so one huge feed cannot starve the others. */
  maxItemsPerFeed?: number | undefined;
  now?: (() => Date) | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface CycleSummary {
  feedsPolled: number;
  feedsFailed: number;
  itemsIngested: number;
  itemsFailed: number;
  alertsRaised: number;
  delivered: Record<DeliveryChannel, number>;
  deliveryErrors: string[];
}

const DEFAULT_MAX_ITEMS = 50;
/** Alerts sent per channel per cycle; the rest wait for the next cycle. */
const DELIVERY_BATCH = 100;

export async function monitorCycle(store: Store, opts: MonitorOptions = {}): Promise<CycleSummary> {
  const summary: CycleSummary = { feedsPolled: 0, feedsFailed: 0, itemsIngested: 0, itemsFailed: 0, alertsRaised: 0, delivered: { webhook: 0, email: 0 }, deliveryErrors: [] };
  await pollDueFeeds(store, opts, summary);
  summary.alertsRaised = (await raiseAlerts(store)).length;
  await deliverAlerts(store, opts, summary);
  return summary;
}

/** Polls every feed whose next poll is due and ingests its items not handled before. */
export async function pollDueFeeds(store: Store, opts: MonitorOptions, summary: CycleSummary): Promise<void> {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? (() => {});
  for (const feed of await store.feeds()) {
    if (feed.nextPollAt !== null && Date.parse(feed.nextPollAt) > now().getTime()) continue;
    summary.feedsPolled += 1;
    const result = await pollFeed(feed, { now, allowPrivate: opts.allowPrivate, intervalMs: opts.feedIntervalMs ?? DEFAULT_POLL_INTERVAL_MS });
    const polledAt = now().toISOString();
    if (result.status === "failed") {
      summary.feedsFailed += 1;
      log(`feed ${feed.url}: ${result.error} (failure ${result.failures}, next poll ${result.nextPollAt})`);
      await store.updateFeed(feed.id, { etag: feed.etag, lastModified: feed.lastModified, failures: result.failures, lastError: result.error, lastPolledAt: polledAt, nextPollAt: result.nextPollAt });
      continue;
    }
    if (result.status === "updated") {
      const items = result.feed.items;
      const seen = await store.seenFeedItems(feed.id, items.map((i) => i.id));
      const fresh = items.filter((i) => !seen.has(i.id)).slice(0, opts.maxItemsPerFeed ?? DEFAULT_MAX_ITEMS);
      for (const item of fresh) {
        const outcome = await ingestItem(store, item, result.feed.title, opts);
        await store.recordFeedItem(feed.id, { itemId: item.id, url: item.url, documentId: outcome.documentId, error: outcome.error });
        if (outcome.error === null) summary.itemsIngested += 1;
        else {
          summary.itemsFailed += 1;
          log(`feed ${feed.url}: item ${item.url ?? item.id}: ${outcome.error}`);
        }
      }
      // Validators are saved only after the items are handled: a crash before this polls the same answer again.
      await store.updateFeed(feed.id, { title: result.feed.title, etag: result.etag, lastModified: result.lastModified, failures: 0, lastError: null, lastPolledAt: polledAt, nextPollAt: result.nextPollAt });
    } else {
      await store.updateFeed(feed.id, { etag: result.etag, lastModified: result.lastModified, failures: 0, lastError: null, lastPolledAt: polledAt, nextPollAt: result.nextPollAt });
    }
  }
}

/** Fetches an item's page and ingests its main text; an item without a page is ingested from its summary. */
async function ingestItem(store: Store, item: FeedItem, feedTitle: string | null, opts: MonitorOptions): Promise<{ documentId: number | null; error: string | null }> {
  const meta = { title: item.title ?? undefined, publisher: feedTitle ?? undefined, published: item.published ?? undefined };
  try {
    if (item.url !== null) {
      const fetched = await fetchReportUrl(item.url, { allowPrivate: opts.allowPrivate });
      const input = { ...fetched.input, title: fetched.input.title ?? meta.title, publisher: fetched.input.publisher ?? meta.publisher, published: fetched.input.published ?? meta.published };
      return { documentId: (await ingestOne(store, input, fetched.url)).documentId, error: null };
    }
    const text = [item.title, item.summary].filter((s): s is string => !!s && s.trim() !== "").join("\n\n");
    if (text === "") return { documentId: null, error: "the item has neither a link nor text" };
    return { documentId: (await ingestOne(store, { text, ...meta }, `feed item ${item.id}`)).documentId, error: null };
  } catch (error) {
    if (error instanceof FetchReportError || error instanceof Error) return { documentId: null, error: error.message.split("\n")[0]! };
    return { documentId: null, error: String(error) };
  }
}

/**
 * Raises an alert for every claim stored since the cursor that names a watched party
 * as supplier, recipient or claimant, and moves the cursor past them. A vendor watch
 * is matched anew each time, so a firm that appears in the store only later is caught.
 */
export async function raiseAlerts(store: Store): Promise<AlertRow[]> {
  const cursor = await store.alertCursor();
  const last = await store.lastClaimId();
  if (last <= cursor) return [];
  const watches = await store.watches();
  if (watches.length === 0) return store.saveAlerts([], last);
  const watched = await watchedEntities(store, watches);
  const alerts: AlertInput[] = [];
  for (const claim of await store.claims({ afterId: cursor })) {
    if (claim.id > last || claim.review?.verdict === "reject") continue;
    for (const w of watches) {
      if (claim.id <= w.sinceClaim) continue;
      const ids = watched.get(w.id)!;
      const roles = ([["supplier", claim.supplier], ["recipient", claim.recipient], ["claimant", claim.claimant]] as const)
        .filter(([, party]) => party !== null && ids.has(party.id))
        .map(([role, party]) => `${role}: ${party!.name}`);
      if (roles.length > 0) alerts.push({ watchId: w.id, claimId: claim.id, reason: roles.join("; ") });
    }
  }
  return store.saveAlerts(alerts, last);
}

/** The representatives of the entities each watch covers. */
async function watchedEntities(store: Store, watches: readonly WatchRow[]): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  const entityIds = watches.filter((w) => w.entityId !== null).map((w) => w.entityId!);
  const reps = await store.canonicalOf(entityIds);
  const vendorWatches = watches.filter((w) => w.kind === "vendor");
  const matcher = vendorWatches.length > 0 ? new VendorMatcher(await screenableEntities(store)) : null;
  for (const w of watches) {
    if (w.entityId !== null) out.set(w.id, new Set([reps.get(w.entityId) ?? w.entityId]));
    else {
      const matches = matcher!.match({ name: w.vendor ?? w.label, country: w.country, website: null, identifiers: [], line: 0 });
      out.set(w.id, new Set(matches.filter((m) => m.score >= STRONG_MATCH).map((m) => m.entity.id)));
    }
  }
  return out;
}

/** Sends the alerts each configured channel has not delivered yet, oldest first. */
export async function deliverAlerts(store: Store, opts: MonitorOptions, summary: CycleSummary): Promise<void> {
  const channels: Array<[DeliveryChannel, (m: AlertMessage[]) => Promise<{ ok: boolean; error: string | null }>]> = [];
  if (opts.webhook) {
    const { url, secret } = opts.webhook;
    channels.push(["webhook", (m) => deliverWebhook(url, secret, m)]);
  }
  if (opts.email) {
    const { smtpUrl, from, to } = opts.email;
    channels.push(["email", (m) => deliverEmail(smtpUrl, { from, to }, m, opts.baseUrl)]);
  }
  for (const [channel, send] of channels) {
    const pending = (await store.alerts({ undelivered: channel, limit: DELIVERY_BATCH })).reverse();
    if (pending.length === 0) continue;
    const messages = await alertMessages(store, pending);
    const result = await send(messages);
    await store.recordDeliveries(pending.map((a) => a.id), channel, result.ok, result.error);
    if (result.ok) summary.delivered[channel] += pending.length;
    else summary.deliveryErrors.push(`${channel}: ${result.error ?? "failed"}`);
  }
}

/** Alerts with their claims, as deliveries send them. */
export async function alertMessages(store: Store, alerts: readonly AlertRow[]): Promise<AlertMessage[]> {
  const out: AlertMessage[] = [];
  for (const a of alerts) {
    const [c] = await store.claims({ id: a.claimId });
    if (c === undefined) continue;
    out.push({
      id: a.id,
      createdAt: a.createdAt,
      watch: a.watch,
      claim: { id: c.id, supplier: c.supplier.name, recipient: c.recipient.name, items: c.items, stance: c.stance, quote: c.evidence.text, url: c.url, publisher: c.publisher, published: c.published, documentId: c.documentId },
    });
  }
  return out;
}

export interface MonitorLoop {
  /** Waits for the running cycle to finish, then stops. */
  stop(): Promise<void>;
}

/** Runs `monitorCycle` now and every `intervalMs` after the previous one ends. */
export function startMonitor(store: Store, opts: MonitorOptions & { intervalMs: number; onCycle?: (s: CycleSummary) => void; onError?: (e: unknown) => void }): MonitorLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = monitorCycle(store, opts)
      .then((s) => opts.onCycle?.(s))
      .catch((e: unknown) => opts.onError?.(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
