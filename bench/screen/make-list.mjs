// The labelled screening list: vendor names a compliance team might hold, each marked
// with whether screening should flag it (`expected`) and how it was made (`kind`).
//
// Positives are written from the knowledge-base record of every firm the store holds
// as a supplier graded 1–3 (tier rules R1/R2): its name as the KB has it, with case
// changed, legal forms added, dropped or swapped, in Cyrillic or Chinese (and
// romanised), as acronym, with a typo, words reordered, as brand alone
// or brand plus a business word.
//
// Negatives are names that should not be flagged: look-alikes of those firms (the same
// first word with another trade, a bank whose initials spell the firm's acronym, the
// firm's short name in a faraway country, the firm's generic words around another
// distinctive one), other KB firms the store holds no supply claim about, stored
// parties that supply nothing (publishers, agencies, recipients) and plain arms-fair
// exhibitors that share no distinctive word with any supplier.
//
// The generator uses its own word lists and normalisation, never the matcher's, so the
// list does not bend towards what the matcher already does.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rng, shuffled } from "./exhibitors.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const POSITIVE_KINDS = [
  "exact", "case", "legal_added", "legal_dropped", "legal_changed", "cyrillic", "cyrillic_romanised", "chinese",
  "other_script", "acronym", "typo_swap", "typo_drop", "reordered", "brand", "brand_plus",
];
export const NEGATIVE_KINDS = [
  "decoy_first_word", "decoy_acronym", "decoy_country", "decoy_generic", "other_kb_firm", "stored_not_supplier", "unrelated",
];

const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]+$/u;

