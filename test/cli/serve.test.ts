import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import Database from "better-sqlite3";
import { BIN, ROOT, makeTempDir, removeDir, run } from "./helpers.ts";

const tmp = makeTempDir();
after(() => removeDir(tmp));

test("token create prints a token once and stores only its SHA-256", () => {
  const db = path.join(tmp, "tokens.db");
  const r = run(["token", "create", "--role", "admin", "--db", db]);
  assert.equal(r.status, 0, r.stderr);
  const token = r.stdout.trim();
  assert.match(token, /^atr_[\w-]{43}$/);
  assert.match(r.stderr, /admin token #1/);
  const rows = new Database(db, { readonly: true }).prepare("SELECT token_hash, role FROM access_tokens").all() as Array<{ token_hash: string; role: string }>;
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.role, "admin");
  assert.match(rows[0]!.token_hash, /^[0-9a-f]{64}$/);
  assert.notEqual(rows[0]!.token_hash, token);
  assert.equal(run(["token", "create", "--role", "root", "--db", db]).status, 2);
});

test("serve answers over HTTP on a free port and stops cleanly on SIGTERM", async () => {
  const db = path.join(tmp, "serve.db");
  assert.equal(run(["ingest", "data/samples/24-dji-russia-denial.md", "--db", db]).status, 0);
  const token = run(["token", "create", "--role", "viewer", "--db", db]).stdout.trim();

  const child = spawn(BIN, ["serve", "--db", db, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  try {
    let stdout = "";
    child.stdout.setEncoding("utf8");
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${stdout}`)), 30_000);
      child.stdout.on("data", (chunk: string) => {
        stdout += chunk;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\/api/.exec(stdout);
        if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
      });
      child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${stdout}`)));
    });

    assert.equal((await fetch(`${url}/api/relations`)).status, 401);
    const res = await fetch(`${url}/api/relations`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { items: unknown[] };
    assert.ok(Array.isArray(body.items) && body.items.length > 0);

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
});

test("serve --monitor runs monitoring cycles inside the server and stops with it", async () => {
  const db = path.join(tmp, "serve-monitor.db");
  assert.equal(run(["ingest", "data/samples/24-dji-russia-denial.md", "--db", db]).status, 0);
  assert.equal(run(["watch", "add", "DJI", "--vendor", "--db", db]).status, 0);
  assert.equal(run(["serve", "--db", db, "--webhook", "http://127.0.0.1:9/x"]).status, 2, "monitor options need --monitor");

  const child = spawn(BIN, ["serve", "--db", db, "--port", "0", "--monitor", "--interval", "0.2"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  try {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no monitoring cycle: ${stdout} ${stderr}`)), 30_000);
      child.stderr.on("data", (chunk: string) => {
        stderr += chunk;
        if ((stderr.match(/monitor: polled 0 feed/g) ?? []).length >= 2) { clearTimeout(timer); resolve(); }
      });
      child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    assert.match(stdout, /monitoring every 0.2 s/);
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
});
