import { openStore } from "../../main.ts";
import { monitorCycle, startMonitor, type CycleSummary } from "../../services/monitor/run-monitor.ts";
import { type Command, type Io } from "../command.ts";
import { MONITOR_OPTIONS, MONITOR_OPTION_HELP, monitorOptions } from "../monitor-options.ts";

export function describeCycle(s: CycleSummary): string {
  const delivered = Object.entries(s.delivered).filter(([, n]) => n > 0).map(([c, n]) => `${n} by ${c}`);
  return `polled ${s.feedsPolled} feed(s) (${s.feedsFailed} failed), ingested ${s.itemsIngested} item(s) (${s.itemsFailed} failed), raised ${s.alertsRaised} alert(s)` +
    (delivered.length ? `, delivered ${delivered.join(", ")}` : "") +
    (s.deliveryErrors.length ? `; delivery failed: ${s.deliveryErrors.join("; ")}` : "");
}

/** Polls feeds, raises alerts for watched parties and delivers them, once or until stopped. */
export const monitorCommand: Command = {
  name: "monitor",
  summary: "Poll feeds, ingest new items, raise alerts on new claims about watched parties and deliver them (webhook, email); --once for one cycle.",
  usage: "monitor [--once] [--interval S] [--webhook URL --webhook-secret KEY] [--smtp URL --mail-from A --mail-to B] [--db FILE]",
  example: "armstrace monitor --webhook https://hooks.example.org/armstrace --webhook-secret \"$KEY\"",
  options: { db: { type: "string" }, once: { type: "boolean" }, "allow-private-fetch": { type: "boolean" }, ...MONITOR_OPTIONS },
  optionHelp: {
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    once: "run one cycle and exit (for cron)",
    "allow-private-fetch": "also fetch feeds and items from private and loopback addresses",
    ...MONITOR_OPTION_HELP,
  },
  async run({ values }, io) {
    const opts = { ...monitorOptions(values), allowPrivate: values["allow-private-fetch"] === true, log: (l: string) => io.err(`armstrace: ${l}\n`) };
    const store = await openStore(values["db"] as string | undefined);
    try {
      if (values["once"]) {
        const s = await monitorCycle(store, opts);
        io.out(`${describeCycle(s)}\n`);
        return s.deliveryErrors.length > 0 ? 1 : 0;
      }
      await runUntilSignal(store, opts, io);
      return 0;
    } finally {
      await store.close();
    }
  },
};

async function runUntilSignal(store: Awaited<ReturnType<typeof openStore>>, opts: Parameters<typeof startMonitor>[1], io: Io): Promise<void> {
  io.err(`armstrace: monitoring every ${opts.intervalMs / 1000} s (Ctrl-C to stop)\n`);
  const loop = startMonitor(store, {
    ...opts,
    onCycle: (s) => io.err(`armstrace: ${new Date().toISOString()} ${describeCycle(s)}\n`),
    onError: (e) => io.err(`armstrace: monitoring cycle failed: ${e instanceof Error ? e.message : String(e)}\n`),
  });
  await new Promise<void>((resolve) => {
    const stop = () => { process.off("SIGINT", stop); process.off("SIGTERM", stop); resolve(); };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await loop.stop();
}
