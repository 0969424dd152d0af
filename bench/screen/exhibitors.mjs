// The arms-fair exhibitor gazetteer in ../shared (107,370 names from CAAT and the
// Omega Research Foundation, public domain; see its SOURCE.md). Only the benchmarks
// read it: the product ships its own, smaller exhibitor list in data/kb.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const EXHIBITORS_CSV = path.resolve(ROOT, "..", "shared", "data", "arms-fair-exhibitors", "exhibitors.csv");

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
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
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const list = (s) => (s ?? "").split("|").map((x) => x.trim()).filter((x) => x !== "");

/**
 * Every exhibitor, in the file's order (most fair editions first): its name, the other
 * spellings and aliases the fairs listed, its countries (most frequent first) and websites.
 */
export function readExhibitors() {
  if (!existsSync(EXHIBITORS_CSV)) {
    throw new Error(`${EXHIBITORS_CSV} not found: the screening benchmark needs the exhibitor gazetteer beside the checkout (../shared/data/arms-fair-exhibitors)`);
  }
  const [header, ...rows] = parseCsv(readFileSync(EXHIBITORS_CSV, "utf8"));
  const col = Object.fromEntries(header.map((h, i) => [h.trim(), i]));
  for (const need of ["name", "variants", "aliases", "country_iso2", "website"]) {
    if (col[need] === undefined) throw new Error(`${EXHIBITORS_CSV} has no "${need}" column`);
  }
  return rows
    .filter((r) => (r[col.name] ?? "").trim() !== "")
    .map((r) => ({
      name: r[col.name].trim(),
      variants: list(r[col.variants]),
      aliases: list(r[col.aliases]),
      countries: list(r[col.country_iso2]),
      websites: list(r[col.website]).filter((w) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(w) && w !== "bit.ly"),
    }));
}

/** A deterministic random number generator (mulberry32), so every run draws the same lists. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given generator; returns a new array. */
export function shuffled(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
