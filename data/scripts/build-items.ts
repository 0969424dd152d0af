/**
 * Builds data/kb/items.json: goods categories (hand-curated word lists) and
 * model designations, merging hand-curated designations with Russian/Soviet
 * models from oryx-ru-equipment (MIT) and distinctive drone-component models
 * (engines, navigation, thermal imagers, ...) from the NO LAB UAS Component
 * Database (CC BY 4.0, uas-components).
 *
 * Needs data/kb/countries.json and data/kb/organizations.json (run
 * build-countries and build-organizations first).
 */
import { join } from "node:path";
import type {
  CountryRecord,
  Designation,
  ItemCategory,
  ItemKind,
  ItemsVocabulary,
  OrganizationRecord,
  Provenance,
} from "../../src/pipeline/recognize/knowledge-base.ts";
import {
  assertUrl,
  byCodeUnit,
  expandForms,
  foldKey,
  isEntryPoint,
  runMain,
  KB_DIR,
  parseCsv,
  readCurated,
  readJson,
  readText,
  sharedPath,
  uniqueExact,
  uniqueForms,
  writeKb,
} from "./lib.ts";

const ITEM_KINDS: readonly ItemKind[] = ["arms", "components", "dual_use", "technology", "services"];

interface CuratedCategory {
  term: string;
  kind: ItemKind;
  category: string;
  forms: string[];
}

interface CuratedDesignation {
  name: string;
  aliases: string[];
  ambiguousForms?: string[];
  kind: ItemKind;
  category: string;
  origin: string | null;
  maker?: string;
  source: string;
}

interface CuratedItems {
  categories: CuratedCategory[];
  designations: CuratedDesignation[];
  oryx: {
    origins: Record<string, string>;
    categories: Record<string, [ItemKind, string]>;
    skip: string[];
    ambiguousNames: string[];
    trailingTokens: string[];
    /** Oryx labels whose designation the parser cannot isolate, mapped to it. */
    rename: Record<string, string>;
  };
  uas: { technologies: Record<string, [ItemKind, string]> };
}

interface OryxRow {
  equipment_oryx: string;
  model: string;
  manufacturer: string;
}

function checkKind(kind: string, where: string): ItemKind {
  if (!(ITEM_KINDS as readonly string[]).includes(kind)) throw new Error(`items: ${where} has unknown kind ${kind}`);
  return kind as ItemKind;
}

export function buildCategories(curated: CuratedItems): ItemCategory[] {
  return curated.categories.map((c) => ({
    term: c.term,
    forms: uniqueForms([c.term, ...c.forms.flatMap(expandForms)]),
    kind: checkKind(c.kind, `category ${c.term}`),
    category: c.category,
  }));
}

/**
 * Turns an Oryx model label into a designation and its short forms:
 * "152mm 2S19 Msta-S" -> "2S19 Msta-S" (+ "2S19", "Msta-S");
 * "T-72B3 Obr. 2016" -> "T-72B3" (+ the full label);
 * "Ka-52 'Alligator' attack helicopter" -> "Ka-52 Alligator" (+ "Ka-52").
 */
