/**
 * Builds a large benchmark corpus from the bundled sample reports: each report is a
 * variant of a sample with its paragraphs rotated, other countries and companies
 * swapped in, numbers and years changed, and every fourth one joined to a second
 * sample, so the extractor sees thousands of distinct but realistic texts. The same
 * seed always gives the same corpus.
 *
 *   node --import tsx bench/extract/make-corpus.ts [--reports N] [--seed S] [--out FILE]
 *
 * writes JSON Lines (default: a file in the system temp directory) and prints its path.
 */
import { createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Report } from "../../src/domain/types.ts";
import { DEFAULT_MAX_BYTES, readInputs } from "../../src/pipeline/normalize/index.ts";

export const SAMPLES_DIR = fileURLToPath(new URL("../../data/samples/", import.meta.url));

/** One line of the corpus file, in the JSON Lines input format of `armstrace extract`. */
export interface CorpusRecord {
  id: string;
  text: string;
  url: string;
  title: string;
  publisher: string;
  published: string;
}

/** Countries with the adjective a text uses for them, swapped together. */
const COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ["Russia", "Russian"], ["Iran", "Iranian"], ["China", "Chinese"], ["Ukraine", "Ukrainian"],
  ["Belarus", "Belarusian"], ["Serbia", "Serbian"], ["India", "Indian"], ["Turkey", "Turkish"],
  ["Israel", "Israeli"], ["Azerbaijan", "Azerbaijani"], ["Armenia", "Armenian"], ["Sudan", "Sudanese"],
  ["Germany", "German"], ["France", "French"], ["Poland", "Polish"], ["Brazil", "Brazilian"],
  ["Pakistan", "Pakistani"], ["Egypt", "Egyptian"], ["Algeria", "Algerian"], ["Vietnam", "Vietnamese"],
  ["Indonesia", "Indonesian"], ["Lithuania", "Lithuanian"], ["Niger", "Nigerien"], ["Myanmar", "Burmese"],
];

const COMPANIES: readonly string[] = [
  "Norinco", "Baykar", "Kalashnikov", "Rosoboronexport", "Rostec", "Rheinmetall", "Thales",
  "Elbit Systems", "Hanwha Aerospace", "Saab", "Leonardo", "Aselsan", "ZALA Aero", "DJI",
];

const PUBLISHERS: readonly string[] = [
  "Reuters", "Associated Press", "Al Jazeera", "The Irrawaddy", "Kyiv Independent", "TASS", "SIPRI", "Defence Blog",
];

/** mulberry32: a small, fast, seedable PRNG, so a seed always gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every whole-word key of `map` at once, so swaps never chain (A→B, B→A stays a swap). */
function replaceWords(text: string, map: Map<string, string>): string {
  if (map.size === 0) return text;
  const keys = [...map.keys()].sort((a, b) => b.length - a.length).map(escape);
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join("|")})(?![\\p{L}\\p{N}])`, "gu"), (m) => map.get(m) ?? m);
}

/** Swaps up to `max` countries (name and adjective) and companies found in the text for others from the lists. */
function swapNames(text: string, rand: () => number, max: number): string {
  const map = new Map<string, string>();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const presentCountries = COUNTRIES.filter(([name]) => new RegExp(`\\b${escape(name)}\\b`).test(text));
  for (let k = 0; k < max && presentCountries.length > 0; k++) {
    const from = presentCountries.splice(Math.floor(rand() * presentCountries.length), 1)[0]!;
    const to = pick(COUNTRIES.filter((c) => c !== from && !map.has(c[0])));
    map.set(from[0], to[0]).set(from[1], to[1]);
    if (rand() < 0.5) map.set(to[0], from[0]).set(to[1], from[1]); // a true swap half the time
  }
  // Companies are matched ignoring case ("NORINCO", "Norinco"), and replaced as written.
  const presentCompanies = COMPANIES.flatMap((c) => new RegExp(`\\b${escape(c)}\\b`, "i").exec(text)?.[0] ?? []);
  for (const from of presentCompanies.slice(0, max)) {
    map.set(from, pick(COMPANIES.filter((c) => c.toLowerCase() !== from.toLowerCase())));
  }
  return replaceWords(text, map);
}

/** Shifts years by `yearShift` and scales other standalone numbers; digits inside names (Su-30, S-400, TB2) stay. */
function varyNumbers(text: string, rand: () => number, yearShift: number): string {
  return text.replace(/(?<![\p{L}\p{N}\-.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\p{L}\p{N}\-])/gu, (_m, whole: string, frac?: string) => {
    const n = Number(whole.replaceAll(",", ""));
    if (!frac && !whole.includes(",") && n >= 1950 && n <= 2035) return String(n + yearShift);
    const scaled = Math.max(1, Math.round(n * (0.5 + rand() * 1.5)));
    const body = whole.includes(",") ? scaled.toLocaleString("en-US") : String(scaled);
    if (!frac) return body;
    return `${body}.${Math.floor(rand() * 10 ** frac.length).toString().padStart(frac.length, "0")}`;
  });
}

/** Keeps the first paragraph (usually the headline) and rotates the others by `by`. */
function rotateParagraphs(text: string, by: number): string {
  const [head, ...body] = text.split(/\n{2,}/);
  if (body.length < 2) return text;
  const k = by % body.length;
  return [head, ...body.slice(k), ...body.slice(0, k)].join("\n\n");
}

function shiftDate(date: string | undefined, yearShift: number, rand: () => number): string {
  const year = Number(date?.slice(0, 4)) || 2023;
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  return `${year + yearShift}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function variantText(base: Report, round: number, rand: () => number, yearShift: number): string {
  let text = rotateParagraphs(base.text, round);
  text = swapNames(text, rand, 1 + Math.floor(rand() * 3));
  return varyNumbers(text, rand, yearShift);
}

