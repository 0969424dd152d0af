/**
 * Parallel ingestion workers on a real PostgreSQL: reports queued with
 * `ingest --queue` are worked by two `armstrace worker` processes; one is killed with
 * SIGKILL while it is inside a job's transaction, a third worker drains the queue, and
 * every report ends up stored exactly once. Runs when STORES includes postgres; the
 * same queue on SQLite is tested for one process below either way.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import { BIN, ROOT, describe as describeRun, makeTempDir, removeDir, run, write } from "./helpers.ts";
import { startPostgres, type PostgresServer } from "../support/postgres-server.ts";
import { storesUnderTest } from "../support/stores-under-test.ts";

const REPORTS = 240;
const COUNTRIES = ["Myanmar", "Sudan", "Russia", "Iran", "Belarus", "Ethiopia", "Libya", "Yemen"];
const ITEMS = ["assault rifles", "artillery shells", "drones", "armoured vehicles", "radar systems"];
const FIRMS = ["Norinco", "Rosoboronexport", "Baykar", "Elbit Systems", "Kalashnikov Concern"];

/** Distinct reports, each long enough that a worker spends most of its time inside a job. */
function reportsJsonl(): string {
  const lines: string[] = [];
  for (let i = 0; i < REPORTS; i++) {
    const sentences = Array.from({ length: 12 }, (_, k) =>
      `${FIRMS[(i + k) % FIRMS.length]} supplied ${ITEMS[(i + k) % ITEMS.length]} to the military of ${COUNTRIES[(i + k) % COUNTRIES.length]} in ${2010 + ((i + k) % 14)}, officials said in briefing ${i}.`,
    );
    lines.push(JSON.stringify({ id: `r${i}`, text: sentences.join(" "), publisher: "Reuters", published: "2024-05-01" }));
  }
  return lines.join("\n") + "\n";
}

function startWorker(url: string, name: string): ChildProcess {
  const u = new URL(url);
  u.searchParams.set("application_name", name);
  const child = spawn(BIN, ["worker", "--db", u.href, "--drain", "--quiet", "--poll", "0.1"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.setEncoding("utf8");
  child.stderr!.setEncoding("utf8");
  return child;
}

test("the queue on SQLite: queued reports are worked once, a second queueing adds nothing", () => {
  const dir = makeTempDir();
  try {
    const db = path.join(dir, "queue.db");
    const file = write(dir, "reports.jsonl", reportsJsonl().split("\n").slice(0, 20).join("\n") + "\n");
    assert.match(run(["ingest", file, "--queue", "--db", db]).stdout, /queued 20 report\(s\)/);
    assert.match(run(["ingest", file, "--queue", "--db", db]).stdout, /queued 0 report\(s\) for armstrace worker; 20 already stored or queued/);
    const w = run(["worker", "--drain", "--quiet", "--concurrency", "2", "--db", db]);
    assert.equal(w.status, 0, describeRun(w));
    assert.match(w.stdout, /worked 20 job\(s\): 20 added, 0 already stored, 0 failed.*queue: 0 queued, 20 done, 0 failed/);
    assert.match(run(["ingest", file, "--queue", "--db", db]).stdout, /queued 0 report/);
  } finally {
    removeDir(dir);
  }
});

if (!storesUnderTest().includes("postgres")) {
  test("workers on postgres", { skip: "STORES does not include postgres (run with STORES=sqlite,postgres to test it)" }, () => {});
} else {
  describe("workers sharing a PostgreSQL queue", () => {
    let server: PostgresServer | undefined;
    let url = "";
    let dir = "";
    let client: pg.Client | undefined;
    const children: ChildProcess[] = [];

    before(async () => {
      server = await startPostgres();
      url = (await server.createDatabase()).url;
      dir = makeTempDir();
      const queued = run(["ingest", write(dir, "reports.jsonl", reportsJsonl()), "--queue", "--db", url]);
      assert.equal(queued.status, 0, describeRun(queued));
      assert.match(queued.stdout, new RegExp(`queued ${REPORTS} report`));
      client = new pg.Client({ connectionString: url });
      await client.connect();
    });
    after(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
      await client?.end();
      await server?.stop();
      if (dir) removeDir(dir);
    });

    const count = async (sql: string) => Number((await client!.query<{ n: string }>(sql)).rows[0]!.n);

    test("a worker killed with SIGKILL mid-job loses nothing and duplicates nothing", async () => {
      const victim = startWorker(url, "victim");
      const other = startWorker(url, "other");
      children.push(victim, other);

      // Wait until some jobs are done and the victim is inside a job's transaction: it then
      // holds a queued job's row lock, and killing it must hand that job back.
      let held: number[] = [];
      const deadline = Date.now() + 60_000;
      for (;;) {
        assert.ok(Date.now() < deadline, "the victim never held a job");
        assert.equal(victim.exitCode, null, "the victim finished before it could be killed");
        const done = await count("SELECT count(*) AS n FROM ingest_jobs WHERE status = 'done'");
        const inJob = await count("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'victim' AND xact_start IS NOT NULL");
        if (done >= 20 && inJob > 0) {
          await client!.query("BEGIN");
          const free = (await client!.query<{ id: string }>("SELECT id FROM ingest_jobs WHERE status = 'queued' FOR UPDATE SKIP LOCKED")).rows.map((r) => Number(r.id));
          const queued = (await client!.query<{ id: string }>("SELECT id FROM ingest_jobs WHERE status = 'queued'")).rows.map((r) => Number(r.id));
          await client!.query("ROLLBACK");
          held = queued.filter((id) => !free.includes(id));
          victim.kill("SIGKILL");
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      await once(victim, "exit");
      assert.equal(victim.signalCode, "SIGKILL");
      assert.ok(held.length >= 1, "jobs were held by workers when the victim died");

      // A fresh worker and the survivor finish the queue.
      const third = startWorker(url, "third");
      children.push(third);
      let out = "";
      third.stdout!.on("data", (c: string) => (out += c));
      const [code] = (await once(third, "exit")) as [number];
      assert.equal(code, 0, out);
      if (other.exitCode === null) await once(other, "exit");
      assert.equal(other.exitCode, 0);

      assert.equal(await count("SELECT count(*) AS n FROM ingest_jobs WHERE status = 'done'"), REPORTS);
      assert.equal(await count("SELECT count(*) AS n FROM ingest_jobs WHERE status <> 'done'"), 0);
      assert.equal(await count("SELECT count(*) AS n FROM documents"), REPORTS, "every report stored");
      assert.equal(await count("SELECT count(DISTINCT report_id) AS n FROM documents"), REPORTS, "none stored twice");
      for (const id of held) {
        assert.equal(await count(`SELECT count(*) AS n FROM ingest_jobs j JOIN documents d ON d.id = j.document_id WHERE j.id = ${id}`), 1, `job ${id}, held at the kill, was stored once`);
      }
      const claims = await count("SELECT count(*) AS n FROM claims");
      assert.ok(claims >= REPORTS, `${claims} claims`);
    });
  });
}
