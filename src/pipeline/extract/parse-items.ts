import type { TransferKind } from "../../domain/types.ts";
import { phraseKey } from "../analyze/tokenize.ts";
import type { Lexicon } from "../recognize/lexicon.ts";

// Longer alternatives first: "more than" must win over "more".
const LEADING = /^(?:(?:tens of thousands of|thousands of|hundreds of|dozens of|more than|less than|fewer than|up to|at least|as many as|nearly|almost|about|around|over|some|a total of|unprecedented (?:amount|volume) of|(?:large |huge |significant )?(?:amount|volume|number|quantities|batch(?:es)?|shipments?|deliveries|supplies|consignments?) of|air defen[cs]e systems,? such as|such as|including|e\.g\.|a|an|the|both|additional|more|further|other|its|their|his|her|our|several|many|various|new|key|also|only|of|in|\$?[\d.,]+(?:\s*(?:million|billion|bn|m|k|per cent|percent|%))?)\s+)+/iu;
const TRAILING = /\s+(?:in|on|at|during|since|from|for|through|via|valued|last|this|that|which|who|to|by|as|after|before|when|while|under|according|amid|despite)\b.*$/iu;

/** Splits the goods phrase of a claim into items: "both finished equipment and assistance" → two items. */
export function parseItems(raw: string): string[] {
  let s = raw.replace(/\s+/g, " ").replace(/^[\s,:;]+|[\s,.;:]+$/g, "");
  if (!s) return [];
  // "$500 million worth of U.S. arms": the goods follow "worth of".
  s = s.replace(/^.*?\bworth of\s+/iu, "").replace(/^(?:is|are|was|were|has|have|had)\s+(?:(?:now|also|already|\w+ly)\s+)*\w+(?:ing|ed)\s+/iu, "");
  s = s.replace(TRAILING, "");
  // Commas inside numbers ("1,000") do not separate items.
  const parts = s.split(/\s*(?:,(?!\d{3}\b)|;|\band\b|\bor\b|\bas well as\b|\balong with\b|\bplus\b)\s*/iu);
  const out: string[] = [];
  for (let p of parts) {
    p = p.replace(LEADING, "").replace(/["“”'‘’`]+/g, "").trim();
    if (!p || p.length < 2 || /^(?:the|a|an|it|them|that|this|with|both|and|or)$/iu.test(p)) continue;
    // A clause, not a thing: "weapons are being supplied", "would not sell weapons".
    if (/\b(?:is|are|was|were|be|been|being|would|will|had|has|have|not|said|says)\b/iu.test(p)) continue;
    if (p.split(" ").length > 8) p = p.split(" ").slice(0, 8).join(" ");
    if (!out.includes(p)) out.push(p);
    if (out.length >= 10) break;
  }
  return out;
}

const KIND_WORDS: Array<[RegExp, TransferKind]> = [
  [/\b(?:training|train|maintenance|repair|services?|support|advisers?|instructors?|logistics)\b/iu, "services"],
  [/\b(?:technolog\w*|know-how|licen[cs]e|production lines?|blueprints?|designs?|production assistance|production technology|military production)\b/iu, "technology"],
  [/\b(?:components?|parts?|spare parts|chips?|microelectronics|semiconductors?|integrated circuits?|engines?|bearings?|electronics|modules?|sensors?|cameras?)\b/iu, "components"],
  [/\b(?:dual-use|machine tools?|cnc|thermal imag\w*|optics|navigation|gps|commercial drones?|civilian drones?|nitrocellulose|precursors?)\b/iu, "dual_use"],
  [/\b(?:arms|weapons?|munitions?|ammunition|missiles?|rockets?|shells?|rounds|artillery|howitzers?|tanks?|armou?red|vehicles?|aircraft|jets?|fighters?|helicopters?|drones?|uavs?|warships?|frigates?|submarines?|rifles?|guns?|grenades?|mortars?|bombs?|military|defen[cs]e articles|air defen[cs]e|launchers?|systems?|equipment)\b/iu, "arms"],
];

/** The kind of a transfer from its items: dictionary designations first, then keywords. */
export function classifyKind(items: string[], lexicon: Lexicon, fallback: TransferKind | undefined): TransferKind {
  const votes = new Map<TransferKind, number>();
  for (const it of items) {
    const info = lexicon.items.get(phraseKey(it)) ?? lastWords(it, lexicon);
    if (info) { votes.set(info.kind, (votes.get(info.kind) ?? 0) + 2); continue; }
    for (const [re, kind] of KIND_WORDS) if (re.test(it)) { votes.set(kind, (votes.get(kind) ?? 0) + 1); break; }
  }
  if (!votes.size) return fallback ?? "unspecified";
  return [...votes].sort((a, b) => b[1] - a[1])[0]![0];
}

function lastWords(item: string, lexicon: Lexicon): ReturnType<Lexicon["items"]["get"]> {
  const words = phraseKey(item).split(" ");
  for (let n = Math.min(words.length, lexicon.itemMaxTokens); n >= 1; n--) {
    const hit = lexicon.items.get(words.slice(words.length - n).join(" "));
    if (hit) return hit;
  }
  return undefined;
}
