/**
 * Screening decisions, feeds, watches and alerts on PostgreSQL, as in
 * `sqlite-monitoring.ts`. Where SQLite relies on its single writer (look, then insert),
 * these use unique keys with ON CONFLICT or an advisory lock, so two monitors or
 * servers sharing one database cannot add the same feed, watch or alert twice.
 */
import { StoreError } from "../../domain/errors.ts";
import type { VendorDecision } from "../../domain/screening.ts";
import type {
  AlertFilter,
  AlertInput,
  AlertRow,
  DeliveryChannel,
  FeedItemRecord,
  FeedRow,
  FeedUpdate,
  VendorDecisionInput,
  WatchInput,
  WatchRow,
} from "../store.ts";
import { one, rows, run, type Queryable } from "./postgres-sql.ts";
import { alertRow, decisionRow, toFeed, toWatch, type AlertRecord, type DecisionRecord, type FeedRecord, type WatchRecord } from "../monitoring-records.ts";

/** Runs `fn` in one transaction (see `PostgresStore`). */
export type Transact = <T>(fn: (db: Queryable) => Promise<T>) => Promise<T>;

/** The advisory lock ("arms", 3) that makes "find the same watch, else add it" atomic. */
const WATCH_LOCK = [0x61726d73, 3] as const;

const now = () => new Date().toISOString();

