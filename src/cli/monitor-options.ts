/**
 * The options `monitor` and `serve --monitor` share: where alerts go and how often the
 * cycle runs. Checked before anything starts, so a typo in an address is a usage error
 * now rather than a failed delivery at night.
 */
import { UsageError } from "../domain/errors.ts";
import type { MonitorOptions } from "../services/monitor/run-monitor.ts";
import type { Options } from "./command.ts";

export const MONITOR_OPTIONS: Options = {
  interval: { type: "string" },
  "feed-interval": { type: "string" },
  webhook: { type: "string" },
  "webhook-secret": { type: "string" },
  smtp: { type: "string" },
  "mail-from": { type: "string" },
  "mail-to": { type: "string", multiple: true },
  "base-url": { type: "string" },
};

export const MONITOR_OPTION_HELP: Record<string, string> = {
  interval: "seconds between monitoring cycles (default 60)",
  "feed-interval": "seconds a feed waits between polls when it answers (default 900; failures back off from it)",
  webhook: "POST alerts as JSON to this URL, signed with HMAC-SHA256 (X-Armstrace-Signature)",
  "webhook-secret": "the HMAC key (default $ARMSTRACE_WEBHOOK_SECRET)",
  smtp: "send alert emails through this server: smtp://[user:pass@]host:port or smtps://…",
  "mail-from": "sender address of alert emails",
  "mail-to": "recipient of alert emails (repeat for several)",
  "base-url": "the web app's address, for links in alerts",
};

export function monitorOptions(values: Record<string, unknown>): MonitorOptions & { intervalMs: number } {
  const interval = values["interval"] === undefined ? 60 : Number(values["interval"]);
  if (!Number.isFinite(interval) || interval <= 0) throw new UsageError(`--interval must be a positive number of seconds (got ${String(values["interval"])})`);
  const opts: MonitorOptions & { intervalMs: number } = { intervalMs: Math.round(interval * 1000) };
  if (values["feed-interval"] !== undefined) {
    const feed = Number(values["feed-interval"]);
    if (!Number.isFinite(feed) || feed <= 0) throw new UsageError(`--feed-interval must be a positive number of seconds (got ${String(values["feed-interval"])})`);
    opts.feedIntervalMs = Math.max(1, Math.round(feed * 1000));
  }
  const webhook = values["webhook"];
  if (typeof webhook === "string") {
    if (!/^https?:\/\//i.test(webhook)) throw new UsageError(`--webhook must be an http(s) URL (got ${webhook})`);
    const secret = (values["webhook-secret"] as string | undefined) ?? process.env["ARMSTRACE_WEBHOOK_SECRET"];
    if (!secret) throw new UsageError("--webhook needs a signing key: --webhook-secret or $ARMSTRACE_WEBHOOK_SECRET");
    opts.webhook = { url: webhook, secret };
  } else if (values["webhook-secret"] !== undefined) throw new UsageError("--webhook-secret is for --webhook");
  const smtp = values["smtp"];
  const to = (values["mail-to"] as string[] | undefined) ?? [];
  const from = values["mail-from"] as string | undefined;
  if (typeof smtp === "string") {
    if (!/^smtps?:\/\//i.test(smtp)) throw new UsageError(`--smtp must be an smtp:// or smtps:// URL (got ${smtp})`);
    if (to.length === 0 || from === undefined) throw new UsageError("--smtp needs --mail-from and at least one --mail-to");
    const bad = [from, ...to].find((a) => !/^[^@\s]+@[^@\s]+$/.test(a));
    if (bad !== undefined) throw new UsageError(`"${bad}" is not an email address`);
    opts.email = { smtpUrl: smtp, from, to };
  } else if (to.length > 0 || from !== undefined) throw new UsageError("--mail-from and --mail-to are for --smtp");
  if (typeof values["base-url"] === "string") opts.baseUrl = values["base-url"].replace(/\/+$/, "");
  return opts;
}
