/**
 * The ingest verb: reports in, stored documents and claims out. Each report is
 * hashed, skipped if already stored (before the costly extraction), extracted and
 * stored in its own transaction, so one bad report costs only itself. Each stored
 * report notes the source it relays, if any ("citing Reuters"), and at the end the
 * relations its claims touch are regraded.
 */
import { contentHash } from "../domain/content-hash.ts";
import type { ExtractionResult, Report } from "../domain/types.ts";
import type { Store } from "../store/store.ts";
import { OriginDetector } from "./origin-detector.ts";
import { loadSourceRegistry, refreshRelations } from "./recompute-relations.ts";

/** Turns a report into entities, mentions and claims; may be synchronous or not. */
export type ExtractFn = (report: Report) => ExtractionResult | Promise<ExtractionResult>;

export interface IngestOptions {
  /** Called after each report, with reports done so far and bytes (UTF-8) of their text. */
  onProgress?: ((done: number, bytes: number) => void) | undefined;
  /**
   * Whether to regrade the touched relations at the end of the run (default true).
   * Skipping leaves them to the next `refreshRelations`, which every reader runs.
   */
  aggregate?: boolean | undefined;
}

/** A report that could not be stored, and why; the others were processed regardless. */
export interface IngestFailure {
  origin: string;
  message: string;
}

export interface IngestSummary {
  /** Reports read, whatever became of them. */
  reports: number;
  added: number;
  /** Reports whose text was already stored; they were not extracted again. */
  duplicates: number;
  failed: IngestFailure[];
  /** Claims, new canonical entities and mentions stored by this run. */
  claims: number;
  entities: number;
  mentions: number;
  /** UTF-8 bytes of all reports read. */
  bytes: number;
  /** Relations recomputed after the run: only those whose supplier → recipient pairs the new claims touch. */
  relations: number;
}

/**
 * Stores every report of `reports` with what `extract` finds in it. A report whose
 * extraction or storage throws is recorded in `failed` and the rest go on; an error
 * from reading `reports` itself ends the run and propagates (reports stored before
 * it stay stored).
 */
export async function ingestReports(
  store: Store,
  reports: AsyncIterable<Report> | Iterable<Report>,
  extract: ExtractFn,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    reports: 0,
    added: 0,
    duplicates: 0,
    failed: [],
    claims: 0,
    entities: 0,
    mentions: 0,
    bytes: 0,
    relations: 0,
  };
  const registry = await loadSourceRegistry(store);
  const origins = new OriginDetector(registry);
  for await (const report of reports) {
    summary.reports += 1;
    summary.bytes += Buffer.byteLength(report.text, "utf8");
    try {
      const hash = contentHash(report.text);
      if (await store.hasDocument(hash)) {
        summary.duplicates += 1;
      } else {
        const extraction = await extract(report);
        const originSource = origins.detect(report, extraction);
        const outcome = await store.ingest({ report, contentHash: hash, extraction, originSource });
        if (outcome.status === "duplicate") {
          summary.duplicates += 1; // stored by someone else meanwhile, or twice in this input
        } else {
          summary.added += 1;
          summary.claims += outcome.claims;
          summary.entities += outcome.entities;
          summary.mentions += outcome.mentions;
        }
      }
    } catch (error) {
      summary.failed.push({ origin: report.origin, message: error instanceof Error ? error.message : String(error) });
    }
    opts.onProgress?.(summary.reports, summary.bytes);
  }
  // Once per run, not per report: a relation touched by many reports of the run is graded once.
  if (opts.aggregate !== false) summary.relations = (await refreshRelations(store, { registry })).recomputed;
  return summary;
}
