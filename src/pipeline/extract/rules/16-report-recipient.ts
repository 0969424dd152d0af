import { rx } from "../extraction-rule.ts";
import type { MaskedSentence } from "../masked-sentence.ts";
import { markersIn } from "../masked-sentence.ts";
import type { RawTransfer } from "../raw-transfer.ts";

export const REPORT_RECIPIENT_RULE_ID = "extract/16-report-recipient";

/** A headline that names the one recipient the whole report is about: "Military Aid to Burma for 2011". */
const TITLE_RECIPIENT = /\b(?:aid|assistance|arms|weapons|transfers?|supplies|deliveries|sales|exports?|shipments?)\s+(?:to|for)\s+«(\d+)»/iu;

const SUPPLY_NO_RECIPIENT = rx("(?<sup>{EL}){GAP}\\s+(?<trig>supplied|delivered|provided|sold|shipped|exported|transferred|sent|donated)\\s+(?<items>(?:[^«;]|«\\d+»){1,160}?)(?=\\s*(?:[.;]|$))");

/** The recipient a report's headline names, as a mention of its first sentence, or null. */
export function titleRecipient(first: MaskedSentence | undefined): string | null {
  if (!first) return null;
  const m = TITLE_RECIPIENT.exec(first.masked);
  const mention = m ? first.sentence.mentions[Number(m[1])] : undefined;
  return mention?.keys.length === 1 && mention.keys[0]!.startsWith("state:") ? mention.keys[0]! : null;
}

/**
 * In a report whose headline names its recipient ("… Aid to Burma"), a sentence that
 * says a party delivered goods without saying to whom speaks of that recipient:
 * "Belarus' state-owned supply company delivered helicopters." Only sentences that
 * name no other party after the verb qualify.
 */
export function reportRecipient(ms: MaskedSentence, found: RawTransfer[], recipientMention: number | null): RawTransfer[] {
  if (recipientMention === null || found.length) return [];
  const out: RawTransfer[] = [];
  SUPPLY_NO_RECIPIENT.lastIndex = 0;
  for (const m of ms.masked.matchAll(SUPPLY_NO_RECIPIENT)) {
    const trig = m.indices?.groups?.["trig"];
    const items = m.indices?.groups?.["items"];
    if (!trig || !items || /«\d+»/.test(m.groups?.["items"] ?? "")) continue;
    out.push({ rule: REPORT_RECIPIENT_RULE_ID, sup: markersIn(m.groups?.["sup"]), rec: [recipientMention], items: ms.original(items[0], items[1]).text, trig: [trig[0], trig[1]] });
  }
  return out;
}
