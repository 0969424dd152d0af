import type { Candidate, EntitySpec, RecognitionRule, SentenceContext } from "../mention-types.ts";
import type { Lexicon } from "../lexicon.ts";
import type { Token } from "../../analyze/tokenize.ts";
import { lookup, spanText } from "../token-tests.ts";
import { GROUP_HEADS, NUMBER_WORDS } from "./vocabulary.ts";

const PLACE_PREPS = [["based", "in"], ["located", "in"], ["registered", "in"], ["headquartered", "in"], ["from"], ["in"]];
const GROUP_MODIFIERS = /^(?:state|controlled|owned|run|private|front|shell|arms|defen[cs]e|military|foreign|trading|procurement|smuggling|supply|transshipment|chinese|other|several|some|many|various|illicit|third|country|partner|allied|member|western|european|nato|gulf|key|major|main|leading|small|large|technology|tech|electronics|component|components|logistics|shipping|intermediary|russian)$/;
const CONTROL_MODIFIER = /^(?:partner|allied|member|western|nato|european|gulf)$/;

/**
 * Sets of parties named by a plural noun: "Chinese companies", "Russian companies or
 * brokers", "firms based in Singapore, Taiwan, and Thailand" (one party per country),
 * "the six entities", "partner nations", "illicit procurement networks".
 */
export const groupNouns: RecognitionRule = {
  id: "recognize/03-group-nouns",
  run(ctx: SentenceContext): Candidate[] {
    const out: Candidate[] = [];
    const { tokens, lexicon } = ctx;
    for (let h = 0; h < tokens.length; h++) {
      const head = GROUP_HEADS[tokens[h]!.norm];
      if (!head) continue;
      // Extend the head over "or brokers" / "and traders".
      let last = h;
      if ((tokens[h + 1]?.norm === "or" || tokens[h + 1]?.norm === "and") && GROUP_HEADS[tokens[h + 2]?.norm ?? ""] && head !== "nations") last = h + 2;
      // Walk left over modifiers (lower-case or a demonym).
      let first = h;
      let code: string | undefined;
      let numbered = false;
      let controlled = false;
      for (let k = h - 1; k >= 0 && h - k <= 4; k--) {
        const t = tokens[k]!;
        if (t.text === "-") { first = k; continue; }
        const dem = demonymAt(tokens, k, lexicon);
        if (dem) { code ??= dem.code; first = dem.first; k = dem.first; continue; }
        if (/^\d[\d,]*$/.test(t.text) || NUMBER_WORDS.has(t.norm)) { numbered = true; first = k; continue; }
        if (GROUP_MODIFIERS.test(t.norm)) { if (CONTROL_MODIFIER.test(t.norm)) controlled = true; first = k; continue; }
        break;
      }
      // "more than 50 nations", "some 50 countries"
      if (numbered && /^(?:than|some|about|around|over|nearly|almost)$/.test(tokens[first - 1]?.norm ?? "")) first -= tokens[first - 1]!.norm === "than" && tokens[first - 2]?.norm === "more" ? 2 : 1;
      if (tokens[first - 1]?.norm === "the" && (numbered || controlled)) first -= 1;
      // Countries after the head: "based in Singapore, Taiwan, and Thailand".
      const place = placeList(tokens, last + 1, lexicon);
      const headText = spanText(ctx.text, tokens, first, last);
      if (place && place.codes.length) {
        const prep = spanText(ctx.text, tokens, last + 1, place.prepLast);
        const entities = place.codes.map(({ code: c, text: ctext }) => groupSpec(lexicon, c, head, `${headText} ${prep} ${ctext}`, tokens, h));
        out.push({ first, last: place.last, entities, rule: this.id, priority: 6 });
        continue;
      }
      if (code) {
        out.push({ first, last, entities: [groupSpec(lexicon, code, head, headText, tokens, h)], rule: this.id, priority: 6 });
        continue;
      }
      // "the two countries" points back to states already named; it is no party of its own.
      if (numbered && head === "nations" && /^(?:two|both|three)$/.test(tokens[first]!.norm === "the" ? tokens[first + 1]?.norm ?? "" : tokens[first]!.norm)) continue;
      if (numbered || controlled || (first < h && /^(?:procurement|smuggling|supply|front|shell|transshipment)$/.test(tokens[h - 1]?.norm ?? ""))) {
        const key = tokens.slice(first, last + 1).filter((t) => t.norm !== "the").map((t) => t.norm).join(" ");
        out.push({ first, last, entities: [{ key: `group:${key}`, name: headText.replace(/^the\s+/i, ""), type: "organization" }], rule: this.id, priority: 5 });
      }
    }
    return out;
  },
};

/** A demonym ending at token k, the longest first ("North Korean" before "Korean"). */
function demonymAt(tokens: Token[], k: number, lexicon: Lexicon): { code: string; first: number } | undefined {
  for (let start = Math.max(0, k - 2); start <= k; start++) {
    const hit = lookup(tokens, start, lexicon, (e) => e.ref.kind === "demonym");
    if (hit && hit.last === k) {
      const r = hit.entries[0]!.ref;
      if (r.kind === "demonym") return { code: r.code, first: start };
    }
  }
  return undefined;
}

function groupSpec(lexicon: Lexicon, code: string, head: string, surface: string, tokens: Token[], h: number): EntitySpec {
  const c = lexicon.countries.get(code);
  const demonym = c?.demonyms[0];
  const headWord = tokens[h]!.norm;
  const canonical = demonym ? `${demonym} ${headWord}` : surface;
  return { key: `group:${code}:${head}`, name: canonical, type: "organization", country: code, aliases: [surface] };
}

/** A list of countries after a place preposition, or null. */
function placeList(tokens: Token[], i: number, lexicon: Lexicon): { codes: Array<{ code: string; text: string }>; last: number; prepLast: number } | null {
  for (const prep of PLACE_PREPS) {
    if (!prep.every((w, n) => tokens[i + n]?.norm === w)) continue;
    let j = i + prep.length;
    const prepLast = j - 1;
    const codes: Array<{ code: string; text: string }> = [];
    let last = -1;
    for (;;) {
      if (tokens[j]?.norm === "the") j++;
      const hit = lookup(tokens, j, lexicon, (e) => e.ref.kind === "country");
      if (!hit) break;
      const r = hit.entries[0]!.ref;
      if (r.kind !== "country") break;
      codes.push({ code: r.code, text: tokens.slice(j, hit.last + 1).map((t) => t.text).join(" ") });
      last = hit.last;
      j = hit.last + 1;
      if (tokens[j]?.text === ",") j++;
      if (tokens[j]?.norm === "and" || tokens[j]?.norm === "or") j++;
      else if (tokens[j - 1]?.text !== ",") break;
    }
    if (codes.length) return { codes, last, prepLast };
  }
  return null;
}
