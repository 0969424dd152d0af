/**
 * Builds data/kb/armed-forces.json from data/curated/armed-forces.json: national
 * militaries (aliases generated from the country's demonyms, adjectives and
 * name in data/kb/countries.json, so run build-countries first), special state
 * bodies (IRGC, GRU) and non-state armed groups, with synonyms pulled from the
 * CAMEO/Phoenix actor dictionaries (MIT) where an entry names one.
 */
import type { ArmedForceRecord, CountryRecord, Provenance } from "../../src/pipeline/recognize/knowledge-base.ts";
import type { CuratedCountries } from "./build-countries.ts";
import { join } from "node:path";
import { assertUrl, cameoSynonyms, foldKey, isEntryPoint, runMain, KB_DIR, readCurated, readJson, uniqueExact, uniqueForms, writeKb } from "./lib.ts";
import { markSharedForms } from "./lib.ts";

interface CuratedForce {
  id: string;
  name: string;
  country: string | null;
  kind: "state" | "non_state";
  generate?: boolean;
  aliases: string[];
  ambiguousForms?: string[];
  /** CAMEO entry to pull synonyms from; `exclude` drops synonyms containing any of its strings; `upper` keeps those tokens upper-case. */
  cameo?: { file: string; entry: string; exclude: string[]; upper?: string[] };
  source: string;
}

interface CuratedForces {
  patterns: { adjectiveSuffixes: string[]; possessiveSuffixes: string[]; ofPrefixes: string[] };
  forces: CuratedForce[];
}

function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

/** Aliases such as "Russian military", "Russia's army", "armed forces of Russia". */
export function generateForceAliases(
  country: CountryRecord,
  adjectives: string[],
  patterns: CuratedForces["patterns"],
): string[] {
  const adj = uniqueForms([...country.demonyms, ...adjectives, country.name]);
  const out: string[] = [];
  for (const a of adj) for (const s of patterns.adjectiveSuffixes) out.push(`${a} ${s}`);
  // Possessives only from names written in mixed case ("Russia's", "United States'"), not acronyms.
  const possessors = uniqueForms(
    [country.name, ...adjectives].filter((a) => !country.demonyms.includes(a) && /[a-z]/.test(a) && !/\./.test(a)),
  );
  for (const p of possessors) for (const s of patterns.possessiveSuffixes) out.push(`${possessive(p)} ${s}`);
  const ofName = /^(United|Netherlands|Philippines|Czech|Central|Dominican|Gambia|Bahamas)/.test(country.name)
    ? `the ${country.name}`
    : country.name;
  for (const p of patterns.ofPrefixes) out.push(`${p} ${ofName}`);
  return out;
}

export function buildArmedForces(): ArmedForceRecord[] {
  const curated = readCurated<CuratedForces>("armed-forces.json");
  const curatedCountries = readCurated<CuratedCountries>("countries.json");
  const countries = readJson<CountryRecord[]>(join(KB_DIR, "countries.json"));
  const byCode = new Map(countries.map((c) => [c.code, c]));

  const records: ArmedForceRecord[] = [];
  const ids = new Set<string>();
  for (const f of curated.forces) {
    if (ids.has(f.id)) throw new Error(`armed-forces: duplicate id ${f.id}`);
    ids.add(f.id);
    const from: Provenance[] = ["curated"];
    const aliases: string[] = [f.name, ...f.aliases];
    if (f.country !== null && !byCode.has(f.country)) throw new Error(`armed-forces: ${f.id} has unknown country ${f.country}`);
    if (f.generate === true) {
      const country = byCode.get(f.country ?? "");
      if (country === undefined) throw new Error(`armed-forces: ${f.id} generates aliases but has no country`);
      const adjectives = curatedCountries.countries[country.code]?.adjectives ?? [];
      aliases.push(...generateForceAliases(country, adjectives, curated.patterns));
    }
    if (f.cameo !== undefined) {
      aliases.push(...cameoSynonyms(f.cameo.file, f.cameo.entry, f.cameo.exclude, f.cameo.upper ?? []));
      from.push("cameo");
    }
    const rec: ArmedForceRecord = {
      id: f.id,
      name: f.name,
      country: f.country,
      kind: f.kind,
      aliases: uniqueForms(aliases),
      source: assertUrl(f.source, `armed force ${f.id}`),
      from,
    };
    const marked = new Set((f.ambiguousForms ?? []).map(foldKey));
    const amb = rec.aliases.filter((a) => marked.has(foldKey(a)));
    if (amb.length !== marked.size) {
      throw new Error(`armed-forces: ${f.id} marks ambiguous forms that are not aliases: ${[...marked].join(", ")}`);
    }
    if (amb.length > 0) {
      rec.ambiguous = true;
      rec.ambiguousForms = amb;
    }
    records.push(rec);
  }

  // A form used by two records (e.g. "FAR") is ambiguous in both.
  markSharedForms(records);
  return records.map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    kind: r.kind,
    aliases: r.aliases,
    ambiguous: r.ambiguous,
    ambiguousForms: r.ambiguousForms,
    source: r.source,
    from: r.from,
  }));
}

export function main(): void {
  const records = buildArmedForces();
  const size = writeKb("armed-forces.json", records);
  console.log(`armed-forces.json: ${records.length} forces and groups, ${size} bytes`);
}

if (isEntryPoint(import.meta.url)) runMain(main);
