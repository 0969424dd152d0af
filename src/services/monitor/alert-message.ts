/**
 * What an alert says, once, for every way it is delivered: the webhook sends
 * `AlertMessage`s as JSON and the email sends `alertSubject` and `alertText` of the same
 * list, so a receiver never sees a claim described two ways.
 *
 * The text is a plain-text digest rather than HTML: it reads the same in every mail
 * client, survives forwarding into tickets and chat, and carries no markup a quote from
 * a report could break out of. Each alert names the claim the way the evidence graph
 * does (supplier → recipient, items, stance) and quotes the report word for word, so a
 * reader can judge it before opening anything.
 */

export interface AlertMessage {
  id: number;
  createdAt: string;
  watch: { id: number; kind: "entity" | "vendor"; label: string };
  claim: {
    id: number;
    supplier: string;
    recipient: string;
    items: string[];
    stance: "asserted" | "hedged" | "denied";
    quote: string;
    url: string | null;
    publisher: string | null;
    published: string | null;
    documentId: number;
  };
}

/** Past this a subject is cut, since mail clients show only its start anyway. */
const MAX_SUBJECT = 160;
const MAX_LABELS = 3;

const STANCES: Readonly<Record<AlertMessage["claim"]["stance"], string>> = {
  asserted: "asserted (the report states it)",
  hedged: "hedged (the report only says it may have happened)",
  denied: "denied (the report says it did not happen)",
};

/** One line, whatever the names hold: a newline in a subject would end the header. */
export function alertSubject(alerts: AlertMessage[]): string {
  const [first] = alerts;
  if (first === undefined) return "armstrace: no new claims";
  const labels = [...new Set(alerts.map((alert) => oneLine(alert.watch.label)))];
  const watching = `${labels.slice(0, MAX_LABELS).join(", ")}${labels.length > MAX_LABELS ? ` and ${labels.length - MAX_LABELS} more` : ""}`;
  const subject =
    alerts.length === 1
      ? `armstrace: ${oneLine(first.claim.supplier)} → ${oneLine(first.claim.recipient)} (watching ${watching})`
      : `armstrace: ${alerts.length} new claims (watching ${watching})`;
  return subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT - 1).trimEnd()}…` : subject;
}

/**
 * The digest: a line saying how many claims, then one block per alert. With `baseUrl`
 * (where the web app is served) each block links to the claim's document in the app.
 */
export function alertText(alerts: AlertMessage[], baseUrl?: string): string {
  const app = baseUrl?.replace(/\/+$/, "");
  const intro =
    alerts.length === 0
      ? "No new claims matched your watches."
      : alerts.length === 1
        ? "1 new claim matched your watches."
        : `${alerts.length} new claims matched your watches.`;
  const blocks = alerts.map((alert, index) => alertBlock(alert, index + 1, app));
  return `${[intro, ...blocks].join("\n\n")}\n`;
}

function alertBlock({ watch, claim }: AlertMessage, number: number, app: string | undefined): string {
  const items = claim.items.map(oneLine).filter((item) => item !== "");
  const source = [claim.publisher === null ? null : oneLine(claim.publisher), claim.published === null ? null : oneLine(claim.published)].filter(
    (part): part is string => part !== null && part !== "",
  );
  const lines = [
    `${number}. ${oneLine(claim.supplier)} → ${oneLine(claim.recipient)}`,
    `   Items: ${items.length === 0 ? "not named" : items.join(", ")}`,
    `   Stance: ${STANCES[claim.stance]}`,
    `   "${oneLine(claim.quote)}"`,
    `   Source: ${source.length === 0 ? "unknown" : source.join(", ")}`,
  ];
  if (claim.url !== null) lines.push(`   Link: ${oneLine(claim.url)}`);
  if (app !== undefined && app !== "") lines.push(`   In armstrace: ${app}/#/document/${claim.documentId}`);
  lines.push(`   Watch: ${oneLine(watch.label)} (${watch.kind})`);
  return lines.join("\n");
}

/** Quotes and names come from reports: runs of whitespace, line breaks included, read as one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
