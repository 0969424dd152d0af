import type { EntityType, Span } from "../../domain/types.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import { splitSentences } from "../analyze/split-sentences.ts";
import { phraseKey, tokenize, type Token } from "../analyze/tokenize.ts";
import type { Lexicon } from "./lexicon.ts";
import type { Candidate, EntitySpec, RecognitionRule, SentenceContext } from "./mention-types.ts";
import { gazetteer } from "./rules/01-gazetteer.ts";
import { nationalForces } from "./rules/02-national-forces.ts";
import { groupNouns } from "./rules/03-group-nouns.ts";
import { organisationNames } from "./rules/04-organisation-names.ts";
import { persons } from "./rules/05-persons.ts";
import { descriptions } from "./rules/06-descriptions.ts";
import { isCap } from "./token-tests.ts";
import { SAY_VERBS } from "./rules/vocabulary.ts";

/** Recognition rules in the order they are listed in explanations. */
export const RECOGNITION_RULES: RecognitionRule[] = [gazetteer, nationalForces, groupNouns, organisationNames, persons, descriptions];

/** A party named in one report, with every name the report uses for it. */
export interface DocEntity {
  key: string;
  name: string;
  type: EntityType;
  country?: string | undefined;
  kb?: string | undefined;
  aliases: Set<string>;
  /** Normalized forms of the name and aliases, kept in step with them for matching. */
  normalized: Set<string>;
  order: number;
}

/** A span naming one or more parties (several for "firms based in A and B"). */
export interface Mention extends Span {
  first: number;
  last: number;
  keys: string[];
  rule: string;
  /** True for descriptions and pronouns resolved to an earlier party. */
  coref: boolean;
}

export interface RecognizedSentence {
  span: Span;
  tokens: Token[];
  mentions: Mention[];
  titleCase: boolean;
}

export interface RecognizedReport {
  sentences: RecognizedSentence[];
  entities: Map<string, DocEntity>;
}

/** Finds every party a report names and ties repeated and pronoun mentions together. */
export function recognizeEntities(text: string, lexicon: Lexicon): RecognizedReport {
  const spans = splitSentences(text);
  const tokenized = spans.map((span) => ({ span, tokens: tokenize(span.text, span.start) }));
  // Headlines capitalise every word, so names there are only trusted when the body
  // names them too: collect the body's names first.
  const titled = tokenized.map((s) => isTitleCase(s.tokens));
  const proposed = tokenized.map(({ tokens }, n) => RECOGNITION_RULES.flatMap((r) => r.run({ text, tokens, lexicon, titleCase: titled[n]! })));
  const docNames = bodyNames(text, tokenized.map((s, n) => ({ tokens: s.tokens, candidates: proposed[n]! })).filter((_, n) => !titled[n]));
  const entities = new Map<string, DocEntity>();
  const history: Array<{ key: string; sentence: number }> = [];
  const sentences: RecognizedSentence[] = [];
  for (const [n, { span, tokens }] of tokenized.entries()) {
    const titleCase = titled[n]!;
    const candidates = proposed[n]!;
    if (docNames.size) candidates.push(...matchDocNames(tokens, docNames, titleCase));
    const chosen = selectCandidates(candidates);
    // "the Myanmar military", "the United States": the article belongs to the mention, so
    // rules need not allow for it.
    for (const c of chosen) {
      if (!c.coref && c.first > 0 && tokens[c.first - 1]!.norm === "the" && !chosen.some((o) => o.last === c.first - 1)) c.first -= 1;
      absorbBracket(c, tokens, text, chosen, lexicon);
    }
    const mentions: Mention[] = [];
    const sIdx = sentences.length;
    for (const c of chosen) {
      let keys: string[];
      if (c.coref) {
        const key = resolveCoref(c, history, entities, sIdx);
        if (!key) continue;
        keys = [key];
      } else {
        keys = c.entities.map((spec) => addEntity(entities, upgradeToKb(spec, lexicon), text.slice(tokens[c.first]!.start, tokens[c.last]!.end), c.rule));
      }
      const m: Mention = { text: text.slice(tokens[c.first]!.start, tokens[c.last]!.end), start: tokens[c.first]!.start, end: tokens[c.last]!.end, first: c.first, last: c.last, keys, rule: c.rule, coref: !!c.coref };
      mentions.push(m);
      for (const k of keys) history.push({ key: k, sentence: sIdx });
    }
    // A bare surname of a person named earlier: "Austin said".
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!isCap(t) || mentions.some((m) => m.first <= i && i <= m.last)) continue;
      const key = `person:${t.norm}`;
      if (entities.has(key) && (SAY_VERBS.has(tokens[i + 1]?.norm ?? "") || tokens[i + 1]?.text === "," || tokens[i - 1]?.text === ",")) {
        mentions.push({ text: t.text, start: t.start, end: t.end, first: i, last: i, keys: [key], rule: persons.id, coref: false });
        entities.get(key)!.aliases.add(t.text);
        history.push({ key, sentence: sIdx });
      }
    }
    mentions.sort((a, b) => a.first - b.first);
    sentences.push({ span, tokens, mentions, titleCase });
  }
  return { sentences, entities };
}

