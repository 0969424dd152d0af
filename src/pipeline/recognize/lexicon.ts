import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EntityType, TransferKind } from "../../domain/types.ts";
import { phraseKey } from "../analyze/tokenize.ts";

/** What a dictionary phrase stands for. */
export type LexRef =
  | { kind: "country"; code: string }
  | { kind: "demonym"; code: string }
  | { kind: "force"; id: string; name: string; code?: string | undefined; national: boolean }
  | { kind: "org"; id: string; name: string; type: EntityType; code?: string | undefined; sector?: string | undefined };

export interface LexEntry {
  ref: LexRef;
  /** Acronyms ("DJI", "US") match only in capitals; names need an upper-case first letter. */
  caseSensitive: boolean;
  /** Lower-case phrases such as "the Kremlin" may match in any case. */
  lowerOk: boolean;
  surface: string;
}

export interface CountryInfo {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
}

export interface ItemInfo {
  kind: TransferKind;
  category: string;
  designation: boolean;
  origin?: string | undefined;
}

/** The dictionaries the recognizer looks phrases up in, keyed by `phraseKey`. */
export interface Lexicon {
  entries: Map<string, LexEntry[]>;
  /** Every proper prefix of every key, so a look-up stops as soon as no key can follow. */
  prefixes: Set<string>;
  maxTokens: number;
  countries: Map<string, CountryInfo>;
  items: Map<string, ItemInfo>;
  itemMaxTokens: number;
}

interface RawCountry { code: string; name: string; names?: string[]; demonyms?: string[]; metonyms?: string[]; capital?: string | null }
interface RawForce { id: string; name: string; country?: string | null; kind?: string; aliases?: string[]; ambiguous?: boolean; ambiguousForms?: string[] }
interface RawOrg { id: string; name: string; type?: string; country?: string | null; aliases?: string[]; sector?: string; ambiguousForms?: string[] }
interface RawLeader { id: string; name: string; country: string; aliases?: string[] }
interface RawItems {
  categories?: Array<{ term: string; forms?: string[]; kind: TransferKind; category: string }>;
  designations?: Array<{ name: string; aliases?: string[]; kind: TransferKind; category: string; origin?: string | null }>;
}

const KB_DIR = fileURLToPath(new URL("../../../data/kb/", import.meta.url));

