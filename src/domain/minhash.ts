/**
 * Near-duplicate fingerprints. A syndicated or lightly edited copy of a report (a new
 * headline, "(Reuters) -" in front, a footer) is not new evidence, but its content
 * hash differs. So each document also carries a MinHash signature of its word
 * 3-shingles, from which the Jaccard similarity of two texts can be estimated; texts
 * at or above `NEAR_DUPLICATE_JACCARD` are treated as copies of one another.
 *
 * MinHash rather than a 64-bit SimHash: on reports of a few hundred words a SimHash
 * moves by 4–5 bits for a single changed word or an added byline, so a fixed bit
 * threshold either merges unrelated texts or misses copies, while the Jaccard
 * estimate degrades smoothly (one word in 240 changed ≈ 0.97).
 */

/** Smallest estimated Jaccard similarity of the shingle sets of two near-duplicate texts. */
export const NEAR_DUPLICATE_JACCARD = 0.8;

/** Hash functions in a signature; the estimate's standard error is about √(J(1−J)/64) ≤ 0.06. */
export const MINHASH_SIZE = 64;

const WORD = /[\p{L}\p{N}]+/gu;
const SHINGLE = 3;

/** One seed per hash function, fixed so signatures stored by one run compare with the next. */
const SEEDS: readonly number[] = Array.from({ length: MINHASH_SIZE }, (_, i) => fmix(Math.imul(i + 1, 0x9e3779b9)));

/**
 * The MinHash signature of `text` over its distinct word 3-shingles (NFKC, lower case,
 * punctuation and spacing ignored), as `MINHASH_SIZE` 8-digit hex numbers in one
 * string. A text shorter than three words is one shingle; an empty text gets a
 * signature of all "f" that matches only another empty text.
 */
export function minhash(text: string): string {
  const words = text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
  const shingles = new Set<string>();
  if (words.length > 0 && words.length < SHINGLE) shingles.add(words.join(" "));
  for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  const mins = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    const h = fnv1a(shingle);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix(h ^ SEEDS[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return mins.map((m) => m.toString(16).padStart(8, "0")).join("");
}

/** Estimated Jaccard similarity (0–1) of the texts behind two `minhash` signatures: the share of equal minimums. */
export function estimateJaccard(a: string, b: string): number {
  const n = Math.min(a.length, b.length) / 8;
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a.startsWith(b.slice(i * 8, i * 8 + 8), i * 8)) same++;
  return same / n;
}

/** 32-bit FNV-1a over UTF-16 code units: fast, and stable across runs and machines. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finalizer: a bijection on 32 bits that spreads every input bit, so each seed gives an independent-looking hash. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
