/**
 * Matches vendor names against stored entities and says why. Every candidate gets a
 * score in (0, 1) from log-odds that each feature adds to or takes from: how much of
 * the two names' distinctive words agree (typos and reordering forgiven, scripts
 * compared through transliteration), whether one name is the other's brand or
 * acronym, and whether legal form, country and website agree. Weighting words by
 * rarity is what keeps look-alikes apart: "Xiamen Airlines" shares only a city with
 * an engine maker from Xiamen, and a telecom called "STC" shares only three letters
 * with a drone maker of that acronym, so neither reaches the review threshold, and a
 * different country pulls a candidate further down.
 *
 * Candidates come from inverted indexes (words, words one edit away, names run
 * together, initials), so a list is screened against a large store without comparing
 * every pair.
 */
import type { MatchFeature, MatchedEntity, Vendor, VendorMatch } from "../../domain/screening.ts";
import { foldedInitials, nameProfile, type NameProfile } from "./name-profile.ts";
import { wordWeights, type WordWeights } from "./word-weights.ts";

/** An entity as screening sees it: every name it is known by, and what else identifies it. */
export interface ScreenableEntity {
  id: number;
  name: string;
  aliases: readonly string[];
  country: string | null;
  websites: readonly string[];
}

/** At or above: the vendor is taken to be the entity. */
export const STRONG_MATCH = 0.85;
/** At or above: a person should look. */
export const POSSIBLE_MATCH = 0.6;
/** Below this a candidate is not reported at all. */
const REPORTED_MATCH = 0.1;

/** Log-odds of a match before any feature speaks. */
const PRIOR = -5.5;
/** Log-odds that identical names add. */
const NAME_WEIGHT = 9.5;
const SAME_KEY = 0.8;
const COUNTRY_AGREES = 1.0;
const COUNTRY_DIFFERS = -3.5;
const LEGAL_FORM_WEIGHT = 0.4;
const WEBSITE_AGREES = 3.0;
const ACRONYM_CONFLICT = -1.5;
/** The name similarity a brand or acronym fit counts as. */
const BRAND_LEVEL = 0.85;
const ACRONYM_LEVEL = 0.8;
/** What a vendor's initials spelling the entity's acronym counts as: a hint, never a match by itself. */
const INITIALS_LEVEL = 0.45;
/** A name of one word of three letters or fewer says little alone: its similarity counts at most this. */
const SHORT_NAME_CAP = 0.75;
/** A name made of common words only ("Instrument Design Bureau") fits many firms: its similarity counts at most this. */
const COMMON_NAME_CAP = 0.85;
/** A short name inside a vendor name that adds a word of its own trade. */
const SHORT_WITH_TRADE_CAP = 0.5;
/** Names a word may index before it is too common to fetch candidates by on its own. */
const COMMON_POSTINGS = 2000;
/** Names compared in full per vendor: the ones sharing the most weight of its words. */
const MAX_CANDIDATE_NAMES = 60;

interface IndexedName {
  entity: number;
  profile: NameProfile;
}

export class VendorMatcher {
  private readonly entities: ScreenableEntity[];
  private readonly names: IndexedName[] = [];
  private readonly byWord = new Map<string, number[]>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byInitials = new Map<string, number[]>();
  private readonly weights: WordWeights;

  /** Per entity, the indexes of its names in `names`. */
  private readonly namesOf: number[][] = [];

  constructor(entities: readonly ScreenableEntity[]) {
    this.entities = [...entities];
    const wordsOf: Array<Set<string>> = [];
    this.entities.forEach((entity, i) => {
      const seen = new Set<string>();
      const own: number[] = [];
      const words = new Set<string>();
      for (const name of [entity.name, ...entity.aliases]) {
        const profile = nameProfile(name);
        if (profile.words.length === 0 || seen.has(profile.compact + "|" + profile.name)) continue;
        seen.add(profile.compact + "|" + profile.name);
        own.push(this.names.push({ entity: i, profile }) - 1);
        for (const w of profile.words) words.add(w);
      }
      this.namesOf.push(own);
      wordsOf.push(words);
    });
    this.weights = wordWeights(wordsOf);
    this.names.forEach(({ profile }, at) => {
      for (const word of new Set(profile.words)) {
        const postings = this.byWord.get(word);
        if (postings === undefined) {
          this.byWord.set(word, [at]);
          for (const d of deletions(word)) push(this.byDeletion, d, word);
        } else postings.push(at);
      }
      push(this.byCompact, profile.compact, at);
      for (const initials of profile.initials) push(this.byInitials, initials, at);
    });
  }

