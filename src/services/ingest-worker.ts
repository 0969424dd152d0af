/**
 * An ingestion worker: takes queued reports one at a time, extracts them and stores
 * them through `Store.takeIngestJob`, which makes each report's storing and its job's
 * completion one transaction. Many workers, in one process or on many machines, share
 * a PostgreSQL queue this way without a report being lost or stored twice. Relations
 * are regraded when the queue runs dry rather than after every report, since grading
 * reads every claim of each touched relation.
 */
import { hostname } from "node:os";
import { extractConfigured } from "../pipeline/run-pipeline.ts";
import type { IngestJobOutcome, Store } from "../store/store.ts";
import { OriginDetector } from "./origin-detector.ts";
import { loadSourceRegistry, refreshRelations } from "./recompute-relations.ts";

export interface WorkerOptions {
  /** Jobs worked at once in this process (default 1). */
  concurrency?: number | undefined;
  /** Stop when the queue is empty instead of waiting for more. */
  drain?: boolean | undefined;
  /** How long an idle worker waits before looking again (default 1 s). */
  pollMs?: number | undefined;
  /** Stops the loops after their current job. */
  signal?: AbortSignal | undefined;
  onJob?: ((outcome: IngestJobOutcome, worker: string) => void) | undefined;
}

export interface WorkerSummary {
  jobs: number;
  added: number;
  duplicates: number;
  failed: number;
  claims: number;
  relations: number;
}

export async function runIngestWorker(store: Store, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const summary: WorkerSummary = { jobs: 0, added: 0, duplicates: 0, failed: 0, claims: 0, relations: 0 };
  const registry = await loadSourceRegistry(store);
  const origins = new OriginDetector(registry);
  const pollMs = opts.pollMs ?? 1000;
  let dirty = false;
  let grading: Promise<void> | undefined;
  const regrade = async () => {
    // One regrade at a time in this process; the loops that find the queue empty share it.
    grading ??= refreshRelations(store, { registry }).then((r) => { summary.relations += r.recomputed; }).finally(() => { grading = undefined; });
    await grading;
  };
  const loop = async (slot: number) => {
    const name = `${hostname()}:${process.pid}:${slot}`;
    while (!opts.signal?.aborted) {
      const outcome = await store.takeIngestJob(name, async (report, contentHash) => {
        const extraction = await extractConfigured(report);
        return { report, contentHash, extraction, originSource: origins.detect(report, extraction) };
      });
      if (outcome === null) {
        if (dirty) { dirty = false; await regrade(); }
        if (opts.drain) return;
        await sleep(pollMs, opts.signal);
        continue;
      }
      summary.jobs += 1;
      if (outcome.status === "added") { summary.added += 1; summary.claims += outcome.claims; dirty = true; }
      else if (outcome.status === "duplicate") summary.duplicates += 1;
      else summary.failed += 1;
      opts.onJob?.(outcome, name);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, (_, i) => loop(i + 1)));
  if (dirty) await regrade();
  return summary;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
