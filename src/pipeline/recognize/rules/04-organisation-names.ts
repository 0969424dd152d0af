import type { Candidate, RecognitionRule, SentenceContext } from "../mention-types.ts";
import type { Token } from "../../analyze/tokenize.ts";
import { normalizeName } from "../../../domain/normalize-name.ts";
import { isAllCaps, isCap, spanText } from "../token-tests.ts";
import { DESCRIPTOR_NOUNS, NOT_NAME_WORDS, ORG_SUFFIXES, PERSON_TITLES } from "./vocabulary.ts";

/** Acronyms of goods, units and terms that look like organisation acronyms. */
const NOT_ORG_ACRONYMS = new Set([
  "dc", "uav", "uavs", "uas", "ucav", "apc", "apcs", "ifv", "ifvs", "mbt", "mbts", "sam", "sams", "manpads", "atgm", "atgms",
  "himars", "atacms", "nasams", "mlrs", "gps", "gnss", "cnc", "ic", "ics", "wmd", "tnt", "icbm", "icbms", "srbm", "srbms",
  "mrap", "mraps", "rpg", "rpgs", "ied", "ieds", "ew", "isr", "c4isr", "ai", "fpv", "pdf", "usd", "eur", "gdp", "ceo", "cfo",
  "tv", "ok", "am", "pm", "gmt", "utc", "faq", "pdf", "mm", "km", "kg", "ii", "iii", "iv", "vi", "usa", "rca", "rcas",
  "mde", "fms", "pda", "usai", "edas", "eda", "imse", "oconus", "pl", "ih", "ndaa", "ftz", "hs", "eccn", "ear", "itar",
]);

const ITEM_NEXT = /^(?:launchers?|drones?|missiles?|rockets?|systems?|batteries|battery|tanks?|vehicles?|rifles?|howitzers?|shells?|rounds|munitions?|aircraft|jets?|helicopters?|guns?|radars?|engines?|chips?|modules?)$/;
const SUPPLY_NEXT = /^(?:supplied|supplies|delivered|delivers|provided|provides|sold|sells|shipped|ships|exported|exports|transferred|sent|sends|donated)$/;

const LEGAL_PREFIX = /^(?:AO|OAO|ZAO|PAO|OOO|JSC|PJSC|OJSC|CJSC|LLC|TOO|SIA|UAB|OAO|NPO|NPP|FGUP|GUP)$/;

const LEGAL_FORMS = new Set(["corp", "corporation", "co", "company", "ltd", "limited", "inc", "llc", "plc", "jsc", "pjsc", "ojsc", "gmbh", "ag", "sa"]);
const CONNECTORS = new Set(["of", "for", "and", "&", "the", "de", "du", "la", "und"]);

/**
 * Organisations the knowledge base does not know, found by shape: a capitalised
 * phrase ending in an organisation word ("IRay Technology Corp", "Special Technology
 * Center"), a name after a descriptor ("advocacy group Justice For Myanmar", "drone
 * maker DJI"), a name with its acronym in brackets, or an unknown acronym.
 */
