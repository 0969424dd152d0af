/**
 * End-to-end test support: a real `bin/armstrace serve` child process, a headless
 * Debian chromium driven by playwright-core, bearer tokens made by the CLI, and a place
 * for screenshots. The browser is the system's (CI installs Debian's chromium), never
 * one downloaded by playwright, so the tests need no network.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import type { AccessRole } from "../../src/domain/access-role.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "bin", "armstrace");
/** Screenshots and other files a failing run leaves to look at (ignored by git). */
export const ARTIFACTS_DIR = path.join(ROOT, "artifacts", "e2e");

/** The chromium binary: `$CHROMIUM_PATH`, else where Debian's package puts it. */
export function chromiumPath(): string {
  return process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
}

/**
 * Launches headless chromium. Fails with a message saying how to install it rather
 * than skipping: a browser test that silently does not run proves nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `chromium not found at ${executablePath}: install Debian's package (apt-get install chromium fonts-dejavu-core, as .ci/run does) or set CHROMIUM_PATH to a chromium binary`,
    );
  }
  // playwright gives every launch its own temporary profile, so runs share no state.
  // The flags keep chromium off the network (updates, sync, QUIC probes) and working as root in containers.
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface ServerOptions {
  /** SQLite file; created (empty) if missing. */
  db: string;
  /** `--anonymous-reads`: reads without a token. */
  anonymousReads?: boolean;
  /** `--allow-private-fetch`: ingest may fetch loopback URLs, such as a fixture server's. */
  allowPrivateFetch?: boolean;
  /** How long to wait for the listening line (default 30 s; tsx compiles on first start). */
  startTimeoutMs?: number;
}

export interface RunningServer {
  /** The origin, e.g. `http://127.0.0.1:41234`; the API is under `${url}/api`. */
  url: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 10 s); resolves to its exit code. */
  stop(): Promise<number | null>;
}

/** The environment of a child process, without the caller's store or debug settings. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env["ARMSTRACE_DB"];
  delete env["ARMSTRACE_DEBUG"];
  return env;
}

/** Starts `bin/armstrace serve --port 0` on loopback and resolves once it prints where it listens. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const args = ["serve", "--port", "0", "--db", opts.db];
  if (opts.anonymousReads) args.push("--anonymous-reads");
  if (opts.allowPrivateFetch) args.push("--allow-private-fetch");
  const child = spawn(BIN, args, { cwd: ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timeout = opts.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`armstrace serve printed no URL within ${timeout} ms:\n${output}`));
    }, timeout);
    let stdout = "";
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      stdout += chunk;
      // Only the API line counts; a later line (such as the web app's address) is ignored.
      const m = /armstrace: serving (http:\/\/[^\s/]+)\/api\b/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${BIN}: ${error.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`armstrace serve exited (${String(code)}) before listening:\n${output}`));
    });
  });

  let stopping: Promise<number | null> | undefined;
  return {
    url,
    output: () => output,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        try {
          return await exited;
        } finally {
          clearTimeout(timer);
        }
      })();
      return stopping;
    },
  };
}

/** Creates a bearer token with `bin/armstrace token create` (which prints it alone on stdout) and returns it. */
export function createToken(db: string, role: AccessRole = "analyst"): string {
  const r = spawnSync(BIN, ["token", "create", "--role", role, "--db", db], { cwd: ROOT, env: childEnv(), encoding: "utf8", input: "", timeout: 60_000 });
  if (r.error) throw r.error;
  const token = /^atr_[\w-]+$/m.exec(r.stdout)?.[0];
  if (r.status !== 0 || token === undefined) {
    throw new Error(`token create --role ${role} failed (exit ${String(r.status)}):\n${r.stdout}${r.stderr}`);
  }
  return token;
}

/** A path under `artifacts/e2e/` for `name` (e.g. "smoke/openapi.png"), its folder created. */
export function artifactPath(name: string): string {
  const file = path.resolve(ARTIFACTS_DIR, name);
  if (!file.startsWith(ARTIFACTS_DIR + path.sep)) throw new Error(`artifact name ${JSON.stringify(name)} leaves ${ARTIFACTS_DIR}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
