import { selectExtraction } from "../select-extraction.ts";
import { DEFAULT_MAX_BYTES, isInputProblem, iterateInputs } from "../../pipeline/normalize/index.ts";
import type { Report } from "../../domain/types.ts";
import { UsageError } from "../../domain/errors.ts";
import { extractConfigured } from "../../pipeline/run-pipeline.ts";
import { ingestReports } from "../../services/ingest.ts";
import { openStore } from "../../main.ts";
import { maxSizeBytes, type Command, type Io } from "../command.ts";

/** Runs the pipeline over reports and stores documents, entities, mentions and claims. */
export const ingestCommand: Command = {
  name: "ingest",
  summary: "Extract claims from reports and store them (one transaction per report; re-ingesting the same text adds nothing).",
  usage: "ingest <path...|-> [--db FILE] [--max-size MB] [--queue] [--model FILE|shipped|rules] [--mode fast|accurate|cascade]",
  example: "armstrace ingest data/samples --db armstrace.db",
  options: { model: { type: "string" }, mode: { type: "string" }, db: { type: "string" }, "max-size": { type: "string" }, queue: { type: "boolean" } },
  optionHelp: {
    model: "pair model to extract with: a file written by train, shipped (data/models/pair-model.json, the default) or rules (the pattern rules alone)",
    mode: "fast (the pair model), accurate (the fine-tuned encoder on every pair) or cascade (the encoder where the pair model is unsure); default in the README",
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    "max-size": "largest file (or JSON Lines line) to read, in MB (default 5)",
    queue: "queue the reports for `armstrace worker` instead of ingesting them here",
  },
  async run({ values, positionals }, io) {
    await selectExtraction(values["model"], values["mode"]);
    if (!positionals.length) throw new UsageError("ingest: give at least one file, directory or - for stdin");
    const maxBytes = maxSizeBytes(values["max-size"], DEFAULT_MAX_BYTES);
    const store = await openStore(values["db"] as string | undefined);
    let problems = 0;
    try {
      async function* reports(): AsyncGenerator<Report> {
        for await (const item of iterateInputs(positionals, { maxBytes, stdin: io.stdin })) {
          if (isInputProblem(item)) {
            io.err(`${io.tty ? "\r\x1b[K" : ""}armstrace: ${item.message}\n`);
            problems++;
          } else yield item;
        }
      }
      if (values["queue"]) {
        // Queued in batches, so a huge input neither waits for its end nor holds it all in memory.
        let queued = 0;
        let known = 0;
        let batch: Report[] = [];
        const flush = async () => {
          const r = await store.enqueueReports(batch);
          queued += r.queued;
          known += r.known;
          batch = [];
        };
        for await (const report of reports()) {
          batch.push(report);
          if (batch.length >= 500) await flush();
        }
        await flush();
        io.out(`queued ${queued} report(s) for armstrace worker; ${known} already stored or queued; ${problems} failed\n`);
        return problems || queued + known === 0 ? 1 : 0;
      }
      const bar = progressBar(io);
      const s = await ingestReports(store, reports(), (r) => extractConfigured(r), { onProgress: bar.update });
      bar.done();
      for (const f of s.failed) io.err(`armstrace: ${f.origin}: ${f.message}\n`);
      io.out(`ingested ${s.reports} report(s): ${s.added} added, ${s.duplicates} already stored, ${s.failed.length + problems} failed; ${s.claims} claims, ${s.entities} new entities, ${s.mentions} mentions\n`);
      return problems || s.failed.length || !s.reports ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

/** A one-line progress display on a terminal; silent elsewhere (pipes, CI logs). */
function progressBar(io: Io): { update: (done: number, bytes: number) => void; done: () => void } {
  if (!io.tty) return { update: () => {}, done: () => {} };
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(done, bytes) {
      const now = Date.now();
      if (now - last < 100 && done % 50 !== 0) return;
      last = now;
      const secs = Math.max(0.001, (now - started) / 1000);
      const spin = "|/-\\"[done % 4];
      io.err(`\r\x1b[K${spin} ${done} reports, ${(bytes / 1048576).toFixed(1)} MB, ${(done / secs).toFixed(0)} reports/s`);
      drawn = true;
    },
    done() {
      if (drawn) io.err("\r\x1b[K");
    },
  };
}
