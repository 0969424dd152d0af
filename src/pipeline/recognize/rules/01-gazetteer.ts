import type { Candidate, EntitySpec, RecognitionRule, SentenceContext } from "../mention-types.ts";
import type { LexEntry, Lexicon } from "../lexicon.ts";
import { isHyphen, lookup, spanText } from "../token-tests.ts";

/** Names from the knowledge base: states, capitals standing for states, armed forces, companies, bodies. */
export const gazetteer: RecognitionRule = {
  id: "recognize/01-gazetteer",
  run(ctx: SentenceContext): Candidate[] {
    const out: Candidate[] = [];
    const { tokens, lexicon } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      const hit = lookup(tokens, i, lexicon);
      if (hit) {
        const spec = specOf(hit.entries, ctx, i, hit.last);
        if (spec) out.push({ first: i, last: hit.last, entities: [spec], rule: this.id, priority: 5 });
        continue;
      }
      // "Russians", "the Chinese" as nouns stand for the state.
      const t = tokens[i]!;
      if (/s$/.test(t.norm) && /^\p{Lu}/u.test(t.text)) {
        const d = lexicon.entries.get(t.norm.slice(0, -1))?.find((e) => e.ref.kind === "demonym");
        if (d && d.ref.kind === "demonym") out.push({ first: i, last: i, entities: [stateSpec(lexicon, d.ref.code)], rule: this.id, priority: 4 });
      }
    }
    return out;
  },
};

const ORIGIN_NOUNS = /^(?:deliveries|delivery|exports?|supplies|shipments?|sales|transfers?|arms|weapons?|munitions?|ammunition|shells?|missiles?|rockets?|drones?|tanks?|artillery|mortar|machine|microelectronics|chips?|semiconductors?|components?|parts|engines?|technology|equipment|hardware|rifles?|jets?|aircraft|helicopters?|howitzers?|grenades?)$/;

export function stateSpec(lexicon: Lexicon, code: string): EntitySpec {
  const c = lexicon.countries.get(code);
  return { key: `state:${code}`, name: c?.name ?? code, type: "state", country: code, aliases: c ? c.names.slice(0, 3) : [] };
}

function specOf(entries: LexEntry[], ctx: SentenceContext, first: number, last: number): EntitySpec | null {
  // Prefer a company or armed force over a country when one phrase is both
  // (e.g. a firm named after its country).
  const order = ["org", "force", "country", "demonym"];
  const e = [...entries].sort((a, b) => order.indexOf(a.ref.kind) - order.indexOf(b.ref.kind))[0]!;
  const r = e.ref;
  switch (r.kind) {
    case "country":
      return stateSpec(ctx.lexicon, r.code);
    case "demonym": {
      // A bare demonym names the state only as an origin: "Russian-built", "Chinese-made",
      // "Belarusian ammunition", "Russian deliveries".
      const next = ctx.tokens[last + 1];
      if (isHyphen(next)) return stateSpec(ctx.lexicon, r.code);
      if (next && (ORIGIN_NOUNS.test(next.norm) || ctx.lexicon.items.has(next.norm))) return stateSpec(ctx.lexicon, r.code);
      return null;
    }
    case "force":
      if (r.national && r.code) return { ...stateSpec(ctx.lexicon, r.code), aliases: [r.name] };
      return { key: `kb:${r.id}`, name: r.name, type: "armed_force", country: r.code, kb: r.id };
    case "org":
      return { key: `kb:${r.id}`, name: r.name, type: r.type, country: r.code, kb: r.id, aliases: [spanText(ctx.text, ctx.tokens, first, last)] };
  }
}
