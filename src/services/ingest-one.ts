/**
 * Ingests one report handed over whole (by the REST API) rather than read from a path:
 * the same normalization as files get (readability for HTML), the same pipeline and
 * store as `armstrace ingest`, and back the stored document's id and claims.
 */
import { contentHash } from "../domain/content-hash.ts";
import { StoreError, UsageError } from "../domain/errors.ts";
import type { Report } from "../domain/types.ts";
import { htmlToReport } from "../pipeline/normalize/index.ts";
import { extractConfigured } from "../pipeline/run-pipeline.ts";
import type { ClaimRow, Store } from "../store/store.ts";
import { ingestReports } from "./ingest.ts";

export interface ReportInput {
  /** Plain text, stored as given: offsets index it. Exactly one of text and html. */
  text?: string | undefined;
  /** An HTML page: its main text is extracted and scripts are dropped, never run. */
  html?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  publisher?: string | undefined;
  published?: string | undefined;
}

export interface IngestOneResult {
  status: "added" | "duplicate";
  documentId: number;
  claims: ClaimRow[];
}

export async function ingestOne(store: Store, input: ReportInput, origin: string): Promise<IngestOneResult> {
  const report = toReport(input, origin);
  // An empty report would be stored as a document with nothing in it; say so instead.
  if (report.text.trim() === "") throw new UsageError(input.html !== undefined ? "the html has no readable text" : "text must not be blank");
  const summary = await ingestReports(store, [report], (r) => extractConfigured(r));
  const failure = summary.failed[0];
  if (failure !== undefined) throw new StoreError(failure.message);
  const documentId = await store.documentIdByHash(contentHash(report.text));
  if (documentId === undefined) throw new StoreError("the report was not stored");
  return {
    status: summary.added > 0 ? "added" : "duplicate",
    documentId,
    claims: await store.claims({ documentId }),
  };
}

function toReport(input: ReportInput, origin: string): Report {
  const meta = { url: input.url, title: input.title, publisher: input.publisher, published: input.published };
  const given = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  // Without an id of its own, a report is named by its text, so the same text gets the same id.
  const id = `${origin}-${contentHash(input.html ?? input.text ?? "").slice(0, 12)}`;
  if (input.html !== undefined) return { ...htmlToReport(input.html, origin), ...given, id };
  return { id, text: input.text ?? "", ...given, format: "txt", origin };
}
