/**
 * The storage interface every backend implements (SQLite now, PostgreSQL later).
 * Services talk only to this, never to a driver, so a backend is picked once in the
 * composition root. Every method returns a Promise even where the SQLite driver is
 * synchronous, because a networked backend cannot be.
 *
 * Data is append-only: a report is stored once (by content hash) with everything
 * extracted from it, and canonical entities gather every name they were seen under.
 */
import type {
  EntityType,
  ExtractionResult,
  Modality,
  Report,
  Span,
  Stance,
  TransferKind,
} from "../domain/types.ts";
import type { Credibility, Reliability, Source } from "../domain/admiralty.ts";
import type { JudgementKind } from "../domain/entity-groups.ts";
import type { AccessRole } from "../domain/access-role.ts";
import type { ClaimVerdict } from "../domain/claim-verdict.ts";
import type { Decision, RiskTier, VendorDecision, VendorEvidence } from "../domain/screening.ts";

/** One report with the hash that identifies its text and what was extracted from it. */
export interface DocumentInput {
  report: Report;
  /** `contentHash(report.text)`; passed in so the caller can skip extraction of known texts. */
  contentHash: string;
  extraction: ExtractionResult;
  /**
   * The source the report mainly relays ("…, citing Reuters"), by its name in the
   * source registry; absent or null when it reports on its own authority.
   */
  originSource?: string | null | undefined;
}

/** What one `ingest` did. For a duplicate, `documentId` is the stored copy and the counts are 0. */
export interface IngestOutcome {
  status: "added" | "duplicate";
  documentId: number;
  claims: number;
  /** Canonical entities created by this report (entities already known only gain names). */
  entities: number;
  mentions: number;
}

/** Selects claims; every field narrows, none set means all claims. */
export interface ClaimFilter {
  /**
   * A name of the supplier, recipient or claimant: any name the entity was ever seen
   * under, compared by `normalizeName` or by a shared `nameKeys` key, so "norinco"
   * finds China North Industries Group Corporation when "NORINCO" is one of its names,
   * and "Норинко" finds it too. Finds the claims of every entity judged the same as it.
   */
  entity?: string | undefined;
  stance?: Stance | undefined;
  /** Only the claims of this stored document. */
  documentId?: number | undefined;
  /** Only this claim. */
  id?: number | undefined;
  /** Only claims stored after this claim id (for following new claims). */
  afterId?: number | undefined;
  /**
   * Only claims from this supplier to this recipient (entity ids; each stands for its
   * whole group), as the claims now read: a corrected party counts, not the extracted one.
   */
  pair?: { supplierId: number; recipientId: number } | undefined;
  /** true: only claims with an active review; false: only claims nobody has reviewed yet. */
  reviewed?: boolean | undefined;
  /** "oldest" (default) or "newest" stored first. */
  order?: "oldest" | "newest" | undefined;
  /** At most this many rows. */
  limit?: number | undefined;
}

/** Selects canonical entities; every field narrows. */
export interface EntityFilter {
  type?: EntityType | undefined;
  /**
   * Search: matches when the normalized query appears as whole words in the
   * normalized form of any of the entity's names ("north industries" finds NORINCO's
   * full name, "us" does not find "Russia").
   */
  name?: string | undefined;
  /**
   * Identification: matches when one of the entity's names is this name, compared by
   * `normalizeName` or a shared `nameKeys` key ("Норинко" finds Norinco, "Kalashnikov"
   * finds neither Kalashnikov Concern nor Kalashnikov Media).
   */
  named?: string | undefined;
  /** Only the group that this entity id belongs to (with `ungrouped`, only that entity). */
  id?: number | undefined;
  /** Only the groups these entity ids belong to. */
  ids?: readonly number[] | undefined;
  /**
   * One row per stored entity, ignoring judgements: for finding the very entity a name
   * or id refers to, e.g. to split it from a group.
   */
  ungrouped?: boolean | undefined;
  /**
   * `false`: claims and documents are not counted (both come back 0) and rows come in
   * name order, for callers that need only the names, since counting reads every
   * mention and claim of every row.
   */
  counts?: boolean | undefined;
  limit?: number | undefined;
}

