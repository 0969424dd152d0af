/**
 * Builds data/kb/organizations.json (hand-curated companies, agencies, NGOs and
 * media from data/curated/organizations.json, some with synonyms from the
 * Phoenix International actor dictionary) and data/kb/exhibitors.json (arms-fair
 * exhibitors, public domain, CAAT / Omega Research Foundation), filtered to
 * exhibitors seen at three or more fairs whose names are distinctive.
 *
 * Needs data/kb/countries.json (run build-countries first).
 */
import { join } from "node:path";
import type { ArmedForceRecord, CountryRecord, OrganizationRecord, OrganizationSector, Provenance } from "../../src/pipeline/recognize/knowledge-base.ts";
import { ORGANIZATION_SECTORS } from "../../src/pipeline/recognize/knowledge-base.ts";
import {
  assertUrl,
  byCodeUnit,
  cameoSynonyms,
  foldKey,
  isEntryPoint,
  runMain,
  KB_DIR,
  parseCsv,
  readCurated,
  readJson,
  readText,
  sharedPath,
  slugify,
  uniqueExact,
  uniqueForms,
  writeKb,
} from "./lib.ts";
import { markSharedForms } from "./lib.ts";

interface CuratedOrganization {
  id: string;
  name: string;
  type?: "organization" | "media";
  country: string | null;
  sector: OrganizationSector;
  parent?: string;
  aliases: string[];
  ambiguousForms?: string[];
  cameo?: { file: string; entry: string; exclude: string[] };
  source: string;
}

interface ExhibitorFilters {
  minEvents: number;
  /** Words that make a name generic when present (case-insensitive, whole words). */
  genericWords: string[];
  /** Words that, with legal forms, do not make a name distinctive on their own. */
  commonWords: string[];
  /** Upper-case single tokens that look like acronyms but are not distinctive. */
  stopAcronyms: string[];
  /** Lower-case English dictionary words (derived once from the wamerican word list) that appear as name tokens. */
  englishWords: string[];
}

export function buildCuratedOrganizations(countryCodes: Set<string>): OrganizationRecord[] {
  const curated = readCurated<{ organizations: CuratedOrganization[] }>("organizations.json").organizations;
  const ids = new Set<string>();
  const records: OrganizationRecord[] = [];
  for (const o of curated) {
    if (ids.has(o.id)) throw new Error(`organizations: duplicate id ${o.id}`);
    ids.add(o.id);
    if (!(ORGANIZATION_SECTORS as readonly string[]).includes(o.sector)) throw new Error(`organizations: ${o.id} has unknown sector ${o.sector}`);
    if (o.country !== null && !countryCodes.has(o.country)) throw new Error(`organizations: ${o.id} has unknown country ${o.country}`);
    const from: Provenance[] = ["curated"];
    const aliases = [o.name, ...o.aliases];
    if (o.cameo !== undefined) {
      aliases.push(...cameoSynonyms(o.cameo.file, o.cameo.entry, o.cameo.exclude, []));
      from.push("cameo");
    }
    const rec: OrganizationRecord = {
      id: o.id,
      name: o.name,
      type: o.type ?? (o.sector === "media" ? "media" : "organization"),
      country: o.country,
      aliases: uniqueForms(aliases),
      sector: o.sector,
      parent: o.parent,
      source: assertUrl(o.source, `organization ${o.id}`),
      from,
    };
    const marked = new Set((o.ambiguousForms ?? []).map(foldKey));
    const amb = rec.aliases.filter((a) => marked.has(foldKey(a)));
    const found = new Set(amb.map(foldKey));
    const missing = [...marked].filter((m) => !found.has(m));
    if (missing.length > 0) throw new Error(`organizations: ${o.id} marks ambiguous forms that are not aliases: ${missing.join(", ")}`);
    if (amb.length > 0) {
      rec.ambiguous = true;
      rec.ambiguousForms = amb;
    }
    records.push(rec);
  }
  for (const r of records) {
    if (r.parent !== undefined && !ids.has(r.parent)) throw new Error(`organizations: ${r.id} has unknown parent ${r.parent}`);
  }
  // Forms shared by two records are ambiguous in both.
  markSharedForms(records);
  return records.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    country: r.country,
    aliases: r.aliases,
    ambiguous: r.ambiguous,
    ambiguousForms: r.ambiguousForms,
    sector: r.sector,
    parent: r.parent,
    source: r.source,
    from: r.from,
  }));
}

