/** A word or punctuation mark with its offsets in the report text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower-cased form used for dictionary look-ups ("U.S." → "u.s"). */
  norm: string;
  /** Starts with a capital letter; every recognition rule asks, so it is computed once. */
  cap: boolean;
}

// Dotted acronyms (U.S., D.C.) stay whole; a possessive "'s" is its own token so that
// "Russia's military" exposes "Russia" to the gazetteer; hyphens split words so that
// "Chinese-built" and "Shahed-136" expose their parts.
const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+|['’]s\b|[^\s]/gu;

const CAP = /^\p{Lu}/u;

/** Tokenizes `text`, offsetting every token by `base` so offsets index the whole report. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    out.push({ text: t, start: base + m.index, end: base + m.index + t.length, norm: normToken(t), cap: CAP.test(t) });
  }
  return out;
}

/** The look-up form of one token: lower case, dotted acronyms without dots, curly apostrophes straightened. */
export function normToken(t: string): string {
  let s = t.toLowerCase().replace(/’/g, "'");
  if (/^(?:\p{L}\.){2,}$/u.test(s)) s = s.replace(/\./g, "");
  return s;
}

/** The look-up key of a phrase: its tokens' look-up forms, hyphens and dots dropped, joined by spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .filter((t) => t.text !== "-" && t.text !== "." && t.text !== "‐")
    .map((t) => t.norm)
    .join(" ");
}
