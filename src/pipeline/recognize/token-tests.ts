import type { Token } from "../analyze/tokenize.ts";
import type { LexEntry, Lexicon } from "./lexicon.ts";

export const isCap = (t: Token | undefined): boolean => !!t && t.cap;
export const isAllCaps = (t: Token | undefined): boolean => !!t && /^[\p{Lu}\p{N}.&-]+$/u.test(t.text) && /\p{Lu}.*\p{Lu}|^\p{Lu}\./u.test(t.text);
export const isWord = (t: Token | undefined): boolean => !!t && /^[\p{L}\p{N}]/u.test(t.text);
export const isHyphen = (t: Token | undefined): boolean => !!t && /^[-‐‑]$/.test(t.text);

/** All dictionary keys starting at each token of a sentence, computed once per sentence. */
const matchCache = new WeakMap<Token[], Map<number, Array<{ last: number; entries: LexEntry[] }>>>();

function matchesAt(tokens: Token[], i: number, lex: Lexicon): Array<{ last: number; entries: LexEntry[] }> {
  let perSentence = matchCache.get(tokens);
  if (!perSentence) {
    perSentence = new Map();
    matchCache.set(tokens, perSentence);
  }
  const cached = perSentence.get(i);
  if (cached) return cached;
  const found: Array<{ last: number; entries: LexEntry[] }> = [];
  let key = "";
  let parts = 0;
  for (let j = i; j < tokens.length && parts < lex.maxTokens; j++) {
    const t = tokens[j]!;
    if (isHyphen(t) || t.text === ".") {
      if (j === i) break;
      continue;
    }
    if (j > i && !isWord(t) && t.norm !== "'s" && t.text !== "&" && t.text !== "'" && t.text !== "’") break;
    key = parts ? `${key} ${t.norm}` : t.norm;
    parts++;
    const entries = lex.entries.get(key);
    if (entries) {
      const ok = entries.filter((e) => caseOk(e, tokens, i, j));
      if (ok.length) found.push({ last: j, entries: ok });
    }
    if (!lex.prefixes.has(key)) break;
  }
  found.reverse();
  perSentence.set(i, found);
  return found;
}

/** Longest dictionary match starting at token `i`, honouring each entry's case rule. */
export function lookup(tokens: Token[], i: number, lex: Lexicon, accept?: (e: LexEntry) => boolean): { last: number; entries: LexEntry[] } | null {
  if (i < 0 || i >= tokens.length) return null;
  for (const m of matchesAt(tokens, i, lex)) {
    if (!accept) return m;
    const ok = m.entries.filter(accept);
    if (ok.length) return { last: m.last, entries: ok };
  }
  return null;
}

function caseOk(e: LexEntry, tokens: Token[], i: number, j: number): boolean {
  const first = tokens[i]!;
  if (e.caseSensitive) {
    for (let k = i; k <= j; k++) if (/\p{Ll}/u.test(tokens[k]!.text)) return false;
    return true;
  }
  if (e.lowerOk) return true;
  return /^[\p{Lu}\p{N}]/u.test(first.text) || !/\p{L}/u.test(first.text.slice(0, 1)) || /^[\p{Lo}]/u.test(first.text);
}

/** Text of tokens first..last as written, with the original spacing. */
export function spanText(text: string, tokens: Token[], first: number, last: number): string {
  return text.slice(tokens[first]!.start, tokens[last]!.end);
}