/** A canonical entity as a claim refers to it. */
export interface EntityRef {
  id: number;
  name: string;
  type: EntityType;
}

/**
 * One stored claim with what a reader needs to judge it: who says what, where, in which words.
 * Supplier, recipient and claimant are the representatives of their groups (see
 * `Store.canonicalOf`), so claims about entities judged the same name one party.
 */
export interface ClaimRow {
  id: number;
  documentId: number;
  /** The report's own id (`Report.id`). */
  reportId: string;
  url: string | null;
  publisher: string | null;
  published: string | null;
  title: string | null;
  supplier: EntityRef;
  recipient: EntityRef;
  claimant: EntityRef | null;
  items: string[];
  kind: TransferKind;
  stance: Stance;
  modality: Modality;
  evidence: Span;
  trigger: Span;
  rule: string;
  /**
   * Why the extractor believed it: the version of the pair model that decided it, the
   * model's probability (0..1), and the features that weighed most, strongest first, as
   * [feature, weight] pairs. Null for claims stored before models were kept, or made by
   * the pattern rules alone.
   */
  model: string | null;
  score: number | null;
  features: Array<[string, number]> | null;
  /**
   * The analyst's verdict that applies (the most recent one not revoked), or null.
   * Stance, supplier, recipient and items above already read as the review has them.
   */
  review: ClaimReviewSummary | null;
  /** How the extractor read the claim, when a correction changed it; otherwise null. */
  extracted: ExtractedReading | null;
}

/** The verdict that applies to a claim, in brief; the full record is a `ClaimReview`. */
export interface ClaimReviewSummary {
  id: number;
  verdict: ClaimVerdict;
  reason: string | null;
  author: string;
  createdAt: string;
}

/** The fields a correction can change, as the extractor first read them. */
export interface ExtractedReading {
  stance: Stance;
  supplier: EntityRef;
  recipient: EntityRef;
  items: string[];
}

/** A new verdict on a claim. Null or absent fields of a correction keep the extracted value. */
export interface ClaimReviewInput {
  claimId: number;
  verdict: ClaimVerdict;
  stance?: Stance | null | undefined;
  supplierId?: number | null | undefined;
  recipientId?: number | null | undefined;
  items?: readonly string[] | null | undefined;
  reason: string | null;
  author: string;
}

/** One analyst's verdict on one claim, as recorded (the audit log lists these). */
export interface ClaimReview {
  id: number;
  claimId: number;
  verdict: ClaimVerdict;
  /** The corrected fields this verdict reads the claim with; null keeps the extracted value. */
  stance: Stance | null;
  supplier: EntityRef | null;
  recipient: EntityRef | null;
  items: string[] | null;
  reason: string | null;
  author: string;
  /** ISO date-time. */
  createdAt: string;
  revokedAt: string | null;
}

/** A canonical entity with every name it was seen under and how much evidence touches it. */
export interface EntityRow {
  /** The id of the group's representative (see `Store.canonicalOf`). */
  id: number;
  /** The name the representative was first stored under. */
  name: string;
  type: EntityType;
  country: string | null;
  kb: string | null;
  /**
   * Every other name seen for it or for an entity judged the same, in code-point order
   * (the same on every backend and locale).
   */
  aliases: string[];
  /** Claims in which it is supplier or recipient. */
  claims: number;
  /** Documents that mention it or make a claim involving it. */
  documents: number;
}

export interface StoreCounts {
  documents: number;
  entities: number;
  mentions: number;
  claims: number;
}

// ---- relations and sources: types ----------------------------------------------------

/** Which claims `Store.evidence` returns; every field narrows, none set means all claims. */
export interface EvidenceScope {
  /** Only claims whose supplier is one of these entities. */
  suppliers?: readonly number[] | undefined;
  /** Only claims whose recipient is one of these entities. */
  recipients?: readonly number[] | undefined;
  /** Only claims in which one of these entities is supplier, recipient or claimant. */
  involving?: readonly number[] | undefined;
  /**
   * Only the claims of the most recently published reports, at most this many (dated
   * reports before undated ones), still in stored order: a timeline's last page
   * without reading every claim of a busy party.
   */
  latest?: number | undefined;
}

