import type { ExtractedTransfer, TransferKind } from "../../domain/types.ts";
import type { Lexicon } from "../recognize/lexicon.ts";
import { normalizeName } from "../../domain/normalize-name.ts";
import type { DocEntity, RecognizedReport } from "../recognize/recognize-entities.ts";
import { assessClaim } from "./assess-claim.ts";
import { maskSentence, markersIn, type MaskedSentence } from "./masked-sentence.ts";
import { classifyKind, parseItems } from "./parse-items.ts";
import type { RawTransfer } from "./raw-transfer.ts";
import { PATTERN_RULES } from "./rules/index.ts";
import { originAdjective } from "./rules/07-origin-adjective.ts";
import { sharedRecipient } from "./rules/11-shared-recipient.ts";
import { reportRecipient, titleRecipient } from "./rules/16-report-recipient.ts";

/** A transfer with entity keys (not yet output ids), and why it was found. */
export interface KeyedTransfer extends Omit<ExtractedTransfer, "supplier" | "recipient" | "claimant"> {
  supplier: string;
  recipient: string;
  claimant: string | null;
  cues: string[];
}

/** Runs every extraction rule over every sentence of a recognized report. */
export function extractTransfers(doc: RecognizedReport, lexicon: Lexicon, text: string, patternFindings?: RawTransfer[][]): KeyedTransfer[] {
  const out: KeyedTransfer[] = [];
  const seen = new Set<string>();
  const first = doc.sentences[0] ? maskSentence(doc.sentences[0]) : undefined;
  const reportRecipientKey = titleRecipient(first);
  for (const [index, sentence] of doc.sentences.entries()) {
    // A transfer needs two parties (one, when the headline supplies the recipient).
    if (sentence.mentions.length < (reportRecipientKey ? 1 : 2)) continue;
    const ms = maskSentence(sentence);
    // The learned stage has already run the patterns; their findings are reused.
    const raws = patternFindings?.[index]?.slice() ?? findRaw(ms);
    raws.push(...sharedRecipient(ms, raws));
    if (reportRecipientKey && sentence !== doc.sentences[0]) {
      // The headline's recipient stands in for a mention of this sentence.
      const at = sentence.mentions.length;
      sentence.mentions.push({ text: "", start: sentence.span.start, end: sentence.span.start, first: 0, last: -1, keys: [reportRecipientKey], rule: "extract/16-report-recipient", coref: true });
      const extra = reportRecipient(ms, raws, at);
      if (extra.length) raws.push(...extra);
      else sentence.mentions.pop();
    }
    const found: KeyedTransfer[] = [];
    for (const raw of raws) found.push(...settle(raw, ms, doc.entities, lexicon, text));
    found.push(...laterDenials(ms, found));
    {
      for (const t of found) {
        const key = `${t.supplier}|${t.recipient}|${t.stance}|${t.claimant ?? ""}|${t.modality}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(t);
      }
    }
  }
  return out;
}

const LATER_DENIAL = /\b(?:charges?|claims?|accusations?|allegations?|reports?|assertions?)\s+(?:that\s+)?«(\d+)»\s+(?:has\s+|have\s+|had\s+)?(?:flatly\s+|firmly\s+|strongly\s+)?(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\b/iu;

/** "…, a charge Iran rejected": the same claim, denied by the party named after it. */
function laterDenials(ms: MaskedSentence, found: KeyedTransfer[]): KeyedTransfer[] {
  const m = LATER_DENIAL.exec(ms.masked);
  const denier = m ? ms.sentence.mentions[Number(m[1])]?.keys[0] : undefined;
  if (!denier) return [];
  return found.filter((t) => t.stance !== "denied").map((t) => ({ ...t, stance: "denied" as const, claimant: denier, cues: [...t.cues, `denial: ${m![0]}`] }));
}

export function findRaw(ms: MaskedSentence): RawTransfer[] {
  const raws: RawTransfer[] = [];
  // A transfer needs two parties.
  if (ms.sentence.mentions.length < 2) return raws;
  for (const rule of PATTERN_RULES) {
    if (!rule.requires.test(ms.masked)) continue;
    for (const re of rule.patterns) {
      re.lastIndex = 0;
      for (;;) {
        const m = re.exec(ms.masked);
        if (!m) break;
        const g = m.groups ?? {};
        const trig = m.indices?.groups?.["trig"];
        const itemsAt = m.indices?.groups?.["items"] ?? m.indices?.groups?.["items2"];
        if (trig) {
          // Without an items slot, the goods are the words just before the trigger ("X were supplied to …").
          const before = itemsAt ? null : /[^«;,.]{0,80}$/u.exec(ms.masked.slice(0, trig[0]));
          const items = itemsAt ? ms.original(itemsAt[0], itemsAt[1]).text : before ? ms.original(before.index, before.index + before[0].length).text : "";
          raws.push({ rule: rule.id, sup: markersIn(g["sup"]), rec: markersIn(g["rec"]), items, trig: [trig[0], trig[1]], stance: rule.stance, kind: rule.kind, supplierTypes: rule.supplierTypes, supplierAsState: rule.supplierAsState });
          // An intermediary ("via front companies in Hong Kong") supplies what it passes on.
          if (g["via"]) raws.push({ rule: rule.id, sup: markersIn(g["via"]), rec: markersIn(g["rec"]), items, trig: [trig[0], trig[1]], stance: rule.stance, kind: rule.kind });
        }
        // Overlapping matches: a later trigger may share the subject of this one.
        re.lastIndex = m.index + 1;
      }
    }
  }
  raws.push(...originAdjective(ms));
  return raws;
}

/**
 * A head of state or government acting ("Biden approved a package for Ukraine") acts
 * for the state; so does a ministry approving a sale. The state becomes the supplier.
 */
function actingState(key: string, raw: RawTransfer, entities: Map<string, DocEntity>, lexicon: Lexicon): string {
  const e = entities.get(key);
  if (!e?.country) return key;
  const leader = e.type === "person";
  const agency = raw.supplierAsState && e.type === "organization" && !!e.kb;
  if (!leader && !agency) return key;
  const stateKey = `state:${e.country}`;
  if (!entities.has(stateKey)) {
    const c = lexicon.countries.get(e.country);
    const aliases = c?.names.slice(0, 3) ?? [];
    entities.set(stateKey, { key: stateKey, name: c?.name ?? e.country, type: "state", country: e.country, aliases: new Set(aliases), normalized: new Set(aliases.map(normalizeName)), order: entities.size });
  }
  return stateKey;
}

export const ABSTRACT_ITEMS = /\b(?:warnings?|messages?|letters?|calls?|visits?|delegations?|invitations?|praise|criticism|condemnation|assurances?|guarantees?|thanks|requests?|complaints?|threats?|awards?|prizes?|votes?|mandates?|approval|permission|sanctions?|briefings?|reports?|statements?|questions?|answers?|responses?|replies|signals?|apolog(?:y|ies)|congratulations|condolences|support of|backing)\b/iu;

function settle(raw: RawTransfer, ms: MaskedSentence, entities: Map<string, DocEntity>, lexicon: Lexicon, text: string): KeyedTransfer[] {
  const { sentence, masked } = ms;
  const positions = [...raw.sup, ...raw.rec].map((i) => masked.indexOf(`«${i}»`)).filter((p) => p >= 0);
  const roleStart = Math.min(raw.trig[0], ...positions);
  const a = assessClaim(masked, roleStart, raw.trig[0], raw.trig[1], [...raw.sup, ...raw.rec], raw.stance);
  if (a.skip || a.modality === "negated" && false) return [];
  const items = parseItems(raw.items);
  // "received a stern warning from the Council": nothing changed hands.
  if (items.length && items.every((i) => ABSTRACT_ITEMS.test(i))) return [];
  const kind: TransferKind = classifyKind(items, lexicon, raw.kind as TransferKind | undefined);
  const claimantKey = a.claimant !== null ? sentence.mentions[a.claimant]?.keys[0] ?? null : null;
  const trigSpan = ms.original(raw.trig[0], raw.trig[1]);
  const trigStart = trigSpan.start;
  const trigEnd = trigSpan.end;
  const out: KeyedTransfer[] = [];
  for (const si of raw.sup) for (const ri of raw.rec) {
    const sm = sentence.mentions[si];
    const rm = sentence.mentions[ri];
    if (!sm || !rm) continue;
    for (const sk0 of sm.keys) for (const rk of rm.keys) {
      const sk = actingState(sk0, raw, entities, lexicon);
      if (sk === rk) continue;
      const se = entities.get(sk);
      const re = entities.get(rk);
      if (!se || !re) continue;
      if (se.type === "person" || re.type === "person" || se.type === "media") continue;
      if (se.country && re.type === "state" && se.country === re.country && se.type === "organization" && rk.startsWith("state:") && raw.rule !== "extract/10-training") {
        // A firm supplying its own state is domestic procurement, not a transfer between parties
        // this tool tracks; kept, since the guidelines count it.
      }
      if (raw.supplierTypes && !raw.supplierTypes.includes(se.type)) continue;
      // "AMD said it has not sold products to Russia": a party saying it did not supply is denying it.
      const selfDenial = a.modality === "negated" && claimantKey !== null && claimantKey === sk;
      out.push({
        supplier: sk, recipient: rk, items, kind, stance: selfDenial ? "denied" : a.stance,
        claimant: claimantKey && claimantKey !== sk || a.stance === "denied" ? claimantKey : claimantKey,
        evidence: { text: sentence.span.text, start: sentence.span.start, end: sentence.span.end },
        modality: selfDenial ? "actual" : a.modality, rule: raw.rule,
        trigger: { text: text.slice(trigStart, trigEnd), start: trigStart, end: trigEnd },
        cues: a.cues,
      });
    }
  }
  return out;
}