export function parseOryxModel(model: string, trailing: Set<string>): { name: string; aliases: string[] } | null {
  let label = model.replace(/\s+/g, " ").trim();
  label = label.replace(/^\d+(?:\.\d+)?mm\s+/i, "");
  // Drop descriptive parentheticals ("(for Buk-M2)", "(launcher for S-300 PMU(-1))"), keep "BMP-2(K)".
  for (let prev = ""; prev !== label; ) {
    prev = label;
    label = label.replace(/\s+\((?:[^()]|\([^()]*\))*\)/g, "").trim();
  }
  const full = label;
  const obr = /^(.*?)\s+Obr\.\s*\d{4}$/.exec(label);
  if (obr !== null) label = obr[1] ?? label;
  // Cut at the first lower-case descriptive word ("attack helicopter", "with ZU-23 AA gun").
  const toks = label.split(" ");
  const kept: string[] = [];
  for (const t of toks) {
    const bare = t.replace(/['‘’"]/g, "");
    if (bare === "" ) continue;
    if (/^[a-z]/.test(bare) && !/\d/.test(bare)) break;
    kept.push(bare);
  }
  while (kept.length > 1 && trailing.has(kept[kept.length - 1] ?? "")) kept.pop();
  if (kept.length === 0) return null;
  const name = kept.join(" ");
  const aliases: string[] = [];
  if (obr !== null) aliases.push(full.replace(/['‘’"]/g, ""));
  if (kept.length > 1) {
    for (const t of kept) if (/\d/.test(t) || /^[A-Z][a-z]+-[A-Z0-9]/.test(t)) aliases.push(t);
  }
  // Not designations: calibres, wheel formulas, data sizes, bare project numbers.
  const junk = (a: string): boolean => /^\d+(?:mm|MB|GB)$/i.test(a) || /^\d+x\d+$/.test(a) || /^[\d.-]+$/.test(a);
  return { name, aliases: aliases.filter((a) => a !== name && a.length >= 3 && !junk(a)) };
}

function buildOryx(curated: CuratedItems): Designation[] {
  const rows = readJson<OryxRow[]>(sharedPath("oryx-ru-equipment", "russia_losses_equipment_oryx.json"));
  const cfg = curated.oryx;
  const trailing = new Set(cfg.trailingTokens);
  const ambiguous = new Set(cfg.ambiguousNames.map(foldKey));
  const out = new Map<string, Designation>();
  for (const r of rows) {
    if (cfg.skip.some((s) => r.model.startsWith(s))) continue;
    const cat = cfg.categories[r.equipment_oryx];
    if (cat === undefined) throw new Error(`items: oryx category ${r.equipment_oryx} is not mapped`);
    const origin = cfg.origins[r.manufacturer];
    if (origin === undefined) throw new Error(`items: oryx origin ${r.manufacturer} is not mapped`);
    const renamed = cfg.rename[r.model];
    const parsed = renamed !== undefined ? parseOryxModel(renamed, trailing) : parseOryxModel(r.model, trailing);
    if (parsed === null) continue;
    const key = foldKey(parsed.name);
    const existing = out.get(key);
    if (existing !== undefined) {
      existing.aliases = uniqueForms([...existing.aliases, ...parsed.aliases]);
      continue;
    }
    const d: Designation = {
      name: parsed.name,
      aliases: parsed.aliases,
      kind: checkKind(cat[0], `oryx ${r.equipment_oryx}`),
      category: cat[1],
      origin,
      from: ["oryx-ru-equipment"],
    };
    if (ambiguous.has(key) || !/[\d-]/.test(parsed.name)) {
      d.ambiguous = true;
      d.ambiguousForms = [parsed.name];
    }
    out.set(key, d);
  }
  return [...out.values()];
}

/** "Rotax" + "914F" -> "Rotax 914F"; "DLE" + "DLE-111" -> "DLE-111". */
function uasName(brand: string, model: string): string {
  return foldKey(model).startsWith(foldKey(brand)) ? model : `${brand} ${model}`;
}

function buildUas(curated: CuratedItems, countries: CountryRecord[], orgs: OrganizationRecord[]): Designation[] {
  const rows = parseCsv(readText(sharedPath("uas-components", "components.csv")));
  const alpha3 = new Map(countries.map((c) => [c.alpha3.toUpperCase(), c.code]));
  const orgByForm = new Map<string, string>();
  for (const o of orgs) for (const a of o.aliases) if (!(o.ambiguousForms ?? []).includes(a)) orgByForm.set(foldKey(a), o.id);
  const out = new Map<string, Designation>();
  const seenModels = new Set<string>();
  for (const r of rows) {
    const tech = curated.uas.technologies[r["technology"] ?? ""];
    if (tech === undefined) continue;
    const brand = (r["brand"] ?? "").trim();
    const rawModel = (r["model"] ?? "").trim();
    if (brand === "" || rawModel === "") continue;
    // "MX-15 / MX-15HDi" -> two forms; drop "(formerly ...)" and " series".
    const models = rawModel
      .replace(/\s*\([^)]*\)/g, "")
      .replace(/\s+series$/i, "")
      .split(/\s+\/\s+/)
      .map((m) => m.trim())
      .filter((m) => m !== "");
    const first = models[0];
    if (first === undefined) continue;
    const name = uasName(brand, first);
    const key = foldKey(name);
    // The same model listed under two spellings of a brand ("Microhard", "Microhard Systems") is one record.
    const modelKey = /\d/.test(first) && !/\s/.test(first) ? foldKey(first) : key;
    if (out.has(key) || seenModels.has(modelKey)) continue;
    seenModels.add(modelKey);
    // A model alone is an alias only when it is distinctive: letters and digits, 4+ characters.
    const aliases = [
      ...models.slice(1).map((m) => uasName(brand, m)),
      ...models.filter((m) => !/\s/.test(m) && /\p{L}/u.test(m) && /\d/.test(m) && m.replace(/[^\p{L}\p{N}]/gu, "").length >= 4),
    ].filter((m) => m !== name);
    const origin = alpha3.get((r["country_of_manufacture"] ?? "").toUpperCase()) ?? alpha3.get((r["country_designed"] ?? "").toUpperCase()) ?? null;
    const maker = orgByForm.get(foldKey(brand));
    const src = (r["source_url"] ?? "").trim();
    out.set(key, {
      name,
      aliases: uniqueForms(aliases),
      kind: tech[0],
      category: tech[1],
      origin,
      maker,
      brand: maker === undefined ? brand : undefined,
      source: /^https?:\/\/\S+$/.test(src) ? src : undefined,
      from: ["uas-components"],
    });
  }
  return [...out.values()];
}

export function buildItems(): ItemsVocabulary {
  const curated = readCurated<CuratedItems>("items.json");
  const countries = readJson<CountryRecord[]>(join(KB_DIR, "countries.json"));
  const orgs = readJson<OrganizationRecord[]>(join(KB_DIR, "organizations.json"));
  const orgIds = new Set(orgs.map((o) => o.id));
  const countryCodes = new Set([...countries.map((c) => c.code), "SU"]);

  const byKey = new Map<string, Designation>();
  for (const d of curated.designations) {
    const key = foldKey(d.name);
    if (byKey.has(key)) throw new Error(`items: duplicate designation ${d.name}`);
    if (d.maker !== undefined && !orgIds.has(d.maker)) throw new Error(`items: ${d.name} has unknown maker ${d.maker}`);
    if (d.origin !== null && !countryCodes.has(d.origin)) throw new Error(`items: ${d.name} has unknown origin ${d.origin}`);
    const rec: Designation = {
      name: d.name,
      aliases: uniqueForms(d.aliases.filter((a) => foldKey(a) !== key)),
      kind: checkKind(d.kind, d.name),
      category: d.category,
      origin: d.origin,
      maker: d.maker,
      source: assertUrl(d.source, `designation ${d.name}`),
      from: ["curated"],
    };
    const marked = new Set((d.ambiguousForms ?? []).map(foldKey));
    const amb = [rec.name, ...rec.aliases].filter((a) => marked.has(foldKey(a)));
    if (amb.length !== marked.size) throw new Error(`items: ${d.name} marks ambiguous forms that are not its names`);
    if (amb.length > 0) {
      rec.ambiguous = true;
      rec.ambiguousForms = amb;
    }
    byKey.set(key, rec);
  }
  // Derived designations: merge into a curated record with the same name, else add.
  const aliasOwner = new Map<string, string>();
  for (const [k, d] of byKey) for (const a of d.aliases) aliasOwner.set(foldKey(a), k);
  for (const d of [...buildOryx(curated), ...buildUas(curated, countries, orgs)]) {
    const key = foldKey(d.name);
    const target = byKey.get(key) ?? byKey.get(aliasOwner.get(key) ?? "");
    if (target !== undefined) {
      target.aliases = uniqueForms([...target.aliases, ...d.aliases].filter((a) => foldKey(a) !== foldKey(target.name)));
      const from = new Set<Provenance>([...target.from, ...d.from]);
      target.from = [...from];
      continue;
    }
    byKey.set(key, d);
  }
  const designations = [...byKey.values()].sort((a, b) => byCodeUnit(a.category, b.category) || byCodeUnit(a.name, b.name));
  // A variant's short form that is itself a designation ("Orlan-10" in "Orlan-10 Moskit") points to that record.
  for (const d of designations) d.aliases = d.aliases.filter((a) => foldKey(a) === foldKey(d.name) || !byKey.has(foldKey(a)));
  // Forms used by two designations are ambiguous in both.
  const owners = new Map<string, number>();
  for (const d of designations) for (const f of uniqueForms([d.name, ...d.aliases])) owners.set(foldKey(f), (owners.get(foldKey(f)) ?? 0) + 1);
  for (const d of designations) {
    const shared = [d.name, ...d.aliases].filter((f) => (owners.get(foldKey(f)) ?? 0) > 1);
    if (shared.length > 0) {
      d.ambiguous = true;
      d.ambiguousForms = uniqueExact([...(d.ambiguousForms ?? []), ...shared]);
    }
  }
  return {
    categories: buildCategories(curated),
    designations: designations.map((d) => ({
      name: d.name,
      aliases: d.aliases,
      ambiguous: d.ambiguous,
      ambiguousForms: d.ambiguousForms,
      kind: d.kind,
      category: d.category,
      origin: d.origin,
      maker: d.maker,
      brand: d.brand,
      source: d.source,
      from: d.from,
    })),
  };
}

export function main(): void {
  const items = buildItems();
  const size = writeKb("items.json", items);
  console.log(`items.json: ${items.categories.length} categories, ${items.designations.length} designations, ${size} bytes`);
}

if (isEntryPoint(import.meta.url)) runMain(main);