  /** The best candidates for a vendor, best first, at most `limit`. */
  match(vendor: Vendor, limit = 5): VendorMatch[] {
    const profile = nameProfile(vendor.name);
    if (profile.words.length === 0) return [];
    const best = new Map<number, { logit: number; name: IndexedName; features: MatchFeature[] }>();
    for (const at of this.candidates(profile)) {
      const name = this.names[at]!;
      const features = this.compare(profile, name.profile, vendor, this.entities[name.entity]!);
      const hit = { logit: PRIOR + features.reduce((s, f) => s + f.weight, 0), name, features };
      // Checked per name, so a name rejected as a mere acronym leaves the entity's other names in the running.
      this.checkAcronymConflict(profile, name.entity, hit);
      const known = best.get(name.entity);
      if (known === undefined || hit.logit > known.logit) best.set(name.entity, hit);
    }
    const out: VendorMatch[] = [];
    for (const [i, hit] of best) {
      const score = toScore(hit.logit);
      if (score < REPORTED_MATCH) continue;
      const e = this.entities[i]!;
      const entity: MatchedEntity = { id: e.id, name: e.name, aliases: [...e.aliases], country: e.country };
      out.push({ entity, score, strength: score >= STRONG_MATCH ? "strong" : score >= POSSIBLE_MATCH ? "possible" : "weak", matchedName: hit.name.profile.name, features: hit.features });
    }
    return out.sort((a, b) => b.score - a.score || a.entity.id - b.entity.id).slice(0, limit);
  }

