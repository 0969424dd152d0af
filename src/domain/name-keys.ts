/**
 * Comparison keys of an entity name, so that one party met under different spellings,
 * scripts and legal forms resolves to one stored entity: "Norinco", "NORINCO",
 * "China North Industries Group Corp Ltd" (after its legal forms), "Норинко" and
 * "中国北方工业公司" (through their transliterations). Two names are taken for the same
 * party when they share a key; keys are exact strings, never prefixes or fuzzy
 * matches, so "China North Industries Group" and "China North Rare Earth Group", or
 * "Aselsan" and "Aselsan Konya", stay apart.
 *
 * The store keeps these keys (see `sqlite-migrations.ts`), so changing the rules here,
 * or the compiled legal-form list, needs a migration that recomputes them.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import anyAscii from "any-ascii";
import { NORMALIZE_NAME_LEGAL_FORMS, nameWords, normalizeName } from "./normalize-name.ts";

/**
 * How a key was made. `acronym` marks a name written as one all-capital word
 * ("NORINCO", "U.S."); short keys of acronyms only meet other acronyms, so the state
 * "US" is not the pronoun "us" and "HAL" is not a man called Hal.
 */
export type NameKeyKind = "normalized" | "transliterated" | "acronym";

export interface NameKey {
  key: string;
  kind: NameKeyKind;
}

/**
 * The comparison keys of `name`, most literal first, without repeats:
 * - normalized: NFKC, accents dropped, lower case, punctuation as spaces, a leading
 *   "the" and possessive 's dropped, legal forms ("Corp Ltd", "ООО", "有限公司") dropped
 *   from either end unless nothing else would remain; also `normalizeName(name)` when
 *   that differs, so every name that met before still meets;
 * - transliterated: the normalized words in Latin letters (Cyrillic and other scripts
 *   by any-ascii, Chinese by pinyin without tones, one word per Chinese word), folded
 *   so that common spelling variants meet ("Norinco"/"Norinko", "Wagner"/"Vagner");
 * - acronym: the letters of a name written as one capitalised word.
 * An empty or punctuation-only name has no keys.
 */
export function nameKeyDetails(name: string): NameKey[] {
  const keys: NameKey[] = [];
  const add = (key: string, kind: NameKeyKind) => {
    if (key === "") return;
    const known = keys.find((k) => k.key === key);
    // An acronym's key stays marked as one even when another rule made the same string.
    if (known === undefined) keys.push({ key, kind });
    else if (kind === "acronym") known.kind = "acronym";
  };
  const text = name.normalize("NFKC");
  const words = stripLegalForms(nameWords(text));
  add(words.join(" "), "normalized");
  add(normalizeName(text), "normalized");
  add(transliterate(words), "transliterated");
  const acronym = acronymOf(text);
  if (acronym !== undefined) {
    add(acronym, "acronym");
    add(transliterate([acronym]), "acronym");
  }
  return keys;
}

/**
 * Bump when the rules in this file change in a way that changes keys; stored keys made
 * under other rules are recomputed (see `nameKeysRules`).
 */
const RULES_VERSION = 1;

/**
 * Identifies the rules keys are made with: this file's version and a digest of the
 * compiled legal-form list, so rebuilding that list also makes stores recompute keys.
 */
export function nameKeysRules(): string {
  const digest = createHash("sha256").update(legalFormsText()).digest("hex").slice(0, 16);
  return `${RULES_VERSION}:${digest}`;
}

/**
 * The words of a name in Latin letters, legal forms dropped and spellings folded, as
 * the transliterated key spells them ("Норинко" → ["norinko"]): for comparing names
 * word by word across scripts, where keys compare them whole.
 */
export function latinWords(name: string): string[] {
  return latinWordsOf(stripLegalForms(nameWords(name.normalize("NFKC"))));
}

/** `latinWords` for words already split by `nameWords` and stripped of legal forms. */
export function latinWordsOf(words: readonly string[]): string[] {
  const key = transliterate(words);
  return key === "" ? [] : key.split(" ");
}

