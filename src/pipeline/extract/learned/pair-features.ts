import type { Token } from "../../analyze/tokenize.ts";
import type { DocEntity, Mention, RecognizedReport } from "../../recognize/recognize-entities.ts";
import type { PairCandidate } from "./pair-candidates.ts";
import { stem, wordClass } from "./word-classes.ts";
import { tagWords, type TaggedWord } from "../../analyze/tag-words.ts";

/** What the extraction rules said of a sentence: per ordered mention pair, the rules that fired. */
export type RuleHits = Map<string, string[]>;

export const ruleHitKey = (s: number, r: number): string => `${s}>${r}`;

/**
 * The features of one candidate pair: general evidence about words, order, distance,
 * structure and party types, never names. Training and inference share this function,
 * so a model file stays meaningful only with the feature code of its version.
 */
export function pairFeatures(doc: RecognizedReport, c: PairCandidate, hits: RuleHits | undefined): string[] {
  const f: string[] = [];
  const sEnt = doc.entities.get(c.supplier);
  const rEnt = doc.entities.get(c.recipient);
  const sSent = doc.sentences[c.sSentence]!;
  const rSent = doc.sentences[c.rSentence]!;
  const sm = sSent.mentions[c.s]!;
  const rm = rSent.mentions[c.r]!;
  f.push(`ty:${sEnt?.type}>${rEnt?.type}`, `sty:${sEnt?.type}`, `rty:${rEnt?.type}`);
  f.push(`srule:${sm.rule}`, `rrule:${rm.rule}`);
  if (sm.coref) f.push("s:coref");
  if (rm.coref) f.push("r:coref");
  if (sm.keys.length > 1) f.push("s:list");
  if (rm.keys.length > 1) f.push("r:list");
  if (sEnt?.key.startsWith("group:")) f.push("s:group");
  if (rEnt?.key.startsWith("group:")) f.push("r:group");
  if (sEnt?.country && sEnt.country === rEnt?.country) f.push("same-country");
  if (c.sentence === 0) f.push("first-sentence");
  if (c.sSentence !== c.rSentence) {
    // Window pair: only the sentence holding the claim's words speaks.
    const sent = doc.sentences[c.sentence]!;
    const toks = sent.tokens;
    f.push(c.sSentence === c.sentence ? "win:s-here" : "win:r-here");
    for (const t of toks) { const k = wordClass(t.norm); if (k) f.push(`win:cls:${k}`); }
    const here = c.sSentence === c.sentence ? sm : rm;
    if (here.coref) f.push("win:here-coref");
    addSide(f, "win:h", toks, here, "", sent.mentions);
    return dedupe(f);
  }
  const toks = sSent.tokens;
  const mentions = sSent.mentions;
  const forward = sm.first < rm.first;
  const ord = forward ? "sr" : "rs";
  const left = forward ? sm : rm;
  const right = forward ? rm : sm;
  f.push(`ord:${ord}`);
  const gap = right.first - left.last - 1;
  const dist = gap <= 0 ? "0" : gap <= 2 ? "1-2" : gap <= 5 ? "3-5" : gap <= 10 ? "6-10" : gap <= 20 ? "11-20" : "21+";
  f.push(`dist:${dist}`, `${ord}|dist:${dist}`);
  const between = toks.slice(left.last + 1, right.first);
  const inner = mentions.filter((m) => m.first > left.last && m.last < right.first).length;
  f.push(`inner:${Math.min(inner, 3)}`);
  const classes = new Set<string>();
  let clauseBreak = false;
  for (const [n, t] of between.entries()) {
    if (insideMention(mentions, left.last + 1 + n)) continue;
    const k = wordClass(t.norm);
    if (k) classes.add(k);
    if (gap <= 12 && /^[\p{L}]/u.test(t.norm)) f.push(`${ord}|b:${stem(t.norm)}`);
    if (t.text === ";" || t.norm === "but" || t.norm === "while" || t.norm === "whereas" || t.norm === "which" || t.norm === "who") clauseBreak = true;
    if (t.text === "“" || t.text === "”" || t.text === '"') f.push("b:quote");
  }
  if (clauseBreak) f.push(`${ord}|clause-break`);
  for (const k of classes) f.push(`${ord}|bc:${k}`);
  if (between.every((t) => t.text === "," || t.norm === "and" || t.norm === "or")) f.push("coordinated");
  // The words next to each role: prepositions and verbs carry the direction.
  const prevR = lastWord(toks, right.first - 1, mentions);
  const nextL = nextWord(toks, left.last + 1, mentions);
  f.push(`${ord}|prevR:${prevR}`, `${ord}|nextL:${nextL}`);
  f.push(`${ord}|prevR:${wordClass(prevR) || "-"}|cls:${[...classes].sort().join("+") || "-"}`);
  f.push(`${ord}|nextL:${wordClass(nextL) || "-"}|prevR:${wordClass(prevR) || "-"}`);
  // The first verb-like class after the left role and before the right one, paired with the right's preposition.
  const firstCls = between.map((t) => wordClass(t.norm)).find((k) => k && k !== "COORD" && k !== "GOODS") ?? "-";
  f.push(`${ord}|first:${firstCls}`, `${ord}|first:${firstCls}|prevR:${wordClass(prevR) || prevR}`);
  addTriggerFrame(f, toks, mentions, sm, rm);
  addTags(f, sSent, left, right, ord);
  addSide(f, "L", toks, left, ord, mentions);
  addSide(f, "R", toks, right, ord, mentions);
  // Origin adjectives ("Chinese-made drones", "Iranian drones fired by Russia").
  const afterS = toks[sm.last + 1];
  if (afterS?.text === "-" && toks[sm.last + 2]) f.push(`s:hyphen:${wordClass(toks[sm.last + 2]!.norm) || stem(toks[sm.last + 2]!.norm)}`);
  if (afterS && /^\p{Ll}/u.test(afterS.text) && wordClass(afterS.norm) === "GOODS") f.push("s:before-goods");
  if (afterS && /^\p{Ll}/u.test(afterS.text)) f.push("s:before-lower");
  const afterR = toks[rm.last + 1];
  if (afterR && wordClass(afterR.norm) === "GOODS") f.push("r:before-goods");
  // Attribution: a party that speaks is seldom the supplier for being named.
  for (const [role, m] of [["s", sm], ["r", rm]] as const) {
    // "Ukraine's military intelligence said", "(part of the Rostec corporation)", "the army, which is fighting the RSF,"
    if (/^['’]s$/u.test(toks[m.last + 1]?.text ?? "")) f.push(`${role}:possessor`);
    if (enclosed(toks, m, "(", ")")) f.push(`${role}:in-brackets`);
    if (inRelativeClause(toks, m)) f.push(`${role}:in-relative-clause`);
    const next = nextWord(toks, m.last + 1, mentions);
    const prev = lastWord(toks, m.first - 1, mentions);
    if (wordClass(next) === "SAY") f.push(`${role}:says`);
    if (wordClass(next) === "SANCTION" || wordClass(prev) === "SANCTION") f.push(`${role}:sanction-near`);
    if (prev === "to" && toks[m.first - 2]?.norm === "according") f.push(`${role}:according`);
    if (wordClass(next) === "DENY") f.push(`${role}:denies`);
  }
  // Sentence-wide cues.
  f.push(...cuesOf(toks, mentions).cues);
  const rules = hits?.get(ruleHitKey(c.s, c.r));
  if (rules) for (const r of rules) f.push(`rule:${r}`, "rule:any");
  const rev = hits?.get(ruleHitKey(c.r, c.s));
  if (rev) f.push("rule:reverse");
  return dedupe(f);
}

const FRAME_CLASSES = new Set(["SUPPLY", "RECEIVE", "USE", "MAKE", "TRAIN"]);
const ROLE_PREPS = new Set(["to", "into", "from", "by", "for", "with", "via", "through", "of", "on", "in", "against"]);

/**
 * The frame around the transfer word nearest the pair: which side of it each party
 * stands, the preposition that introduces each, and whether another party stands
 * closer to the word. "A supplied drones to B" and "B received drones from A" share
 * frames with every other verb of their class.
 */
function addTriggerFrame(f: string[], toks: Token[], mentions: Mention[], sm: Mention, rm: Mention): void {
  const lo = Math.min(sm.first, rm.first);
  const hi = Math.max(sm.last, rm.last);
  let trig = -1, bestD = Infinity;
  for (const i of cuesOf(toks, mentions).frames) {
    const d = i > lo && i < hi ? 0 : i < lo ? lo - i : i - hi;
    if (d < bestD) { bestD = d; trig = i; }
  }
  if (trig < 0) { f.push("frame:none"); return; }
  const cls = wordClass(toks[trig]!.norm);
  const pos = (m: Mention): string => (m.last < trig ? "L" : "R");
  const prep = (m: Mention): string => {
    for (let i = m.first - 1; i >= Math.max(0, m.first - 3); i--) {
      const n = toks[i]!.norm;
      if (ROLE_PREPS.has(n)) return n;
      if (n === "the" || n === "its" || n === "their" || /^\p{Ll}+$/u.test(n) && wordClass(n) === "") continue;
      break;
    }
    return "-";
  };
  // Is another party between this one and the trigger word?
  const nearest = (m: Mention): string => {
    const [a, b] = m.last < trig ? [m.last, trig] : [trig, m.first];
    return mentions.some((o) => o !== m && o.first > a && o.last < b) ? "far" : "near";
  };
  const dist = bestD === 0 ? "in" : bestD <= 3 ? "close" : bestD <= 8 ? "mid" : "off";
  const hyphen = toks[trig - 1]?.text === "-" ? "hy" : "";
  const frame = `${cls}${hyphen}|s${pos(sm)}:${prep(sm)}|r${pos(rm)}:${prep(rm)}`;
  f.push(`frame:${frame}`, `frame:${frame}|${nearest(sm)}|${nearest(rm)}`, `frame:${cls}|s${pos(sm)}|r${pos(rm)}|${dist}`);
  f.push(`frame:s${pos(sm)}:${prep(sm)}|${nearest(sm)}`, `frame:r${pos(rm)}:${prep(rm)}|${nearest(rm)}`, `frame:dist:${dist}`);
  f.push(`frame:${cls}|trig:${stem(toks[trig]!.norm)}|s${pos(sm)}|r${pos(rm)}`);
  // A negation or a clause boundary between the trigger and either party.
  for (const [role, m] of [["s", sm], ["r", rm]] as const) {
    const [a, b] = m.last < trig ? [m.last + 1, trig] : [trig + 1, m.first];
    for (let i = a; i < b; i++) {
      const t = toks[i]!;
      if (t.text === ";" || t.norm === "but" || t.norm === "which" || t.norm === "while") { f.push(`frame:${role}-clause-break`); break; }
    }
  }
}

/**
 * Readings the sentence's structure rules out, whatever the score: a party named in
 * brackets after another party ("Rosoboronexport (part of the Rostec corporation)"), one
 * inside a relative clause that says nothing of goods ("the army, which is fighting the
 * RSF, received …"), a possessor of a speaker ("Ukraine's intelligence agency said"), and
 * a sentence with no word of transfer, goods or use at all ("its departure from Mali").
 * Returns the reason, or null.
 */
export function ruledOut(doc: RecognizedReport, c: PairCandidate): string | null {
  for (const [role, sentence, index] of [["supplier", c.sSentence, c.s], ["recipient", c.rSentence, c.r]] as const) {
    const sent = doc.sentences[sentence]!;
    const m = sent.mentions[index]!;
    const toks = sent.tokens;
    if (enclosed(toks, m, "(", ")")) {
      let open = m.first - 1;
      while (open >= 0 && toks[open]!.text !== "(") open--;
      if (sent.mentions.some((o) => o !== m && o.last === open - 1)) return `${role} in brackets after another party`;
    }
    const clause = relativeClause(toks, m);
    if (clause && !toks.slice(clause[0], clause[1]).some((t) => { const k = wordClass(t.norm); return FRAME_CLASSES.has(k) || k === "GOODS"; })) return `${role} inside a relative clause`;
    // "KYIV, March 3 (Reuters) -": a dateline names a place, not a party.
    if (m.first === 0 && /^\p{Lu}{3,}$/u.test(m.text) && toks[m.last + 1]?.text === ",") return `${role} is a dateline`;
    let poss = -1;
    for (let i = m.first; i <= m.last + 1; i++) if (/^['’]s$/u.test(toks[i]?.text ?? "")) { poss = i; break; }
    if (poss >= 0) {
      for (let i = poss + 1; i < Math.min(toks.length, poss + 10); i++) {
        const t = toks[i]!;
        if (t.text === ",") break;
        if (wordClass(t.norm) === "SAY" && t.norm !== "report" && t.norm !== "statement") return `${role} owns the speaker`;
        if (FRAME_CLASSES.has(wordClass(t.norm))) break;
      }
    }
  }
  // A window pair reaches back into a headline: headlines name topics, not parties to a deal.
  if (headlineWindow(doc, c)) return "window into a headline";
  if (c.sSentence === c.rSentence) {
    const { frames, cues } = cuesOf(doc.sentences[c.sentence]!.tokens, doc.sentences[c.sentence]!.mentions);
    if (!frames.length && cues.includes("sent:no-goods")) return "no word of transfer, use or goods";
  }
  return null;
}

const tagged = new WeakMap<object, Map<number, TaggedWord>>();

/** Parts of speech and lemmas between the two parties: the verbs that link them, whatever their form. */
function addTags(f: string[], sent: RecognizedReport["sentences"][number], left: Mention, right: Mention, ord: string): void {
  let tags = tagged.get(sent);
  if (!tags) {
    tags = new Map(tagWords(sent.span.text, sent.span.start).map((w) => [w.start, w]));
    tagged.set(sent, tags);
  }
  const toks = sent.tokens;
  const seq: string[] = [];
  let verbs = 0;
  for (let i = left.last + 1; i < right.first; i++) {
    const w = tags.get(toks[i]!.start);
    if (!w || insideMention(sent.mentions, i)) continue;
    if (w.pos === "VERB") {
      verbs++;
      f.push(`${ord}|verb:${w.lemma}`);
      const k = wordClass(toks[i]!.norm);
      if (k) f.push(`${ord}|verb-class:${k}`);
    }
    if (w.pos === "NOUN" && FRAME_CLASSES.has(wordClass(toks[i]!.norm))) f.push(`${ord}|noun-trigger:${w.lemma}`);
    if (seq.at(-1) !== w.pos) seq.push(w.pos);
  }
  f.push(`${ord}|verbs:${Math.min(verbs, 3)}`);
  if (seq.length <= 6) f.push(`${ord}|pos:${seq.join("-")}`);
  const before = tags.get(toks[left.first - 1]?.start ?? -1);
  if (before) f.push(`${ord}|L-1pos:${before.pos}`);
  const after = tags.get(toks[right.last + 1]?.start ?? -1);
  if (after) f.push(`${ord}|R+1pos:${after.pos}`);
}

/** A window pair that reaches back into a headline. */
export function headlineWindow(doc: RecognizedReport, c: PairCandidate): boolean {
  return c.sSentence !== c.rSentence && isHeading(doc, Math.min(c.sSentence, c.rSentence));
}

/** A headline or heading: title case, or a sentence without closing punctuation (the splitter ends those at a line break). */
function isHeading(doc: RecognizedReport, n: number): boolean {
  const s = doc.sentences[n]!;
  return s.titleCase || !/[.!?:;"”’)\]]\s*$/u.test(s.span.text);
}

/** Whether a mention stands between an opening and a closing mark with neither crossed in between. */
function enclosed(toks: Token[], m: Mention, open: string, close: string): boolean {
  let i = m.first - 1;
  for (; i >= 0 && m.first - i < 15; i--) { if (toks[i]!.text === close) return false; if (toks[i]!.text === open) break; }
  if (i < 0 || toks[i]?.text !== open) return false;
  for (let j = m.last + 1; j < toks.length && j - m.last < 15; j++) { if (toks[j]!.text === open) return false; if (toks[j]!.text === close) return true; }
  return false;
}

/** ", which is fighting the RSF,": the token range of a comma-bounded relative clause holding a mention. */
function relativeClause(toks: Token[], m: Mention): [number, number] | null {
  for (let i = m.first - 1; i >= 0 && m.first - i < 12; i--) {
    const t = toks[i]!;
    if (t.text === "," || t.text === ";" || t.text === ".") return null;
    if ((t.norm === "which" || t.norm === "who" || t.norm === "whose") && toks[i - 1]?.text === ",") {
      for (let j = m.last + 1; j < toks.length && j - m.last < 12; j++) if (toks[j]!.text === ",") return [i, j];
      return null;
    }
  }
  return null;
}

function inRelativeClause(toks: Token[], m: Mention): boolean {
  return relativeClause(toks, m) !== null;
}

function addSide(f: string[], side: string, toks: Token[], m: Mention, ord = "", mentions: Mention[] = []): void {
  const p = ord ? `${ord}|` : "";
  // A neighbouring word that belongs to another party is "«E»": features never carry names.
  const word = (i: number, edge: string): string => (i < 0 || i >= toks.length ? edge : insideMention(mentions, i) ? "«E»" : toks[i]!.norm);
  const b1 = word(m.first - 1, "^");
  const b2 = word(m.first - 2, "^");
  const a1 = word(m.last + 1, "$");
  const a2 = word(m.last + 2, "$");
  f.push(`${p}${side}-1:${stem(b1)}`, `${p}${side}+1:${stem(a1)}`, `${p}${side}-2:${stem(b2)}`, `${p}${side}+2:${stem(a2)}`);
  f.push(`${p}${side}-1c:${wordClass(b1) || "-"}`, `${p}${side}+1c:${wordClass(a1) || "-"}`);
}

// Which tokens lie inside a mention, per mention list: every feature asks, so it is computed once.
const covered = new WeakMap<Mention[], Uint8Array>();

function insideMention(mentions: Mention[], i: number): boolean {
  let c = covered.get(mentions);
  if (!c) {
    let n = 0;
    for (const m of mentions) n = Math.max(n, m.last + 1);
    c = new Uint8Array(n + 1);
    for (const m of mentions) for (let k = Math.max(0, m.first); k <= m.last; k++) c[k] = 1;
    covered.set(mentions, c);
  }
  return i >= 0 && i < c.length && c[i] === 1;
}

const sentenceCues = new WeakMap<Token[], { cues: string[]; frames: number[] }>();

/** Sentence-wide cue features and the positions of transfer words, once per sentence. */
function cuesOf(toks: Token[], mentions: Mention[]): { cues: string[]; frames: number[] } {
  let hit = sentenceCues.get(toks);
  if (hit) return hit;
  const cues: string[] = [];
  const frames: number[] = [];
  let goods = false;
  toks.forEach((t, i) => {
    const k = wordClass(t.norm);
    if (k === "SANCTION" || k === "DENY" || k === "NEG" || k === "HEDGE" || k === "FUTURE") cues.push(`sent:${k}`);
    if (k === "GOODS") goods = true;
    if (FRAME_CLASSES.has(k) && !insideMention(mentions, i)) frames.push(i);
  });
  if (!goods) cues.push("sent:no-goods");
  hit = { cues, frames };
  sentenceCues.set(toks, hit);
  return hit;
}

function lastWord(toks: Token[], from: number, mentions: Mention[]): string {
  for (let i = from; i >= 0; i--) {
    if (insideMention(mentions, i)) return "«E»";
    const t = toks[i]!;
    if (/^[\p{L}]/u.test(t.norm) && t.norm !== "the" && t.norm !== "a" && t.norm !== "an") return t.norm;
    if (t.text === "," || t.text === ";" || t.text === ":") return t.text;
  }
  return "^";
}

function nextWord(toks: Token[], from: number, mentions: Mention[]): string {
  for (let i = from; i < toks.length; i++) {
    if (insideMention(mentions, i)) return "«E»";
    const t = toks[i]!;
    if (/^[\p{L}]/u.test(t.norm) && t.norm !== "the" && t.norm !== "a" && t.norm !== "an") return t.norm;
    if (t.text === "," || t.text === ";" || t.text === ":") return t.text;
  }
  return "$";
}

function dedupe(f: string[]): string[] {
  return [...new Set(f)];
}

export type { DocEntity };
