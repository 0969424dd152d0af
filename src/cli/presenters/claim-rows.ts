/**
 * The shape of a claim on screen or in a file: one flat row per claim, so the same
 * rows serve the table, CSV and JSON outputs of `formatRows`.
 */
import type { ClaimRow } from "../../store/store.ts";
import type { Column } from "./format-rows.ts";

export type FlatClaim = {
  id: number;
  supplier: string;
  recipient: string;
  stance: string;
  claimant: string;
  /** Items joined by "; ". */
  items: string;
  kind: string;
  modality: string;
  /** The evidence sentence, verbatim. */
  quote: string;
  publisher: string;
  published: string;
  title: string;
  url: string;
  rule: string;
};

/** Columns in reading order: who, to whom, how sure, says who, what, then the source. */
export const CLAIM_COLUMNS: readonly Column[] = [
  { key: "supplier", header: "SUPPLIER", width: 28 },
  { key: "recipient", header: "RECIPIENT", width: 28 },
  { key: "stance", header: "STANCE" },
  { key: "claimant", header: "CLAIMANT", width: 20 },
  { key: "items", header: "ITEMS", width: 30 },
  { key: "kind", header: "KIND" },
  { key: "quote", header: "QUOTE", width: 60 },
  { key: "publisher", header: "PUBLISHER", width: 20 },
  { key: "published", header: "PUBLISHED", width: 10 },
  { key: "url", header: "URL", width: 50 },
  { key: "rule", header: "RULE", width: 32 },
];

export function claimRows(claims: readonly ClaimRow[]): FlatClaim[] {
  return claims.map((c) => ({
    id: c.id,
    supplier: c.supplier.name,
    recipient: c.recipient.name,
    stance: c.stance,
    claimant: c.claimant?.name ?? "",
    items: c.items.join("; "),
    kind: c.kind,
    modality: c.modality,
    quote: c.evidence.text,
    publisher: c.publisher ?? "",
    published: c.published ?? "",
    title: c.title ?? "",
    url: c.url ?? "",
    rule: c.rule,
  }));
}