/** The comparison keys of `name` as strings (see `nameKeyDetails`). */
export function nameKeys(name: string): string[] {
  return nameKeyDetails(name).map((k) => k.key);
}

/**
 * Whether a key is too short to identify anything on its own (one word of at most
 * three letters or digits): such keys match only between names of the same kind,
 * acronym with acronym.
 */
export function isShortKey(key: string): boolean {
  return /^[\p{L}\p{N}]{1,3}$/u.test(key);
}

// ---------------------------------------------------------------------------------------
// Legal forms

/** Scripts written without spaces, whose legal forms are glued to the name: "中国北方工业公司". */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

interface LegalForms {
  /** Word sequences, joined by one space. */
  phrases: ReadonlySet<string>;
  /** Longest phrase, in words. */
  longest: number;
  /** Forms in scripts without spaces, longest first. */
  glued: readonly string[];
}

let legalForms: LegalForms | undefined;
let legalFormsJson: string | undefined;

function legalFormsText(): string {
  legalFormsJson ??= readFileSync(new URL("../../data/kb/legal-forms.json", import.meta.url), "utf8");
  return legalFormsJson;
}

/** Reads data/kb/legal-forms.json once and indexes it by the words `nameWords` gives. */
function loadLegalForms(): LegalForms {
  if (legalForms !== undefined) return legalForms;
  const raw: unknown = JSON.parse(legalFormsText());
  if (!Array.isArray(raw) || !raw.every((f): f is string => typeof f === "string")) {
    throw new Error("data/kb/legal-forms.json is not a list of strings; rebuild it with npm run build:data");
  }
  const phrases = new Set<string>(NORMALIZE_NAME_LEGAL_FORMS);
  const glued = new Set<string>();
  let longest = 1;
  for (const form of raw) {
    const words = nameWords(form);
    if (words.length === 0) continue;
    phrases.add(words.join(" "));
    longest = Math.max(longest, words.length);
    if (words.length === 1 && UNSPACED.test(words[0]!)) glued.add(words[0]!);
  }
  legalForms = { phrases, longest, glued: [...glued].sort((a, b) => b.length - a.length) };
  return legalForms;
}

/**
 * Drops legal forms from both ends of a name, repeatedly ("Public Joint Stock Company
 * Rostec", "China North Industries Group Corp Ltd", "中国兵器工业集团有限公司"), unless
 * nothing else would remain: "AG" and "Co Ltd" keep their words. Forms inside a name
 * are left alone, where they are more often part of it than a designation.
 */
export function stripLegalForms(words: readonly string[]): string[] {
  const forms = loadLegalForms();
  if (forms.phrases.has(words.join(" "))) return [...words];
  const out = [...words];
  let changed = true;
  while (changed && out.length > 0) {
    changed = false;
    for (let n = Math.min(forms.longest, out.length - 1); n >= 1; n--) {
      if (forms.phrases.has(out.slice(-n).join(" "))) {
        out.splice(out.length - n, n);
        changed = true;
        break;
      }
    }
    for (let n = Math.min(forms.longest, out.length - 1); n >= 1 && !changed; n--) {
      if (forms.phrases.has(out.slice(0, n).join(" "))) {
        out.splice(0, n);
        changed = true;
      }
    }
    const last = out.length - 1;
    const glued = forms.glued.find((f) => out[last]!.length > f.length && out[last]!.endsWith(f));
    if (glued !== undefined) {
      out[last] = out[last]!.slice(0, -glued.length);
      changed = true;
    }
    const prefix = forms.glued.find((f) => out[0]!.length > f.length && out[0]!.startsWith(f));
    if (prefix !== undefined) {
      out[0] = out[0]!.slice(prefix.length);
      changed = true;
    }
  }
  // "Co Ltd" is all legal form: keep it whole rather than call it "co".
  return out.length === 1 && forms.phrases.has(out[0]!) ? [...words] : out;
}

// ---------------------------------------------------------------------------------------
// Transliteration