/**
 * `count` distinct reports made from `samples` (cycled in order, so every sample is
 * used about equally). Deterministic for a given seed and sample list.
 */
export function* makeCorpus(samples: readonly Report[], count: number, seed = 1): Generator<CorpusRecord> {
  if (samples.length === 0) throw new Error("makeCorpus: no sample reports to vary");
  const rand = rng(seed);
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const base = samples[i % samples.length]!;
    const round = Math.floor(i / samples.length);
    const yearShift = Math.floor(rand() * 7) - 3;
    let text = "";
    for (let attempt = 0; attempt < 5 && (text === "" || seen.has(text)); attempt++) {
      text = variantText(base, round + attempt, rand, yearShift);
      if (i % 4 === 3) {
        const other = samples[(i + 1 + Math.floor(rand() * (samples.length - 1))) % samples.length]!;
        text += `\n\n${variantText(other, round, rand, yearShift)}`;
      }
    }
    if (seen.has(text)) text += `\n\nReport ${i + 1} of the benchmark series.`;
    seen.add(text);
    yield {
      id: `bench-${String(i + 1).padStart(6, "0")}`,
      text,
      url: `https://bench.example.org/${base.id}/${i + 1}`,
      title: text.split("\n", 1)[0]!.replace(/^#+\s*/, "").slice(0, 120),
      publisher: PUBLISHERS[Math.floor(rand() * PUBLISHERS.length)]!,
      published: shiftDate(base.published, yearShift, rand),
    };
  }
}

/** Reads the bundled samples (every format) as reports; a sample that cannot be read is an error. */
export async function readSamples(dir = SAMPLES_DIR): Promise<Report[]> {
  const { reports, problems } = await readInputs([dir], { maxBytes: DEFAULT_MAX_BYTES });
  if (problems.length > 0) throw new Error(`cannot read the samples: ${problems.map((p) => p.message).join("; ")}`);
  return reports;
}

export interface WrittenCorpus {
  file: string;
  reports: number;
  /** Size of the JSON Lines file. */
  fileBytes: number;
  /** UTF-8 bytes of the report texts alone. */
  textBytes: number;
}

/** Writes `count` variants of the samples to `file` as JSON Lines. */
export async function writeCorpus(file: string, count: number, seed = 1): Promise<WrittenCorpus> {
  const samples = await readSamples();
  const out = createWriteStream(file);
  let fileBytes = 0;
  let textBytes = 0;
  let reports = 0;
  for (const record of makeCorpus(samples, count, seed)) {
    const line = `${JSON.stringify(record)}\n`;
    fileBytes += Buffer.byteLength(line);
    textBytes += Buffer.byteLength(record.text);
    reports++;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
  return { file, reports, fileBytes, textBytes };
}

export function defaultCorpusFile(count: number, seed: number): string {
  return path.join(os.tmpdir(), `armstrace-bench-extract-${count}-s${seed}.jsonl`);
}

async function cli(): Promise<void> {
  const { values } = parseArgs({ options: { reports: { type: "string" }, seed: { type: "string" }, out: { type: "string" } }, strict: true });
  const count = Number(values.reports ?? 5000);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`--reports must be a positive whole number (got ${values.reports})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got ${values.seed})`);
  const written = await writeCorpus(values.out ?? defaultCorpusFile(count, seed), count, seed);
  process.stdout.write(`${written.file}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await cli();
}
