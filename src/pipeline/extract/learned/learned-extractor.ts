import type { Stance, TransferKind } from "../../../domain/types.ts";
import type { Lexicon } from "../../recognize/lexicon.ts";
import type { RecognizedReport, RecognizedSentence } from "../../recognize/recognize-entities.ts";
import { assessClaim } from "../assess-claim.ts";
import { ABSTRACT_ITEMS, extractTransfers, findRaw, type KeyedTransfer } from "../extract-transfers.ts";
import { maskSentence, type MaskedSentence } from "../masked-sentence.ts";
import { classifyKind, parseItems } from "../parse-items.ts";
import { cleanItems } from "../clean-items.ts";
import type { RawTransfer } from "../raw-transfer.ts";
import { pairCandidates, type PairCandidate } from "./pair-candidates.ts";
import { headlineWindow, pairFeatures, ruledOut, ruleHitKey, type RuleHits } from "./pair-features.ts";
import { probability, scoreFeatures, type LinearModel } from "./linear-model.ts";
import { wordClass } from "./word-classes.ts";

/** A candidate pair with its features and the rule finding (if any) behind it. */
export interface FeaturedCandidate extends PairCandidate {
  features: string[];
  raw?: RawTransfer | undefined;
}

export const LEARNED_RULE = "extract/learned-pair";

/** Candidates of a recognized report with their features; shared by training and extraction. */
export function featuredCandidates(doc: RecognizedReport): { candidates: FeaturedCandidate[]; masked: MaskedSentence[]; found: RawTransfer[][] } {
  const masked = doc.sentences.map((s) => maskSentence(s));
  const hits: RuleHits[] = [];
  const raws: Map<string, RawTransfer>[] = [];
  const found: RawTransfer[][] = [];
  for (const ms of masked) {
    const h: RuleHits = new Map();
    const rmap = new Map<string, RawTransfer>();
    const inSentence = ms.sentence.mentions.length >= 2 ? findRaw(ms) : [];
    found.push(inSentence);
    for (const raw of inSentence) for (const s of raw.sup) for (const r of raw.rec) {
      const k = ruleHitKey(s, r);
      h.set(k, [...(h.get(k) ?? []), raw.rule]);
      if (!rmap.has(k)) rmap.set(k, raw);
    }
    hits.push(h);
    raws.push(rmap);
  }
  const candidates = pairCandidates(doc).map((c) => {
    const same = c.sSentence === c.rSentence;
    return { ...c, features: pairFeatures(doc, c, same ? hits[c.sentence] : undefined), raw: same ? raws[c.sentence]!.get(ruleHitKey(c.s, c.r)) : undefined };
  });
  return { candidates, masked, found };
}

export interface LearnedTransfer extends KeyedTransfer {
  score: number;
  model: string;
  features: Array<[string, number]>;
}

/**
 * Scores every candidate pair and keeps, per supplier → recipient, the records whose
 * score reaches the model's threshold: the best one, plus any other with its own
 * stance or claimant (an accusation and its denial are two records).
 */
export interface LearnedOptions {
  includeNegated?: boolean;
  /** Candidates already featured for this report (the encoder modes compute them first). */
  featured?: ReturnType<typeof featuredCandidates> | undefined;
  /** Another decider's scores and decisions per candidate (the encoder, or the cascade), in candidate order. */
  decisions?: { scores: number[]; accept: boolean[]; version: string } | undefined;
}

