/**
 * A claim row as both backends select it (the same columns, by the same names), and
 * how it becomes a `ClaimRow`. Only the list columns differ by driver (JSON text on
 * SQLite, parsed arrays on PostgreSQL), so each backend passes its own reader for them.
 */
import { CLAIM_VERDICTS } from "../domain/claim-verdict.ts";
import { StoreError } from "../domain/errors.ts";
import { ENTITY_TYPES, MODALITIES, STANCES, TRANSFER_KINDS } from "../domain/types.ts";
import type { ClaimRow, EntityRef } from "./store.ts";

export interface ClaimRecord<Items> {
  id: number;
  document_id: number;
  report_id: string;
  url: string | null;
  publisher: string | null;
  published: string | null;
  title: string | null;
  s_id: number;
  s_name: string;
  s_type: string;
  r_id: number;
  r_name: string;
  r_type: string;
  c_id: number | null;
  c_name: string | null;
  c_type: string | null;
  items: Items;
  kind: string;
  stance: string;
  modality: string;
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  trigger_text: string;
  trigger_start: number;
  trigger_end: number;
  rule: string;
  rv_id: number | null;
  rv_verdict: string | null;
  rv_reason: string | null;
  rv_author: string | null;
  rv_created_at: string | null;
  /** Whether the applying review corrects a field (1/0 on SQLite, a boolean on PostgreSQL). */
  rv_corrects: number | boolean | null;
  x_stance: string;
  x_items: Items;
  xs_id: number | null;
  xs_name: string | null;
  xs_type: string | null;
  xr_id: number | null;
  xr_name: string | null;
  xr_type: string | null;
}

export function claimRow<Items>(r: ClaimRecord<Items>, strings: (value: Items, what: string) => string[]): ClaimRow {
  const ref = (id: number, name: string, type: string): EntityRef => ({
    id,
    name,
    type: oneOf(ENTITY_TYPES, type, "entity type"),
  });
  return {
    id: r.id,
    documentId: r.document_id,
    reportId: r.report_id,
    url: r.url,
    publisher: r.publisher,
    published: r.published,
    title: r.title,
    supplier: ref(r.s_id, r.s_name, r.s_type),
    recipient: ref(r.r_id, r.r_name, r.r_type),
    claimant: r.c_id === null || r.c_name === null || r.c_type === null ? null : ref(r.c_id, r.c_name, r.c_type),
    items: strings(r.items, "claim items"),
    kind: oneOf(TRANSFER_KINDS, r.kind, "transfer kind"),
    stance: oneOf(STANCES, r.stance, "stance"),
    modality: oneOf(MODALITIES, r.modality, "modality"),
    evidence: { text: r.evidence_text, start: r.evidence_start, end: r.evidence_end },
    trigger: { text: r.trigger_text, start: r.trigger_start, end: r.trigger_end },
    rule: r.rule,
    review:
      r.rv_id === null || r.rv_verdict === null || r.rv_author === null || r.rv_created_at === null
        ? null
        : { id: r.rv_id, verdict: oneOf(CLAIM_VERDICTS, r.rv_verdict, "verdict"), reason: r.rv_reason, author: r.rv_author, createdAt: r.rv_created_at },
    extracted:
      r.rv_corrects && r.xs_id !== null && r.xs_name !== null && r.xs_type !== null && r.xr_id !== null && r.xr_name !== null && r.xr_type !== null
        ? {
            stance: oneOf(STANCES, r.x_stance, "stance"),
            supplier: ref(r.xs_id, r.xs_name, r.xs_type),
            recipient: ref(r.xr_id, r.xr_name, r.xr_type),
            items: strings(r.x_items, "claim items"),
          }
        : null,
  };
}

/** Narrows a stored string to a domain enum; a mismatch means the database was edited by hand. */
export function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new StoreError(`stored ${what} ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
  return found;
}
