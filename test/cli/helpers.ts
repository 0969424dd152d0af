/**
 * Shared helpers for the end-to-end CLI tests: they spawn the real `bin/armstrace`
 * from the repository root, so argument parsing, exit codes, stdout/stderr and the
 * SQLite file are all exercised as a user would meet them.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "bin", "armstrace");

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin; the default "" closes stdin at once, so nothing waits on it. */
  input?: string;
  /** Extra environment; ARMSTRACE_DB and ARMSTRACE_DEBUG are otherwise removed so the caller's shell cannot leak in. */
  env?: Record<string, string>;
}

export function run(args: string[], opts: RunOptions = {}): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env["ARMSTRACE_DB"];
  delete env["ARMSTRACE_DEBUG"];
  Object.assign(env, opts.env ?? {});
  const r = spawnSync(BIN, args, { cwd: ROOT, encoding: "utf8", input: opts.input ?? "", env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory; the caller removes it with `removeDir` (usually in `after`). */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-"));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `content` to `dir/rel`, creating parent directories; returns the full path. */
export function write(dir: string, rel: string, content: string | Uint8Array): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export function stderrLines(r: RunResult): string[] {
  return r.stderr.split("\n").filter((l) => l.trim() !== "");
}

export function describe(r: RunResult): string {
  return `exit ${String(r.status)}\n--- stdout ---\n${r.stdout.slice(0, 2000)}\n--- stderr ---\n${r.stderr.slice(0, 2000)}`;
}

/** No stack trace reached the user. */
export function assertNoStack(r: RunResult): void {
  assert.ok(!r.stderr.includes("    at "), `stack trace on stderr:\n${describe(r)}`);
  assert.ok(!r.stdout.includes("    at "), `stack trace on stdout:\n${describe(r)}`);
}

/**
 * The run failed with `status` and said so in exactly one stderr line, prefixed
 * `armstrace:`, that contains every one of `needles` (case-insensitive); returns that line.
 */
export function assertOneLineError(r: RunResult, status: number, ...needles: string[]): string {
  assert.equal(r.status, status, describe(r));
  assertNoStack(r);
  const lines = stderrLines(r);
  assert.equal(lines.length, 1, `expected one line on stderr:\n${describe(r)}`);
  const line = lines[0] ?? "";
  assert.match(line, /^armstrace: \S/, describe(r));
  for (const n of needles) assert.ok(line.toLowerCase().includes(n.toLowerCase()), `stderr should mention ${JSON.stringify(n)}:\n${describe(r)}`);
  return line;
}

// ---- the extraction contract, as printed by `extract` ----

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface OutEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}

export interface OutTransfer {
  supplier: string;
  recipient: string;
  items: string[];
  kind: string;
  stance: string;
  claimant: string | null;
  evidence: Span;
  modality: string;
  rule: string;
}

export interface OutReport {
  id: string;
  entities: OutEntity[];
  transfers: OutTransfer[];
}

const ENTITY_TYPES = ["organization", "state", "armed_force", "person", "media"];
const STANCES = ["asserted", "hedged", "denied"];
const KINDS = ["arms", "components", "dual_use", "technology", "services", "unspecified"];
const MODALITIES = ["actual", "future", "negated"];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function assertSpan(v: unknown, where: string): asserts v is Span {
  assert.ok(isRecord(v), `${where} is an object`);
  assert.equal(typeof v["text"], "string", `${where}.text`);
  assert.ok(Number.isInteger(v["start"]), `${where}.start is an integer`);
  assert.ok(Number.isInteger(v["end"]), `${where}.end is an integer`);
}

/**
 * Checks one printed report against the contract and returns it typed. With `text`
 * (the report text the offsets index), every evidence span must slice out exactly
 * its own text.
 */
export function checkReport(value: unknown, text?: string): OutReport {
  assert.ok(isRecord(value), "a report is a JSON object");
  assert.equal(typeof value["id"], "string", "report id");
  assert.ok(Array.isArray(value["entities"]), "entities is an array");
  assert.ok(Array.isArray(value["transfers"]), "transfers is an array");
  const ids = new Set<string>();
  for (const e of value["entities"] as unknown[]) {
    assert.ok(isRecord(e), "entity is an object");
    assert.equal(typeof e["id"], "string", "entity id");
    assert.equal(typeof e["name"], "string", "entity name");
    assert.ok(ENTITY_TYPES.includes(e["type"] as string), `entity type ${String(e["type"])}`);
    assert.ok(Array.isArray(e["aliases"]) && e["aliases"].every((a) => typeof a === "string"), "entity aliases");
    assert.ok(!ids.has(e["id"] as string), `entity id ${String(e["id"])} is unique`);
    ids.add(e["id"] as string);
  }
  for (const t of value["transfers"] as unknown[]) {
    assert.ok(isRecord(t), "transfer is an object");
    const where = JSON.stringify(t);
    assert.ok(ids.has(t["supplier"] as string), `supplier refers to an entity: ${where}`);
    assert.ok(ids.has(t["recipient"] as string), `recipient refers to an entity: ${where}`);
    assert.ok(t["claimant"] === null || ids.has(t["claimant"] as string), `claimant is null or refers to an entity: ${where}`);
    assert.ok(Array.isArray(t["items"]) && t["items"].every((i) => typeof i === "string"), `items: ${where}`);
    assert.ok(KINDS.includes(t["kind"] as string), `kind: ${where}`);
    assert.ok(STANCES.includes(t["stance"] as string), `stance: ${where}`);
    assert.ok(MODALITIES.includes(t["modality"] as string), `modality: ${where}`);
    assert.ok(typeof t["rule"] === "string" && t["rule"] !== "", `rule: ${where}`);
    assertSpan(t["evidence"], "evidence");
    const ev = t["evidence"];
    assert.ok(ev.start >= 0 && ev.end > ev.start, `evidence offsets: ${where}`);
    if (text !== undefined) {
      assert.ok(ev.end <= text.length, `evidence ends inside the text: ${where}`);
      assert.equal(text.slice(ev.start, ev.end), ev.text, `evidence offsets index the report text: ${where}`);
    }
  }
  return value as unknown as OutReport;
}

/** stdout of `extract` (JSON mode): one JSON object per non-empty line. */
export function parseJsonLines(stdout: string): unknown[] {
  assert.ok(stdout === "" || stdout.endsWith("\n"), "output ends with a line break");
  return stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        assert.fail(`stdout line ${i + 1} is not JSON: ${l.slice(0, 200)}`);
      }
    });
}