export function extractLearned(doc: RecognizedReport, lexicon: Lexicon, text: string, model: LinearModel, opts: LearnedOptions = {}): LearnedTransfer[] {
  const { candidates, masked, found } = opts.featured ?? featuredCandidates(doc);
  // The rules' own reading of stance, claimant and items where they fired: they know
  // constructions ("a charge Iran rejected", "refuted reports that") the frame does not.
  const ruled = new Map<string, KeyedTransfer[]>();
  for (const t of extractTransfers(doc, lexicon, text, found)) {
    const k = `${t.evidence.start}|${t.supplier}|${t.recipient}`;
    ruled.set(k, [...(ruled.get(k) ?? []), t]);
  }
  const decided = opts.decisions;
  const scored = candidates
    .map((c, i) => ({ c, i, p: decided ? decided.scores[i]! : probability(model, c.features) }))
    .filter((x) => (decided ? decided.accept[x.i]! : accepts(model, x.c, x.p)))
    // The fast model's strongest features explain the pair whoever decided it.
    .map(({ c, p }) => ({ c, s: { ...scoreFeatures(model, c.features), score: p } }));
  const version = decided?.version ?? model.version;
  scored.sort((a, b) => b.s.score - a.s.score || a.c.sentence - b.c.sentence);
  const out: LearnedTransfer[] = [];
  const seen = new Set<string>();
  const push = (t0: KeyedTransfer, score: number, top: Array<[string, number]>, rule: string): void => {
    // A claim inside a quotation is the speaker's: "“Iran has not delivered missiles,” Kanaani said."
    const speaker = t0.claimant === null ? speakers.get(t0.evidence.start) : undefined;
    const t1 = speaker && speaker !== t0.recipient ? { ...t0, claimant: speaker, cues: [...t0.cues, "quoted"] } : t0;
    const items = cleanItems(t1.items, partyNames);
    const t = items.length === t1.items.length ? t1 : { ...t1, items, kind: classifyKind(items, lexicon, t1.kind) };
    if (t.modality === "negated" && !opts.includeNegated) return;
    const key = `${t.supplier}|${t.recipient}|${t.stance}|${t.claimant ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...t, score: Math.round(score * 1000) / 1000, model: version, features: top, rule });
  };
  const speakers = quoteSpeakers(doc);
  const partyNames = [...doc.entities.values()].flatMap((e) => [e.name, ...e.aliases]);
  const considered = new Set<string>();
  // A window into a headline is the headline rule's to read ("Report on Military Aid to Laos").
  for (const c of candidates) if (!headlineWindow(doc, c)) considered.add(`${doc.sentences[c.sentence]!.span.start}|${c.supplier}|${c.recipient}`);
  for (const { c, s } of scored) {
    // An outlet reports; it is never a party to the transfer it reports.
    if (doc.entities.get(c.supplier)?.type === "media" || doc.entities.get(c.recipient)?.type === "media") continue;
    if (accuserNotSupplier(doc.sentences[c.sSentence]!, c.s) || ruledOut(doc, c)) continue;
    const scope = negationScope(doc.sentences[c.sentence]!, c);
    const fromRules = ruled.get(`${doc.sentences[c.sentence]!.span.start}|${c.supplier}|${c.recipient}`);
    const t = settleCandidate(doc, c, masked[c.sentence]!, lexicon, text, speakers);
    if (fromRules) {
      for (const r of fromRules) push(scope ? negate(r, scope) : r, s.score, s.top, r.rule);
      // The rules read negations as "did not happen"; a party saying so denies it.
      if (t?.stance === "denied" && !fromRules.some((r) => r.stance === "denied")) push(t, s.score, s.top, fromRules[0]!.rule);
      continue;
    }
    if (t) push(scope ? negate(t, scope) : t, s.score, s.top, LEARNED_RULE);
  }
  // Pairs the rules found that no candidate covers (a headline's recipient, a leader
  // acting for its state) keep the rules' word, marked as unscored.
  for (const [k, ts] of ruled) if (!considered.has(k)) for (const t of ts) push(t, 1, [["rule-only", 0]], t.rule);
  // "Five Chinese companies, including A, B and C": each member gets the group's records too.
  const members = groupMembers(doc);
  for (const t of [...out]) {
    for (const m of members.get(t.supplier) ?? []) if (m !== t.recipient) push({ ...t, supplier: m, cues: [...t.cues, "member of a group"] }, t.score, t.features, t.rule);
    for (const m of members.get(t.recipient) ?? []) if (m !== t.supplier) push({ ...t, recipient: m, cues: [...t.cues, "member of a group"] }, t.score, t.features, t.rule);
  }
  // Reports read top to bottom: order records by where their evidence stands.
  out.sort((a, b) => a.evidence.start - b.evidence.start || b.score - a.score);
  return resolveDenials(doc, out);
}

// "has not seen China provide", "found no evidence that X supplied": a negated perception
// or finding before the supplier covers the clause that follows it.
const NEGATED_FINDING = /\b(?:(?:has|have|had|did|does|do)\s+not|(?:has|have|had)n['’]t|didn['’]t|never|no)\s+(?:\w+\s+){0,2}?(?:seen|see|found|find|observed|evidence|indications?|signs?|proof|information)\b/iu;

function negationScope(sentence: RecognizedSentence, c: PairCandidate): string | null {
  if (c.sSentence !== c.sentence) return null;
  const sm = sentence.mentions[c.s]!;
  const before = sentence.span.text.slice(0, sm.start - sentence.span.start);
  const clause = before.split(/[;:]|\bbut\b|\bwhile\b|\bwhereas\b/u).pop() ?? "";
  const m = NEGATED_FINDING.exec(clause.slice(-80));
  return m ? m[0] : null;
}

function negate(t: KeyedTransfer, cue: string): KeyedTransfer {
  if (t.stance === "denied") return t;
  const cues = [...t.cues, `negation: ${cue}`];
  return t.claimant !== null ? { ...t, stance: "denied", modality: "actual", cues } : { ...t, modality: "negated", cues };
}

const ACCUSE = /^(?:accus\w*|urg(?:e|ed|es|ing)|demand\w*|call(?:ed|s|ing)|ask(?:ed|s|ing)|press(?:ed|es|ing)|sanction\w*|designat\w*|blacklist\w*|indict\w*|charg(?:ed|es|ing)|alleg\w*|condemn\w*|restrict\w*|target\w*|penali[sz]\w*|fin(?:ed|es))$/u;

/**
 * "Washington accused North Korea of shipping …", "The Commerce Department announced
 * measures restricting exports to …": a party whose own verb accuses, sanctions or
 * speaks is the claimant or the regulator, not the supplier, unless a supply verb
 * comes first.
 */
function accuserNotSupplier(sentence: RecognizedSentence, s: number): boolean {
  const m = sentence.mentions[s]!;
  for (let i = m.last + 1; i < Math.min(sentence.tokens.length, m.last + 6); i++) {
    const t = sentence.tokens[i]!;
    if (sentence.mentions.some((o) => o.first <= i && i <= o.last)) return false;
    // "Belarus is accused of supplying", "X was designated for having supplied": the party
    // is the accused one; "allegedly" hedges the party's own act.
    if (ACCUSE.test(t.norm)) return !/ly$/u.test(t.norm) && !/^(?:is|was|are|were|be|been|being)$/u.test(sentence.tokens[i - 1]?.norm ?? "");
    const k = wordClass(t.norm);
    if (k === "SUPPLY" || k === "RECEIVE" || k === "USE" || k === "MAKE" || t.text === "," || t.text === ".") return false;
  }
  return false;
}

const OPEN_QUOTE = /^["“«‘]/u;
const CLOSE_QUOTE = /["”»’]$/u;

/**
 * For sentences inside a quotation, the party who speaks it: the first party named after
 * the closing quote mark and followed by a verb of saying ("…,” Peskov told reporters),
 * or named before the opening mark with one ("Peskov said: “…”"). Keyed by sentence start.
 */
export function quoteSpeakers(doc: RecognizedReport): Map<number, string> {
  const out = new Map<number, string>();
  const sents = doc.sentences;
  for (let n = 0; n < sents.length; n++) {
    const toks = sents[n]!.tokens;
    const open = toks.findIndex((t) => OPEN_QUOTE.test(t.text));
    if (open < 0) continue;
    // The quotation runs to the first closing mark, in this sentence or one of the next three.
    let end = -1, endSentence = -1;
    for (let k = n; k < Math.min(sents.length, n + 4) && end < 0; k++) {
      const from = k === n ? open + 1 : 0;
      const i = sents[k]!.tokens.findIndex((t, j) => j >= from && CLOSE_QUOTE.test(t.text) && t.text !== "’" || (j >= from && t.text === '"' && k === n && j > open));
      if (i >= 0) { end = i; endSentence = k; }
    }
    let speaker: string | undefined;
    const before = sents[n]!.mentions.filter((m) => m.last < open && m.last >= open - 8).pop();
    if (before && toks.slice(before.last + 1, open).some((t) => wordClass(t.norm) === "SAY")) speaker = before.keys[0];
    if (!speaker && endSentence >= 0) {
      const sent = sents[endSentence]!;
      const after = sent.mentions.find((m) => m.first > end && m.first <= end + 6);
      if (after && sent.tokens.slice(after.last + 1, after.last + 4).some((t) => wordClass(t.norm) === "SAY")) speaker = after.keys[0];
      if (!speaker && after && sent.tokens.slice(end + 1, after.first).some((t) => wordClass(t.norm) === "SAY")) speaker = after.keys[0];
    }
    if (!speaker) continue;
    for (let k = n; k <= Math.max(n, endSentence); k++) if (!out.has(sents[k]!.span.start)) out.set(sents[k]!.span.start, speaker);
    if (endSentence > n) n = endSentence;
  }
  return out;
}

const MEMBER_LEAD = /^(?:including|includes|include|namely|such|as|among|them|:|-|–|—|\(|,)$/u;

/**
 * The members a report lists for a group party: "five Chinese companies, including A,
 * B and C", "three firms – A, B and C –", "the entities (A and B)". Members are named
 * organisations that follow the group in the same sentence, joined by commas and "and".
 */
export function groupMembers(doc: RecognizedReport): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const sentence of doc.sentences) {
    const { mentions, tokens } = sentence;
    mentions.forEach((g, gi) => {
      const key = g.keys[0];
      if (!key?.startsWith("group:") || g.keys.length !== 1) return;
      // Lead words between the group and its first member.
      let i = g.last + 1;
      let lead = 0;
      while (i < tokens.length && MEMBER_LEAD.test(tokens[i]!.norm) && lead < 3) { i++; lead++; }
      if (!lead) return;
      const found: string[] = [];
      for (let mi = gi + 1; mi < mentions.length; mi++) {
        const m = mentions[mi]!;
        if (m.first !== i) break;
        if (!m.keys.every((k) => k.startsWith("name:") || k.startsWith("kb:"))) break;
        found.push(...m.keys);
        i = m.last + 1;
        // Separators between members; anything else ends the list.
        while (i < tokens.length && /^(?:,|and|&|as|well)$/u.test(tokens[i]!.norm)) i++;
      }
      if (found.length) out.set(key, [...new Set([...(out.get(key) ?? []), ...found])]);
    });
  }
  return out;
}

/** Whether the model takes a candidate: its score reaches the threshold, or the lower one for rule-found pairs. */
export function accepts(model: LinearModel, c: { raw?: unknown }, score: number): boolean {
  return score >= (c.raw && model.ruleThreshold !== undefined ? Math.min(model.ruleThreshold, model.threshold) : model.threshold);
}

const TRIGGER_CLASSES = new Set(["SUPPLY", "RECEIVE", "USE", "MAKE", "TRAIN"]);

/** Stance, claimant, modality, items and evidence of one accepted candidate, read from its sentence. */
function settleCandidate(doc: RecognizedReport, c: FeaturedCandidate, ms: MaskedSentence, lexicon: Lexicon, text: string, speakers: Map<number, string>): KeyedTransfer | null {
  const sentence = doc.sentences[c.sentence]!;
  const here: number[] = [];
  if (c.sSentence === c.sentence) here.push(c.s);
  if (c.rSentence === c.sentence) here.push(c.r);
  let trig: [number, number];
  let itemsText = "";
  if (c.raw) {
    trig = c.raw.trig;
    itemsText = c.raw.items;
  } else {
    const t = findTrigger(sentence, here);
    trig = t ? [maskedOffset(ms, sentence, t.start), maskedOffset(ms, sentence, t.end)] : [0, 0];
    if (t) itemsText = goodsAfter(ms.masked, trig[1]);
  }
  const positions = here.map((i) => ms.masked.indexOf(`«${i}»`)).filter((p) => p >= 0);
  const roleStart = Math.min(trig[0], ...positions);
  const a = assessClaim(ms.masked, roleStart, trig[0], trig[1], here, c.raw?.stance);
  // Conditionals ("if China provided …") and pleas ("urged France not to sell") claim nothing.
  if (a.skip) return null;
  const items = parseItems(itemsText).filter((i) => !/«\d+»/u.test(i));
  // "received a stern warning from the Council": nothing changed hands.
  if (items.length && items.every((i) => ABSTRACT_ITEMS.test(i))) return null;
  const kind: TransferKind = classifyKind(items, lexicon, c.raw?.kind as TransferKind | undefined);
  let claimant = a.claimant !== null ? sentence.mentions[a.claimant]?.keys[0] ?? null : null;
  if (claimant === c.recipient) claimant = null;
  let stance: Stance = a.stance;
  let modality = a.modality;
  // "X said it has not sold weapons to Y": someone saying it did not happen denies it.
  // In the author's own voice it is a negated transfer, kept only on request.
  // A quoted or reported negation with no named speaker is the supplier's own denial.
  if (modality === "negated" && claimant === null && /["“”]/u.test(sentence.span.text)) claimant = speakers.get(sentence.span.start) ?? c.supplier;
  if (modality === "negated" && claimant !== null) {
    stance = "denied";
    modality = "actual";
  }
  const trigSpan = ms.original(trig[0], trig[1]);
  return {
    supplier: c.supplier,
    recipient: c.recipient,
    items,
    kind,
    stance,
    claimant: claimant === c.supplier && stance !== "denied" ? null : claimant,
    evidence: { text: sentence.span.text, start: sentence.span.start, end: sentence.span.end },
    modality,
    rule: LEARNED_RULE,
    trigger: { text: text.slice(trigSpan.start, trigSpan.end), start: trigSpan.start, end: trigSpan.end },
    cues: a.cues,
  };
}

/** The supply-like word nearest the roles, preferring one between them. */
function findTrigger(sentence: RecognizedSentence, roles: number[]): { start: number; end: number } | null {
  const ms = roles.map((i) => sentence.mentions[i]!).filter(Boolean);
  if (!ms.length) return null;
  const lo = Math.min(...ms.map((m) => m.last));
  const hi = Math.max(...ms.map((m) => m.first));
  let best: { start: number; end: number; d: number } | null = null;
  sentence.tokens.forEach((t, i) => {
    if (!TRIGGER_CLASSES.has(wordClass(t.norm))) return;
    if (sentence.mentions.some((m) => m.first <= i && i <= m.last)) return;
    const d = i > lo && i < hi ? 0 : Math.min(Math.abs(i - lo), Math.abs(i - hi)) + 1;
    if (!best || d < best.d) best = { start: t.start, end: t.end, d };
  });
  return best;
}

function maskedOffset(ms: MaskedSentence, sentence: RecognizedSentence, reportOffset: number): number {
  let shift = 0;
  for (const [i, m] of sentence.mentions.entries()) {
    if (m.end <= reportOffset) shift += `«${i}»`.length - (m.end - m.start);
  }
  return Math.max(0, Math.min(ms.masked.length, reportOffset - sentence.span.start + shift));
}

/** The goods phrase right after a trigger: up to the next party, clause or preposition of role. */
function goodsAfter(masked: string, from: number): string {
  const rest = masked.slice(from);
  const m = /^[^«;.]{0,100}?(?=\s(?:to|into|from|for|by|via|through|with|in|on|at)\s|«|[;.,]|$)/u.exec(rest);
  return m ? m[0] : "";
}

const DENIAL_SENTENCE = /\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?)\b[^.]{0,80}\b(?:claims?|reports?|allegations?|accusations?|charges?|assertions?|suggestions?|that|supplying|selling|providing|sending|delivering|having)\b|\b(?:baseless|groundless|unfounded|utterly false|not true|untrue|fabricat\w+|a lie|lies|nonsense|propaganda)\b/iu;

/**
 * A denial in another sentence of the report ("Moscow has denied the claims") answers
 * the claims it names: a party of the claim who speaks a denial anywhere in the report
 * adds a denied record with itself as claimant.
 */
function resolveDenials(doc: RecognizedReport, found: LearnedTransfer[]): LearnedTransfer[] {
  const out = [...found];
  const have = new Set(found.map((t) => `${t.supplier}|${t.recipient}|${t.stance}`));
  for (const sentence of doc.sentences) {
    const m = DENIAL_SENTENCE.exec(sentence.span.text);
    if (!m) continue;
    const at = sentence.span.start + m.index;
    // The denier speaks before the denial word; the claim denied is the supplier's.
    const speakers = new Set(sentence.mentions.filter((x) => x.start < at).flatMap((x) => x.keys));
    const named = new Set(sentence.mentions.flatMap((x) => x.keys));
    const supplyTalk = sentence.tokens.some((t) => wordClass(t.norm) === "SUPPLY" || wordClass(t.norm) === "GOODS");
    for (const t of found) {
      if (t.stance === "denied" || have.has(`${t.supplier}|${t.recipient}|denied`)) continue;
      // "Moscow has denied the claims": the supplier denying, when the sentence speaks of the
      // goods or names the recipient; "Tehran denied arming Moscow": the recipient, naming the supplier.
      const denier = speakers.has(t.supplier) && (supplyTalk || named.has(t.recipient)) ? t.supplier
        : speakers.has(t.recipient) && named.has(t.supplier) && supplyTalk ? t.recipient : null;
      if (!denier) continue;
      have.add(`${t.supplier}|${t.recipient}|denied`);
      out.push({ ...t, stance: "denied", claimant: denier, evidence: { text: sentence.span.text, start: sentence.span.start, end: sentence.span.end }, cues: [...t.cues, `denial: ${m[0]}`] });
    }
  }
  return out;
}
