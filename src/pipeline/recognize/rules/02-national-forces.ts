import type { Candidate, RecognitionRule, SentenceContext } from "../mention-types.ts";
import { lookup, spanText } from "../token-tests.ts";
import { stateSpec } from "./01-gazetteer.ts";
import { FORCE_PHRASES, GROUP_HEADS, INDUSTRY_PHRASES } from "./vocabulary.ts";

/**
 * A state's forces and bodies named through the state: "the Russian military",
 * "Russia's armed forces", "the government of Ukraine", "its troops". They stand for
 * the state as a party. "Burma's defense industry" and "North Korea's arms traders"
 * are parties of their own, tied to the state.
 */
export const nationalForces: RecognitionRule = {
  id: "recognize/02-national-forces",
  run(ctx: SentenceContext): Candidate[] {
    const out: Candidate[] = [];
    const { tokens, lexicon } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      const hit = lookup(tokens, i, lexicon, (e) => e.ref.kind === "country" || e.ref.kind === "demonym");
      if (hit) {
        const ref = hit.entries[0]!.ref;
        if (ref.kind !== "country" && ref.kind !== "demonym") continue;
        let j = hit.last + 1;
        const possessive = tokens[j]?.norm === "'s" || (tokens[j]?.text === "'" || tokens[j]?.text === "’");
        if (possessive) j++;
        if (ref.kind === "country" && !possessive) {
          // "Ukraine government", "Russia military" occur in headlines only; skip.
        }
        const first = tokens[i - 1]?.norm === "the" ? i - 1 : i;
        // "Yemen's Houthis", "Sudan's RSF": the armed group or firm, not the state.
        if (possessive) {
          const named = lookup(tokens, j, lexicon, (e) => e.ref.kind === "force" || e.ref.kind === "org");
          if (named) {
            const r = named.entries[0]!.ref;
            if (r.kind === "force" && !r.national) {
              out.push({ first: i, last: named.last, entities: [{ key: `kb:${r.id}`, name: r.name, type: "armed_force", country: r.code, kb: r.id, aliases: [spanText(ctx.text, tokens, j, named.last)] }], rule: this.id, priority: 8 });
              continue;
            }
          }
        }
        const ind = matchPhrase(tokens, j, INDUSTRY_PHRASES);
        if (ind !== null) {
          const name = `${lexicon.countries.get(ref.code)?.name ?? ref.code}'s ${tokens.slice(j, ind + 1).map((t) => t.text).join(" ").toLowerCase()}`;
          out.push({ first, last: ind, entities: [{ key: `industry:${ref.code}`, name, type: "organization", country: ref.code, aliases: [spanText(ctx.text, tokens, i, ind)] }], rule: this.id, priority: 7 });
          continue;
        }
        // "Myanmar military", "Sudan army": a country name used as a modifier.
        const f = matchPhrase(tokens, j, ref.kind === "country" && !possessive ? MODIFIER_FORCE_PHRASES : FORCE_PHRASES);
        // "state-owned", "army-run": a compound adjective, not the state's forces.
        if (f !== null && tokens[f + 1]?.text !== "-") {
          out.push({ first, last: f, entities: [{ ...stateSpec(lexicon, ref.code), aliases: [spanText(ctx.text, tokens, i, f)] }], rule: this.id, priority: 7 });
          continue;
        }
        if (possessive) {
          // "North Korea's arms traders": a group tied to the state.
          let k = j;
          while (k < tokens.length && k - j < 5 && !GROUP_HEADS[tokens[k]!.norm] && !SINGLE_HEADS.has(tokens[k]!.norm) && (/^\p{Ll}/u.test(tokens[k]!.text) || tokens[k]!.text === "-")) k++;
          // "Belarus' state-owned supply company": one firm, tied to the state.
          const head = GROUP_HEADS[tokens[k]?.norm ?? ""] ?? (SINGLE_HEADS.has(tokens[k]?.norm ?? "") && k > j ? tokens[k]!.norm : undefined);
          // "Burma's suppliers" are Burma's sources, not Burmese firms.
          if (head && k < tokens.length && !RECIPIENT_SIDE.has(tokens[k]!.norm)) {
            const surface = spanText(ctx.text, tokens, i, k);
            out.push({ first: i, last: k, entities: [{ key: `group:${ref.code}:${head}:${tokens.slice(j, k + 1).map((t) => t.norm).join(" ")}`, name: surface, type: "organization", country: ref.code }], rule: this.id, priority: 6 });
          }
        }
        continue;
      }
      // "the government of Ukraine", "the armed forces of Russia"
      const f = matchPhrase(tokens, i, FORCE_PHRASES);
      if (f !== null && (tokens[f + 1]?.norm === "of" || (tokens[f + 1]?.norm === "in" && STRONG_FORCE.has(tokens[f]!.norm)))) {
        const c = lookup(tokens, f + 2, lexicon, (e) => e.ref.kind === "country");
        if (c && c.entries[0]!.ref.kind === "country") {
          const first = tokens[i - 1]?.norm === "the" ? i - 1 : i;
          out.push({ first, last: c.last, entities: [{ ...stateSpec(lexicon, c.entries[0]!.ref.code), aliases: [spanText(ctx.text, tokens, i, c.last)] }], rule: this.id, priority: 7 });
        }
      }
      // "its troops", "their forces": the forces of a state named earlier.
      const t = tokens[i]!;
      if ((t.norm === "its" || t.norm === "their") && matchPhrase(tokens, i + 1, PRONOUN_FORCE_PHRASES) !== null) {
        const last = matchPhrase(tokens, i + 1, FORCE_PHRASES)!;
        out.push({ first: i, last, entities: [], coref: { want: "forces" }, rule: this.id, priority: 6 });
      }
    }
    return out;
  },
};

const SINGLE_HEADS = new Set(["company", "firm", "agency", "exporter", "enterprise", "corporation", "conglomerate"]);
const STRONG_FORCE = new Set(["military", "army", "junta", "navy", "troops", "forces", "government", "regime"]);
const RECIPIENT_SIDE = new Set(["suppliers", "sources", "partners", "allies", "vendors", "dealers", "distributors", "members", "nations", "countries"]);

const MODIFIER_FORCE_PHRASES = FORCE_PHRASES.filter((p) => p.length > 1 || STRONG_FORCE.has(p[0]!));
const PRONOUN_FORCE_PHRASES = FORCE_PHRASES.filter((p) => p[0] !== "government" && p[0] !== "state");
const phraseIndex = new WeakMap<string[][], Map<string, string[][]>>();

/** Index of the last token of the longest phrase in `phrases` starting at `i`, or null. */
export function matchPhrase(tokens: SentenceContext["tokens"], i: number, phrases: string[][]): number | null {
  let best: number | null = null;
  const first = tokens[i]?.norm;
  if (first === undefined) return null;
  // Phrases indexed by their first word: most tokens start none.
  let index = phraseIndex.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) index.set(p[0]!, [...(index.get(p[0]!) ?? []), p]);
    phraseIndex.set(phrases, index);
  }
  for (const p of index.get(first) ?? []) {
    let j = i;
    let ok = true;
    for (const w of p) {
      while (tokens[j]?.text === "-") j++;
      if (tokens[j]?.norm !== w) { ok = false; break; }
      j++;
    }
    if (ok && (best === null || j - 1 > best)) best = j - 1;
  }
  return best;
}