/** The entity's name and aliases, lower-cased. */
export function namesOf(report: OutReport, id: string | null): string[] {
  const e = report.entities.find((x) => x.id === id);
  return e ? [e.name, ...e.aliases].map((n) => n.toLowerCase()) : [];
}

function named(report: OutReport, id: string | null, wanted: readonly string[]): boolean {
  const names = namesOf(report, id);
  return wanted.some((w) => names.includes(w.toLowerCase()));
}

/** Transfers whose supplier and recipient go by one of the given names (case-insensitive). */
export function transfersBetween(report: OutReport, suppliers: readonly string[], recipients: readonly string[]): OutTransfer[] {
  return report.transfers.filter((t) => named(report, t.supplier, suppliers) && named(report, t.recipient, recipients));
}

// ---- rows printed by `claims --format json` / `entities --format json` ----

export interface ClaimRowOut {
  supplier: string;
  recipient: string;
  stance: string;
  claimant: string;
  items: string;
  kind: string;
  quote: string;
  rule: string;
}

export interface EntityRowOut {
  id: number;
  name: string;
  type: string;
  aliases: string;
  claims: number;
  documents: number;
}

export function parseJsonArray<T>(r: RunResult): T[] {
  assert.equal(r.status, 0, describe(r));
  assertNoStack(r);
  let value: unknown;
  try {
    value = JSON.parse(r.stdout);
  } catch {
    assert.fail(`stdout is not JSON:\n${describe(r)}`);
  }
  assert.ok(Array.isArray(value), "stdout is a JSON array");
  return value as T[];
}

export function claimsJson(db: string, ...extra: string[]): ClaimRowOut[] {
  return parseJsonArray<ClaimRowOut>(run(["claims", "--format", "json", "--db", db, ...extra]));
}

export function entitiesJson(db: string, ...extra: string[]): EntityRowOut[] {
  return parseJsonArray<EntityRowOut>(run(["entities", "--format", "json", "--db", db, ...extra]));
}

/** The numbers in an ingest summary line. */
export function ingestSummary(stdout: string): { reports: number; added: number; duplicates: number; failed: number; claims: number } {
  const m = /^ingested (\d+) report\(s\): (\d+) added, (\d+) already stored, (\d+) failed; (\d+) claims/m.exec(stdout);
  assert.ok(m, `no ingest summary line in stdout:\n${stdout}`);
  return { reports: Number(m[1]), added: Number(m[2]), duplicates: Number(m[3]), failed: Number(m[4]), claims: Number(m[5]) };
}
