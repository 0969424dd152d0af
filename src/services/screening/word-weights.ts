/**
 * How much a word says about which company a name means. Words that many company
 * names share ("systems", "technology", "group", "Shenzhen") say little; rare ones
 * ("Norinco", "DJI") say a lot. The counts come from every organisation name the
 * knowledge base ships (curated firms and about twelve thousand arms-fair exhibitors)
 * plus the names being screened against, so a look-alike that shares only a common
 * word or a place scores low everywhere, not only where the store happens to be large.
 *
 * Country names, demonyms and capitals are places, never a company's distinctive part.
 */
import { foldSpelling, latinWords } from "../../domain/name-keys.ts";
import { loadKnowledgeBase } from "../../pipeline/recognize/knowledge-base.ts";

export interface WordWeights {
  /** Inverse document frequency of the word over organisation names (0 for nothing). */
  weight(word: string): number;
  /**
   * Whether a word can sit beside a brand without changing which firm is meant: a
   * place, a common business word, or a one- or two-letter abbreviation
   * ("SZ DJI Technology" is DJI; "CEC Telecom" is not CEC).
   */
  isWeak(word: string): boolean;
  /**
   * Whether a word can be a brand: not a place, a general business word or an
   * abbreviation of one or two letters, and not in so many names that it must be a
   * word of the trade ("electronics"). The bar is higher than `isWeak`'s: a famous
   * brand is in many exhibitors' names ("Thales ...") and is still a brand.
   */
  isDistinctive(word: string): boolean;
}

/**
 * Words that say what kind of business a firm is in general terms, never which firm:
 * weak beside a brand however rare the counts make them. Words naming a trade
 * ("telecom", "airlines", "bank") are not here: "CEC Telecom" is another business than CEC.
 */
const GENERIC = new Set(([
  "group", "holding", "holdings", "international", "intl", "global", "worldwide",
  "technology", "technologies", "tech", "science", "sciences", "innovation", "innovations",
  "industry", "industries", "industrial", "enterprise", "enterprises", "development",
  "solutions", "systems", "trading", "trade", "company", "corporation", "and",
  "manufacturing", "products", "services", "research", "institute", "scientific",
]).map(foldSpelling));

/** One or two letters ("SZ", "P"): an abbreviation beside a name; "3D" is not one. */
function shortAbbreviation(word: string): boolean {
  return word.length <= 2 && /^[a-z]+$/.test(word);
}

/** Share of organisation names beyond which a word is a word of the trade, not a brand. */
const TRADE_SHARE = 0.005;

/** Share of organisation names a word must appear in to count as a common business word. */
const COMMON_SHARE = 0.0015;

interface Background {
  names: number;
  counts: Map<string, number>;
  places: Set<string>;
}

let background: Background | undefined;

/** Word counts over the knowledge base's organisation names, computed once. */
function loadBackground(): Background {
  if (background !== undefined) return background;
  const kb = loadKnowledgeBase();
  const counts = new Map<string, number>();
  let names = 0;
  for (const org of [...kb.organizations, ...kb.exhibitors]) {
    names += 1;
    countWords(counts, [org.name, ...org.aliases]);
  }
  const places = new Set<string>();
  for (const c of kb.countries) {
    for (const n of [c.name, c.officialName, ...c.names, ...c.demonyms, c.capital]) {
      if (typeof n !== "string") continue;
      for (const w of latinWords(n)) places.add(w);
    }
  }
  background = { names, counts, places };
  return background;
}

/** Adds each distinct word of one entity's names once. */
function countWords(counts: Map<string, number>, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) for (const w of latinWords(n)) seen.add(w);
  for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
}

/**
 * Weights over the knowledge base and the given entities' words (`latinWords` of all
 * their names; each entity counted once, however many names it has).
 */
export function wordWeights(entityWords: Iterable<ReadonlySet<string>>): WordWeights {
  const bg = loadBackground();
  const counts = new Map(bg.counts);
  let total = bg.names;
  for (const words of entityWords) {
    total += 1;
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const memo = new Map<string, number>();
  return {
    weight(word) {
      let w = memo.get(word);
      if (w === undefined) {
        w = Math.log(1 + total / (1 + (counts.get(word) ?? 0)));
        memo.set(word, w);
      }
      return w;
    },
    isWeak(word) {
      if (shortAbbreviation(word) || bg.places.has(word) || GENERIC.has(word)) return true;
      return (counts.get(word) ?? 0) >= COMMON_SHARE * total;
    },
    isDistinctive(word) {
      return !shortAbbreviation(word) && !bg.places.has(word) && !GENERIC.has(word) && (counts.get(word) ?? 0) < TRADE_SHARE * total;
    },
  };
}
