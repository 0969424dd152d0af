/**
 * A real, throwaway PostgreSQL server for tests, from the distribution's own
 * packages: a fresh cluster in a temporary directory, listening on 127.0.0.1 at a
 * free port, with durability turned off because nothing in it needs to survive.
 * PostgreSQL refuses to run as root, so under root the cluster belongs to the
 * `postgres` OS user and its programs run as that user.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

/** A running server; `createDatabase` gives each test its own empty database. */
export interface PostgresServer {
  /** A superuser URL of the server's maintenance database. */
  url: string;
  /** A new empty database, dropped again by `drop`. */
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  /** Stops the server and removes its files; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The newest installed PostgreSQL's `initdb` and `pg_ctl`: from Debian's versioned
 * directories (`/usr/lib/postgresql/<major>/bin`, not on PATH), else from PATH.
 */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const root = "/usr/lib/postgresql";
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    // no Debian layout; try PATH
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    const initdb = path.join(bin, "initdb");
    const pgCtl = path.join(bin, "pg_ctl");
    if (isExecutable(initdb) && isExecutable(pgCtl)) return { initdb, pgCtl };
  }
  const initdb = onPath("initdb");
  const pgCtl = onPath("pg_ctl");
  return initdb && pgCtl ? { initdb, pgCtl } : undefined;
}

/**
 * Starts a server (about a second with `fsync=off`). Call `stop` in an `after` hook:
 * the server is also killed when the test process exits without stopping it, so a
 * failing test does not leave one running.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bins = findPostgresBinaries();
  if (bins === undefined) throw new Error("no PostgreSQL found (looked in /usr/lib/postgresql/*/bin and PATH); install Debian's postgresql package");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    fs.chownSync(dir, uid, gid);
  }
  // Run as the cluster's owner; cwd inside the temp dir, which that user can enter.
  const runAs = (file: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
    const r = spawnSync(cmd, argv, { cwd: dir, encoding: "utf8", timeout: 60_000 });
    if (r.error) throw r.error;
    return r;
  };

  const init = runAs(bins.initdb, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (exit ${init.status}): ${init.stderr.trim() || init.stdout.trim()}`);
  }

  let port = 0;
  let started = false;
  let lastError = "";
  // A free port can be taken between finding it and binding it; try a few.
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    port = await freePort();
    const options = [
      "-c listen_addresses=127.0.0.1",
      `-c port=${port}`,
      `-c unix_socket_directories=${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    const r = runAs(bins.pgCtl, ["-D", data, "-l", log, "-w", "-t", "30", "-o", options, "start"]);
    started = r.status === 0;
    if (!started) lastError = `${r.stderr.trim()} ${readTail(log)}`.trim();
  }
  if (!started) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${lastError}`);
  }

  let stopped = false;
  const killNow = () => {
    if (stopped) return;
    stopped = true;
    // Immediate shutdown, synchronously: this also runs from the process's exit hook.
    const pid = postmasterPid(data);
    if (pid !== undefined) {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        // already gone
      }
      waitForExit(pid, 10_000);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => killNow();
  const onSignal = (signal: NodeJS.Signals) => {
    killNow();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.kill(process.pid, signal);
  };
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  watchParent(dir, postmasterPid(data));

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  admin.on("error", () => {
    // an idle admin connection cut by shutdown is expected
  });
  return {
    url,
    async createDatabase() {
      const name = `t_${randomBytes(6).toString("hex")}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return {
        url: `postgres://postgres@127.0.0.1:${port}/${name}`,
        drop: async () => {
          // A pool's end() returns before its sockets are closed; give them a moment, since
          // FORCE would answer a closing connection with an error its client may not handle.
          for (let i = 0; i < 100; i++) {
            const open = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
            if ((open.rows[0]?.n ?? 0) === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
    async stop() {
      if (stopped) return;
      await admin.end().catch(() => undefined);
      const r = runAs(bins.pgCtl, ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
      if (r.status !== 0) killNow();
      stopped = true;
      fs.rmSync(dir, { recursive: true, force: true });
      process.off("exit", onExit);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/**
 * A detached shell that shuts the server down and removes its files if this process
 * dies without running its exit hook (SIGKILL, a test runner's hard timeout). It ends
 * by itself, within a second, once `stop` has removed the directory.
 */
function watchParent(dir: string, postmaster: number | undefined): void {
  if (postmaster === undefined) return;
  const script = `while kill -0 ${process.pid} 2>/dev/null && [ -d "$1" ]; do sleep 1; done
if [ -d "$1" ]; then kill -QUIT ${postmaster} 2>/dev/null; sleep 2; rm -rf "$1"; fi`;
  const child = spawn("sh", ["-c", script, "watchdog", dir], { detached: true, stdio: "ignore" });
  child.unref();
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error("running as root, but there is no postgres user to run PostgreSQL as (PostgreSQL refuses to run as root)");
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postmasterPid(data: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Busy-waits (the exit hook cannot await) until `pid` is gone or `ms` passed. */
function waitForExit(pid: number, ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-5).join(" | ");
  } catch {
    return "";
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}
