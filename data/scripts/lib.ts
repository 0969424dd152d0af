/**
 * Shared helpers for the knowledge-base build scripts: where the inputs and
 * outputs live, a deterministic JSON writer, a CSV reader, a reader for the
 * CAMEO/PETRARCH actor dictionaries, and small text utilities.
 *
 * The scripts read the public datasets in `../shared/data` (relative to the
 * repository root) and the hand-curated files in `data/curated/`, and write
 * `data/kb/*.json`. Nothing here touches the network.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (the folder holding package.json). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const KB_DIR = join(REPO_ROOT, "data", "kb");
export const CURATED_DIR = join(REPO_ROOT, "data", "curated");

/**
 * Folders of `../shared/data` that must never feed the default build
 * (CC BY-NC 4.0). The scripts refuse to open them.
 */
export const FORBIDDEN_SOURCES = ["opensanctions-milcorps", "opensanctions-zala-fixture"] as const;

/** Where the shared public datasets are; `ARMSTRACE_SHARED_DATA` overrides. */
export function sharedDataDir(): string {
  const override = process.env["ARMSTRACE_SHARED_DATA"];
  const dir = override !== undefined && override !== "" ? resolve(override) : resolve(REPO_ROOT, "..", "shared", "data");
  if (!existsSync(dir)) {
    throw new Error(
      `armstrace build:data: the shared datasets folder was not found at ${dir}.\n` +
        "The build scripts need ../shared/data next to the repository (or set ARMSTRACE_SHARED_DATA to its path).\n" +
        "The compiled knowledge base in data/kb/ is committed, so nothing else needs it.",
    );
  }
  return dir;
}

/** Path of a file inside one shared dataset folder; refuses the CC BY-NC folders. */
export function sharedPath(folder: string, file: string): string {
  if ((FORBIDDEN_SOURCES as readonly string[]).includes(folder)) {
    throw new Error(`armstrace build:data: ${folder} is CC BY-NC 4.0 and must not feed the default build`);
  }
  const p = join(sharedDataDir(), folder, file);
  if (!existsSync(p)) {
    throw new Error(`armstrace build:data: missing input ${p} (is ../shared/data complete?)`);
  }
  return p;
}

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export function readCurated<T>(file: string): T {
  return readJson<T>(join(CURATED_DIR, file));
}

// ---------------------------------------------------------------------------
// Deterministic pretty JSON: objects one key a line (key order as built),
// arrays of scalars on one line when short enough, otherwise one item a line.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const INLINE_WIDTH = 110;

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function format(value: unknown, indent: string): string {
  if (isScalar(value)) return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isScalar)) {
      const one = "[" + value.map((v) => JSON.stringify(v)).join(", ") + "]";
      if (one.length + indent.length <= INLINE_WIDTH) return one;
      return "[\n" + value.map((v) => inner + JSON.stringify(v)).join(",\n") + "\n" + indent + "]";
    }
    return "[\n" + value.map((v) => inner + format(v, inner)).join(",\n") + "\n" + indent + "]";
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return (
      "{\n" + entries.map(([k, v]) => inner + JSON.stringify(k) + ": " + format(v, inner)).join(",\n") + "\n" + indent + "}"
    );
  }
  throw new Error(`cannot serialise ${typeof value}`);
}

/** Pretty, stable JSON text (undefined-valued keys are dropped). */
export function stringifyStable(value: unknown): string {
  return format(value as Json, "") + "\n";
}

/**
 * Stable JSON for a long array of flat records: one record per line, so the file
 * stays small, diffable and greppable (used for exhibitors.json).
 */
export function stringifyRecordLines(records: readonly unknown[]): string {
  if (records.length === 0) return "[]\n";
  return "[\n" + records.map((r) => "  " + JSON.stringify(r)).join(",\n") + "\n]\n";
}

