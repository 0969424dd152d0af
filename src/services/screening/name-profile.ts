/**
 * A name taken apart the way screening compares names: its words in Latin letters
 * (so Cyrillic and Chinese names compare with Latin ones), its legal form, whether it
 * is written as an acronym, the initials of its words, and which script it was
 * written in. Computed once per name and reused for every comparison.
 */
import anyAscii from "any-ascii";
import { acronymOf, foldSpelling, latinWordsOf, stripLegalForms } from "../../domain/name-keys.ts";
import { nameWords, normalizeName } from "../../domain/normalize-name.ts";

export type NameScript = "latin" | "cyrillic" | "han" | "other";

export interface NameProfile {
  name: string;
  /** Latin words, legal forms dropped, spellings folded. */
  words: string[];
  /** The words run together ("rosoboron export" and "rosoboronexport" meet here). */
  compact: string;
  /**
   * Exact comparison keys: the words without legal forms, and `normalizeName`. With
   * `compact` (the transliterated key run together) they decide "same key" as
   * `nameKeys` would, without transliterating twice.
   */
  keys: string[];
  /** Family of the legal form the name carries ("ltd", "jsc", …), or null. */
  legalForm: string | null;
  /** Latin letters of the name when it is written as an acronym ("NORINCO" → "norinco"), not folded. */
  acronym: string | null;
  /**
   * Initials of a name of two or more words, filler words skipped, with and without its
   * legal form ("Saudi Telecom Company" → "stc", "st").
   */
  initials: string[];
  script: NameScript;
}

/** Legal forms grouped by what they mean, so "ООО" and "LLC", "Co., Ltd." and "Limited" agree. */
const LEGAL_FAMILIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["llc", ["llc", "ooo", "tov", "sp z o o", "spolka z ograniczona odpowiedzialnoscia"]],
  ["ltd", ["ltd", "limited", "co ltd", "company limited", "pvt ltd", "pte ltd", "pty ltd", "youxian gongsi", "yuxian gongsi"]],
  ["jsc", ["jsc", "ao", "oao", "zao", "pao", "ojsc", "cjsc", "pjsc", "aktsionernoe obshchestvo", "ad", "as", "a s"]],
  ["corp", ["inc", "incorporated", "corp", "corporation"]],
  ["gmbh", ["gmbh", "mbh"]],
  ["ag", ["ag"]],
  ["sa", ["sa", "s a", "sas", "sarl", "spa", "s p a", "srl"]],
  ["plc", ["plc"]],
  ["bv", ["bv", "nv"]],
];
const LEGAL_FAMILY_OF = new Map<string, string>(LEGAL_FAMILIES.flatMap(([family, forms]) => forms.map((f) => [f, family] as const)));

/** Words initials skip: they are seldom given a letter ("Bank of China" → "BC" or "BOC"; both are tried). */
const FILLER = new Set(["of", "and", "the", "for", "de", "du", "des", "la", "le", "und", "fur", "i"]);

export function nameProfile(name: string): NameProfile {
  const text = name.normalize("NFKC");
  const all = nameWords(text);
  const kept = stripLegalForms(all);
  const words = dropTrailingForms(latinWordsOf(kept));
  const ascii = asciiOf(kept);
  return {
    name,
    words,
    compact: words.join(""),
    keys: [...new Set([kept.join(" "), normalizeName(text)])].filter((k) => k !== ""),
    legalForm: legalFormOf(all, kept),
    acronym: kept.length === 1 && acronymOf(text) !== undefined ? (ascii.join("") || null) : null,
    initials: initialsOf(asciiOf(all), ascii),
    script: scriptOf(text),
  };
}

/**
 * Legal-form words the shared list lacks or a typo hides ("(Pvt) Ltd", "ASA",
 * "Corportion"): dropped from the end of a name for screening only, so they neither
 * count as a distinctive word nor change the stored name keys.
 */
const TRAILING_FORMS = new Set(["private", "pvt", "p", "asa", "as", "ab", "oy", "pte", "pty", "bhd", "sdn", "ltda", "sas", "srl", "kg", "spa", "sa", "ltd", "limited", "inc", "llc", "co", "corp"]);
const LONG_FORMS = ["korporation", "corporation", "limited", "incorporated", "kompany", "company"];

function dropTrailingForms(words: string[]): string[] {
  const out = [...words];
  while (out.length > 1) {
    const last = out[out.length - 1]!;
    const typo = last.length >= 6 && LONG_FORMS.some((f) => Math.abs(f.length - last.length) <= 1 && sameLetters(f, last));
    if (!TRAILING_FORMS.has(last) && !typo) break;
    out.pop();
  }
  return out;
}

/** The same letters give or take one, in any order: a legal form typed in a hurry. */
function sameLetters(a: string, b: string): boolean {
  const count = new Map<string, number>();
  for (const ch of a) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (const ch of b) count.set(ch, (count.get(ch) ?? 0) - 1);
  let off = 0;
  for (const n of count.values()) off += Math.abs(n);
  return off <= 1 && a[0] === b[0];
}

/** Words in Latin letters as written: not folded, so initials stay the letters people use. */
function asciiOf(words: readonly string[]): string[] {
  const latin = anyAscii(words.join(" ")).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return latin === "" ? [] : latin.split(" ");
}

function initialsOf(full: readonly string[], kept: readonly string[]): string[] {
  const out = new Set<string>();
  for (const list of [full, kept]) {
    const words = list.filter((w) => w !== "" && !FILLER.has(w));
    if (words.length >= 2) out.add(words.map((w) => w[0]).join(""));
  }
  return [...out];
}

/** Initials as the folded words index them ("stc" → "stk"), for finding a name written as those letters. */
export function foldedInitials(p: NameProfile): string[] {
  return [...new Set(p.initials.map(foldSpelling))];
}

/** The family of the legal form a name starts or ends with, read in Latin letters. */
function legalFormOf(words: readonly string[], kept: readonly string[]): string | null {
  if (kept.length === words.length) return null;
  const start = words.indexOf(kept[0] ?? "");
  const dropped = [...words.slice(0, Math.max(0, start)), ...words.slice(start + kept.length)];
  const latin = anyAscii(dropped.join(" ")).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  if (latin === "") return null;
  if (LEGAL_FAMILY_OF.has(latin)) return LEGAL_FAMILY_OF.get(latin)!;
  for (const word of latin.split(" ")) if (LEGAL_FAMILY_OF.has(word)) return LEGAL_FAMILY_OF.get(word)!;
  return latin;
}

function scriptOf(name: string): NameScript {
  if (/\p{Script=Han}/u.test(name)) return "han";
  if (/\p{Script=Cyrillic}/u.test(name)) return "cyrillic";
  if (/^[\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]*$/u.test(name)) return "latin";
  return "other";
}