function readKb<T>(file: string, fallback: T): T {
  const path = KB_DIR + file;
  if (!existsSync(path)) return fallback;
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

let cached: Lexicon | undefined;

/** Builds (once) the lexicon from the shipped knowledge base in `data/kb`. */
export function loadLexicon(): Lexicon {
  cached ??= buildLexicon(
    readKb<RawCountry[]>("countries.json", []),
    readKb<RawForce[]>("armed-forces.json", []),
    [...readKb<RawOrg[]>("organizations.json", [])],
    readKb<RawItems>("items.json", {}),
    readKb<RawLeader[]>("leaders.json", []),
  );
  return cached;
}

const ENTITY_TYPES = new Set<string>(["organization", "state", "armed_force", "person", "media"]);

/** Country names, capitals and demonyms that are also everyday lower-case words. */
const LOWER_CASE_WORDS = new Set([
  "china", "turkey", "chad", "jordan", "georgia", "guinea", "polish", "japan", "cuba", "panama", "jersey", "dominica",
  "grenada", "niger", "congo", "french", "dutch", "swiss", "english", "welsh", "victoria", "santiago", "lima", "sofia",
  "paris", "washington", "london", "delhi", "canberra", "male", "bern", "kingston", "georgetown", "hamilton", "nice", "tripoli",
  "the west", "western", "west", "east", "south", "north", "central", "american", "america", "europe", "european", "the union",
]);

function buildLexicon(countries: RawCountry[], forces: RawForce[], orgs: RawOrg[], items: RawItems, leaders: RawLeader[]): Lexicon {
  const entries = new Map<string, LexEntry[]>();
  let maxTokens = 1;
  const add = (surface: string, ref: LexRef, anyCase = false): void => {
    const s = surface.trim();
    if (!s) return;
    const key = phraseKey(s);
    if (!key) return;
    const list = entries.get(key) ?? [];
    // Short acronyms ("US", "DJI", "PLA") match only in capitals; longer all-caps names
    // ("NORINCO") are also written in title case ("Norinco").
    const caseSensitive = !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s) && s.replace(/[^\p{L}]/gu, "").length <= 4;
    const lowerOk = /^\p{Ll}/u.test(s) || (anyCase && !caseSensitive && !LOWER_CASE_WORDS.has(key));
    if (list.some((e) => sameRef(e.ref, ref) && e.caseSensitive === caseSensitive)) return;
    list.push({ ref, caseSensitive, lowerOk, surface: s });
    entries.set(key, list);
    maxTokens = Math.max(maxTokens, key.split(" ").length);
  };
  const countryMap = new Map<string, CountryInfo>();
  for (const c of countries) {
    const names = [c.name, ...(c.names ?? [])];
    countryMap.set(c.code, { code: c.code, name: c.name, names, demonyms: c.demonyms ?? [] });
    // Some outlets write "russia" and "russian army": states and demonyms match in any
    // case, unless the lower-case form is also an everyday word.
    for (const n of names) add(n, { kind: "country", code: c.code }, true);
    for (const m of c.metonyms ?? []) add(m, { kind: "country", code: c.code }, true);
    for (const d of c.demonyms ?? []) add(d, { kind: "demonym", code: c.code }, true);
  }
  for (const f of forces) {
    const national = f.kind !== "non_state" && !!f.country;
    const ref: LexRef = { kind: "force", id: f.id, name: f.name, code: f.country ?? undefined, national };
    // Forms the knowledge base marks ambiguous ("the junta", "SAC") name no one by themselves.
    const skip = new Set(f.ambiguousForms ?? []);
    for (const a of [f.name, ...(f.aliases ?? [])]) if (!skip.has(a) && !/^(?:the )?(?:military )?junta$/i.test(a)) add(a, ref);
  }
  for (const o of orgs) {
    const type = (o.type && ENTITY_TYPES.has(o.type) ? o.type : "organization") as EntityType;
    const ref: LexRef = { kind: "org", id: o.id, name: o.name, type, code: o.country ?? undefined, sector: o.sector };
    const skip = new Set(o.ambiguousForms ?? []);
    for (const a of [o.name, ...(o.aliases ?? [])]) if (!skip.has(a)) add(a, ref);
  }
  for (const l of leaders) {
    const ref: LexRef = { kind: "org", id: l.id, name: l.name, type: "person", code: l.country };
    for (const a of [l.name, ...(l.aliases ?? [])]) add(a, ref);
  }
  // The West as a bloc: "Western-supplied arms", "Western countries".
  countryMap.set("XW", { code: "XW", name: "Western countries", names: ["Western countries", "the West", "Western nations", "Western allies"], demonyms: ["Western"] });
  for (const n of ["Western countries", "the West", "Western nations", "Western allies", "Western governments"]) add(n, { kind: "country", code: "XW" });
  add("Western", { kind: "demonym", code: "XW" });
  const itemMap = new Map<string, ItemInfo>();
  let itemMaxTokens = 1;
  const addItem = (surface: string, info: ItemInfo): void => {
    const key = phraseKey(surface);
    if (!key || itemMap.has(key)) return;
    itemMap.set(key, info);
    itemMaxTokens = Math.max(itemMaxTokens, key.split(" ").length);
  };
  for (const d of items.designations ?? []) {
    const info: ItemInfo = { kind: d.kind, category: d.category, designation: true, origin: d.origin ?? undefined };
    for (const a of [d.name, ...(d.aliases ?? [])]) addItem(a, info);
  }
  for (const c of items.categories ?? []) {
    const info: ItemInfo = { kind: c.kind, category: c.category, designation: false };
    for (const a of [c.term, ...(c.forms ?? [])]) addItem(a, info);
  }
  const prefixes = new Set<string>();
  for (const key of entries.keys()) {
    const words = key.split(" ");
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(" "));
  }
  return { entries, prefixes, maxTokens, countries: countryMap, items: itemMap, itemMaxTokens };
}

function sameRef(a: LexRef, b: LexRef): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "country" || a.kind === "demonym") return a.code === (b as { code: string }).code;
  return a.id === (b as { id: string }).id;
}
