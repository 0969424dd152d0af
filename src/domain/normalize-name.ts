/**
 * Legal-form words that say what kind of company something is, not which one;
 * "Rosoboronexport JSC" and "AO Rosoboronexport" name the same company. "group" is
 * deliberately absent: "Wagner Group" and "Wagner" need not be the same thing.
 */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  "co", "corp", "corporation", "company", "inc", "incorporated", "ltd", "limited",
  "llc", "plc", "jsc", "ojsc", "pjsc", "cjsc", "ao", "pao", "ooo", "gmbh", "ag",
  "sa", "sarl", "bv", "nv", "srl", "spa",
]);

const COMBINING_MARKS = /\p{M}/gu;
/** Possessive 's / ’s at the end of a word: "Russia's" → "Russia". */
const POSSESSIVE = /(?<=[\p{L}\p{N}])['’ʼ]s(?![\p{L}\p{N}])/gu;
/** Dotted initialisms ("S.A.", "U.S.", "l.l.c") become one word, not single letters. */
const DOTTED_INITIALISM = /(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The comparison key for an entity name, so spellings of one name meet: accents,
 * case, punctuation, possessives, a leading "the" and legal forms do not count.
 * "The Boeing Company" → "boeing", "ROSOBORONEXPORT, JSC" → "rosoboronexport",
 * "Türkiye's" → "turkiye". Words are dropped only if something else is left, so
 * "The" and "AG" still have a key. The store keeps these keys, so changing the
 * rules here needs a migration that recomputes them.
 */
export function normalizeName(s: string): string {
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  const words = nameWords(s);
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  const key = words.length === 0 ? "" : (kept.length > 0 ? kept : words).join(" ");
  // Names recur across reports; a bounded memo saves recomputing them.
  if (memo.size > 50_000) memo.clear();
  memo.set(s, key);
  return key;
}

const memo = new Map<string, string>();

/**
 * The words of a name as every comparison sees them: accents dropped, lower case,
 * possessives and dots of initialisms removed, anything else that is not a letter or
 * digit a word break, and a leading "the" dropped when more follows. Shared with
 * `nameKeys` so both compare the same words.
 */
export function nameWords(s: string): string[] {
  const text = s
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(POSSESSIVE, "")
    .replace(DOTTED_INITIALISM, (m) => m.replaceAll(".", ""))
    .replace(NOT_WORD, " ")
    .trim();
  if (text === "") return [];
  const words = text.split(" ");
  return words.length > 1 && words[0] === "the" ? words.slice(1) : words;
}

/** The legal-form words `normalizeName` drops anywhere in a name. */
export const NORMALIZE_NAME_LEGAL_FORMS: ReadonlySet<string> = LEGAL_FORMS;
