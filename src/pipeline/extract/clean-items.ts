import { tagWords } from "../analyze/tag-words.ts";

const FURNITURE = /\b(?:telegram|subscribe|newsletter|click here|follow us|join us|sign up|read more|advertisement|cookie|share this)\b/iu;
const NOUNISH = new Set(["NOUN", "PROPN", "NUM", "X", "SYM"]);

/**
 * Keeps the items that name goods: noun phrases, not verbs or adverbs left over from a
 * clause ("identified", "although"), not the parties themselves ("Iranian firms"), not
 * page furniture ("JOIN US ON TELEGRAM").
 */
export function cleanItems(items: string[], partyNames: string[]): string[] {
  const parties = new Set(partyNames.map((n) => n.toLowerCase()));
  return items.filter((item) => {
    const s = item.trim();
    if (!s || FURNITURE.test(s)) return false;
    const words = s.split(/\s+/u);
    if (words.length >= 3 && !/\p{Ll}/u.test(s)) return false;
    if (parties.has(s.toLowerCase()) || parties.has(s.toLowerCase().replace(/^the\s+/u, ""))) return false;
    // A designation ("Shahed-136", "PTL02") is a noun whatever a tagger makes of it.
    if (/\d/u.test(s) && /\p{Lu}/u.test(s)) return true;
    return tagWords(s).some((w) => NOUNISH.has(w.pos));
  });
}
