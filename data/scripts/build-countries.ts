/**
 * Builds data/kb/countries.json from world-countries (ODbL: names, altSpellings,
 * demonyms, capital) and rigour-territories (MIT: names, Wikidata id), keeping
 * English forms in `names` and non-Latin-script forms in `otherScripts`, then
 * applies data/curated/countries.json (extra names, metonyms, ambiguity marks).
 */
import type { CountryRecord, Provenance } from "../../src/pipeline/recognize/knowledge-base.ts";
import {
  assertUrl,
  byCodeUnit,
  foldKey,
  isEntryPoint,
  runMain,
  isLatinScript,
  readCurated,
  readJson,
  readText,
  sharedPath,
  uniqueExact,
  uniqueForms,
  writeKb,
} from "./lib.ts";

interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  cca2: string;
  cca3: string;
  independent?: boolean | null;
  altSpellings: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: { eng?: { m: string; f: string } };
  capital?: string[];
}

interface Territory {
  code: string;
  name: string;
  full_name?: string;
  qid?: string;
  is_country?: boolean;
  names_strong?: string[];
  names_weak?: string[];
  wikipedia_url?: string;
}

interface CuratedCountry {
  addNames?: string[];
  dropNames?: string[];
  addDemonyms?: string[];
  dropDemonyms?: string[];
  adjectives?: string[];
  metonyms?: string[];
  source?: string;
}

export interface CuratedCountries {
  includeTerritories: string[];
  englishWords: string[];
  dropNames: string[];
  ambiguousForms: Record<string, string[]>;
  countries: Record<string, CuratedCountry>;
}

/** Translations whose scripts are not Latin (kept in `otherScripts`). */
const NON_LATIN_TRANSLATIONS = ["ara", "jpn", "kor", "per", "rus", "srp", "urd", "zho"];

function words(s: string): string[] {
  return s
    .replace(/[,()]/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => foldKey(w));
}

/**
 * An English-looking name: Latin script, no list-style comma or parentheses,
 * and every word is either an English name word (whitelist) or a word of the
 * country's English common/official name or demonym.
 */
function isEnglishName(candidate: string, vocabulary: Set<string>): boolean {
  if (!isLatinScript(candidate)) return false;
  if (/[,()\[\]]/.test(candidate)) return false;
  if (candidate.length <= 2) return false;
  if (candidate === candidate.toLowerCase()) return false;
  // All-caps list-style forms ("REPUBLIC OF SUDAN") are dropped; short acronyms ("DPRK") stay.
  if (candidate === candidate.toUpperCase() && !/^[A-Z.]{2,8}$/.test(candidate)) return false;
  return words(candidate).every((w) => vocabulary.has(w));
}

