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

/** One report with the hash that identifies its text and what was extracted from it. */
export interface DocumentInput {
  report: Report;
  /** `contentHash(report.text)`; passed in so the caller can skip extraction of known texts. */
  contentHash: string;
  extraction: ExtractionResult;
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
   * under, compared by `normalizeName`, so "norinco" finds China North Industries
   * Group Corporation when "NORINCO" is one of its names.
   */
  entity?: string | undefined;
  stance?: Stance | undefined;
  /** At most this many rows, oldest stored first. */
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
  limit?: number | undefined;
}

/** A canonical entity as a claim refers to it. */
export interface EntityRef {
  id: number;
  name: string;
  type: EntityType;
}

/** One stored claim with what a reader needs to judge it: who says what, where, in which words. */
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
}

/** A canonical entity with every name it was seen under and how much evidence touches it. */
export interface EntityRow {
  id: number;
  /** The name it was first stored under. */
  name: string;
  type: EntityType;
  country: string | null;
  kb: string | null;
  /** Every other name seen for it, in code-point order (the same on every backend and locale). */
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
  /** Releases the connection; safe to call twice. */
  close(): Promise<void>;
}