/** Lower case, accents and punctuation gone, words single-spaced: for comparing and de-duplicating. */
export function norm(s) {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
const wordsOf = (s) => (norm(s) === "" ? [] : norm(s).split(" "));

/** Legal forms as they end or start a name, longest first so "Co., Ltd." goes before "Ltd.". */
const LEGAL_SUFFIX = /[\s,]+(co\.?,?\s*ltd\.?|company limited|private limited|pvt\.? ltd\.?|pte\.? ltd\.?|limited|ltd\.?|inc\.?|incorporated|llc|l\.l\.c\.|p?jsc|ojsc|cjsc|plc|gmbh & co\.? kg|gmbh|ag|s\.?p\.?a\.?|s\.?a\.?s?|se|n\.?v\.?|b\.?v\.?|ab|asa|as|oyj|a\.ş\.|a\.s\.|d\.o\.o\.)$/iu;
const LEGAL_PREFIX = /^(p?jsc|ojsc|cjsc|ao|pao|oao|ooo|llc|se)\s+/iu;

export function stripLegal(name) {
  let s = name.trim();
  for (let i = 0; i < 2; i++) s = s.replace(LEGAL_SUFFIX, "").replace(LEGAL_PREFIX, "").trim();
  return s;
}
const hasLegal = (name) => stripLegal(name) !== name.trim();

/** Legal forms firms of each country use on vendor lists: `{}` is where the name goes. */
const FORMS = {
  RU: ["JSC {}", "{} JSC", "PJSC {}", "OOO {}", "{} LLC"],
  BY: ["OJSC {}", "{} JSC", "{} LLC"],
  UA: ["PJSC {}", "{} JSC", "SE {}", "{} LLC"],
  CN: ["{} Co., Ltd.", "{} Co. Ltd", "{} Limited", "{} Corp."],
  TW: ["{} Co., Ltd.", "{} Limited"],
  HK: ["{} Limited", "{} Co., Ltd."],
  KR: ["{} Co., Ltd.", "{} Corp."],
  JP: ["{}, Ltd.", "{} Co., Ltd."],
  IN: ["{} Limited", "{} Pvt Ltd", "{} Private Limited"],
  PK: ["{} (Pvt) Ltd", "{} Limited"],
  TR: ["{} A.Ş.", "{} A.S.", "{} Inc."],
  IL: ["{} Ltd.", "{} Ltd"],
  US: ["{} Inc.", "{}, Inc.", "{} LLC", "{} Corp."],
  GB: ["{} Ltd", "{} plc", "{} Limited"],
  DE: ["{} GmbH", "{} AG", "{} GmbH & Co. KG"],
  FR: ["{} S.A.", "{} SAS"],
  IT: ["{} S.p.A.", "{} SpA"],
  SE: ["{} AB"],
  NO: ["{} AS", "{} ASA"],
  FI: ["{} Oyj"],
  PL: ["{} S.A.", "{} sp. z o.o."],
  CZ: ["{} a.s."],
  BE: ["{} SA", "{} NV"],
  NL: ["{} N.V.", "{} B.V."],
  CH: ["{} AG", "{} SA"],
  ES: ["{} S.A."],
  RS: ["{} AD", "{} d.o.o."],
};
const OTHER_FORMS = ["{} Co.", "{} Company Limited", "{} LLC", "{} Ltd."];
const CYRILLIC_FORMS = ["АО «{}»", "ООО «{}»", "ПАО {}", "{} АО"];
const HAN_FORMS = ["{}有限公司", "{}股份有限公司"];

const put = (form, name) => form.replace("{}", name);
const formsFor = (country) => FORMS[country] ?? OTHER_FORMS;

/** Words that say what kind of business, never which one. */
const GENERIC = new Set(wordsOf(
  "group holding holdings company corporation corp concern industries industry industrial systems system technologies technology tech " +
  "international defence defense aerospace plant factory bureau design association enterprise enterprises state joint stock " +
  "limited ltd co inc the of and for electronics electronic engineering works trading services solutions advanced manufacturing",
));
const TRADES = ["Airlines", "Bank", "Telecom", "Hotels", "Foods", "Textiles", "Pharmaceuticals", "Insurance", "Tourism", "Real Estate", "Dairy", "Furniture"];
/** Trades for acronym decoys: businesses none of the firms is in. */
const ACRONYM_TRADES = ["Bank", "Insurance", "Hotels", "Foods", "Textiles", "Pharmaceuticals"];
/** Words for spelling a look-alike's initials, one per letter; the last word names a civilian trade. */
const LETTER_WORDS = {
  a: ["Atlantic", "Agricultural"], b: ["Blue", "Bank"], c: ["Coastal", "Commercial"], d: ["Delta", "Dairy"], e: ["Eastern", "Energy"],
  f: ["First", "Foods"], g: ["Golden", "Garments"], h: ["Harbour", "Hotels"], i: ["Island", "Insurance"], j: ["Jade", "Jewellers"],
  k: ["Kingsway", "Kitchens"], l: ["Lakeside", "Leasing"], m: ["Metro", "Media"], n: ["Northern", "Networks"], o: ["Ocean", "Oils"],
  p: ["Pacific", "Pharmacy"], q: ["Quality", "Quarries"], r: ["Royal", "Retail"], s: ["Sunrise", "Supermarkets"], t: ["Tower", "Telecom"],
  u: ["Union", "Utilities"], v: ["Valley", "Ventures"], w: ["Western", "Water"], x: ["Xenon", "Xpress"], y: ["Yellow", "Yachts"], z: ["Zenith", "Zinc"],
};
/** Distinctive words of nobody in particular, to put where a firm's own distinctive word was. */
const STAND_INS = ["Meridian", "Halvorsen", "Castellan", "Brightwater", "Novella", "Okonkwo", "Varga", "Lindqvist", "Sarabia", "Tamarind", "Quillon", "Ardent", "Beaumont", "Corvex", "Dunmore", "Esterline"];
const FAR_COUNTRIES = ["BR", "MX", "AR", "ZA", "AU", "CA", "CL", "PE", "PH", "NZ", "KE", "PT"];

const ROMAN = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o",
  п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu",
  я: "ya", і: "i", ї: "yi", є: "ye", ґ: "g", ў: "u",
};
/** Cyrillic in Latin letters the way Western lists often write it (a BGN/PCGN-like table, not the matcher's). */
function romanise(s) {
  return [...s.replace(/[«»"]/g, "")]
    .map((ch) => {
      const low = ch.toLowerCase();
      const r = ROMAN[low];
      if (r === undefined) return ch;
      return ch === low ? r : r.charAt(0).toUpperCase() + r.slice(1);
    })
    .join("");
}

const readCountries = () => JSON.parse(readFileSync(path.join(ROOT, "data", "kb", "countries.json"), "utf8"));

/** A country's one-word name and demonyms ("China", "Chinese"), for leading a look-alike's name. */
function loadCountryWords() {
  return new Map(readCountries().map((c) => [c.code, [c.name, ...(c.demonyms ?? [])].filter((n) => /^\p{L}+$/u.test(n))]));
}

function loadPlaces() {
  const countries = readCountries();
  const places = new Set(wordsOf("hangzhou shenzhen beijing shanghai xiamen izhevsk tula minsk kurgan kyiv kharkiv tehran taxila yantai sz"));
  for (const c of countries) for (const n of [c.name, ...(c.names ?? []), ...(c.demonyms ?? []), c.capital ?? ""]) for (const w of wordsOf(n)) places.add(w);
  return places;
}

/** A letter-typo of the longest word (five letters or more): two neighbours swapped, or one left out. */
function typo(name, how, random) {
  const parts = name.split(/(\s+)/);
  let at = -1;
  for (const [i, p] of parts.entries()) if (/^\p{L}{5,}$/u.test(p) && (at < 0 || p.length > parts[at].length)) at = i;
  if (at < 0) return null;
  const w = parts[at];
  // Not the first letter: people seldom mistype that, and it is what lists are sorted by.
  const i = 1 + Math.floor(random() * (w.length - 2));
  let t;
  if (how === "swap") {
    if (w[i] === w[i + 1]) return null;
    t = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  } else t = w.slice(0, i) + w.slice(i + 1);
  parts[at] = t;
  return parts.join("");
}

const isAcronym = (a) => /^[A-Z][A-Z0-9&-]{1,7}$/.test(a) && /[A-Z].*[A-Z]/.test(a);

/**
 * @param {object} input
 * @param {Array} input.entities     store entities (EntityRow)
 * @param {Array} input.relations    store relations (RelationRow)
 * @param {Array} input.kbFirms      curated firms from data/kb/organizations.json
 * @param {Array} input.exhibitors   rows of exhibitors.csv
 * @param {number} input.seed
 * @param {number} [input.unrelated] how many plain exhibitor names
 */
export function makeList({ entities, relations, kbFirms, exhibitors, seed, unrelated = 400 }) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const places = loadPlaces();
  const countryWords = loadCountryWords();
  const weak = (w) => GENERIC.has(w) || places.has(w) || w.length <= 2;
  // How many exhibitor names use each word: the rarer, the more a word says which firm is meant.
  const frequency = new Map();
  for (const x of exhibitors) for (const w of new Set(wordsOf(x.name))) frequency.set(w, (frequency.get(w) ?? 0) + 1);

  // Suppliers as stored: any grade (for keeping negatives clear of them) and graded 1–3 (positives).
  const anySupplier = new Set(relations.map((r) => r.supplier.id));
  const credible = new Set(relations.filter((r) => r.credibility <= 3).map((r) => r.supplier.id));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const screened = entities.filter((e) => e.type === "organization" || e.type === "person");

  // Store entities of each KB firm: linked by id, or stored under one of its names without the link.
  const storedAs = new Map();
  for (const firm of kbFirms) {
    const names = new Set([firm.name, ...firm.aliases].map(norm));
    const ids = screened.filter((e) => e.kb === firm.id || [e.name, ...e.aliases].some((n) => names.has(norm(n)))).map((e) => e.id);
    storedAs.set(firm.id, ids);
  }
  const implicated = kbFirms.filter((f) => storedAs.get(f.id).some((id) => credible.has(id)));
  const implicatedIds = new Set(implicated.flatMap((f) => storedAs.get(f.id).filter((id) => credible.has(id))));

  // Every distinctive word any supplier goes by: a negative carrying one is not plainly unrelated.
  const supplierWords = new Set();
  const supplierNames = new Set();
  for (const id of anySupplier) {
    const e = byId.get(id);
    if (e === undefined) continue;
    const firm = kbFirms.find((f) => storedAs.get(f.id).includes(id));
    for (const n of [e.name, ...e.aliases, ...(firm ? [firm.name, ...firm.aliases] : [])]) {
      supplierNames.add(norm(stripLegal(n)));
      for (const w of wordsOf(n)) if (!weak(w)) supplierWords.add(w);
    }
  }
  const clearOfSuppliers = (name) => !supplierNames.has(norm(stripLegal(name))) && wordsOf(name).every((w) => !supplierWords.has(w));

  const rows = [];
  const add = (row) => rows.push(row);
  for (const firm of implicated) {
    const ids = storedAs.get(firm.id).filter((id) => credible.has(id));
    const stored = byId.get(ids[0]);
    const kbNames = new Set([firm.name, ...firm.aliases].map(norm));
    const known = (n) => kbNames.has(norm(n));
    const ambiguous = new Set(firm.ambiguousForms ?? []);
    const country = () => (random() < 0.75 ? firm.country : null);
    const pos = (name, kind, note) => add({ name, country: country(), expected: true, kind, firm: firm.id, entityIds: ids, entity: stored.name, ...(note ? { note } : {}) });
    const base = stripLegal(firm.name);
    const latin = [firm.name, ...firm.aliases].filter((a) => LATIN_ONLY.test(a));

    pos(firm.name, "exact");
    if (norm(stored.name) !== norm(firm.name)) pos(stored.name, "exact", "the name the report used");
    pos(firm.name.toUpperCase(), "case");
    pos(firm.name.toLowerCase(), "case");
    if (firm.name === firm.name.toUpperCase()) pos(firm.name.charAt(0) + firm.name.slice(1).toLowerCase(), "case");

    // Legal forms.
    const forms = formsFor(firm.country);
    for (const form of shuffled(forms, random).slice(0, 2)) {
      const n = put(form, base);
      if (!known(n)) pos(n, "legal_added");
    }
    for (const n of latin.filter(hasLegal)) {
      const s = stripLegal(n);
      if (!known(s)) pos(s, "legal_dropped");
      const other = shuffled(forms, random).map((f) => put(f, s)).find((x) => norm(x) !== norm(n) && !known(x));
      if (other !== undefined) pos(other, "legal_changed", `KB: ${n}`);
    }

    // Other scripts.
    for (const a of firm.aliases) {
      if (CYRILLIC.test(a)) {
        pos(a, "cyrillic");
        pos(put(pick(CYRILLIC_FORMS), a), "cyrillic");
        const r = romanise(a);
        if (!known(r)) pos(r, "cyrillic_romanised", `from ${a}`);
      } else if (HAN.test(a) && !/\p{Script=Hangul}/u.test(a)) {
        pos(a, "chinese");
        if (!/公司$/.test(a)) pos(put(pick(HAN_FORMS), a), "chinese");
      } else if (!LATIN_ONLY.test(a)) pos(a, "other_script");
    }

    // Acronyms, as the KB knows them: bare, dotted, with a legal form.
    for (const a of firm.aliases.filter((x) => isAcronym(x) && !ambiguous.has(x) && x !== firm.name)) {
      pos(a, "acronym");
      if (a.length >= 3 && /^[A-Z]+$/.test(a)) pos(a.split("").join(".") + ".", "acronym");
      pos(put(pick(forms), a), "acronym");
    }

    // Typos and word order.
    for (const how of ["swap", "drop"]) {
      const t = typo(base, how, random);
      if (t !== null && !known(t)) pos(t, how === "swap" ? "typo_swap" : "typo_drop");
    }
    const words = base.split(/\s+/);
    if (words.length >= 2) {
      const r = [...words.slice(1), words[0]].join(" ");
      if (norm(r) !== norm(base) && !known(r)) pos(r, "reordered");
    }

    // Brand alone, and brand with a business word.
    const baseWords = wordsOf(base);
    const brands = latin.filter((a) => wordsOf(a).length === 1 && a.length >= 4 && !isAcronym(a) && norm(a) !== norm(base) && baseWords.includes(norm(a)));
    for (const b of brands) pos(b, "brand", `of ${firm.name}`);
    const single = [...brands, ...(baseWords.length === 1 && base.length >= 5 ? [base] : [])];
    for (const b of single.slice(0, 1)) {
      const n = shuffled(["Group", "Holding", "International", "Technologies", "Industries", "Systems"], random).map((g) => `${b} ${g}`).find((x) => !known(x));
      if (n !== undefined) pos(n, "brand_plus");
      const m = put(pick(forms), `${b} ${pick(["Group", "International", "Trading"])}`);
      if (!known(m)) pos(m, "brand_plus");
    }

    // Look-alikes, all in the firm's own country unless the country is the point.
    const neg = (name, kind, note, where = firm.country) => add({ name, country: where, expected: false, kind, firm: firm.id, entity: stored.name, note });
    if (words.length >= 2 && words[0].length >= 3) {
      const rest = wordsOf(words.slice(1).join(" "));
      if (places.has(norm(words[0])) || rest.some((w) => !weak(w) && w.length >= 4)) {
        for (const trade of shuffled(TRADES, random).slice(0, 2)) neg(`${words[0]} ${trade}`, "decoy_first_word", `first word of ${firm.name}`);
      }
    }
    for (const a of firm.aliases.filter((x) => /^[A-Z]{2,6}$/.test(x))) {
      neg(`${a} ${pick(ACRONYM_TRADES)}`, "decoy_acronym", `${a} is ${firm.name}`);
      const letters = a.toLowerCase().split("");
      // Led by the country's name when it has the first letter, as "China …" or "Russian …" firms are.
      const home = countryWords.get(firm.country) ?? [];
      const lead = home.find((w) => w.toLowerCase().startsWith(letters[0]));
      const spelled = letters.map((l, i) => (i === 0 && lead !== undefined ? lead : LETTER_WORDS[l][i === letters.length - 1 ? 1 : 0])).join(" ");
      neg(spelled, "decoy_acronym", `initials ${a}, as ${firm.name}`);
    }
    // Only the forms the KB itself calls ambiguous ("HAL", "Rafael"): "Uralvagonzavod" in Brazil is still Uralvagonzavod.
    const short = [...ambiguous].filter((x) => LATIN_ONLY.test(x));
    for (const s of short.slice(0, 2)) neg(s, "decoy_country", `${firm.name} is ${firm.country}`, pick(FAR_COUNTRIES.filter((c) => c !== firm.country)));
    if (base.split(/\s+/).length >= 2) {
      const distinctive = base.split(/\s+/).filter((w) => !weak(norm(w)));
      if (distinctive.length > 0) {
        // The word fewest exhibitor names use is the firm's own; the rest stays as it was.
        const rarity = (w) => wordsOf(w).reduce((n, x) => Math.max(n, frequency.get(x) ?? 0), 0);
        const target = distinctive.reduce((a, b) => (rarity(b) < rarity(a) || (rarity(b) === rarity(a) && b.length > a.length) ? b : a));
        const swapped = firm.name.replace(target, pick(STAND_INS));
        neg(swapped, "decoy_generic", `${firm.name} with "${target}" replaced`);
      }
    }
  }

  // KB firms the store holds no supply claim about, clear of the suppliers' names and families.
  const implicatedKb = new Set(implicated.map((f) => f.id));
  const related = (f) => implicated.some((g) => g.parent === f.id || f.parent === g.id || (f.parent !== undefined && f.parent === g.parent));
  for (const f of kbFirms) {
    if (implicatedKb.has(f.id) || storedAs.get(f.id).some((id) => anySupplier.has(id)) || related(f) || !clearOfSuppliers(f.name)) continue;
    add({ name: f.name, country: f.country, expected: false, kind: "other_kb_firm", firm: f.id });
  }
  // Stored parties that supply nothing: publishers, agencies, recipients, bystanders.
  for (const e of screened) {
    if (anySupplier.has(e.id) || !clearOfSuppliers(e.name)) continue;
    add({ name: e.name, country: e.country, expected: false, kind: "stored_not_supplier", entity: e.name });
  }
  // Plain exhibitors.
  let taken = 0;
  for (const x of shuffled(exhibitors, random)) {
    if (taken >= unrelated) break;
    if (!clearOfSuppliers(x.name) || x.variants.concat(x.aliases).some((v) => !clearOfSuppliers(v))) continue;
    add({ name: x.name, country: x.countries[0] ?? null, expected: false, kind: "unrelated" });
    taken += 1;
  }

  // One row per name and country. A negative spelled like a positive (or like a
  // supplier's name) in the same country is dropped: it would be a positive.
  const positives = new Set(rows.filter((r) => r.expected).map((r) => `${norm(r.name)}|${r.country ?? ""}`));
  const seen = new Map();
  for (const row of rows) {
    if (norm(row.name) === "") continue;
    if (!row.expected && positives.has(`${norm(row.name)}|${row.country ?? ""}`)) continue;
    if (!row.expected && row.kind !== "decoy_country" && supplierNames.has(norm(stripLegal(row.name)))) continue;
    const key = `${row.name}|${row.country ?? ""}`;
    if (!seen.has(key)) seen.set(key, row);
  }
  const list = [...seen.values()].map((row, i) => ({ line: i + 1, ...row }));
  return { list, implicated, implicatedIds, credibleSuppliers: credible, anySupplier };
}