/** A claim with what deciding its weight needs: its document's independence and its parties' countries. */
export interface EvidenceRow extends ClaimRow {
  /** MinHash signature of the document's text (see `domain/minhash.ts`). */
  fingerprint: string | null;
  /** The source the document mainly relays, if any. */
  originSource: string | null;
  supplierCountry: string | null;
  recipientCountry: string | null;
  claimantCountry: string | null;
}

/** A relation as computed by the aggregator: everything but the parties' names and the quote's text. */
export interface RelationRecord {
  supplierId: number;
  recipientId: number;
  credibility: Credibility;
  /** The best reliability among the sources that support the relation (or, without support, among all its sources). */
  bestReliability: Reliability;
  /** Independent sources supporting it (asserted or hedged), after collapsing copies and reports citing the same original. */
  independentSources: number;
  claims: number;
  items: string[];
  /** Names of the claimants of its claims (the author's own voice is not listed). */
  claimants: string[];
  /** Ids of documents with an asserted or hedged claim of it. */
  supportingDocuments: number[];
  /** Ids of documents with a denial of it. */
  denyingDocuments: number[];
  /** Denials made by the accused parties themselves. */
  accusedDenials: number;
  firstReported: string | null;
  lastReported: string | null;
  quoteClaimId: number | null;
  /** One line: why it has its credibility. */
  explanation: string;
}

/** The claim quoted for a relation, with its source. */
export interface RelationQuoteRow {
  claimId: number;
  text: string;
  stance: Stance;
  publisher: string | null;
  published: string | null;
  url: string | null;
  reportId: string;
}

/** A stored relation with its parties and its quote. */
export interface RelationRow extends RelationRecord {
  supplier: EntityRef & { country: string | null };
  recipient: EntityRef & { country: string | null };
  quote: RelationQuoteRow | null;
  /** When it was last recomputed (ISO date-time). */
  updatedAt: string;
}

/** Selects stored relations; every field narrows. */
export interface RelationFilter {
  /** Only relations in which one of these entities is supplier or recipient. */
  entityIds?: readonly number[] | undefined;
  /** Only relations graded this or better (1 is best): 2 keeps 1 and 2. */
  minCredibility?: Credibility | undefined;
  limit?: number | undefined;
}

/** One write of the aggregator: all in one transaction. */
export interface RelationChange {
  upsert: readonly RelationRecord[];
  /** Pairs to delete (those not also upserted), or "all" to replace every stored relation. */
  remove: ReadonlyArray<readonly [number, number]> | "all";
  /** Recorded with the write when given. */
  state?: RelationState | undefined;
}

/** What the stored relations were computed from. */
export interface RelationState {
  /** Every claim with an id up to this one is reflected in the relations. */
  claimsThrough: number;
  /** Digest of the source grades used ("" when never computed). */
  grading: string;
  /** The entity groups they were computed under: [entity id, representative] of every grouped claim party, ascending. */
  groups: Array<[number, number]>;
}

export interface Store {
  /**
   * Stores a report and its extraction in one transaction: all or nothing. A known
   * content hash adds nothing and returns status "duplicate". Rejects with a
   * `StoreError` (and stores nothing of the report) if the extraction is inconsistent,
   * e.g. a transfer or mention refers to an entity id the extraction does not define.
   */
  ingest(input: DocumentInput): Promise<IngestOutcome>;
  /** Whether a report with this content hash is stored, so callers can skip extraction. */
  hasDocument(contentHash: string): Promise<boolean>;
  claims(filter?: ClaimFilter): Promise<ClaimRow[]>;
  /** Entities, most claims first, then by name ignoring case. */
  entities(filter?: EntityFilter): Promise<EntityRow[]>;
  counts(): Promise<StoreCounts>;

