/**
 * A claim row as both backends select it (the same columns, by the same names), and
 * how it becomes a `ClaimRow`. Only the JSON columns differ by driver (JSON text on
 * SQLite, parsed values on PostgreSQL), so each backend passes its own readers for them.
 * The explanation a claim is stored with (model, score, features) is checked here too,
 * once for both backends, before it is written.
 */
import { CLAIM_VERDICTS } from "../domain/claim-verdict.ts";
import { StoreError } from "../domain/errors.ts";
import { ENTITY_TYPES, MODALITIES, STANCES, TRANSFER_KINDS, type ExtractedTransfer } from "../domain/types.ts";
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
  model: string | null;
  score: number | null;
  /** The strongest features as [feature, weight] pairs, in the driver's JSON form; null for claims stored without. */
  features: Items | null;
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

/** How a backend's driver hands over its JSON columns: string lists checked, any other value parsed. */
export interface JsonReaders<Items> {
  strings: (value: Items, what: string) => string[];
  parse: (value: Items) => unknown;
}

export function claimRow<Items>(r: ClaimRecord<Items>, { strings, parse }: JsonReaders<Items>): ClaimRow {
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
    model: r.model,
    score: r.score,
    features: r.features === null ? null : featureList(parse(r.features)),
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

/** A claim's explanation as the claims table stores it: features as JSON text, absent fields as NULL. */
export interface ClaimExplanationColumns {
  model: string | null;
  score: number | null;
  features: string | null;
}

/**
 * The explanation an extracted transfer carries, checked and ready to store. A score
 * outside 0..1 or a weight that is not a finite number would read back as something
 * else (JSON has no NaN), so the report is refused like any other malformed transfer.
 */
export function claimExplanation(t: ExtractedTransfer, where: string, fail: (what: string) => StoreError): ClaimExplanationColumns {
  if (t.model !== undefined && typeof t.model !== "string") throw fail(`${where} model is not a string`);
  if (t.score !== undefined && !(typeof t.score === "number" && t.score >= 0 && t.score <= 1)) {
    throw fail(`${where} score ${JSON.stringify(t.score)} is not a number from 0 to 1`);
  }
  if (t.features !== undefined && !isFeatureList(t.features)) {
    throw fail(`${where} features are not a list of [feature, weight] pairs`);
  }
  return {
    model: t.model ?? null,
    score: t.score ?? null,
    features: t.features === undefined ? null : JSON.stringify(t.features),
  };
}

function isFeatureList(value: unknown): value is Array<[string, number]> {
  return (
    Array.isArray(value) &&
    value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && typeof pair[1] === "number" && Number.isFinite(pair[1]))
  );
}

function featureList(value: unknown): Array<[string, number]> {
  if (!isFeatureList(value)) throw new StoreError(`stored claim features are not a list of [feature, weight] pairs: ${JSON.stringify(value)}`);
  return value;
}

/** Narrows a stored string to a domain enum; a mismatch means the database was edited by hand. */
export function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new StoreError(`stored ${what} ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
  return found;
}