function fail(what: string, error: unknown): StoreError {
  return new StoreError(`could not ${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function limitClause(limit: number | undefined): string {
  return limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(limit))}`;
}

// ---- decisions ---------------------------------------------------------------------------



export async function insertDecision(db: Queryable, input: VendorDecisionInput): Promise<VendorDecision> {
  try {
    const createdAt = now();
    const row = await one<{ id: number }>(
      db,
      `INSERT INTO vendor_decisions (vendor, vendor_key, country, decision, reason, author, created_at, tier, rule, matches_json, evidence_json)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::json, $11::json) RETURNING id`,
      [input.vendor, input.vendorKey, input.country, input.decision, input.reason, input.author, createdAt, input.tier, input.rule, JSON.stringify(input.matches), JSON.stringify(input.evidence)],
    );
    if (row === undefined) throw new Error("no id returned");
    return { id: row.id, createdAt, ...input, matches: [...input.matches], evidence: [...input.evidence] };
  } catch (error) {
    throw fail("record the decision", error);
  }
}

export async function listDecisions(db: Queryable, filter: { vendorKey?: string | undefined; limit?: number | undefined }): Promise<VendorDecision[]> {
  const where = filter.vendorKey === undefined ? "" : "WHERE vendor_key = $1";
  const params = filter.vendorKey === undefined ? [] : [filter.vendorKey];
  return (await rows<DecisionRecord>(db, `SELECT * FROM vendor_decisions ${where} ORDER BY id DESC${limitClause(filter.limit)}`, params)).map(decisionRow);
}

// ---- feeds -----------------------------------------------------------------------------------


const FEED_SELECT = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items FROM feeds f`;


export async function addFeed(transact: Transact, url: string): Promise<{ feed: FeedRow; added: boolean }> {
  try {
    return await transact(async (db) => {
      // The unique url decides between two adders: the second one's insert does nothing.
      const inserted = await one<{ id: number }>(db, "INSERT INTO feeds (url, added_at) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING RETURNING id", [url, now()]);
      if (inserted !== undefined) {
        const feed = await one<FeedRecord>(db, `${FEED_SELECT} WHERE f.id = $1`, [inserted.id]);
        if (feed === undefined) throw new Error("the new feed is missing");
        return { feed: toFeed(feed), added: true };
      }
      const existing = await one<FeedRecord>(db, `${FEED_SELECT} WHERE f.url = $1`, [url]);
      if (existing === undefined) throw new Error("the feed is neither new nor stored");
      // A removed feed added again is polled again, keeping what it already ingested.
      await db.query("UPDATE feeds SET removed_at = NULL WHERE id = $1", [existing.id]);
      return { feed: toFeed(existing), added: false };
    });
  } catch (error) {
    throw fail(`add the feed ${url}`, error);
  }
}

export async function listFeeds(db: Queryable): Promise<FeedRow[]> {
  return (await rows<FeedRecord>(db, `${FEED_SELECT} WHERE f.removed_at IS NULL ORDER BY f.id`)).map(toFeed);
}

export async function removeFeed(db: Queryable, id: number): Promise<boolean> {
  if (!Number.isSafeInteger(id)) return false;
  return (await run(db, "UPDATE feeds SET removed_at = $1 WHERE id = $2 AND removed_at IS NULL", [now(), id])) > 0;
}

export async function updateFeed(db: Queryable, id: number, u: FeedUpdate): Promise<void> {
  try {
    await db.query(
      `UPDATE feeds SET title = coalesce($1, title), etag = $2, last_modified = $3, failures = $4, last_error = $5, last_polled_at = $6, next_poll_at = $7 WHERE id = $8`,
      [u.title ?? null, u.etag, u.lastModified, u.failures, u.lastError, u.lastPolledAt, u.nextPollAt, id],
    );
  } catch (error) {
    throw fail(`record the poll of feed ${id}`, error);
  }
}

export async function seenFeedItems(db: Queryable, feedId: number, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0 || !Number.isSafeInteger(feedId)) return new Set();
  const found = await rows<{ item_id: string }>(db, "SELECT item_id FROM feed_items WHERE feed_id = $1 AND item_id = ANY($2::text[])", [feedId, [...itemIds]]);
  return new Set(found.map((r) => r.item_id));
}

export async function recordFeedItem(db: Queryable, feedId: number, item: FeedItemRecord): Promise<void> {
  try {
    await db.query(
      "INSERT INTO feed_items (feed_id, item_id, url, document_id, error, handled_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
      [feedId, item.itemId, item.url, item.documentId, item.error, now()],
    );
  } catch (error) {
    throw fail(`record item ${item.itemId} of feed ${feedId}`, error);
  }
}

// ---- watches ---------------------------------------------------------------------------------



export async function addWatch(transact: Transact, input: WatchInput): Promise<{ watch: WatchRow; added: boolean }> {
  const entityId = input.kind === "entity" ? (input.entityId ?? null) : null;
  const vendor = input.kind === "vendor" ? (input.vendor ?? null) : null;
  if (input.kind === "entity" && entityId === null) throw new StoreError("an entity watch needs an entity id");
  if (input.kind === "vendor" && (vendor === null || vendor.trim() === "")) throw new StoreError("a vendor watch needs a vendor name");
  try {
    return await transact(async (db) => {
      await db.query("SELECT pg_advisory_xact_lock($1, $2)", [...WATCH_LOCK]);
      if (entityId !== null && (!Number.isSafeInteger(entityId) || (await one(db, "SELECT id FROM entities WHERE id = $1", [entityId])) === undefined)) {
        throw new StoreError(`there is no entity ${entityId}`);
      }
      const existing = await one<WatchRecord>(
        db,
        `SELECT * FROM watches WHERE removed_at IS NULL AND kind = $1 AND entity_id IS NOT DISTINCT FROM $2::bigint
            AND vendor IS NOT DISTINCT FROM $3::text AND country IS NOT DISTINCT FROM $4::text ORDER BY id LIMIT 1`,
        [input.kind, entityId, vendor, input.country ?? null],
      );
      if (existing !== undefined) return { watch: toWatch(existing), added: false };
      const since = (await one<{ id: number | null }>(db, "SELECT max(id) AS id FROM claims"))?.id ?? 0;
      const inserted = await one<WatchRecord>(
        db,
        "INSERT INTO watches (kind, entity_id, vendor, country, label, author, created_at, since_claim) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *",
        [input.kind, entityId, vendor, input.country ?? null, input.label, input.author, now(), since],
      );
      if (inserted === undefined) throw new Error("no watch returned");
      return { watch: toWatch(inserted), added: true };
    });
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw fail("add the watch", error);
  }
}

export async function listWatches(db: Queryable): Promise<WatchRow[]> {
  return (await rows<WatchRecord>(db, "SELECT * FROM watches WHERE removed_at IS NULL ORDER BY id")).map(toWatch);
}

export async function removeWatch(db: Queryable, id: number): Promise<boolean> {
  if (!Number.isSafeInteger(id)) return false;
  return (await run(db, "UPDATE watches SET removed_at = $1 WHERE id = $2 AND removed_at IS NULL", [now(), id])) > 0;
}

// ---- alerts ----------------------------------------------------------------------------------


const ALERT_SELECT = `SELECT a.id, a.watch_id, w.kind, w.label, a.claim_id, a.reason, a.created_at, a.read_at,
    ARRAY(SELECT DISTINCT d.channel FROM alert_deliveries d WHERE d.alert_id = a.id AND d.ok) AS delivered
  FROM alerts a JOIN watches w ON w.id = a.watch_id`;


export async function alertCursor(db: Queryable): Promise<number> {
  return (await one<{ claims_through: number }>(db, "SELECT claims_through FROM monitor_state WHERE id = 1"))?.claims_through ?? 0;
}

export async function saveAlerts(transact: Transact, alerts: readonly AlertInput[], cursor: number): Promise<AlertRow[]> {
  try {
    return await transact(async (db) => {
      const ids: number[] = [];
      const at = now();
      for (const a of alerts) {
        // The unique (watch, claim) skips an alert another monitor has just stored.
        const r = await one<{ id: number }>(
          db,
          "INSERT INTO alerts (watch_id, claim_id, reason, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (watch_id, claim_id) DO NOTHING RETURNING id",
          [a.watchId, a.claimId, a.reason, at],
        );
        if (r !== undefined) ids.push(r.id);
      }
      // The cursor never moves back: two monitors racing cannot raise the same alerts twice.
      await db.query("UPDATE monitor_state SET claims_through = greatest(claims_through, $1) WHERE id = 1", [cursor]);
      if (ids.length === 0) return [];
      return (await rows<AlertRecord>(db, `${ALERT_SELECT} WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`, [ids])).map(alertRow);
    });
  } catch (error) {
    throw fail("store the alerts", error);
  }
}

export async function listAlerts(db: Queryable, filter: AlertFilter): Promise<AlertRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.unread === true) where.push("a.read_at IS NULL");
  if (filter.unread === false) where.push("a.read_at IS NOT NULL");
  if (filter.undelivered !== undefined) {
    params.push(filter.undelivered);
    where.push(`NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.alert_id = a.id AND d.channel = $${params.length} AND d.ok)`);
  }
  return (
    await rows<AlertRecord>(db, `${ALERT_SELECT} ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY a.id DESC${limitClause(filter.limit)}`, params)
  ).map(alertRow);
}

export async function markAlertsRead(db: Queryable, ids: readonly number[]): Promise<number> {
  const valid = ids.filter((id) => Number.isSafeInteger(id));
  if (valid.length === 0) return 0;
  return run(db, "UPDATE alerts SET read_at = $1 WHERE id = ANY($2::bigint[]) AND read_at IS NULL", [now(), valid]);
}

export async function recordDeliveries(transact: Transact, alertIds: readonly number[], channel: DeliveryChannel, ok: boolean, error: string | null): Promise<void> {
  if (alertIds.length === 0) return;
  await transact(async (db) => {
    await db.query(
      `INSERT INTO alert_deliveries (alert_id, channel, ok, error, at)
       SELECT id, $2, $3, $4, $5 FROM unnest($1::bigint[]) WITH ORDINALITY AS t (id, n) ORDER BY n`,
      [[...alertIds], channel, ok, error, now()],
    );
  });
}
