import type { ExtractedEntity, ExtractedMention, ExtractedTransfer, ExtractionResult, Report } from "../domain/types.ts";
import { extractTransfers, type KeyedTransfer } from "./extract/extract-transfers.ts";
import { loadLexicon } from "./recognize/lexicon.ts";
import { recognizeEntities, type RecognizedReport } from "./recognize/recognize-entities.ts";
import { extractLearned, featuredCandidates } from "./extract/learned/learned-extractor.ts";
import { probability, type LinearModel } from "./extract/learned/linear-model.ts";
import { markPair } from "./extract/learned/mark-pair.ts";
import type { PairEncoder } from "./extract/encoder/pair-encoder.ts";
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
  const keyed: Keyed[] = model
    ? extractLearned(doc, lexicon, report.text, model, { includeNegated: opts.includeNegated === true })
    : extractTransfers(doc, lexicon, report.text).filter((t) => opts.includeNegated || t.modality !== "negated");
  return toResult(report, doc, keyed);
}

/** How candidate pairs are decided: the fast pair model, the encoder on every pair, or the encoder only where the fast model is unsure. */
export const EXTRACTION_MODES = ["fast", "accurate", "cascade"] as const;
export type ExtractionMode = (typeof EXTRACTION_MODES)[number];
/** The mode used when none is asked for (see the README for the figures behind the choice). */
export const DEFAULT_MODE: ExtractionMode = "fast";

export interface AsyncExtractOptions extends ExtractOptions {
  mode?: ExtractionMode | undefined;
  /** The encoder for accurate and cascade modes. */
  encoder?: PairEncoder | undefined;
}

/**
 * The pipeline with a choice of decider. Fast mode is `extractReport`; accurate mode lets
 * the encoder score every candidate pair; the cascade lets the fast model settle the pairs
 * it is sure of and asks the encoder about the rest.
 */
export async function extractReportAsync(report: Report, opts: AsyncExtractOptions = {}): Promise<ExplainedResult> {
  const mode = opts.mode ?? "fast";
  if (mode === "fast") return extractReport(report, opts);
  const encoder = opts.encoder;
  if (!encoder) throw new Error(`${mode} mode needs the encoder`);
  const lexicon = loadLexicon();
  const doc = recognizeEntities(report.text, lexicon);
  const model = opts.model === undefined ? shippedPairModel() : opts.model;
  if (!model) throw new Error(`${mode} mode needs the pair model for its features and explanations`);
  const featured = featuredCandidates(doc);
  const fast = featured.candidates.map((c) => probability(model, c.features));
  const { low, high, threshold: cascadeThreshold } = encoder.config.cascade;
  const ask = featured.candidates.map((_, i) => mode === "accurate" || (fast[i]! >= low && fast[i]! < high));
  const texts = featured.candidates.flatMap((c, i) => (ask[i] ? [markPair(doc, c)] : []));
  const encoded = texts.length ? await encoder.probabilities(texts) : [];
  let k = 0;
  const scores = fast.map((p, i) => (ask[i] ? encoded[k++]! : p));
  const accept = scores.map((p, i) => (!ask[i] ? p >= high : p >= (mode === "accurate" ? encoder.config.threshold : cascadeThreshold)));
  const keyed = extractLearned(doc, lexicon, report.text, model, {
    includeNegated: opts.includeNegated === true, featured, decisions: { scores, accept, version: `${model.version}+${encoder.config.version}` },
  });
  return toResult(report, doc, keyed);
}

let configured: { mode: ExtractionMode; encoder?: PairEncoder | undefined } = { mode: "fast" };

/** Sets the mode (and encoder) every extraction of this process uses, as `--mode` asks. */
export function useExtractionMode(mode: ExtractionMode, encoder?: PairEncoder): void {
  if (mode !== "fast" && !encoder) throw new Error(`${mode} mode needs the encoder`);
  configured = { mode, encoder };
}

export function extractionMode(): ExtractionMode {
  return configured.mode;
}

/** Extracts with the process's configured mode: synchronous in fast mode, a promise otherwise. */
export function extractConfigured(report: Report, opts: ExtractOptions = {}): ExplainedResult | Promise<ExplainedResult> {
  return configured.mode === "fast" ? extractReport(report, opts) : extractReportAsync(report, { ...opts, ...configured });
}

type Keyed = KeyedTransfer & { score?: number; model?: string; features?: Array<[string, number]> };

/** Entities with output ids, mentions and transfers of one report, from its recognition and keyed transfers. */
export function toResult(report: Report, doc: RecognizedReport, keyed: Keyed[]): ExplainedResult {
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
