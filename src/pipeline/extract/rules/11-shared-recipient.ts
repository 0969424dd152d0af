import { rx } from "../extraction-rule.ts";
import type { MaskedSentence } from "../masked-sentence.ts";
import { markersIn } from "../masked-sentence.ts";
import type { RawTransfer } from "../raw-transfer.ts";

export const SHARED_RECIPIENT_RULE_ID = "extract/11-shared-recipient";

const SUPPLY_NO_RECIPIENT = rx("(?<sup>{EL}){GAP}\\s+(?<trig>{SUPPLY})\\s+(?<items>(?:[^«;]|«\\d+»){1,160}?)(?=\\s*(?:[.;]|$|\\s+(?:in|during|since|as|after|before)\\b))");

/**
 * Coordinated clauses share a recipient the sentence names once: "C used A's drones and
 * B supplied weapons" gives B → C. Only applies when another rule found the recipient.
 */
export function sharedRecipient(ms: MaskedSentence, found: RawTransfer[]): RawTransfer[] {
  const recipients = [...new Set(found.flatMap((f) => f.rec))];
  if (recipients.length !== 1) return [];
  const out: RawTransfer[] = [];
  SUPPLY_NO_RECIPIENT.lastIndex = 0;
  for (const m of ms.masked.matchAll(SUPPLY_NO_RECIPIENT)) {
    const sup = markersIn(m.groups?.["sup"]);
    const trig = m.indices?.groups?.["trig"];
    if (!trig || sup.some((s) => recipients.includes(s))) continue;
    if (found.some((f) => f.trig[0] === trig[0])) continue;
    out.push({ rule: SHARED_RECIPIENT_RULE_ID, sup, rec: recipients, items: m.groups?.["items"] ?? "", trig: [trig[0], trig[1]] });
  }
  return out;
}