  // ---- relations and sources ------------------------------------------------------------
  /** The analyst's source grades, in the order they were first set (a later change keeps the place). */
  sourceOverrides(): Promise<Source[]>;
  /** Adds the override named `source.name`, or replaces it. */
  saveSourceOverride(source: Source): Promise<void>;
  /** Claims with their documents' independence data, in stored order. */
  evidence(scope?: EvidenceScope): Promise<EvidenceRow[]>;
  /** How many claims `evidence(scope)` would return without `latest`. */
  evidenceCount(scope?: EvidenceScope): Promise<number>;
  /** Distinct (supplier, recipient) pairs of the claims with `after < id ≤ upTo`. */
  claimPairsBetween(after: number, upTo: number): Promise<Array<[number, number]>>;
  /** The highest claim id (0 when there are none). */
  lastClaimId(): Promise<number>;
  /** Every entity id that is supplier or recipient of some claim, ascending. */
  claimPartyIds(): Promise<number[]>;
  /**
   * Ids of entities some of whose comparison keys (`nameKeys`) share letter trigrams
   * with one of `keys`, most alike first, at most `limit`: candidates for fuzzy search,
   * found through an index (FTS5 trigrams on SQLite, pg_trgm on PostgreSQL) and scored
   * by the caller, so both backends give the same results.
   */
  nameCandidates(keys: readonly string[], limit: number): Promise<number[]>;
  /** Ids of the entities one of whose names is `name` (compared by `normalizeName`), ascending. */
  entityIdsNamed(name: string): Promise<number[]>;
  relationState(): Promise<RelationState>;
  /** Writes what the aggregator computed, in one transaction; stored relations not named are left alone. */
  saveRelations(change: RelationChange): Promise<{ removed: number }>;
  /** Stored relations, best credibility first, then most independent sources, then names. */
  relations(filter?: RelationFilter): Promise<RelationRow[]>;

  // ---- entity resolution and judgements -------------------------------------------------
  /**
   * The representative of each entity's group: the entity itself unless active
   * judgements join it to others, then the group's smallest id. Every id asked for is
   * in the map, unknown ids mapping to themselves. See `groupEntities` for how
   * judgements combine (the most recent judgement about a pair wins).
   */
  canonicalOf(ids: readonly number[]): Promise<Map<number, number>>;
  /**
   * Records an analyst's judgement about two stored entities; nothing else changes.
   * Rejects with a `StoreError` when either id is unknown or both are the same entity.
   */
  judgeEntities(kind: JudgementKind, a: number, b: number, reason: string | null, author: string): Promise<EntityJudgement>;
  /**
   * Marks a judgement revoked, so grouping ignores it (and an older judgement about the
   * pair, if any, applies again). Returns it as stored, revoked earlier or now;
   * undefined when there is no judgement with this id.
   */
  revokeJudgement(id: number): Promise<EntityJudgement | undefined>;
  /**
   * Judgements, revoked ones included, oldest first; with an entity id, only those
   * about it or about another entity of its group.
   */
  judgements(entityId?: number): Promise<EntityJudgement[]>;

  // ---- claim reviews ----------------------------------------------------------------------
  /**
   * Records an analyst's verdict on a claim; the claim itself is never rewritten, and
   * the most recent verdict not revoked applies to every read (claims, evidence).
   * Rejects with a `StoreError` when the claim or a corrected party is unknown.
   */
  reviewClaim(input: ClaimReviewInput): Promise<ClaimReview>;
  /** Marks a review revoked (an older one, if any, applies again); undefined when there is none with this id. */
  revokeClaimReview(id: number): Promise<ClaimReview | undefined>;
  /** The review with this id, revoked or not; undefined when there is none. */
  claimReview(id: number): Promise<ClaimReview | undefined>;
  /** Reviews, revoked ones included, oldest first; with a claim id, only that claim's. */
  claimReviews(claimId?: number): Promise<ClaimReview[]>;

  // ---- documents ------------------------------------------------------------------------
  /** The stored document with this id, with its mentions; undefined when there is none. */
  document(id: number): Promise<DocumentRow | undefined>;
  /** The id of the document stored with this content hash, if any. */
  documentIdByHash(contentHash: string): Promise<number | undefined>;

