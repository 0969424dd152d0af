/**
 * A first look at armstrace for a newcomer: ingests the bundled sample reports with
 * the real CLI into a fresh database, prints the strongest supplier → recipient
 * relations found, each with its best quote and source, and the commands to try next,
 * then serves the web app over that database (anonymous reads, an analyst token
 * printed for writes) until Ctrl-C.
 *
 *   npm run demo                     # database armstrace-demo.db in the repo root
 *   npm run demo -- --db /tmp/x.db   # another database (removed first as well)
 *   npm run demo -- --no-serve       # print and stop; --port N picks the port
 *
 * Run directly with `node --import tsx scripts/demo.ts`. Works offline.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openStore } from "../src/main.ts";
import type { Store } from "../src/store/store.ts";
import { topRelations, type RelationSummary } from "../src/services/top-relations.ts";

const TOP = 12;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const samples = path.join(root, "data", "samples");

function usage(): string {
  return "Usage: npm run demo [-- --db FILE] [--port N] [--no-serve]\n\nIngests data/samples into a fresh database (default armstrace-demo.db in the repo root;\nthe file is deleted first), prints the strongest supplier → recipient relations, then\nserves the web app over it until Ctrl-C (not with --no-serve).\n";
}

function parse(): { db: string; serve: boolean; port: string } {
  let values: { db?: string | undefined; help?: boolean | undefined; "no-serve"?: boolean | undefined; port?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { db: { type: "string" }, help: { type: "boolean", short: "h" }, "no-serve": { type: "boolean" }, port: { type: "string" } },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`demo: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n\n${usage()}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(usage());
    process.exit(0);
  }
  // `npm run` changes to the package root; a relative --db means relative to where the user typed it.
  const base = process.env["INIT_CWD"] ?? process.cwd();
  return {
    db: values.db ? path.resolve(base, values.db) : path.join(root, "armstrace-demo.db"),
    serve: values["no-serve"] !== true,
    port: values.port ?? "8787",
  };
}

const tty = process.stdout.isTTY === true && !process.env["NO_COLOR"];
const bold = (s: string): string => (tty ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string): string => (tty ? `\x1b[2m${s}\x1b[22m` : s);
const out = (s = ""): void => void process.stdout.write(`${s}\n`);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Greedy word wrap; every line after the first starts with `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

function block(r: RelationSummary, rank: number, width: number): string {
  const pad = " ".repeat(String(TOP).length + 2);
  const { asserted, hedged, denied } = r.stances;
  const head =
    `${String(rank).padStart(String(TOP).length)}. ${bold(`${r.supplier.name} → ${r.recipient.name}`)}  ` +
    `(${plural(r.documents, "report")}, ${plural(r.publishers.length, "publisher")}; ` +
    `${asserted} asserted / ${hedged} hedged / ${denied} denied)`;
  const q = r.quote;
  const source = [q.publisher ?? "publisher unknown", q.published?.slice(0, 10) ?? "undated", q.url ?? "no URL"].join(", ");
  const lines = [head];
  lines.push(`${pad}items: ${r.items.length ? wrap(r.items.join("; "), width - pad.length - 7, `${pad}       `) : dim("(none named)")}`);
  lines.push(`${pad}${wrap(`“${q.text.replace(/\s+/g, " ").trim()}”`, width - pad.length, pad)}`);
  lines.push(`${pad}— ${wrap(source, width - pad.length - 2, `${pad}  `)}`);
  lines.push(`${pad}${dim(`${q.stance}; rule ${q.rule}`)}`);
  return lines.join("\n");
}

/** Quotes an argument for a POSIX shell when it needs it. */
const shellArg = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/**
 * A party to suggest for `claims --entity`: NORINCO when the store has claims about it,
 * else the organization with the most claims (by its shortest name), else the top supplier.
 */
async function suggestedEntity(store: Store, relations: RelationSummary[]): Promise<string | undefined> {
  if ((await store.claims({ entity: "norinco", limit: 1 })).length > 0) return "norinco";
  const [org] = await store.entities({ type: "organization", limit: 1 });
  if (org && org.claims > 0) return [org.name, ...org.aliases].sort((a, b) => a.length - b.length)[0]!.toLowerCase();
  return relations[0]?.supplier.name.toLowerCase();
}