/** Writes `data/kb/<name>` and returns its size in bytes. */
export function writeKb(name: string, value: unknown, layout: "pretty" | "record-lines" = "pretty"): number {
  mkdirSync(KB_DIR, { recursive: true });
  const text = layout === "record-lines" && Array.isArray(value) ? stringifyRecordLines(value) : stringifyStable(value);
  writeFileSync(join(KB_DIR, name), text);
  return Buffer.byteLength(text);
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes).

export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const header = rows.shift();
  if (header === undefined) return [];
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? "") !== "")
    .map((r) => {
      const rec: Record<string, string> = {};
      header.forEach((h, j) => {
        rec[h] = r[j] ?? "";
      });
      return rec;
    });
}

// ---------------------------------------------------------------------------
// CAMEO / PETRARCH actor dictionaries.

/** One dictionary block: the primary names, their `+` synonyms, and codes. */
export interface CameoBlock {
  /** Primary entry lines (raw tokens, e.g. `HEZBOLLAH_`). */
  primaries: string[];
  /** Synonym lines without the leading `+` (raw tokens). */
  synonyms: string[];
  codes: string[];
}

/**
 * Parses a Phoenix actor file into blocks. An entry is a primary line plus
 * following `+SYNONYM` lines; the `[CODE]` may sit on the primary line or on
 * an indented line after the synonyms.
 */
export function parseCameoActors(text: string): CameoBlock[] {
  const blocks: CameoBlock[] = [];
  let cur: CameoBlock | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, "");
    if (line.trim() === "") {
      cur = null;
      continue;
    }
    const codeMatches = [...line.matchAll(/\[([^\]]+)\]/g)].map((m) => (m[1] ?? "").trim());
    const body = line.replace(/\[[^\]]*\]/g, "").trim();
    if (/^\s/.test(rawLine) && body === "") {
      if (cur !== null) cur.codes.push(...codeMatches);
      continue;
    }
    if (body.startsWith("+")) {
      if (cur === null) {
        cur = { primaries: [], synonyms: [], codes: [] };
        blocks.push(cur);
      }
      cur.synonyms.push(body.slice(1).trim());
      cur.codes.push(...codeMatches);
      continue;
    }
    if (body === "") continue;
    // A new primary line: it starts a block unless the current block has no codes
    // yet and no synonyms (consecutive primaries share one code line).
    if (cur === null || cur.codes.length > 0) {
      cur = { primaries: [], synonyms: [], codes: [] };
      blocks.push(cur);
    }
    cur.primaries.push(body);
    cur.codes.push(...codeMatches);
  }
  return blocks;
}

