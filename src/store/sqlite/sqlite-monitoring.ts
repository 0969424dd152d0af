/**
 * Screening decisions, feeds, watches and alerts on SQLite. Kept beside the store
 * rather than in it: these tables only point into the evidence graph (claims,
 * entities, documents) and never change it, so their SQL stays out of the queries
 * that read evidence.
 */
import type Database from "better-sqlite3";
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
import { alertRow, decisionRow, toFeed, toWatch, type AlertRecord, type DecisionRecord, type FeedRecord, type WatchRecord } from "../monitoring-records.ts";

type SqlValue = string | number | null;

const now = () => new Date().toISOString();

function fail(what: string, error: unknown): StoreError {
  return new StoreError(`could not ${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

// ---- decisions ---------------------------------------------------------------------------

/** A decision row as SQLite keeps it: the matches and evidence as JSON text. */
type DecisionText = Omit<DecisionRecord, "matches_json" | "evidence_json"> & { matches_json: string; evidence_json: string };

function toDecision(r: DecisionText): VendorDecision {
  return decisionRow({ ...r, matches_json: JSON.parse(r.matches_json) as VendorDecision["matches"], evidence_json: JSON.parse(r.evidence_json) as VendorDecision["evidence"] });
}

export function insertDecision(db: Database.Database, input: VendorDecisionInput): VendorDecision {
  try {
    const createdAt = now();
    const id = Number(
      db.prepare<SqlValue[]>(
        `INSERT INTO vendor_decisions (vendor, vendor_key, country, decision, reason, author, created_at, tier, rule, matches_json, evidence_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.vendor, input.vendorKey, input.country, input.decision, input.reason, input.author, createdAt, input.tier, input.rule, JSON.stringify(input.matches), JSON.stringify(input.evidence)).lastInsertRowid,
    );
    return { id, createdAt, ...input, matches: [...input.matches], evidence: [...input.evidence] };
  } catch (error) {
    throw fail("record the decision", error);
  }
}

export function listDecisions(db: Database.Database, filter: { vendorKey?: string | undefined; limit?: number | undefined }): VendorDecision[] {
  const where = filter.vendorKey === undefined ? "" : "WHERE vendor_key = ?";
  const params: SqlValue[] = filter.vendorKey === undefined ? [] : [filter.vendorKey];
  const limit = filter.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
  return db.prepare<SqlValue[], DecisionText>(`SELECT * FROM vendor_decisions ${where} ORDER BY id DESC${limit}`).all(...params).map(toDecision);
}

// ---- feeds -----------------------------------------------------------------------------------


