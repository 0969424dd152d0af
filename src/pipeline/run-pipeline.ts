import type { ExtractedEntity, ExtractedMention, ExtractedTransfer, ExtractionResult, Report } from "../domain/types.ts";
import { extractTransfers, type KeyedTransfer } from "./extract/extract-transfers.ts";
import { loadLexicon } from "./recognize/lexicon.ts";
import { recognizeEntities } from "./recognize/recognize-entities.ts";
import { extractLearned } from "./extract/learned/learned-extractor.ts";
import type { LinearModel } from "./extract/learned/linear-model.ts";
import { shippedPairModel } from "./extract/learned/load-pair-model.ts";

export interface ExtractOptions {
  /** Keep transfers the text says did not happen ("did not supply"), marked `modality: "negated"`. */
  includeNegated?: boolean;
  /**
   * The pair model that decides which candidate pairs are transfers: the shipped one by
   * default, another trained one, or null for the extraction rules alone.
   */
  model?: LinearModel | null;
}

/** An extraction result plus, per transfer, the cue words behind its stance and modality. */
export interface ExplainedResult extends ExtractionResult {
  explanations: Array<{ cues: string[]; score?: number; model?: string; features?: Array<[string, number]> }>;
}

/**
 * The whole pipeline for one report: sentences → mentions → entities → transfers.
 * Offsets in the result index `report.text`.
 */
export function extractReport(report: Report, opts: ExtractOptions = {}): ExplainedResult {
  const lexicon = loadLexicon();
  const doc = recognizeEntities(report.text, lexicon);
  const model = opts.model === undefined ? shippedPairModel() : opts.model;
  const keyed: Array<KeyedTransfer & { score?: number; model?: string; features?: Array<[string, number]> }> = model
    ? extractLearned(doc, lexicon, report.text, model, { includeNegated: opts.includeNegated === true })
    : extractTransfers(doc, lexicon, report.text).filter((t) => opts.includeNegated || t.modality !== "negated");
  const ids = new Map<string, string>();
  const ordered = [...doc.entities.values()].sort((a, b) => a.order - b.order);
  for (const e of ordered) ids.set(e.key, `e${ids.size + 1}`);
  const entities: ExtractedEntity[] = ordered.map((e) => ({
    id: ids.get(e.key)!,
    name: e.name,
    type: e.type,
    aliases: [...e.aliases].filter((a) => a && a !== e.name),
    ...(e.country ? { country: e.country } : {}),
    ...(e.kb ? { kb: e.kb } : {}),
  }));
  const mentions: ExtractedMention[] = doc.sentences.flatMap((s) =>
    s.mentions.filter((m) => m.end > m.start).flatMap((m) => m.keys.map((k) => ({ entity: ids.get(k)!, text: m.text, start: m.start, end: m.end }))),
  );
  const transfers: ExtractedTransfer[] = [];
  const explanations: Array<{ cues: string[] }> = [];
  for (const t of keyed) {
    transfers.push(toOutput(t, ids));
    explanations.push({ cues: t.cues, ...(t.score !== undefined ? { score: t.score, model: t.model, features: t.features } : {}) });
  }
  return { id: report.id, entities, transfers, mentions, explanations };
}

function toOutput(t: KeyedTransfer, ids: Map<string, string>): ExtractedTransfer {
  return {
    supplier: ids.get(t.supplier)!,
    recipient: ids.get(t.recipient)!,
    items: t.items,
    kind: t.kind,
    stance: t.stance,
    claimant: t.claimant ? ids.get(t.claimant) ?? null : null,
    evidence: t.evidence,
    modality: t.modality,
    rule: t.rule,
    trigger: t.trigger,
    ...("score" in t && typeof t.score === "number"
      ? { score: t.score, model: (t as { model?: string }).model, features: (t as { features?: Array<[string, number]> }).features }
      : {}),
  };
}
