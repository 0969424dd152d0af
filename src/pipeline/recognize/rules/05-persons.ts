import type { Candidate, RecognitionRule, SentenceContext } from "../mention-types.ts";
import type { Token } from "../../analyze/tokenize.ts";
import { isCap, spanText } from "../token-tests.ts";
import { NOT_NAME_WORDS, PERSON_TITLES, SAY_VERBS, TITLE_COMPLEMENTS } from "./vocabulary.ts";

const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/**
 * People, who matter as claimants: a capitalised name after a title ("Secretary of
 * Defense Lloyd J. Austin III", "Gen. Mark Milley"), before a comma and a role
 * ("Mykhailo Fedorov, Ukraine's minister"), or before a verb of saying.
 * A later bare surname ("Austin said") is tied to the full name by the resolver.
 */
export const persons: RecognitionRule = {
  id: "recognize/05-persons",
  run(ctx: SentenceContext): Candidate[] {
    const out: Candidate[] = [];
    const { tokens } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      if (!isNameWord(tokens[i])) continue;
      if (isNameWord(tokens[i - 1]) || tokens[i - 1]?.text === ".") {
        if (!(tokens[i - 1]?.text === "." && PERSON_TITLES.has(tokens[i - 2]?.norm ?? ""))) continue;
      }
      let j = i;
      while (j + 1 < tokens.length && j - i < 4) {
        const n = tokens[j + 1]!;
        if (isNameWord(n) || SUFFIXES.has(n.norm)) { j++; continue; }
        if (n.text === "." && /^\p{Lu}$/u.test(tokens[j]!.text)) { j++; continue; }
        break;
      }
      while (tokens[j]?.text === ".") j--;
      const n = j - i + 1;
      const titled = PERSON_TITLES.has(tokens[i - 1]?.norm ?? "") || (tokens[i - 1]?.text === "." && PERSON_TITLES.has(tokens[i - 2]?.norm ?? "")) || titleBefore(tokens, i) || SAY_VERBS.has(tokens[i - 1]?.norm ?? "") && n >= 2;
      const says = SAY_VERBS.has(tokens[j + 1]?.norm ?? "") || (tokens[j + 1]?.text === "," && /^(?:a|an|the|who)$|['’]s$/.test(tokens[j + 2]?.norm ?? "") && n >= 2);
      const roleAfter = tokens[j + 1]?.text === "," && PERSON_TITLES.has(tokens[j + 2]?.norm ?? "");
      const possessiveRole = tokens[j + 1]?.text === "," && tokens[j + 3]?.norm === "'s" && PERSON_TITLES.has(tokens[j + 4]?.norm ?? "");
      if (!(titled || (n >= 2 && (says || roleAfter || possessiveRole)))) { i = j; continue; }
      // Headlines capitalise every word; only a verb of saying marks a name there.
      if (ctx.titleCase && !says) { i = j; continue; }
      if (n === 1 && !titled) { i = j; continue; }
      const nameTokens = tokens.slice(i, j + 1).filter((t) => !SUFFIXES.has(t.norm) && t.text !== "." && !/^\p{Lu}$/u.test(t.text));
      const surname = nameTokens[nameTokens.length - 1]?.norm ?? tokens[j]!.norm;
      out.push({ first: i, last: j, entities: [{ key: `person:${surname}`, name: spanText(ctx.text, tokens, i, j), type: "person" }], rule: this.id, priority: titled ? 4 : 2 });
      i = j;
    }
    return out;
  },
};

/** "Secretary of Defense Lloyd Austin": a title, then words completing it, then the name. */
function titleBefore(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - k <= 5 && (TITLE_COMPLEMENTS.has(tokens[k]!.norm) || /^(?:of|for|the|and)$/.test(tokens[k]!.norm))) {
    if (PERSON_TITLES.has(tokens[k]!.norm)) return true;
    k--;
  }
  return k < i - 1 && k >= 0 && PERSON_TITLES.has(tokens[k]!.norm) && /^\p{Lu}/u.test(tokens[k]!.text);
}

function isNameWord(t: Token | undefined): boolean {
  return !!t && isCap(t) && /^\p{Lu}\p{Ll}+(?:['’]\p{L}+)?$|^\p{Lu}$/u.test(t.text) && !NOT_NAME_WORDS.has(t.norm) && !PERSON_TITLES.has(t.norm) && !TITLE_COMPLEMENTS.has(t.norm);
}
