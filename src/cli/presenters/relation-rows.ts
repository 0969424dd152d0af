/**
 * The shape of a relation on screen or in a file: one flat row per supplier →
 * recipient pair, so the same rows serve the table, CSV and JSON outputs.
 */
import { CREDIBILITY_LABELS } from "../../domain/admiralty.ts";
import type { RelationRow } from "../../store/store.ts";
import type { Column } from "./format-rows.ts";

export type FlatRelation = {
  relation: string;
  supplier: string;
  recipient: string;
  credibility: number;
  /** "2 probably true". */
  grade: string;
  best_reliability: string;
  independent_sources: number;
  supporting_documents: number;
  denying_documents: number;
  accused_denials: number;
  first_reported: string;
  last_reported: string;
  items: string;
  claimants: string;
  explanation: string;
  quote: string;
  quote_stance: string;
  quote_publisher: string;
  quote_published: string;
  quote_url: string;
  updated_at: string;
};

/** The table shows who → whom, the two grades, how many sources and reports, when, and why; CSV and JSON add the rest. */
export const RELATION_TABLE_COLUMNS: readonly Column[] = [
  { key: "relation", header: "SUPPLIER → RECIPIENT", width: 50 },
  { key: "grade", header: "CREDIBILITY", width: 20 },
  { key: "best_reliability", header: "BEST SRC" },
  { key: "independent_sources", header: "INDEP" },
  { key: "supporting_documents", header: "SUPPORT" },
  { key: "denying_documents", header: "DENY" },
  { key: "first_reported", header: "FIRST" },
  { key: "last_reported", header: "LAST" },
  { key: "explanation", header: "WHY", width: 90 },
];

export const RELATION_COLUMNS: readonly Column[] = [
  { key: "supplier", header: "supplier" },
  { key: "recipient", header: "recipient" },
  { key: "credibility", header: "credibility" },
  { key: "grade", header: "grade" },
  { key: "best_reliability", header: "best_reliability" },
  { key: "independent_sources", header: "independent_sources" },
  { key: "supporting_documents", header: "supporting_documents" },
  { key: "denying_documents", header: "denying_documents" },
  { key: "accused_denials", header: "accused_denials" },
  { key: "first_reported", header: "first_reported" },
  { key: "last_reported", header: "last_reported" },
  { key: "items", header: "items" },
  { key: "claimants", header: "claimants" },
  { key: "explanation", header: "explanation" },
  { key: "quote", header: "quote" },
  { key: "quote_stance", header: "quote_stance" },
  { key: "quote_publisher", header: "quote_publisher" },
  { key: "quote_published", header: "quote_published" },
  { key: "quote_url", header: "quote_url" },
  { key: "updated_at", header: "updated_at" },
];

export function relationRows(relations: readonly RelationRow[]): FlatRelation[] {
  return relations.map((r) => ({
    relation: `${r.supplier.name} → ${r.recipient.name}`,
    supplier: r.supplier.name,
    recipient: r.recipient.name,
    credibility: r.credibility,
    grade: `${r.credibility} ${CREDIBILITY_LABELS[r.credibility]}`,
    best_reliability: r.bestReliability,
    independent_sources: r.independentSources,
    supporting_documents: r.supportingDocuments.length,
    denying_documents: r.denyingDocuments.length,
    accused_denials: r.accusedDenials,
    first_reported: r.firstReported ?? "",
    last_reported: r.lastReported ?? "",
    items: r.items.join("; "),
    claimants: r.claimants.join("; "),
    explanation: r.explanation,
    quote: r.quote?.text ?? "",
    quote_stance: r.quote?.stance ?? "",
    quote_publisher: r.quote?.publisher ?? "",
    quote_published: r.quote?.published ?? "",
    quote_url: r.quote?.url ?? "",
    updated_at: r.updatedAt,
  }));
}