const HAN = /\p{Script=Han}/u;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

type PinyinPro = typeof import("pinyin-pro");
let pinyinPro: PinyinPro | undefined;
let chineseWords: Intl.Segmenter | undefined;

/**
 * pinyin-pro carries a large dictionary; it is loaded on the first Chinese name, so
 * commands that never meet one do not pay for it.
 */
function pinyinOf(word: string): string {
  pinyinPro ??= createRequire(import.meta.url)("pinyin-pro") as PinyinPro;
  // "lü" loses its umlaut like any other accent.
  return pinyinPro.pinyin(word, { toneType: "none", type: "array" }).join("").normalize("NFKD").replace(/\p{M}/gu, "");
}

/**
 * Latin letters for the words of a name: Chinese split into words (ICU's dictionary)
 * and each word's pinyin syllables joined, "中国北方工业" → "zhongguo beifang gongye",
 * the way such names are romanized; other scripts by any-ascii. Apostrophes from
 * soft signs are dropped ("Il'yushin" → "ilyushin"), legal forms in Latin letters are
 * dropped again ("ooo"), and the result is folded by `foldSpelling`.
 */
function transliterate(words: readonly string[]): string {
  const latin: string[] = [];
  for (const word of words) {
    if (HAN.test(word)) {
      chineseWords ??= new Intl.Segmenter("zh", { granularity: "word" });
      for (const { segment } of chineseWords.segment(word)) {
        latin.push(HAN.test(segment) ? pinyinOf(segment) : anyAscii(segment));
      }
    } else {
      latin.push(anyAscii(word));
    }
  }
  const ascii = latin
    .join(" ")
    .toLowerCase()
    .replace(/['’ʼ]/g, "")
    .replace(NOT_ASCII_WORD, " ")
    .trim();
  if (ascii === "") return "";
  return stripLegalForms(ascii.split(" ")).map(foldSpelling).join(" ");
}

/**
 * Folds spellings that transliteration and English usage vary between, so they meet:
 * c before a, o, u, a consonant or at the end is k ("Norinco"/"Норинко" → "norinko"),
 * ck is k, x is ks ("Rosoboronexport"/"Рособоронэкспорт"), w is v ("Wagner"/"Вагнер"),
 * y or j after a vowel is i ("Sukhoy"/"Sukhoi", "Antey"/"Antej"), ph is f, and
 * doubled letters are single. Applied to every name alike, so it only ever makes
 * spellings of one word meet.
 */
export function foldSpelling(word: string): string {
  return word
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/c(?![eihy])/g, "k")
    .replace(/x/g, "ks")
    .replace(/w/g, "v")
    .replace(/(?<=[aeiou])[yj]/g, "i")
    .replace(/([a-z])\1+/g, "$1");
}

// ---------------------------------------------------------------------------------------
// Acronyms

const ACRONYM = /^(?:[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*|(?:\p{Lu}\.){2,}\p{Lu}?\.?|\p{Lu}(?:\.\p{Lu})+\.?)$/u;

/**
 * The lower-case letters of a name written as one capitalised word of at least two
 * letters, after legal forms ("NORINCO", "U.S.", "ROSOBORONEXPORT JSC", "ФСБ");
 * undefined for anything else ("Norinco", "Kalashnikov Concern").
 */
export function acronymOf(name: string): string | undefined {
  const raw = name.normalize("NFKC").trim().split(/\s+/).filter((w) => w !== "");
  const words = nameWords(name.normalize("NFKC"));
  const kept = stripLegalForms(words);
  if (kept.length !== 1) return undefined;
  // Find the written word the kept word came from, to see its capitals.
  const written = raw.find((w) => nameWords(w).join("") === kept[0]);
  if (written === undefined) return undefined;
  const bare = written.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "");
  if (!ACRONYM.test(bare)) return undefined;
  const letters = bare.replace(/\./g, "");
  if ((letters.match(/\p{L}/gu) ?? []).length < 2) return undefined;
  return kept[0];
}