  // ---- access tokens --------------------------------------------------------------------
  /** Stores a token's SHA-256 (hex) with its role; the token itself is never stored. */
  createAccessToken(tokenHash: string, role: AccessRole): Promise<AccessTokenRow>;
  /** The token stored under this SHA-256 (hex), if any. */
  accessTokenByHash(tokenHash: string): Promise<AccessTokenRow | undefined>;

  // ---- screening decisions ---------------------------------------------------------------
  /** Records a compliance decision with the evidence it rested on; decisions are never rewritten. */
  recordDecision(input: VendorDecisionInput): Promise<VendorDecision>;
  /** Decisions, newest first; with a vendor key, only those about that vendor. */
  decisions(filter?: { vendorKey?: string | undefined; limit?: number | undefined }): Promise<VendorDecision[]>;

  // ---- monitoring: feeds ----------------------------------------------------------------
  /** Adds a feed to poll, or returns the one already stored under this URL (`added` false). */
  addFeed(url: string): Promise<{ feed: FeedRow; added: boolean }>;
  /** Feeds in the order they were added. */
  feeds(): Promise<FeedRow[]>;
  /** Stops polling a feed (its items stay ingested); false when there is none with this id. */
  removeFeed(id: number): Promise<boolean>;
  /** Records the outcome of one poll. */
  updateFeed(id: number, update: FeedUpdate): Promise<void>;
  /** The ids of this feed's items already handled, among those asked about. */
  seenFeedItems(feedId: number, itemIds: readonly string[]): Promise<Set<string>>;
  /** Records that an item was handled: ingested as `documentId`, or failed with `error` (not retried). */
  recordFeedItem(feedId: number, item: FeedItemRecord): Promise<void>;

  // ---- monitoring: watches and alerts -----------------------------------------------------
  /** Starts watching an entity (by id) or a vendor (by name); the same watch twice returns the first (`added` false). */
  addWatch(input: WatchInput): Promise<{ watch: WatchRow; added: boolean }>;
  watches(): Promise<WatchRow[]>;
  removeWatch(id: number): Promise<boolean>;
  /** The highest claim id alerts have been raised through (0 at first). */
  alertCursor(): Promise<number>;
  /**
   * Stores new alerts and moves the cursor, in one transaction; an alert for a watch and
   * claim that already has one is skipped. Returns the alerts stored.
   */
  saveAlerts(alerts: readonly AlertInput[], cursor: number): Promise<AlertRow[]>;
  /** Alerts, newest first. */
  alerts(filter?: AlertFilter): Promise<AlertRow[]>;
  /** Marks alerts read; returns how many changed. */
  markAlertsRead(ids: readonly number[]): Promise<number>;
  /** Records one attempt to deliver alerts over a channel. */
  recordDeliveries(alertIds: readonly number[], channel: DeliveryChannel, ok: boolean, error: string | null): Promise<void>;

  // ---- ingestion queue (shared by workers) -----------------------------------------------
  /**
   * Queues reports for workers to ingest. A report whose text is already stored or
   * already queued is not queued again (`known` counts those).
   */
  enqueueReports(reports: readonly Report[]): Promise<{ queued: number; known: number }>;
  /**
   * Takes the oldest queued report no other worker holds, turns it into a `DocumentInput`
   * with `work` (the extraction), stores it and marks the job done — the storing and
   * the marking in one transaction, so a report is ingested exactly once even when a
   * worker dies mid-job (its job then goes back to the queue). A `work` that throws
   * marks the job failed with its message. Resolves null when nothing is queued.
   */
  takeIngestJob(worker: string, work: (report: Report, contentHash: string) => Promise<DocumentInput>): Promise<IngestJobOutcome | null>;
  /** How many jobs are queued, done and failed. */
  ingestQueue(): Promise<{ queued: number; done: number; failed: number }>;

  /** Releases the connection; safe to call twice. */
  close(): Promise<void>;
}