/** Legal-form designators (single tokens, folded, dots removed) from rigour's org_types.yml. */
function legalFormTokens(): Set<string> {
  const text = readText(sharedPath("rigour-territories", "org_types.yml"));
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    const m = /^\s*(?:-\s+)?(?:display:|compare:|-)\s*(.+?)\s*$/.exec(line);
    if (m === null) continue;
    const value = (m[1] ?? "").replace(/^["']|["']$/g, "");
    if (/\s/.test(value) || value.startsWith("#")) continue;
    const k = foldKey(value).replace(/\./g, "");
    if (k.length >= 2) out.add(k);
  }
  for (const extra of ["co", "ltd", "inc", "corp", "llc", "company", "corporation", "limited", "incorporated", "plc", "gmbh", "kg"]) out.add(extra);
  return out;
}

function tokens(name: string): string[] {
  return name
    .split(/[\s,/()&+]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((t) => t !== "");
}

interface Distinctiveness {
  legal: Set<string>;
  generic: Set<string>;
  common: Set<string>;
  stopAcronyms: Set<string>;
  english: Set<string>;
  geo: Set<string>;
}

/** A single upper-case token of 3+ letters that is not an English word, country or generic term. */
function isDistinctiveAcronym(name: string, d: Distinctiveness): boolean {
  const t = tokens(name);
  if (t.length !== 1) return false;
  const tok = t[0] ?? "";
  if (!/^[\p{Lu}\p{N}-]+$/u.test(tok) || (tok.match(/\p{Lu}/gu) ?? []).length < 3) return false;
  const k = foldKey(tok);
  return !d.english.has(k) && !d.geo.has(k) && !d.stopAcronyms.has(k) && !d.legal.has(k) && !d.generic.has(k) && !d.common.has(k);
}

/** Two or more words, at least one of which is not a legal form, generic, common English or geographic word. */
function isDistinctiveMultiword(name: string, d: Distinctiveness): boolean {
  const t = tokens(name).filter((x) => !d.legal.has(foldKey(x).replace(/\./g, "")));
  if (t.length < 2) return false;
  return t.some((x) => {
    const k = foldKey(x);
    if (/^\p{N}+$/u.test(k)) return false;
    return !d.english.has(k) && !d.common.has(k) && !d.geo.has(k) && !d.generic.has(k) && k.length >= 2;
  });
}

function isGeneric(name: string, d: Distinctiveness): boolean {
  return tokens(name).some((t) => d.generic.has(foldKey(t)));
}

export function buildExhibitors(
  countries: CountryRecord[],
  curatedOrgs: OrganizationRecord[],
  armedForces: ArmedForceRecord[],
  designationForms: string[],
): OrganizationRecord[] {
  const filters = readCurated<ExhibitorFilters>("exhibitor-filters.json");
  const rows = parseCsv(readText(sharedPath("arms-fair-exhibitors", "exhibitors.csv")));
  const geo = new Set<string>();
  const countryByText = new Map<string, string>();
  for (const c of countries) {
    for (const f of [...c.names, ...c.demonyms, c.code, c.alpha3]) {
      for (const t of tokens(f)) geo.add(foldKey(t));
      countryByText.set(foldKey(f), c.code);
    }
  }
  const d: Distinctiveness = {
    legal: legalFormTokens(),
    generic: new Set(filters.genericWords.map(foldKey)),
    common: new Set(filters.commonWords.map(foldKey)),
    stopAcronyms: new Set(filters.stopAcronyms.map(foldKey)),
    english: new Set(filters.englishWords.map(foldKey)),
    geo,
  };
  // Exhibitors that are (or are named like) a curated organisation, an armed force or a
  // country are left to those files; names shared with a weapon designation are ambiguous.
  const curatedForms = new Set([
    ...curatedOrgs.flatMap((o) => o.aliases),
    ...armedForces.flatMap((f) => f.aliases),
    ...countries.flatMap((c) => [...c.names, ...c.demonyms, ...c.metonyms]),
  ].map(foldKey));
  const designationKeys = new Set(designationForms.map(foldKey));
  const codes = new Set(countries.map((c) => c.code));

  const kept = rows
    .filter((r) => Number(r["n_events"]) >= filters.minEvents)
    .map((r) => {
      const name = (r["name"] ?? "").trim();
      const variants = (r["variants"] ?? "")
        .split("|")
        .map((v) => v.trim().replace(/^\((.*)\)$/, "$1").replace(/\s+_\s+/g, " & ").trim())
        .filter((v) => v !== "");
      const aliases = (r["aliases"] ?? "").split("|").map((v) => v.trim()).filter((v) => v !== "");
      return { r, name, variants, aliases, n: Number(r["n_events"]) };
    })
    .filter(({ name, variants }) => {
      if (name === "" || isGeneric(name, d)) return false;
      if (isDistinctiveMultiword(name, d) || isDistinctiveAcronym(name, d)) return true;
      return variants.some((v) => !isGeneric(v, d) && isDistinctiveAcronym(v, d));
    })
    .filter(({ name, variants, aliases }) => ![name, ...variants, ...aliases].some((f) => curatedForms.has(foldKey(f))))
    .sort((a, b) => b.n - a.n || byCodeUnit(a.name, b.name));

  const usedIds = new Set<string>();
  const out: OrganizationRecord[] = [];
  for (const { r, name, variants, aliases, n } of kept) {
    let base = `exh-${slugify(name) || "x"}`;
    if (base.length > 60) base = base.slice(0, 60).replace(/-+$/, "");
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    let country: string | null = null;
    const iso = (r["country_iso2"] ?? "").split("|")[0]?.trim() ?? "";
    if (codes.has(iso)) country = iso;
    else {
      for (const t of (r["country_text"] ?? "").split("|")) {
        const c = countryByText.get(foldKey(t.trim()));
        if (c !== undefined) {
          country = c;
          break;
        }
      }
    }
    const websites = (r["website"] ?? "")
      .split("|")
      .map((w) => w.trim().toLowerCase())
      .filter((w) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(w));
    const forms = uniqueForms([name, ...variants, ...aliases]);
    const ambiguousForms = forms.filter((f) => designationKeys.has(foldKey(f)));
    out.push({
      id,
      name,
      type: "organization",
      country,
      aliases: forms,
      ambiguous: ambiguousForms.length > 0 ? true : undefined,
      ambiguousForms: ambiguousForms.length > 0 ? ambiguousForms : undefined,
      sector: "defence",
      websites: websites.length > 0 ? websites : undefined,
      nEvents: n,
      from: ["arms-fair-exhibitors"],
    });
  }
  return out;
}

export function main(): void {
  const countries = readJson<CountryRecord[]>(join(KB_DIR, "countries.json"));
  const orgs = buildCuratedOrganizations(new Set(countries.map((c) => c.code)));
  const orgSize = writeKb("organizations.json", orgs);
  console.log(`organizations.json: ${orgs.length} organisations, ${orgSize} bytes`);
  const armedForces = readJson<ArmedForceRecord[]>(join(KB_DIR, "armed-forces.json"));
  const curatedItems = readCurated<{ designations: { name: string; aliases: string[] }[] }>("items.json");
  const designationForms = curatedItems.designations.flatMap((d) => [d.name, ...d.aliases]);
  const exhibitors = buildExhibitors(countries, orgs, armedForces, designationForms);
  const exhSize = writeKb("exhibitors.json", exhibitors, "record-lines");
  console.log(`exhibitors.json: ${exhibitors.length} exhibitors, ${exhSize} bytes`);
}

if (isEntryPoint(import.meta.url)) runMain(main);
