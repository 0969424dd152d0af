import type { Candidate, CorefWant, RecognitionRule, SentenceContext } from "../mention-types.ts";
import { lookup } from "../token-tests.ts";

const ORG_NOUNS = /^(?:company|firm|manufacturer|maker|conglomerate|group|supplier|exporter|producer|contractor|corporation|enterprise|business|retailer|developer|vendor|entity|giant)$/;
const ARMED_NOUNS = /^(?:militia|militias|rebels|paramilitaries|paramilitary|insurgents|militants|fighters)$/;
const ARMED_MODIFIERS = /^(?:paramilitary|armed|rebel|militant|insurgent|jihadist|terrorist|separatist|militia)$/;
const MEDIA_NOUNS = /^(?:agency|outlet|newspaper|broadcaster|channel|publication)$/;
const PERSON_NOUNS = /^(?:minister|secretary|president|spokesman|spokeswoman|spokesperson|official|ambassador|general|chairman|director)$/;

/**
 * Descriptions and pronouns that point back to a party named earlier in the report:
 * "the company", "the Chinese firm", "the state-owned defense conglomerate", "the
 * agency", "it", "its", "they", "he". Only resolved later, against earlier mentions.
 */
export const descriptions: RecognitionRule = {
  id: "recognize/06-descriptions",
  run(ctx: SentenceContext): Candidate[] {
    const out: Candidate[] = [];
    const { tokens } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.norm === "the" || t.norm === "this" || t.norm === "that") {
        // up to three modifiers, then the noun
        for (let k = i + 1; k <= i + 4 && k < tokens.length; k++) {
          const w = tokens[k]!.norm;
          // "the Entity List" is a name, not a description.
          if (/^\p{Lu}/u.test(tokens[k]!.text) && (ORG_NOUNS.test(w) || MEDIA_NOUNS.test(w))) break;
          let want: CorefWant | null = null;
          // "the paramilitary group", "the militia", "the rebels": an armed group named earlier.
          const armedModifier = tokens.slice(i + 1, k).some((t) => ARMED_MODIFIERS.test(t.norm));
          if (/^(?:junta|regime)$/.test(w)) want = "forces";
          else if (ARMED_NOUNS.test(w) || (armedModifier && /^(?:group|force|forces|movement|organi[sz]ation|faction)$/.test(w))) want = "armed";
          else if (ORG_NOUNS.test(w)) want = "org";
          else if (MEDIA_NOUNS.test(w)) want = "media";
          else if (PERSON_NOUNS.test(w) && k === i + 1) want = "person";
          if (want) {
            // "the company's" etc. is fine; "the company of" is not a description, and
            // "the Turkish firm Baykar" introduces a name rather than pointing back.
            if (tokens[k + 1]?.norm === "of" || /^\p{Lu}/u.test(tokens[k + 1]?.text ?? "")) break;
            let demonym: string | undefined;
            for (let d = i + 1; d < k; d++) {
              const hit = lookup(tokens, d, ctx.lexicon, (e) => e.ref.kind === "demonym");
              if (hit && hit.entries[0]!.ref.kind === "demonym") demonym = hit.entries[0]!.ref.code;
            }
            out.push({ first: i, last: k, entities: [], coref: { want, demonym }, rule: this.id, priority: 2 });
            break;
          }
          if (!/^[\p{Ll}-]+$/u.test(tokens[k]!.text) && !lookup(tokens, k, ctx.lexicon, (e) => e.ref.kind === "demonym")) break;
        }
        continue;
      }
      // "their intent to donate": a possessive before an abstract noun fills no role.
      if (/^(?:its|their|his|her)$/.test(t.norm) && /^(?:intent|intention|plans?|decision|readiness|willingness|commitment|efforts?|support|stance|position|own|statement|view)$/.test(tokens[i + 1]?.norm ?? "")) continue;
      if (t.norm === "it" || t.norm === "its") out.push({ first: i, last: i, entities: [], coref: { want: "orgOrGroup" }, rule: this.id, priority: 1 });
      else if (t.norm === "they" || t.norm === "their") out.push({ first: i, last: i, entities: [], coref: { want: "plural" }, rule: this.id, priority: 1 });
      else if (t.norm === "he" || t.norm === "she") out.push({ first: i, last: i, entities: [], coref: { want: "person" }, rule: this.id, priority: 1 });
    }
    return out;
  },
};
