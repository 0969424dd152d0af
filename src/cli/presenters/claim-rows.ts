/**
 * The shape of a claim on screen or in a file: one flat row per claim, so the same
 * rows serve the table, CSV and JSON outputs of `formatRows`.
 */
import type { ClaimRow } from "../../store/store.ts";
import type { Column, OutputFormat } from "./format-rows.ts";

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
  /** The pair model's probability, null where no model decided the claim. */
  score: number | null;
  model: string | null;
  /** The features that weighed most, as [feature, weight] pairs; JSON output only. */
  features: Array<[string, number]> | null;
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
  { key: "score", header: "SCORE" },
];

/**
 * The columns of each output: the table as above; CSV adds the model version; JSON also
 * the features, which are pairs that a cell could only flatten into something unreadable.
 * The new columns come last so scripts that read CSV by position keep working.
 */
export function claimColumns(format: OutputFormat): readonly Column[] {
  if (format === "table") return CLAIM_COLUMNS;
  const withModel = [...CLAIM_COLUMNS, { key: "model", header: "MODEL" }];
  return format === "csv" ? withModel : [...withModel, { key: "features", header: "FEATURES" }];
}

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
    score: c.score,
    model: c.model,
    features: c.features,
  }));
}