const FEED_SELECT = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items FROM feeds f`;


export function addFeed(db: Database.Database, url: string): { feed: FeedRow; added: boolean } {
  try {
    return db.transaction(() => {
      const existing = db.prepare<[string], FeedRecord>(`${FEED_SELECT} WHERE f.url = ?`).get(url);
      if (existing !== undefined) {
        // A removed feed added again is polled again, keeping what it already ingested.
        db.prepare<[number]>("UPDATE feeds SET removed_at = NULL WHERE id = ?").run(existing.id);
        return { feed: toFeed(existing), added: false };
      }
      const id = Number(db.prepare<[string, string]>("INSERT INTO feeds (url, added_at) VALUES (?, ?)").run(url, now()).lastInsertRowid);
      return { feed: toFeed(db.prepare<[number], FeedRecord>(`${FEED_SELECT} WHERE f.id = ?`).get(id)!), added: true };
    }).immediate();
  } catch (error) {
    throw fail(`add the feed ${url}`, error);
  }
}

export function listFeeds(db: Database.Database): FeedRow[] {
  return db.prepare<[], FeedRecord>(`${FEED_SELECT} WHERE f.removed_at IS NULL ORDER BY f.id`).all().map(toFeed);
}

export function removeFeed(db: Database.Database, id: number): boolean {
  return db.prepare<[string, number]>("UPDATE feeds SET removed_at = ? WHERE id = ? AND removed_at IS NULL").run(now(), id).changes > 0;
}

export function updateFeed(db: Database.Database, id: number, u: FeedUpdate): void {
  try {
    db.prepare<SqlValue[]>(
      `UPDATE feeds SET title = coalesce(?, title), etag = ?, last_modified = ?, failures = ?, last_error = ?, last_polled_at = ?, next_poll_at = ? WHERE id = ?`,
    ).run(u.title ?? null, u.etag, u.lastModified, u.failures, u.lastError, u.lastPolledAt, u.nextPollAt, id);
  } catch (error) {
    throw fail(`record the poll of feed ${id}`, error);
  }
}

export function seenFeedItems(db: Database.Database, feedId: number, itemIds: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stmt = db.prepare<[number, string], { item_id: string }>("SELECT item_id FROM feed_items WHERE feed_id = ? AND item_id = ?");
  for (const itemId of itemIds) if (stmt.get(feedId, itemId) !== undefined) seen.add(itemId);
  return seen;
}

export function recordFeedItem(db: Database.Database, feedId: number, item: FeedItemRecord): void {
  try {
    db.prepare<SqlValue[]>(
      "INSERT OR IGNORE INTO feed_items (feed_id, item_id, url, document_id, error, handled_at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(feedId, item.itemId, item.url, item.documentId, item.error, now());
  } catch (error) {
    throw fail(`record item ${item.itemId} of feed ${feedId}`, error);
  }
}

// ---- watches ---------------------------------------------------------------------------------



export function addWatch(db: Database.Database, input: WatchInput): { watch: WatchRow; added: boolean } {
  const entityId = input.kind === "entity" ? (input.entityId ?? null) : null;
  const vendor = input.kind === "vendor" ? (input.vendor ?? null) : null;
  if (input.kind === "entity" && entityId === null) throw new StoreError("an entity watch needs an entity id");
  if (input.kind === "vendor" && (vendor === null || vendor.trim() === "")) throw new StoreError("a vendor watch needs a vendor name");
  try {
    return db.transaction(() => {
      if (entityId !== null && db.prepare<[number], { id: number }>("SELECT id FROM entities WHERE id = ?").get(entityId) === undefined) {
        throw new StoreError(`there is no entity ${entityId}`);
      }
      const existing = db
        .prepare<SqlValue[], WatchRecord>(
          "SELECT * FROM watches WHERE removed_at IS NULL AND kind = ? AND entity_id IS ? AND vendor IS ? AND country IS ?",
        )
        .get(input.kind, entityId, vendor, input.country ?? null);
      if (existing !== undefined) return { watch: toWatch(existing), added: false };
      const since = db.prepare<[], { id: number | null }>("SELECT max(id) AS id FROM claims").get()?.id ?? 0;
      const id = Number(
        db.prepare<SqlValue[]>(
          "INSERT INTO watches (kind, entity_id, vendor, country, label, author, created_at, since_claim) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ).run(input.kind, entityId, vendor, input.country ?? null, input.label, input.author, now(), since).lastInsertRowid,
      );
      return { watch: toWatch(db.prepare<[number], WatchRecord>("SELECT * FROM watches WHERE id = ?").get(id)!), added: true };
    }).immediate();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw fail("add the watch", error);
  }
}

export function listWatches(db: Database.Database): WatchRow[] {
  return db.prepare<[], WatchRecord>("SELECT * FROM watches WHERE removed_at IS NULL ORDER BY id").all().map(toWatch);
}

export function removeWatch(db: Database.Database, id: number): boolean {
  return db.prepare<[string, number]>("UPDATE watches SET removed_at = ? WHERE id = ? AND removed_at IS NULL").run(now(), id).changes > 0;
}

// ---- alerts ----------------------------------------------------------------------------------

/** An alert row as SQLite gives it: the delivered channels comma-separated. */
type AlertText = Omit<AlertRecord, "delivered"> & { delivered: string | null };

const ALERT_SELECT = `SELECT a.id, a.watch_id, w.kind, w.label, a.claim_id, a.reason, a.created_at, a.read_at,
    (SELECT group_concat(DISTINCT d.channel) FROM alert_deliveries d WHERE d.alert_id = a.id AND d.ok = 1) AS delivered
  FROM alerts a JOIN watches w ON w.id = a.watch_id`;

function toAlert(r: AlertText): AlertRow {
  return alertRow({ ...r, delivered: r.delivered === null ? [] : r.delivered.split(",") });
}

export function alertCursor(db: Database.Database): number {
  return db.prepare<[], { claims_through: number }>("SELECT claims_through FROM monitor_state WHERE id = 1").get()?.claims_through ?? 0;
}

export function saveAlerts(db: Database.Database, alerts: readonly AlertInput[], cursor: number): AlertRow[] {
  try {
    return db.transaction(() => {
      const insert = db.prepare<[number, number, string, string]>(
        "INSERT OR IGNORE INTO alerts (watch_id, claim_id, reason, created_at) VALUES (?, ?, ?, ?)",
      );
      const ids: number[] = [];
      const at = now();
      for (const a of alerts) {
        const r = insert.run(a.watchId, a.claimId, a.reason, at);
        if (r.changes > 0) ids.push(Number(r.lastInsertRowid));
      }
      // The cursor never moves back: two monitors racing cannot raise the same alerts twice.
      db.prepare<[number]>("UPDATE monitor_state SET claims_through = max(claims_through, ?) WHERE id = 1").run(cursor);
      const get = db.prepare<[number], AlertText>(`${ALERT_SELECT} WHERE a.id = ?`);
      return ids.map((id) => toAlert(get.get(id)!));
    }).immediate();
  } catch (error) {
    throw fail("store the alerts", error);
  }
}

export function listAlerts(db: Database.Database, filter: AlertFilter): AlertRow[] {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.unread === true) where.push("a.read_at IS NULL");
  if (filter.unread === false) where.push("a.read_at IS NOT NULL");
  if (filter.undelivered !== undefined) {
    where.push("NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.alert_id = a.id AND d.channel = ? AND d.ok = 1)");
    params.push(filter.undelivered);
  }
  const limit = filter.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
  return db
    .prepare<SqlValue[], AlertText>(`${ALERT_SELECT} ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY a.id DESC${limit}`)
    .all(...params)
    .map(toAlert);
}

export function markAlertsRead(db: Database.Database, ids: readonly number[]): number {
  const stmt = db.prepare<[string, number]>("UPDATE alerts SET read_at = ? WHERE id = ? AND read_at IS NULL");
  const at = now();
  return db.transaction(() => ids.reduce((n, id) => n + stmt.run(at, id).changes, 0)).immediate();
}

export function recordDeliveries(db: Database.Database, alertIds: readonly number[], channel: DeliveryChannel, ok: boolean, error: string | null): void {
  const stmt = db.prepare<SqlValue[]>("INSERT INTO alert_deliveries (alert_id, channel, ok, error, at) VALUES (?, ?, ?, ?, ?)");
  const at = now();
  try {
    db.transaction(() => {
      for (const id of alertIds) stmt.run(id, channel, ok ? 1 : 0, error, at);
    }).immediate();
  } catch (e) {
    throw fail(`record the ${channel} delivery of alerts ${alertIds.join(", ")}`, e);
  }
}