export function buildCountries(): CountryRecord[] {
  const world = readJson<WorldCountry[]>(sharedPath("world-countries", "countries.json"));
  const territories = readText(sharedPath("rigour-territories", "territories.jsonl"))
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Territory);
  const curated = readCurated<CuratedCountries>("countries.json");
  const englishWords = new Set(curated.englishWords.map(foldKey));
  const globalDrop = new Set(curated.dropNames.map(foldKey));
  const byCode = new Map(territories.map((t) => [t.code.toUpperCase(), t]));

  const selected = world.filter((c) => c.independent === true || curated.includeTerritories.includes(c.cca2));
  const records: CountryRecord[] = [];
  for (const c of selected) {
    const code = c.cca2;
    const terr = byCode.get(code);
    const cur = curated.countries[code] ?? {};
    const from: Provenance[] = ["world-countries"];
    if (terr !== undefined) from.push("rigour-territories");
    if (curated.countries[code] !== undefined || curated.ambiguousForms[code] !== undefined) from.push("curated");

    const demonymCandidates = [c.demonyms?.eng?.m ?? "", c.demonyms?.eng?.f ?? "", ...(cur.addDemonyms ?? [])];
    const dropDemonyms = new Set((cur.dropDemonyms ?? []).map(foldKey));
    const demonyms = uniqueForms(demonymCandidates.filter((d) => d !== "" && !dropDemonyms.has(foldKey(d))));

    const vocabulary = new Set(englishWords);
    for (const w of [...words(c.name.common), ...words(c.name.official), ...demonyms.flatMap(words)]) vocabulary.add(w);

    const dropNames = new Set([...(cur.dropNames ?? []).map(foldKey), ...globalDrop]);
    const demonymKeys = new Set(demonyms.map(foldKey));
    const candidates: string[] = [
      ...(terr?.names_strong ?? []),
      terr?.name ?? "",
      terr?.full_name ?? "",
      ...c.altSpellings,
    ];
    const derived = candidates
      .map((n) => (n === n.toLowerCase() && !/\s/.test(n) && isLatinScript(n) ? n.charAt(0).toUpperCase() + n.slice(1) : n))
      .filter((n) => isEnglishName(n, vocabulary));
    const names = uniqueForms([
      c.name.common,
      c.name.official,
      ...(cur.addNames ?? []),
      ...derived.filter((n) => !dropNames.has(foldKey(n)) && !demonymKeys.has(foldKey(n))),
    ]);

    const otherScripts: string[] = [];
    for (const n of Object.values(c.name.native ?? {})) otherScripts.push(n.common, n.official);
    for (const lang of NON_LATIN_TRANSLATIONS) {
      const t = c.translations[lang];
      if (t !== undefined) otherScripts.push(t.common, t.official);
    }
    otherScripts.push(...c.altSpellings, ...(terr?.names_strong ?? []), ...(terr?.names_weak ?? []));

    const capital = c.capital?.[0] ?? null;
    const metonyms = uniqueExact(cur.metonyms ?? []);
    let source = cur.source;
    if (source === undefined) {
      const wiki = terr?.wikipedia_url;
      source = wiki !== undefined && !wiki.includes("_-_") ? wiki : `https://en.wikipedia.org/wiki/${c.name.common.replace(/ /g, "_")}`;
    }
    const rec: CountryRecord = {
      code,
      alpha3: c.cca3,
      name: c.name.common,
      officialName: c.name.official,
      names,
      demonyms,
      capital,
      metonyms,
      otherScripts: uniqueExact(otherScripts.filter((n) => n.trim() !== "" && !isLatinScript(n))),
      sovereign: c.independent === true,
      qid: terr?.qid,
      from,
      source: assertUrl(source, `country ${code}`),
    };
    records.push(rec);
  }

  // Ambiguity: curated marks, plus any form that two countries share.
  const owners = new Map<string, Set<string>>();
  for (const r of records) {
    for (const f of [...r.names, ...r.demonyms, ...r.metonyms]) {
      const k = foldKey(f);
      const set = owners.get(k) ?? new Set<string>();
      set.add(r.code);
      owners.set(k, set);
    }
  }
  for (const r of records) {
    const marked = new Set((curated.ambiguousForms[r.code] ?? []).map(foldKey));
    const amb = [...r.names, ...r.demonyms, ...r.metonyms].filter(
      (f) => marked.has(foldKey(f)) || (owners.get(foldKey(f))?.size ?? 0) > 1,
    );
    const missing = [...marked].filter((m) => ![...r.names, ...r.demonyms, ...r.metonyms].some((f) => foldKey(f) === m));
    if (missing.length > 0) throw new Error(`countries.json curated ambiguity for ${r.code} names unknown forms: ${missing.join(", ")}`);
    if (amb.length > 0) {
      r.ambiguous = true;
      r.ambiguousForms = uniqueExact(amb);
    }
  }
  for (const code of Object.keys(curated.countries)) {
    if (!records.some((r) => r.code === code)) throw new Error(`curated country ${code} is not in the selection`);
  }
  records.sort((a, b) => byCodeUnit(a.code, b.code));
  // Key order of the output records.
  return records.map((r) => ({
    code: r.code,
    alpha3: r.alpha3,
    name: r.name,
    officialName: r.officialName,
    names: r.names,
    demonyms: r.demonyms,
    capital: r.capital,
    metonyms: r.metonyms,
    ambiguous: r.ambiguous,
    ambiguousForms: r.ambiguousForms,
    sovereign: r.sovereign,
    qid: r.qid,
    from: r.from,
    source: r.source,
    otherScripts: r.otherScripts,
  }));
}

export function main(): void {
  const records = buildCountries();
  const size = writeKb("countries.json", records);
  console.log(`countries.json: ${records.length} countries, ${size} bytes`);
}

if (isEntryPoint(import.meta.url)) runMain(main);