  /** Names sharing a word (or a word one edit away), the run-together form, or initials with the vendor. */
  private candidates(v: NameProfile): number[] {
    const hits = new Map<number, number>();
    const add = (postings: readonly number[] | undefined, weight: number) => {
      if (postings === undefined) return;
      for (const at of postings) hits.set(at, (hits.get(at) ?? 0) + weight);
    };
    const rare = v.words.filter((w) => (this.byWord.get(w)?.length ?? 0) <= COMMON_POSTINGS);
    for (const word of new Set(v.words)) {
      const postings = this.byWord.get(word);
      // A common word fetches candidates only when the name has nothing rarer.
      if (postings !== undefined && (postings.length <= COMMON_POSTINGS || rare.length === 0)) add(postings, this.weights.weight(word));
      if (word.length >= 4) {
        const near = new Set<string>();
        for (const d of [word, ...deletions(word)]) for (const w of this.byDeletion.get(d) ?? []) if (w !== word) near.add(w);
        for (const w of near) if (editDistanceAtMostOne(word, w)) add(this.byWord.get(w), 0.8 * this.weights.weight(w));
      }
    }
    add(this.byCompact.get(v.compact), 10);
    for (const initials of foldedInitials(v)) add(this.byWord.get(initials), 5);
    if (v.acronym !== null) add(this.byInitials.get(v.acronym), 5);
    if (hits.size <= MAX_CANDIDATE_NAMES) return [...hits.keys()];
    return [...hits].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATE_NAMES).map(([at]) => at);
  }

  private compare(v: NameProfile, e: NameProfile, vendor: Vendor, entity: ScreenableEntity): MatchFeature[] {
    const features: MatchFeature[] = [];
    const align = alignWords(v.words, e.words, this.weights);
    let similarity = v.compact === e.compact ? 1 : align.jaccard;
    // A name of one short word, or of common words only ("Instrument Design Bureau"), says little alone.
    const common = (p: NameProfile) => p.words.every((w) => this.weights.isWeak(w));
    // Length as written: "RTX" is three letters even though folding spells it "rtks".
    const short = (p: NameProfile) => p.words.length === 1 && ((p.acronym ?? p.compact).length <= 3 || common(p));
    const capped = short(v) || short(e);
    if (capped) {
      // Three letters and a trade word ("OAK Textiles") name another business than the three letters alone.
      const trade = short(e) && align.unmatchedVendor.some((w) => !this.weights.isWeak(w));
      similarity = Math.min(similarity, trade ? SHORT_WITH_TRADE_CAP : SHORT_NAME_CAP);
    } else if (common(v) || common(e)) similarity = Math.min(similarity, COMMON_NAME_CAP);
    const sameKey = v.compact === e.compact || v.keys.some((k) => e.keys.includes(k));
    const nameWeight = NAME_WEIGHT * similarity + (sameKey && !capped ? SAME_KEY : 0);
    const crossScript = v.script !== e.script;
    const compared = `"${v.words.join(" ")}" vs "${e.words.join(" ")}"${sameKey ? " (same key)" : ""}${capped ? " (short name, counts at most " + SHORT_NAME_CAP + ")" : ""}`;
    features.push(crossScript
      ? { feature: "name", value: 0, weight: 0, detail: `written in different scripts (${v.script}, ${e.script}); compared by transliteration` }
      : { feature: "name", value: round(similarity), weight: round(nameWeight), detail: compared });
    features.push(crossScript
      ? { feature: "transliteration", value: round(similarity), weight: round(nameWeight), detail: `${v.name} → ${compared}` }
      : { feature: "transliteration", value: 0, weight: 0, detail: "same script" });

    // Brand ↔ company: one name is the other's distinctive part, the rest places or business words.
    const brand = brandFit(v, e, align, this.weights);
    const brandLevel = capped ? Math.min(BRAND_LEVEL, SHORT_NAME_CAP) : BRAND_LEVEL;
    if (brand !== null && similarity < brandLevel) {
      features.push({ feature: "brand", value: round(brand.coverage), weight: round(NAME_WEIGHT * (brandLevel - similarity)), detail: brand.detail });
    } else features.push({ feature: "brand", value: brand === null ? 0 : round(brand.coverage), weight: 0, detail: brand === null ? "neither name is the other's brand" : brand.detail });

    const acronym = acronymFit(v, e);
    // Initials collide by chance: a vendor's words whose initials spell an acronym the
    // entity goes by only hint at it; a vendor written as the acronym of the entity's
    // full name says more.
    const level = acronym === null ? 0 : acronym.vendorIsAcronym ? (acronym.letters <= 3 ? ACRONYM_LEVEL - 0.1 : ACRONYM_LEVEL) * acronym.value : INITIALS_LEVEL;
    if (acronym !== null && similarity < level) {
      features.push({ feature: "acronym", value: acronym.value, weight: round(NAME_WEIGHT * (level - similarity)), detail: acronym.detail });
    } else features.push({ feature: "acronym", value: acronym?.value ?? 0, weight: 0, detail: acronym?.detail ?? "no acronym of the other name" });

    if (v.legalForm !== null && e.legalForm !== null) {
      const agree = v.legalForm === e.legalForm;
      features.push({ feature: "legal_form", value: agree ? 1 : 0, weight: agree ? LEGAL_FORM_WEIGHT : -LEGAL_FORM_WEIGHT, detail: `${v.legalForm} vs ${e.legalForm}` });
    } else features.push({ feature: "legal_form", value: 0.5, weight: 0, detail: "not given on both sides" });

    if (vendor.country !== null && entity.country !== null) {
      const agree = vendor.country.toUpperCase() === entity.country.toUpperCase();
      features.push({ feature: "country", value: agree ? 1 : 0, weight: agree ? COUNTRY_AGREES : COUNTRY_DIFFERS, detail: `${vendor.country} vs ${entity.country}` });
    } else features.push({ feature: "country", value: 0.5, weight: 0, detail: vendor.country === null ? "vendor country not given" : "entity country unknown" });

    const site = vendor.website === null ? null : hostOf(vendor.website);
    const known = entity.websites.map(hostOf).filter((h): h is string => h !== null);
    if (site !== null && known.includes(site)) {
      features.push({ feature: "website", value: 1, weight: WEBSITE_AGREES, detail: `both at ${site}` });
    } else features.push({ feature: "website", value: 0, weight: 0, detail: site === null ? "vendor website not given" : known.length === 0 ? "entity website unknown" : `${site} vs ${known.join(", ")}` });
    return features;
  }

  /**
   * An acronym fits two firms at once only by chance. When the vendor's words give the
   * entity's acronym but the entity is known by a different expansion of it ("Saudi
   * Telecom Company" and "Special Technology Center", both STC), or the vendor merely
   * contains an acronym the entity is known by, next to words that are not its
   * expansion ("HAL Communications" and HAL, Hindustan Aeronautics), the shared letters
   * count against the match instead of for it.
   */
  private checkAcronymConflict(v: NameProfile, entityIndex: number, hit: { logit: number; name: IndexedName; features: MatchFeature[] }): void {
    const acronym = hit.features.find((f) => f.feature === "acronym")!;
    const brand = hit.features.find((f) => f.feature === "brand")!;
    const expansions = this.namesOf[entityIndex]!.map((at) => this.names[at]!.profile).filter((p) => p.words.length >= 2);
    const conflict = (letters: string, expansion: NameProfile) => {
      hit.logit += ACRONYM_CONFLICT - acronym.weight - brand.weight;
      acronym.value = 0;
      acronym.weight = ACRONYM_CONFLICT;
      acronym.detail = `${letters.toUpperCase()} stands for "${expansion.name}" here, not "${v.name}"`;
      if (brand.weight !== 0) { brand.weight = 0; brand.detail += " (but only by acronym)"; }
    };
    const unrelated = (p: NameProfile) => alignWords(v.words, p.words, this.weights).jaccard < 0.5;
    if (acronym.weight > 0 && v.acronym === null) {
      for (const p of expansions) {
        const letters = p.initials.find((i) => v.initials.includes(i));
        if (letters !== undefined && unrelated(p)) return conflict(letters, p);
      }
      return;
    }
    const letters = hit.name.profile.acronym;
    if (letters === null || v.words.length < 2 || !v.words.includes(hit.name.profile.compact)) return;
    const expansion = expansions.find((p) => p.initials.includes(letters));
    if (expansion !== undefined && unrelated(expansion)) conflict(letters, expansion);
  }
}

