/**
 * Ingests uploaded files (`POST /api/ingest/files`): each is read like a file given to
 * `armstrace ingest` (see `readReportBytes`), every report of every file is stored in
 * one `ingestReports` run (so the touched relations are regraded once, not per file),
 * and the answer says, report by report, what became of it. A bad file or line costs
 * only itself.
 */
import { contentHash } from "../domain/content-hash.ts";
import type { Report } from "../domain/types.ts";
import { DEFAULT_MAX_BYTES } from "../pipeline/normalize/iterate-inputs.ts";
import { isInputProblem } from "../pipeline/normalize/input-problem.ts";
import { extractConfigured } from "../pipeline/run-pipeline.ts";
import type { ClaimRow, Store } from "../store/store.ts";
import { ingestReports, type ExtractFn } from "./ingest.ts";
import { readReportBytes } from "./read-report-bytes.ts";

export interface UploadedFile {
  /** The name the client gave; its extension says the format. */
  name: string;
  bytes: Uint8Array;
}

export interface FileIngestResult {
  /** The file's name, or `name:LINE` for one report of a JSON Lines file. */
  name: string;
  status: "added" | "duplicate" | "failed";
  /** The stored document, also for a duplicate (the one stored before). */
  documentId?: number;
  claims?: ClaimRow[];
  /** Why nothing was stored, for a failure. */
  error?: string;
}

export interface IngestFilesOptions {
  /** Largest file, or JSON Lines line; default 5 MB, as for `armstrace ingest`. */
  maxBytes?: number | undefined;
  /** Default: the full pipeline. */
  extract?: ExtractFn | undefined;
}

/** One result per report, in upload order; a file that yields no report has one failed result. */
export async function ingestFiles(store: Store, files: UploadedFile[], opts: IngestFilesOptions = {}): Promise<FileIngestResult[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const extract = opts.extract ?? ((report: Report) => extractConfigured(report));
  const slots: Array<FileIngestResult | Report> = [];
  for (const file of files) {
    for await (const item of readReportBytes(file.name === "" ? "upload" : file.name, file.bytes, maxBytes)) {
      slots.push(isInputProblem(item) ? { name: item.origin, status: "failed", error: item.message } : item);
    }
  }
  const reports = slots.filter((slot): slot is Report => "text" in slot);
  // Which reports were extracted tells "added" from "duplicate": ingestReports skips stored texts before extracting.
  const extracted = new Set<Report>();
  const summary = await ingestReports(store, reports, (report) => {
    extracted.add(report);
    return extract(report);
  });
  // Failures come in report order; two files may share a name, so each origin keeps a queue.
  const failed = new Map<string, string[]>();
  for (const f of summary.failed) failed.set(f.origin, [...(failed.get(f.origin) ?? []), f.message]);

  const results: FileIngestResult[] = [];
  for (const slot of slots) {
    if (!("text" in slot)) {
      results.push(slot);
      continue;
    }
    // A report that failed left no document; one whose text is stored was added or was there already.
    const documentId = await store.documentIdByHash(contentHash(slot.text));
    if (documentId === undefined) {
      results.push({ name: slot.origin, status: "failed", error: failed.get(slot.origin)?.shift() ?? `${slot.origin} was not stored` });
      continue;
    }
    results.push({ name: slot.origin, status: extracted.has(slot) ? "added" : "duplicate", documentId, claims: await store.claims({ documentId }) });
  }
  return results;
}
