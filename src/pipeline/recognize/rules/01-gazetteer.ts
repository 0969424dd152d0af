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

const ORIGIN_NOUNS = /^(?:deliveries|delivery|exports?|supplies|shipments?|sales|transfers?|arms|weapons?|weaponry|munitions?|ammunition|shells?|missiles?|rockets?|drones?|uavs?|tanks?|artillery|mortars?|machine|microelectronics|electronics|chips?|semiconductors?|components?|parts|engines?|technology|technologies|equipment|hardware|rifles?|guns?|firearms|jets?|aircraft|fighters?|helicopters?|howitzers?|grenades?|sonars?|radars?|torpedoes|warships?|frigates?|submarines?|vessels?|boats?|vehicles?|trucks?|optics|sensors?|cameras?|launchers?|systems?|satellites?|bombs?|explosives|materiel|kits?|modules?)$/;
// Adjectives that may stand between a demonym and the goods: "Chinese military equipment", "Iranian attack drones".
const GOODS_ADJECTIVES = /^(?:military|attack|combat|armed|armou?red|dual|dual-use|defen[cs]e|surveillance|kamikaze|suicide|ballistic|cruise|air|anti|lethal|heavy|light|small|advanced|modern|made|built|supplied|produced|manufactured|designed|unmanned|naval|army|fighter|artillery)$/;

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
      // "Iranian Mohajer-6 drones", "French sonar DUUX-5": a model designation after the demonym.
      const after = ctx.tokens[last + 2];
      if (next && /^\p{Lu}/u.test(next.text) && (isHyphen(after) && /^\d/u.test(ctx.tokens[last + 3]?.text ?? "") || /\d/u.test(next.text))) return stateSpec(ctx.lexicon, r.code);
      if (next && after && GOODS_ADJECTIVES.test(next.norm) && (ORIGIN_NOUNS.test(after.norm) || ctx.lexicon.items.has(after.norm))) return stateSpec(ctx.lexicon, r.code);
      return null;
    }
    case "force":
      if (r.national && r.code) return { ...stateSpec(ctx.lexicon, r.code), aliases: [r.name] };
      return { key: `kb:${r.id}`, name: r.name, type: "armed_force", country: r.code, kb: r.id };
    case "org":
      return { key: `kb:${r.id}`, name: r.name, type: r.type, country: r.code, kb: r.id, aliases: [spanText(ctx.text, ctx.tokens, first, last)] };
  }
}