/** log-odds → (0, 1), kept off 0 and 1 so no match reads as certain. */
function toScore(logit: number): number {
  const p = 1 / (1 + Math.exp(-logit));
  return Math.min(0.9999, Math.max(0.0001, Math.round(p * 10_000) / 10_000));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The word with one letter left out, each way (for finding words one edit apart). */
function deletions(word: string): string[] {
  if (word.length < 4) return [];
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/** Levenshtein distance ≤ 1, or two neighbouring letters swapped. */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** How alike two words are: 1 the same, less for a typo or an abbreviation, 0 otherwise. */
/**
 * How alike two words are: 1 the same, less for a typo or an abbreviation, 0 otherwise.
 * One edit in a short word makes another word more often than a typo ("Altem",
 * "Altec"), so it counts less than in a long one; long words forgive two edits, since
 * spelling folding can turn one slip into two ("Tecnhology").
 */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 4 && editDistanceAtMostOne(a, b)) return shorter >= 8 ? 0.85 : shorter >= 6 ? 0.8 : 0.65;
  if (shorter >= 8 && Math.abs(a.length - b.length) <= 2 && osaDistance(a, b, 2) <= 2) return 0.7;
  if (shorter >= 4 && (a.startsWith(b) || b.startsWith(a))) return 0.6;
  return 0;
}

