import { createRequire } from "node:module";

/** A word with its part of speech and lemma, at report offsets. */
export interface TaggedWord {
  start: number;
  end: number;
  pos: string;
  lemma: string;
}

interface Nlp {
  readDoc(text: string): { tokens(): { out(f: unknown): unknown[] } };
  its: { value: unknown; pos: unknown; lemma: unknown; precedingSpaces: unknown };
}

let nlp: Nlp | undefined;

function load(): Nlp {
  if (!nlp) {
    // wink-nlp and its English model are CommonJS packages; the model loads once per process.
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (model: unknown) => Nlp;
    nlp = winkNLP(require("wink-eng-lite-web-model"));
  }
  return nlp;
}

/**
 * Parts of speech and lemmas from wink-nlp's English model for one sentence, each word
 * placed at its offsets in the report (`base` is where the sentence starts), so they line
 * up with the tokens the recognizers use.
 */
export function tagWords(text: string, base = 0): TaggedWord[] {
  const n = load();
  const tokens = n.readDoc(text).tokens();
  const values = tokens.out(n.its.value) as string[];
  const pos = tokens.out(n.its.pos) as string[];
  const lemmas = tokens.out(n.its.lemma) as string[];
  const out: TaggedWord[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const found = text.indexOf(v, at);
    // wink normalises a few characters (quotes, ellipses): such a word keeps its place but no offsets.
    if (found < 0 || found - at > 20) continue;
    out.push({ start: base + found, end: base + found + v.length, pos: pos[i]!, lemma: lemmas[i]! });
    at = found + v.length;
  }
  return out;
}