/**
 * "Shenzhen Jinhetai (深圳金合泰电子有限公司)", "Kalashnikov Concern (Концерн «Калашников»)",
 * "Guangzhou Tianhe Aerotech (China)": a bracket after a name that holds the same name in
 * another script, or the party's country, belongs to the mention.
 */
function absorbBracket(c: Candidate, tokens: Token[], text: string, chosen: Candidate[], lexicon: Lexicon): void {
  if (c.coref || c.entities.length !== 1 || tokens[c.last + 1]?.text !== "(") return;
  const spec = c.entities[0]!;
  if (spec.type !== "organization" && spec.type !== "armed_force" && spec.type !== "media") return;
  let close = c.last + 2;
  while (close < tokens.length && close - c.last < 14 && tokens[close]!.text !== ")") close++;
  if (tokens[close]?.text !== ")" || close === c.last + 2) return;
  if (chosen.some((o) => o !== c && o.first > c.last && o.first < close && !/^[A-Z]{2}$/.test(text.slice(tokens[o.first]!.start, tokens[o.last]!.end)))) {
    // A bracket holding another party (a country) is absorbed only when it is the whole bracket.
    const inner = chosen.filter((o) => o !== c && o.first > c.last && o.last < close);
    if (!(inner.length === 1 && inner[0]!.first === c.last + 2 && inner[0]!.last === close - 1 && inner[0]!.entities[0]?.key.startsWith("state:"))) return;
    spec.country ??= inner[0]!.entities[0]!.country;
    chosen.splice(chosen.indexOf(inner[0]!), 1);
    c.last = close;
    return;
  }
  const inside = text.slice(tokens[c.last + 2]!.start, tokens[close - 1]!.end);
  // Only another script: Cyrillic, Chinese, Arabic, Persian, Korean.
  // Only another script first: "(Рособоронэкспорт, part of the Rostec state corporation)".
  if (!/^[«"“]?[\p{Script=Cyrillic}\p{Script=Han}\p{Script=Arabic}\p{Script=Hangul}]/u.test(inside)) return;
  spec.aliases = [...(spec.aliases ?? []), inside.split(/[,;]/)[0]!.replace(/[«»"“”]/g, "").trim()];
  c.last = close;
  void lexicon;
}

const namePrefixes = new WeakMap<Map<string, EntitySpec>, Set<string>>();

const LEGAL_TAIL = /^(?:co|corp|corporation|company|ltd|limited|inc|llc|llp|plc|jsc|pjsc|ojsc|ooo|ao|pao|gmbh|ag|sa|pte|bv|nv|srl|spa|sro|l\.l\.c|\(|\)|,)$/;

/** Names (not descriptions) the body of a report uses, keyed by look-up form. */
function bodyNames(text: string, sentences: Array<{ tokens: Token[]; candidates: Candidate[] }>): Map<string, EntitySpec> {
  const names = new Map<string, EntitySpec>();
  for (const { tokens, candidates } of sentences) {
    // Only names can be short-formed or repeated in a headline; descriptions and groups are left out.
    for (const c of selectCandidates(candidates.filter((x) => !x.coref && x.entities.length === 1))) {
      if (c.coref || c.entities.length !== 1 || c.rule === persons.id) continue;
      const key = phraseKey(text.slice(tokens[c.first]!.start, tokens[c.last]!.end));
      if (key && !names.has(key)) names.set(key, c.entities[0]!);
      // The name without its legal form: "Ostrov Komponent LLC" → "Ostrov Komponent".
      const spec = c.entities[0]!;
      if (spec.type === "organization" && !spec.key.startsWith("group:")) {
        const words = key.split(" ");
        while (words.length > 2 && LEGAL_TAIL.test(words[words.length - 1]!)) words.pop();
        if (words.length >= 2 && words.join(" ") !== key && !names.has(words.join(" "))) names.set(words.join(" "), spec);
      }
    }
  }
  return names;
}

function matchDocNames(tokens: Token[], names: Map<string, EntitySpec>, titleCase: boolean): Candidate[] {
  const out: Candidate[] = [];
  let prefixes = namePrefixes.get(names);
  if (!prefixes) {
    prefixes = new Set();
    for (const k of names.keys()) {
      const w = k.split(" ");
      for (let n = 1; n < w.length; n++) prefixes.add(w.slice(0, n).join(" "));
    }
    namePrefixes.set(names, prefixes);
  }
  for (let i = 0; i < tokens.length; i++) {
    // In body text only short forms matter ("Ostrov Komponent" after "Ostrov Komponent LLC"),
    // and only where they start with a capital.
    if (!titleCase && !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
    let key = "";
    for (let j = i; j < tokens.length && j - i < 8; j++) {
      if (tokens[j]!.text === "-") continue;
      key = key ? `${key} ${tokens[j]!.norm}` : tokens[j]!.norm;
      const spec = names.get(key);
      if (spec) out.push({ first: i, last: j, entities: [spec], rule: "recognize/07-body-names", priority: 4 });
      if (!prefixes.has(key)) break;
    }
  }
  return out;
}

function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  if (words.length < 4) return false;
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length >= 0.7;
}

/** Longest span first; among equal spans the rule with the higher priority. */
function selectCandidates(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.last - b.first - (a.last - a.first) || b.priority - a.priority || a.first - b.first);
  const taken: Candidate[] = [];
  for (const c of sorted) {
    if (taken.some((t) => !(c.last < t.first || c.first > t.last))) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.first - b.first);
}

/** A name found by its shape may still be a known party under another of its names. */
function upgradeToKb(spec: EntitySpec, lexicon: Lexicon): EntitySpec {
  if (!spec.key.startsWith("name:")) return spec;
  for (const n of [spec.name, ...(spec.aliases ?? [])]) {
    const hit = lexicon.entries.get(phraseKey(n))?.find((e) => e.ref.kind === "org" || (e.ref.kind === "force" && !e.ref.national));
    if (hit && (hit.ref.kind === "org" || hit.ref.kind === "force")) {
      const type: EntityType = hit.ref.kind === "org" ? hit.ref.type : "armed_force";
      return { key: `kb:${hit.ref.id}`, name: hit.ref.name, type, country: hit.ref.code, kb: hit.ref.id, aliases: [spec.name, ...(spec.aliases ?? [])] };
    }
  }
  return spec;
}

function addEntity(entities: Map<string, DocEntity>, spec0: EntitySpec, surface: string, rule: string): string {
  const spec = sameOrganisation(entities, spec0);
  let e = entities.get(spec.key);
  if (!e) {
    e = { key: spec.key, name: spec.name, type: spec.type, country: spec.country, kb: spec.kb, aliases: new Set(), normalized: new Set(), order: entities.size };
    entities.set(spec.key, e);
  } else if (spec.type === "state" && e.type === "state") {
    // keep the state's name
  } else if (spec.key.startsWith("person:") && spec.name.length > e.name.length) {
    e.name = spec.name;
  }
  void rule;
  const added: string[] = [spec.name, ...(spec.aliases ?? [])];
  if (surface && !/^(?:the\s+)?\p{Ll}/u.test(surface) || spec.key.startsWith("group:")) added.push(surface.replace(/^the\s+(?=\p{Lu})/u, ""));
  for (const a of added) {
    if (e.aliases.has(a)) continue;
    e.aliases.add(a);
    e.normalized.add(normalizeName(a));
  }
  e.normalized.add(normalizeName(e.name));
  return e.key;
}

/**
 * "Norinco" then "China North Industries Group (NORINCO)": a name found by shape that
 * shares a normalized name with an organisation already seen is that organisation.
 */
function sameOrganisation(entities: Map<string, DocEntity>, spec: EntitySpec): EntitySpec {
  // "Ningbo Dongtai denied …" after "Ningbo Dongtai Precision Machinery Co.": the short form
  // of a firm's name looks like a person's; the firm named earlier wins.
  if (spec.type === "person" && !spec.key.startsWith("kb:")) {
    const short = normalizeName(spec.name);
    for (const e of entities.values()) {
      if (e.type === "organization" && !e.key.startsWith("group:") && [...e.normalized].some((n) => n.startsWith(`${short} `))) return { ...spec, key: e.key, name: e.name, type: "organization" };
    }
    return spec;
  }
  if (spec.type !== "organization" || spec.key.startsWith("group:")) return spec;
  if (entities.has(spec.key)) return spec;
  const names = [spec.name, ...(spec.aliases ?? [])].map(normalizeName).filter(Boolean);
  for (const e of entities.values()) {
    if (e.type !== "organization" || e.key.startsWith("group:")) continue;
    if (names.some((n) => e.normalized.has(n))) return { ...spec, key: e.key, name: e.name };
  }
  return spec;
}

function resolveCoref(c: Candidate, history: Array<{ key: string; sentence: number }>, entities: Map<string, DocEntity>, sentence: number): string | null {
  const want = c.coref!.want;
  const ok = (e: DocEntity): boolean => {
    switch (want) {
      case "org": return e.type === "organization" && !e.key.startsWith("group:") && (!c.coref!.demonym || !e.country || e.country === c.coref!.demonym);
      case "media": return e.type === "media" || e.type === "organization";
      case "armed": return e.type === "armed_force";
      case "orgOrGroup": return e.type === "organization" || e.type === "media";
      case "plural": return e.key.startsWith("group:");
      case "state": case "forces": return e.type === "state";
      case "person": return e.type === "person";
      case "any": return true;
    }
  };
  const recent = [...history].reverse().filter((h) => sentence - h.sentence <= 3);
  // "it", "its": a firm before a news outlet ("telling The Irrawaddy that it had never sold").
  if (want === "orgOrGroup") {
    const org = recent.find((h) => entities.get(h.key)?.type === "organization");
    if (org) return org.key;
  }
  if (want === "media") {
    const m = recent.find((h) => entities.get(h.key)?.type === "media");
    if (m) return m.key;
  }
  // "their" points first to an organisation of its own sentence, then to a set of parties.
  if (want === "plural") {
    const local = recent.find((h) => h.sentence === sentence && entities.get(h.key)?.type === "organization");
    if (local) return local.key;
  }
  // "Russia delivered jets to the junta": the junta is not the party just named.
  const hit = recent.find((h) => ok(entities.get(h.key)!) && !(want === "forces" && h.sentence === sentence));
  if (hit) return hit.key;
  if (want === "plural") return recent.find((h) => entities.get(h.key)?.type === "organization")?.key ?? null;
  void 0;
  if (want === "orgOrGroup") return recent.find((h) => entities.get(h.key)?.type === "state" && sentence - h.sentence <= 1)?.key ?? null;
  return null;
}

/** Normalized names of an entity, for matching across reports. */
export function entityNames(e: DocEntity): string[] {
  return [...new Set([e.name, ...e.aliases].map(normalizeName).filter(Boolean))];
}
