/**
 * Rows of the screening and monitoring tables as both backends read them, and how
 * each becomes the record the Store interface returns. A backend only has to bring
 * its driver's values into these shapes (SQLite keeps JSON and channel lists as text;
 * PostgreSQL hands them over parsed).
 */
import { StoreError } from "../domain/errors.ts";
import { DECISIONS, RISK_TIERS, type Decision, type RiskTier, type VendorDecision } from "../domain/screening.ts";
import type { AlertRow, DeliveryChannel, FeedRow, WatchKind, WatchRow } from "./store.ts";

export interface DecisionRecord {
  id: number;
  vendor: string;
  vendor_key: string;
  country: string | null;
  decision: string;
  reason: string;
  author: string;
  created_at: string;
  tier: string;
  rule: string;
  matches_json: VendorDecision["matches"];
  evidence_json: VendorDecision["evidence"];
}

export function decisionRow(r: DecisionRecord): VendorDecision {
  if (!(DECISIONS as readonly string[]).includes(r.decision) || !(RISK_TIERS as readonly string[]).includes(r.tier)) {
    throw new StoreError(`stored decision ${r.id} has an unknown decision or tier`);
  }
  return {
    id: r.id,
    vendor: r.vendor,
    vendorKey: r.vendor_key,
    country: r.country,
    decision: r.decision as Decision,
    reason: r.reason,
    author: r.author,
    createdAt: r.created_at,
    tier: r.tier as RiskTier,
    rule: r.rule,
    matches: r.matches_json,
    evidence: r.evidence_json,
  };
}

export interface FeedRecord {
  id: number;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  last_error: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  added_at: string;
  items: number;
}

export function toFeed(r: FeedRecord): FeedRow {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    etag: r.etag,
    lastModified: r.last_modified,
    failures: r.failures,
    lastError: r.last_error,
    lastPolledAt: r.last_polled_at,
    nextPollAt: r.next_poll_at,
    items: r.items,
    addedAt: r.added_at,
  };
}

export interface WatchRecord {
  id: number;
  kind: string;
  entity_id: number | null;
  vendor: string | null;
  country: string | null;
  label: string;
  author: string;
  created_at: string;
  since_claim: number;
}

export function toWatch(r: WatchRecord): WatchRow {
  return {
    id: r.id,
    kind: r.kind as WatchKind,
    entityId: r.entity_id,
    vendor: r.vendor,
    country: r.country,
    label: r.label,
    author: r.author,
    createdAt: r.created_at,
    sinceClaim: r.since_claim,
  };
}

export interface AlertRecord {
  id: number;
  watch_id: number;
  kind: string;
  label: string;
  claim_id: number;
  reason: string;
  created_at: string;
  read_at: string | null;
  delivered: string[];
}

export function alertRow(r: AlertRecord): AlertRow {
  return {
    id: r.id,
    watch: { id: r.watch_id, kind: r.kind as WatchKind, label: r.label },
    claimId: r.claim_id,
    reason: r.reason,
    createdAt: r.created_at,
    readAt: r.read_at,
    delivered: [...r.delivered].sort() as DeliveryChannel[],
  };
}