export const organisationNames: RecognitionRule = {
  id: "recognize/04-organisation-names",
  run(ctx: SentenceContext): Candidate[] {
    const out: Candidate[] = [];
    const { tokens } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      if (!startsName(tokens, i, ctx)) continue;
      // Longest capitalised run from i, allowing connectors inside.
      let j = i;
      let lastCap = i;
      while (j + 1 < tokens.length) {
        const n = tokens[j + 1]!;
        if (isCap(n) && !isSentenceWord(n)) { j++; lastCap = j; continue; }
        if (n.text === "-" && isCap(tokens[j + 2])) { j += 2; lastCap = j; continue; }
        // "China Electronics Corp and IRay": a legal form ends a name, so "and" after it joins two names.
        if (CONNECTORS.has(n.norm) && /^\p{Ll}|^&$/u.test(n.text) && isCap(tokens[j + 2]) && !(n.norm === "and" && LEGAL_FORMS.has(tokens[j]!.norm))) { j++; continue; }
        if ((n.norm === "for" || n.norm === "of") && isCap(n) && isCap(tokens[j + 2])) { j++; continue; }
        break;
      }
      // "the Biden administration", "the Tatmadaw government"
      const last = /^(?:administration|government)$/.test(tokens[lastCap + 1]?.norm ?? "") && /^\p{Ll}/u.test(tokens[lastCap + 1]!.text) ? lastCap + 1 : lastCap;
      const words = tokens.slice(i, last + 1);
      // The organisation word heads the name: last, or before its "of" phrase ("Bureau of Industry").
      const suffix = words.some((t, k) => k > 0 && ORG_SUFFIXES.has(t.norm) && (k === words.length - 1 || /^(?:of|for)$/.test(words[k + 1]!.norm)));
      // "AO Radiozavod Vega", "OOO Tekhnopark": a legal form written before the name.
      const legalPrefix = LEGAL_PREFIX.test(tokens[i - 1]?.text ?? "") || (words.length >= 2 && LEGAL_PREFIX.test(words[0]!.text));
      // "advocacy group Justice For Myanmar", "state-owned Norinco", "Shandong-based IRay"
      // "supplied to the RSF by Krusik": a name after by/from in a supply construction.
      const agent = /^(?:by|from)$/.test(tokens[i - 1]?.norm ?? "") && /\b(?:supplied|delivered|provided|shipped|exported|transferred|sold|sent|made|built|bought|manufactured|produced|purchased|acquired|imported|received)\b/.test(tokens.slice(Math.max(0, i - 8), i - 1).map((t) => t.norm).join(" ")) && !ctx.titleCase;
      const descriptor = (agent && words.length === 1 && !ctx.lexicon.entries.has(words[0]!.norm)) || (DESCRIPTOR_NOUNS.has(tokens[i - 1]?.norm ?? "") || (tokens[i - 1]?.text === "," && DESCRIPTOR_NOUNS.has(tokens[i - 2]?.norm ?? "")) || (tokens[i - 2]?.text === "-" && /^(?:owned|based|controlled|run|backed|registered|headquartered|linked|affiliated)$/.test(tokens[i - 1]?.norm ?? ""))) && !ctx.titleCase;
      const bracket = tokens[last + 1]?.text === "(" && isAllCaps(tokens[last + 2]) && tokens[last + 3]?.text === ")";
      // "SAMP/T batteries", "PULS rocket launchers": a designation, not a firm.
      const designation = /^[/-]$/.test(tokens[last + 1]?.text ?? "") || ITEM_NEXT.test(tokens[last + 1]?.norm ?? "") || ctx.lexicon.items.has(tokens[last + 1]?.norm ?? "");
      // "Kupol delivered drones": a name that is the subject of a supply verb.
      // "Militarnyi writes that …": a one-word outlet before a verb of reporting.
      const outlet = words.length === 1 && /^(?:writes|wrote|reported|reports|reporting)$/.test(tokens[last + 1]?.norm ?? "") && !ctx.titleCase && !ctx.lexicon.entries.has(words[0]!.norm);
      const supplier = outlet || words.length === 1 && SUPPLY_NEXT.test(tokens[last + 1]?.norm ?? "") && !ctx.titleCase && !ctx.lexicon.entries.has(words[0]!.norm);
      const acronym = !designation && words.length === 1 && isAllCaps(words[0]) && words[0]!.text.replace(/[^\p{L}]/gu, "").length >= 2 && !ctx.titleCase && !NOT_ORG_ACRONYMS.has(words[0]!.norm) && !ctx.lexicon.items.has(words[0]!.norm);
      const endsInSuffix = ORG_SUFFIXES.has(tokens[last]!.norm) && words.length >= 2;
      if (!(suffix || descriptor || bracket || acronym || endsInSuffix || supplier || legalPrefix)) { i = last; continue; }
      if (ctx.titleCase && !(endsInSuffix || bracket)) { i = last; continue; }
      const surface = spanText(ctx.text, tokens, i, last);
      const key = normalizeName(surface);
      if (!key) continue;
      const aliases: string[] = [];
      let end = last;
      if (bracket) {
        aliases.push(tokens[last + 2]!.text);
        aliases.push(spanText(ctx.text, tokens, i, last + 3));
        end = last + 3;
      }
      // "Trading Co., Ltd." and "Ltd." : a trailing legal form and its full stop belong to the name.
      if (!bracket) {
        if (tokens[end + 1]?.text === "." && LEGAL_FORMS.has(tokens[end]!.norm)) end += 1;
        if (tokens[end + 1]?.text === "," && LEGAL_FORMS.has(tokens[end + 2]?.norm ?? "")) end += 2;
        if (tokens[end + 1]?.text === "." && LEGAL_FORMS.has(tokens[end]!.norm)) end += 1;
      }
      out.push({ first: i, last: end, entities: [{ key: `name:${key}`, name: surface, type: "organization", aliases }], rule: this.id, priority: acronym ? 1 : endsInSuffix || suffix ? 5 : 3 });
      // A bracketed acronym may be a known one: let the gazetteer decide for it too.
      i = last;
    }
    return out;
  },
};

function startsName(tokens: Token[], i: number, ctx: SentenceContext): boolean {
  const t = tokens[i]!;
  if (!isCap(t) && !/^\p{Lu}/u.test(t.text.replace(/^\p{Ll}(?=\p{Lu})/u, ""))) return false;
  if (isSentenceWord(t) || PERSON_TITLES.has(t.norm)) return false;
  if (isCap(tokens[i - 1]) && !isSentenceWord(tokens[i - 1]!) && !CONNECTORS.has(tokens[i - 1]!.norm)) return false;
  void ctx;
  return true;
}

function isSentenceWord(t: Token): boolean {
  return NOT_NAME_WORDS.has(t.norm) && !isAllCaps(t);
}
