/**
 * The extraction contract and the records that flow through the pipeline.
 * Field names follow the gold annotation contract so an extraction result can be
 * printed as-is and scored; extra fields (rule, modality, mentions) are additions
 * the contract tolerates.
 */

export const ENTITY_TYPES = ["organization", "state", "armed_force", "person", "media"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const STANCES = ["asserted", "hedged", "denied"] as const;
export type Stance = (typeof STANCES)[number];

export const TRANSFER_KINDS = ["arms", "components", "dual_use", "technology", "services", "unspecified"] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** Whether the transfer happened, is planned or promised, or is said not to have happened. */
export const MODALITIES = ["actual", "future", "negated"] as const;
export type Modality = (typeof MODALITIES)[number];

export const REPORT_FORMATS = ["txt", "md", "html", "jsonl"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One report as read from disk or stdin; `text` is what every offset indexes. */
export interface Report {
  id: string;
  text: string;
  url?: string | undefined;
  title?: string | undefined;
  publisher?: string | undefined;
  /** ISO date (YYYY-MM-DD) or date-time when known. */
  published?: string | undefined;
  format: ReportFormat;
  /** Where it came from: a file path, `path:line` for JSON Lines, or `stdin`. */
  origin: string;
}

/** A span of the report text; offsets are UTF-16 code units, as JavaScript indexes strings. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface ExtractedEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** ISO 3166-1 alpha-2 code when the entity is a state, or belongs to one. */
  country?: string | undefined;
  /** Identifier of the knowledge-base record it was recognized from, if any. */
  kb?: string | undefined;
}

export interface ExtractedMention extends Span {
  entity: string;
}

export interface ExtractedTransfer {
  supplier: string;
  recipient: string;
  items: string[];
  kind: TransferKind;
  stance: Stance;
  claimant: string | null;
  evidence: Span;
  modality: Modality;
  /** Id of the extraction rule that made this claim, e.g. `extract/03-active-supply`. */
  rule: string;
  /** The word(s) that triggered the rule. */
  trigger: Span;
  /** The pair model's probability that this is a transfer, when a model decided it. */
  score?: number | undefined;
  /** Version of the model that decided it. */
  model?: string | undefined;
  /** The features that weighed most in that decision, strongest first, with their weights. */
  features?: Array<[string, number]> | undefined;
}

export interface ExtractionResult {
  id: string;
  entities: ExtractedEntity[];
  transfers: ExtractedTransfer[];
  mentions: ExtractedMention[];
}