// ---- ingestion queue: types ---------------------------------------------------------------

export interface IngestJobOutcome {
  jobId: number;
  reportId: string;
  status: "added" | "duplicate" | "failed";
  documentId: number | null;
  error: string | null;
  claims: number;
}

// ---- screening decisions: types ---------------------------------------------------------

export interface VendorDecisionInput {
  vendor: string;
  vendorKey: string;
  country: string | null;
  decision: Decision;
  reason: string;
  author: string;
  tier: RiskTier;
  rule: string;
  matches: Array<{ entityId: number; name: string; score: number }>;
  evidence: VendorEvidence[];
}

// ---- monitoring: types --------------------------------------------------------------------

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Consecutive failed polls (backoff grows with them). */
  failures: number;
  lastError: string | null;
  lastPolledAt: string | null;
  /** When the feed is next due (ISO); null means now. */
  nextPollAt: string | null;
  /** Items handled so far. */
  items: number;
  addedAt: string;
}

export interface FeedUpdate {
  title?: string | null | undefined;
  etag: string | null;
  lastModified: string | null;
  failures: number;
  lastError: string | null;
  lastPolledAt: string;
  nextPollAt: string;
}

export interface FeedItemRecord {
  itemId: string;
  url: string | null;
  documentId: number | null;
  error: string | null;
}

export type WatchKind = "entity" | "vendor";

export interface WatchInput {
  kind: WatchKind;
  /** For an entity watch: the entity (its whole group is watched). */
  entityId?: number | null | undefined;
  /** For a vendor watch: the name as the vendor list gives it; matched anew on every check. */
  vendor?: string | null | undefined;
  country?: string | null | undefined;
  label: string;
  author: string;
}

export interface WatchRow {
  id: number;
  kind: WatchKind;
  entityId: number | null;
  vendor: string | null;
  country: string | null;
  label: string;
  author: string;
  createdAt: string;
  /** Claims with ids above this one (those stored after the watch began) raise its alerts. */
  sinceClaim: number;
}

export interface AlertInput {
  watchId: number;
  claimId: number;
  /** Why the claim touches the watch ("supplier: Norinco"). */
  reason: string;
}

export const DELIVERY_CHANNELS = ["webhook", "email"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export interface AlertRow {
  id: number;
  watch: { id: number; kind: WatchKind; label: string };
  claimId: number;
  reason: string;
  createdAt: string;
  readAt: string | null;
  /** Channels it was delivered over successfully. */
  delivered: DeliveryChannel[];
}

export interface AlertFilter {
  unread?: boolean | undefined;
  /** Only alerts not yet delivered over this channel. */
  undelivered?: DeliveryChannel | undefined;
  limit?: number | undefined;
}

// ---- documents: types ----------------------------------------------------------------------

/** A mention as stored: the span of the document's text and the entity (its group's representative) it names. */
export interface MentionRow extends Span {
  entity: EntityRef;
}

/** One stored report: metadata, the text every offset indexes, and its mentions in text order. */
export interface DocumentRow {
  id: number;
  reportId: string;
  url: string | null;
  title: string | null;
  publisher: string | null;
  published: string | null;
  format: string;
  origin: string;
  /** The source it mainly relays ("citing Reuters"), if any. */
  originSource: string | null;
  ingestedAt: string;
  text: string;
  mentions: MentionRow[];
}

// ---- access tokens: types ------------------------------------------------------------------

/** A stored bearer token: never the token, only what checking it needs. */
export interface AccessTokenRow {
  id: number;
  role: AccessRole;
  /** ISO date-time. */
  createdAt: string;
}

// ---- entity resolution and judgements: types ---------------------------------------------

/** An analyst's verdict on whether two stored entities are one party, with who and when. */
export interface EntityJudgement {
  id: number;
  kind: JudgementKind;
  /** The entities as stored, not their representatives. */
  a: EntityRef;
  b: EntityRef;
  reason: string | null;
  author: string;
  /** ISO date-time. */
  createdAt: string;
  revokedAt: string | null;
}