/** Optimal string alignment distance (edits and neighbour swaps), giving up past `max`. */
function osaDistance(a: string, b: string, max: number): number {
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let before = prev2;
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

interface Alignment {
  /** Weighted Jaccard similarity of the two word sets, typos counted partly. */
  jaccard: number;
  /** Weight of the vendor's words, the entity's, and the part they share. */
  vendorWeight: number;
  entityWeight: number;
  shared: number;
  unmatchedVendor: string[];
  unmatchedEntity: string[];
}

/** Pairs each word with its best counterpart (rarest words first) and weighs what they share. */
/**
 * Word weights are squared here: a rare word that only one side has should outweigh
 * several common words both share ("China Aerospace Dunmore and Technology" is not
 * the China Aerospace Science and Technology Corporation).
 */
function alignWords(vWords: readonly string[], eWords: readonly string[], weights: WordWeights): Alignment {
  const w2 = (word: string) => weights.weight(word) ** 2;
  const vs = [...new Set(vWords)].sort((a, b) => weights.weight(b) - weights.weight(a));
  const es = [...new Set(eWords)];
  const used = new Set<number>();
  let shared = 0;
  const unmatchedVendor: string[] = [];
  for (const w of vs) {
    let bestAt = -1;
    let bestSim = 0;
    es.forEach((x, i) => {
      if (used.has(i)) return;
      const s = wordSimilarity(w, x);
      if (s > bestSim) { bestSim = s; bestAt = i; }
    });
    if (bestAt < 0) { unmatchedVendor.push(w); continue; }
    used.add(bestAt);
    shared += bestSim * (w2(w) + w2(es[bestAt]!)) / 2;
  }
  const vendorWeight = vs.reduce((s, w) => s + w2(w), 0);
  const entityWeight = es.reduce((s, w) => s + w2(w), 0);
  const union = vendorWeight + entityWeight - shared;
  return {
    jaccard: union <= 0 ? 0 : shared / union,
    vendorWeight,
    entityWeight,
    shared,
    unmatchedVendor,
    unmatchedEntity: es.filter((_, i) => !used.has(i)),
  };
}

/**
 * One name is the other's brand when every distinctive word of the shorter is in the
 * longer and what the longer adds is only places, business words and abbreviations.
 */
function brandFit(v: NameProfile, e: NameProfile, a: Alignment, weights: WordWeights): { coverage: number; detail: string } | null {
  const vendorShorter = a.vendorWeight <= a.entityWeight;
  const shortWeight = vendorShorter ? a.vendorWeight : a.entityWeight;
  if (shortWeight <= 0) return null;
  const coverage = Math.min(1, a.shared / shortWeight);
  const extra = vendorShorter ? a.unmatchedEntity : a.unmatchedVendor;
  const leftOver = vendorShorter ? a.unmatchedVendor : a.unmatchedEntity;
  const brandWords = (vendorShorter ? v.words : e.words).filter((w) => weights.isDistinctive(w));
  if (coverage < 0.9 || leftOver.length > 0 || extra.length === 0 || brandWords.length === 0 || !extra.every((w) => weights.isWeak(w))) return null;
  const [brand, company] = vendorShorter ? [v, e] : [e, v];
  return { coverage, detail: `"${brand.name}" is the distinctive part of "${company.name}" (the rest: ${extra.join(", ")})` };
}

/**
 * One name is an acronym of the other: the initials of its words ("STC" for "Special
 * Technology Center"), or the first letters of each word run together ("NORINCO" for
 * "China North Industries Corporation", a place or filler word skipped).
 */
function acronymFit(v: NameProfile, e: NameProfile): { value: number; letters: number; vendorIsAcronym: boolean; detail: string } | null {
  const fit = (acronym: NameProfile, full: NameProfile) => {
    const vendorIsAcronym = acronym === v;
    if (acronym.acronym === null || full.words.length < 2 || acronym.acronym.length < 2) return null;
    const letters = acronym.acronym;
    if (full.initials.includes(letters)) return { value: 1, letters: letters.length, vendorIsAcronym, detail: `${letters.toUpperCase()} = initials of "${full.name}"` };
    if (letters.length >= 4 && syllabic(letters, full.words)) return { value: 0.9, letters: letters.length, vendorIsAcronym, detail: `${letters.toUpperCase()} = word beginnings of "${full.name}"` };
    return null;
  };
  return fit(v, e) ?? fit(e, v);
}

/** Whether `letters` is each word's beginning, in order, a word allowed to contribute nothing. */
function syllabic(letters: string, words: readonly string[]): boolean {
  const go = (li: number, wi: number, used: number): boolean => {
    if (li === letters.length) return used >= 2 && wi <= words.length;
    if (wi === words.length) return false;
    const w = words[wi]!;
    if (go(li, wi + 1, used)) return true;
    for (let n = 1; n <= Math.min(4, w.length) && li + n <= letters.length; n++) {
      if (letters.slice(li, li + n) !== w.slice(0, n)) break;
      if (go(li + n, wi + 1, used + 1)) return true;
    }
    return false;
  };
  return go(0, 0, 0);
}

/** The host of a URL or bare host name, without "www."; null when there is none. */
function hostOf(site: string): string | null {
  const s = site.trim().toLowerCase();
  if (s === "") return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(s) ? s : `http://${s}`).hostname;
    return host.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}
