import { selectExtraction } from "../select-extraction.ts";
import { openStore } from "../../main.ts";
import { runIngestWorker } from "../../services/ingest-worker.ts";
import { positiveInt, type Command } from "../command.ts";

/** Ingests queued reports until stopped (or, with --drain, until the queue is empty). */
export const workerCommand: Command = {
  name: "worker",
  summary: "Ingest reports queued by `ingest --queue`; run many (on one or many machines) against one PostgreSQL store.",
  usage: "worker [--db postgres://…] [--concurrency N] [--drain] [--poll S] [--model FILE|shipped|rules] [--mode fast|accurate|cascade]",
  example: "armstrace worker --db postgres://armstrace@db.example.org/armstrace --concurrency 2",
  options: { model: { type: "string" }, mode: { type: "string" }, db: { type: "string" }, concurrency: { type: "string" }, drain: { type: "boolean" }, poll: { type: "string" }, quiet: { type: "boolean" } },
  optionHelp: {
    model: "pair model to extract with: a file written by train, shipped (data/models/pair-model.json, the default) or rules (the pattern rules alone)",
    mode: "fast (the pair model), accurate (the fine-tuned encoder on every pair) or cascade (the encoder where the pair model is unsure); default in the README",
    db: "the shared store: postgres://user:password@host:port/database (default $ARMSTRACE_DB or ./armstrace.db)",
    concurrency: "jobs worked at once in this process (default 1)",
    drain: "exit when the queue is empty",
    poll: "seconds an idle worker waits before looking again (default 1)",
    quiet: "no line per report",
  },
  async run({ values }, io) {
    await selectExtraction(values["model"], values["mode"]);
    const concurrency = positiveInt(values["concurrency"], "concurrency") ?? 1;
    const poll = values["poll"] === undefined ? 1 : Number(values["poll"]);
    if (!Number.isFinite(poll) || poll <= 0) throw new (await import("../../domain/errors.ts")).UsageError(`--poll must be a positive number of seconds (got ${String(values["poll"])})`);
    const store = await openStore(values["db"] as string | undefined);
    const stop = new AbortController();
    const onSignal = () => { io.err("armstrace: stopping after the current job(s)\n"); stop.abort(); };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      if (!values["drain"]) io.err(`armstrace: worker ${process.pid} waiting for jobs (${concurrency} at once; Ctrl-C stops)\n`);
      const s = await runIngestWorker(store, {
        concurrency,
        drain: values["drain"] === true,
        pollMs: Math.round(poll * 1000),
        signal: stop.signal,
        onJob: values["quiet"] ? undefined : (o, w) => io.err(`armstrace: ${w} job ${o.jobId} ${o.reportId}: ${o.status}${o.error ? ` (${o.error})` : `, ${o.claims} claim(s)`}\n`),
      });
      const left = await store.ingestQueue();
      io.out(`worked ${s.jobs} job(s): ${s.added} added, ${s.duplicates} already stored, ${s.failed} failed; ${s.claims} claims, ${s.relations} relations regraded; queue: ${left.queued} queued, ${left.done} done, ${left.failed} failed\n`);
      return s.failed > 0 ? 1 : 0;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await store.close();
    }
  },
};