async function main(): Promise<number> {
  // `npm run demo | head` closes the pipe early; that is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const { db, serve, port } = parse();
  const fromRoot = path.relative(root, db);
  // The suggested commands run from the repo root, so name the database from there when it lies inside.
  const shown = fromRoot.startsWith("..") || path.isAbsolute(fromRoot) ? db : fromRoot;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });

  out(bold("armstrace demo"));
  out(`Ingesting the bundled sample reports (data/samples) into a fresh database, ${shown}:`);
  out(dim(`$ ./bin/armstrace ingest data/samples --db ${shellArg(shown)}`));
  const started = process.hrtime.bigint();
  const ingest = spawnSync(process.execPath, [path.join(root, "bin", "armstrace"), "ingest", samples, "--db", db], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (ingest.error) throw ingest.error;
  process.stdout.write(ingest.stdout);
  out(dim(`(${seconds.toFixed(1)} s)`));
  if (!existsSync(db)) {
    process.stderr.write(`demo: the ingest did not create ${shown} (exit code ${String(ingest.status)})\n`);
    return 1;
  }
  if (ingest.status !== 0) out(`Note: the ingest reported problems (exit code ${String(ingest.status)}); showing what was stored.`);

  const store = await openStore(db);
  let entity: string | undefined;
  try {
    const counts = await store.counts();
    const relations = await topRelations(store);
    const width = Math.max(60, Math.min(process.stdout.columns || 100, 110));
    out();
    out(
      bold(`The ${Math.min(TOP, relations.length)} strongest of ${plural(relations.length, "supplier → recipient relation")}`) +
        ` found in ${plural(counts.documents, "report")} (${plural(counts.claims, "claim")}):`,
    );
    out(dim("Ranked by how many separate reports and publishers carry a relation, then asserted over hedged claims."));
    out(dim("The quote is the most recent asserted claim (else hedged, else denied)."));
    out();
    if (relations.length === 0) out("No claims were extracted; see `./bin/armstrace extract data/samples --explain`.");
    relations.slice(0, TOP).forEach((r, i) => {
      out(block(r, i + 1, width));
      out();
    });
    entity = await suggestedEntity(store, relations);
  } finally {
    await store.close();
  }

  const cmd = (c: string, why: string): void => out(`  ${c}\n      ${dim(why)}`);
  out(bold("Try next:"));
  const dbArg = shellArg(shown);
  if (entity) cmd(`./bin/armstrace claims --db ${dbArg} --entity ${shellArg(entity)}`, "every claim involving this party, under any of its names");
  cmd(`./bin/armstrace claims --db ${dbArg} --stance denied`, "claims the texts report as denied");
  cmd(`./bin/armstrace claims --db ${dbArg} --entity russia --format csv > russia.csv`, "a spreadsheet of claims involving Russia");
  cmd(`./bin/armstrace entities --db ${dbArg} --type organization`, "companies and agencies, most claims first");
  cmd("./bin/armstrace extract data/samples/01-iran-shahed-russia-alabuga.md --explain", "why each claim was extracted: rule, trigger, cue words");
  cmd(`./bin/armstrace ingest path/to/your/reports --db ${dbArg}`, "add your own .md/.txt/.html/.jsonl reports");
  if (!serve) return 0;
  return serveWebApp(db, port);
}

/** Builds the web app if it is missing, makes an analyst token, and serves until Ctrl-C. */
function serveWebApp(db: string, port: string): number {
  const cli = path.join(root, "bin", "armstrace");
  if (!existsSync(path.join(root, "dist", "web", "index.html"))) {
    out(dim("Building the web app (npm run build:web)…"));
    const build = spawnSync(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--config", "web/vite.config.ts", "--logLevel", "error"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) {
      process.stderr.write("demo: the web app could not be built; run npm run build:web to see why\n");
      return 1;
    }
  }
  const token = spawnSync(process.execPath, [cli, "token", "create", "--role", "analyst", "--db", db], { cwd: root, encoding: "utf8" });
  out();
  out(bold("The web app"));
  if (token.status === 0) out(`Reading needs no token here. To review claims or add reports, paste this analyst token into the page:\n  ${token.stdout.trim()}`);
  out(dim("Search a name (try “norinko”), open a party, a relation and its quote in the report. Ctrl-C stops."));
  const server = spawnSync(process.execPath, [cli, "serve", "--db", db, "--anonymous-reads", "--port", port], { cwd: root, stdio: "inherit" });
  return server.status ?? 0;
}

process.exitCode = await main();