const LOWER_PARTICLES = new Set(["of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "el", "al", "ul", "bin", "wa"]);

/**
 * Turns a CAMEO token (`HARAKAT_AL-SHABAAB_AL-MUJAHIDEEN`) into prose casing
 * (`Harakat al-Shabaab al-Mujahideen`). Single short tokens and parenthesised
 * acronyms stay upper case.
 */
export function cameoToText(token: string): string {
  const words = token
    .replace(/_+$/, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ");
  if (words.length === 1 && (words[0] ?? "").length <= 5 && !/-/.test(words[0] ?? "")) return words[0] ?? "";
  return words
    .map((w, i) => {
      if (/^\(.*\)$/.test(w)) return w;
      return w
        .split("-")
        .map((part, j) => {
          const lower = part.toLowerCase();
          if ((i > 0 || j > 0) && LOWER_PARTICLES.has(lower)) return lower;
          if (i === 0 && j === 0 && (lower === "al" || lower === "ash" || lower === "as")) return lower;
          return lower.charAt(0).toUpperCase() + lower.slice(1);
        })
        .join("-");
    })
    .join(" ");
}

const cameoCache = new Map<string, CameoBlock[]>();

/**
 * The names of one CAMEO dictionary entry (primary + synonyms) as prose text.
 * `exclude` drops raw tokens containing any of its strings (persons, other
 * groups); tokens in `upper` stay upper-case ("PLA").
 */
export function cameoSynonyms(file: string, entry: string, exclude: string[], upper: string[]): string[] {
  let blocks = cameoCache.get(file);
  if (blocks === undefined) {
    blocks = parseCameoActors(readText(sharedPath("cameo-dictionaries", file)));
    cameoCache.set(file, blocks);
  }
  const block = blocks.find((b) => b.primaries.some((p) => p.trim() === entry));
  if (block === undefined) throw new Error(`armed-forces: CAMEO entry ${entry} not found in ${file}`);
  const keepUpper = new Set(upper);
  return [...block.primaries, ...block.synonyms]
    .flatMap((t) => t.split(/\s+\+/))
    .map((t) => t.replace(/^\+/, "").trim())
    .filter((t) => t !== "" && !exclude.some((e) => t.includes(e)))
    .map((t) =>
      cameoToText(t)
        .split(" ")
        .map((w) => (keepUpper.has(w.toUpperCase()) ? w.toUpperCase() : w))
        .join(" "),
    );
}

// ---------------------------------------------------------------------------
// Text helpers.

/** True when every letter is Latin script (ASCII or Latin-1/Extended, e.g. Türkiye). */
export function isLatinScript(s: string): boolean {
  for (const ch of s) {
    if (/\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch)) return false;
  }
  return true;
}

/** Case- and accent-insensitive key for de-duplication. */
export function foldKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** De-duplicates surface forms (case/accent-insensitive unless `exact`), keeping the first spelling. */
export function uniqueForms(forms: Iterable<string>, exact = false): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of forms) {
    const f = raw.replace(/\s+/g, " ").trim();
    if (f === "") continue;
    const k = exact ? f : foldKey(f);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

/** Exactly de-duplicated (case-sensitive) list, first occurrence kept. */
export function uniqueExact(forms: Iterable<string>): string[] {
  return uniqueForms(forms, true);
}

/** Expands `drone(s)` / `box(es)` / `(anti-)tank` shorthands into every spelled form. */
export function expandForms(pattern: string): string[] {
  const m = /^(.*?)\(([^()]*)\)(.*)$/.exec(pattern);
  if (m === null) return [pattern];
  const [, pre = "", opt = "", post = ""] = m;
  const rest = expandForms(post);
  const out: string[] = [];
  for (const tail of rest) {
    out.push(`${pre}${tail}`.replace(/\s+/g, " ").trim());
    out.push(`${pre}${opt}${tail}`.replace(/\s+/g, " ").trim());
  }
  return out;
}

export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Compares strings by code unit, for stable sorting independent of locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function assertUrl(value: unknown, where: string): string {
  if (typeof value !== "string" || !/^https?:\/\/\S+$/.test(value)) {
    throw new Error(`armstrace build:data: ${where} needs a "source" URL (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** Runs a build step, printing a failure as one clear message and exit code 1. */
export function runMain(step: () => void): void {
  try {
    step();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}

/** True when the module is the process entry point (run directly, not imported). */
export function isEntryPoint(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  return resolve(entry) === fileURLToPath(metaUrl);
}

/** Marks every alias that two or more records share as ambiguous in each of them. */
export function markSharedForms(records: Array<{ id: string; aliases: string[]; ambiguous?: boolean | undefined; ambiguousForms?: string[] | undefined }>): void {
  const owners = new Map<string, Set<string>>();
  for (const r of records) {
    for (const a of r.aliases) {
      const set = owners.get(foldKey(a)) ?? new Set<string>();
      set.add(r.id);
      owners.set(foldKey(a), set);
    }
  }
  for (const r of records) {
    const shared = r.aliases.filter((a) => (owners.get(foldKey(a))?.size ?? 0) > 1);
    if (shared.length > 0) {
      r.ambiguous = true;
      r.ambiguousForms = uniqueExact([...(r.ambiguousForms ?? []), ...shared]);
    }
  }
}
