import { selectExtraction } from "../select-extraction.ts";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/create-app.ts";
import { UsageError } from "../../domain/errors.ts";
import { openStore } from "../../main.ts";
import { hasWebApp } from "../../server/web-app.ts";
import { fileURLToPath } from "node:url";

/** Where `npm run build:web` puts the web app, relative to this file in the package. */
export const WEB_ROOT = fileURLToPath(new URL("../../../dist/web", import.meta.url));
import type { Command } from "../command.ts";
import { startMonitor, type MonitorLoop } from "../../services/monitor/run-monitor.ts";
import { MONITOR_OPTIONS, MONITOR_OPTION_HELP, monitorOptions } from "../monitor-options.ts";
import { describeCycle } from "./monitor.ts";

export const DEFAULT_PORT = 8787;
/** Loopback by default: exposing the API to a network is a decision to make with --host. */
export const DEFAULT_HOST = "127.0.0.1";

/** Serves the REST API until SIGINT or SIGTERM, then closes the listener and the store. */
export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the web app and the REST API (see /api/openapi.json); reads need a viewer token unless --anonymous-reads.",
  usage: "serve [--db FILE] [--port N] [--host H] [--anonymous-reads] [--allow-private-fetch] [--model FILE|shipped|rules] [--mode fast|accurate|cascade] [--monitor [monitor options]]",
  example: "armstrace serve --db armstrace.db --port 8787 --anonymous-reads",
  options: { model: { type: "string" }, mode: { type: "string" }, db: { type: "string" }, port: { type: "string" }, host: { type: "string" }, "anonymous-reads": { type: "boolean" }, "allow-private-fetch": { type: "boolean" }, monitor: { type: "boolean" }, ...MONITOR_OPTIONS },
  optionHelp: {
    model: "pair model to extract with: a file written by train, shipped (data/models/pair-model.json, the default) or rules (the pattern rules alone)",
    mode: "fast (the pair model), accurate (the fine-tuned encoder on every pair) or cascade (the encoder where the pair model is unsure); default in the README",
    db: "SQLite file or postgres:// URL (default $ARMSTRACE_DB or ./armstrace.db)",
    port: `TCP port (default ${DEFAULT_PORT}; 0 picks a free one)`,
    host: `address to bind (default ${DEFAULT_HOST}, this machine only)`,
    "anonymous-reads": "let requests without a token read (writes always need one)",
    "allow-private-fetch": "let ingest (and the monitor) fetch URLs on private, loopback and link-local addresses (refused by default)",
    monitor: "also run the monitor (as armstrace monitor) inside the server",
    ...MONITOR_OPTION_HELP,
  },
  async run({ values }, io) {
    await selectExtraction(values["model"], values["mode"]);
    const port = parsePort(values["port"]);
    const host = typeof values["host"] === "string" && values["host"].trim() !== "" ? values["host"].trim() : DEFAULT_HOST;
    const monitoring = values["monitor"] === true ? monitorOptions(values) : undefined;
    if (!monitoring && Object.keys(MONITOR_OPTIONS).some((k) => values[k] !== undefined)) throw new UsageError("serve: monitor options need --monitor");
    const store = await openStore(values["db"] as string | undefined);
    const web = hasWebApp(WEB_ROOT);
    const app = createApp(store, {
      webRoot: web ? WEB_ROOT : undefined,
      allowAnonymousReads: values["anonymous-reads"] === true,
      allowPrivateFetch: values["allow-private-fetch"] === true,
      onError: (error) => io.err(`armstrace: request failed: ${error instanceof Error ? (process.env["ARMSTRACE_DEBUG"] ? error.stack : error.message) : String(error)}\n`),
    });
    return new Promise<number>((resolve) => {
      const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
        const shown = info.address.includes(":") ? `[${info.address}]` : info.address;
        io.out(`armstrace: serving http://${shown}:${info.port}/api (OpenAPI at /api/openapi.json); Ctrl-C stops\n`);
        if (web) io.out(`armstrace: web app at http://${shown}:${info.port}/\n`);
        else io.err("armstrace: the web app is not built (npm run build:web); serving the API only\n");
        if (monitoring) {
          const baseUrl = monitoring.baseUrl ?? `http://${shown}:${info.port}`;
          monitor = startMonitor(store, {
            ...monitoring,
            baseUrl,
            allowPrivate: values["allow-private-fetch"] === true,
            log: (l) => io.err(`armstrace: ${l}\n`),
            onCycle: (s) => io.err(`armstrace: monitor: ${describeCycle(s)}\n`),
            onError: (e) => io.err(`armstrace: monitoring cycle failed: ${e instanceof Error ? e.message : String(e)}\n`),
          });
          io.out(`armstrace: monitoring every ${monitoring.intervalMs / 1000} s\n`);
        }
      });
      let stopping = false;
      let monitor: MonitorLoop | undefined;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        io.err(`armstrace: ${signal}: stopping\n`);
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        // Stop accepting, let requests in flight finish, then close the store.
        server.close(() => void (monitor?.stop() ?? Promise.resolve()).then(() => store.close()).then(() => resolve(0)));
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      server.on("error", (error: NodeJS.ErrnoException) => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        io.err(`armstrace: cannot listen on ${host}:${port}: ${error.code ?? error.message}\n`);
        void store.close().then(() => resolve(1));
      });
    });
  },
};

function parsePort(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = Number(value);
  if (typeof value !== "string" || value.trim() === "" || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got ${String(value)})`);
  }
  return n;
}
