/**
 * The claim's shape in the OpenAPI document (merged into `OPENAPI_DOCUMENT.components.schemas`):
 * every route that answers with claims (claims, review queue, one claim, a document, a
 * relation, a review's outcome) answers with these objects, and timeline entries carry
 * the same explanation, so it is written down once.
 */
import { CLAIM_VERDICTS } from "../../../domain/claim-verdict.ts";
import { ENTITY_TYPES, MODALITIES, STANCES, TRANSFER_KINDS } from "../../../domain/types.ts";

const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: "null" }] });
const entityRef = { $ref: "#/components/schemas/EntityRef" };
const span = { $ref: "#/components/schemas/Span" };

/** The explanation of a claim, shared by `Claim` and `TimelineEntry`. */
const EXPLANATION_PROPERTIES = {
  rule: { type: "string", description: "id of the pattern rule that made the claim, e.g. extract/01-active-supply; extract/learned-pair where no rule fired" },
  model: {
    type: ["string", "null"],
    description: "version of the pair model that decided the claim, e.g. pair-lr-9ab9cef401f1; null for claims stored before models were kept, or made by the pattern rules alone",
  },
  score: { type: ["number", "null"], minimum: 0, maximum: 1, description: "the pair model's probability that the sentence states this transfer; null as for model" },
  features: {
    type: ["array", "null"],
    description:
      "the features that weighed most in the model's decision, strongest first, as [feature, weight]: the weight is the feature's log-odds contribution, positive for the transfer and negative against; null as for model",
    items: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], minItems: 2, maxItems: 2 },
  },
} as const;

export const CLAIM_OPENAPI_SCHEMAS = {
  EntityRef: {
    type: "object",
    required: ["id", "name", "type"],
    properties: { id: { type: "integer" }, name: { type: "string" }, type: { enum: [...ENTITY_TYPES] } },
  },
  Span: {
    type: "object",
    description: "a stretch of the report's text; start and end are offsets into the stored text (UTF-16 code units, end exclusive)",
    required: ["text", "start", "end"],
    properties: { text: { type: "string" }, start: { type: "integer" }, end: { type: "integer" } },
  },
  Claim: {
    type: "object",
    description: "One statement in one report. Stance, supplier, recipient and items read as the applying review has them; `extracted` keeps the extractor's reading when a correction changed it.",
    required: [
      "id", "documentId", "reportId", "url", "publisher", "published", "title", "supplier", "recipient", "claimant", "items", "kind",
      "stance", "modality", "evidence", "trigger", "rule", "model", "score", "features", "review", "extracted",
    ],
    properties: {
      id: { type: "integer" },
      documentId: { type: "integer" },
      reportId: { type: "string" },
      url: { type: ["string", "null"] },
      publisher: { type: ["string", "null"] },
      published: { type: ["string", "null"] },
      title: { type: ["string", "null"] },
      supplier: entityRef,
      recipient: entityRef,
      claimant: nullable(entityRef),
      items: { type: "array", items: { type: "string" } },
      kind: { enum: [...TRANSFER_KINDS] },
      stance: { enum: [...STANCES] },
      modality: { enum: [...MODALITIES] },
      evidence: span,
      trigger: span,
      ...EXPLANATION_PROPERTIES,
      review: nullable({
        type: "object",
        required: ["id", "verdict", "reason", "author", "createdAt"],
        properties: { id: { type: "integer" }, verdict: { enum: [...CLAIM_VERDICTS] }, reason: { type: ["string", "null"] }, author: { type: "string" }, createdAt: { type: "string" } },
      }),
      extracted: nullable({
        type: "object",
        required: ["stance", "supplier", "recipient", "items"],
        properties: { stance: { enum: [...STANCES] }, supplier: entityRef, recipient: entityRef, items: { type: "array", items: { type: "string" } } },
      }),
    },
  },
  TimelineEntry: {
    type: "object",
    description: "One claim involving the party, with its source's reliability and its relation's credibility.",
    required: [
      "date", "claimId", "documentId", "supplier", "supplierId", "recipient", "recipientId", "stance", "modality", "claimant", "items",
      "quote", "source", "reliability", "url", "credibility", "rule", "model", "score", "features",
    ],
    properties: {
      date: { type: ["string", "null"], description: "YYYY-MM-DD; null when undated" },
      claimId: { type: "integer" },
      documentId: { type: "integer" },
      supplier: { type: "string" },
      supplierId: { type: "integer" },
      recipient: { type: "string" },
      recipientId: { type: "integer" },
      stance: { enum: [...STANCES] },
      modality: { enum: [...MODALITIES] },
      claimant: { type: ["string", "null"] },
      items: { type: "array", items: { type: "string" } },
      quote: { type: "string" },
      source: { type: "string" },
      reliability: { enum: ["A", "B", "C", "D", "E", "F"] },
      url: { type: ["string", "null"] },
      credibility: { type: ["integer", "null"], minimum: 1, maximum: 6 },
      ...EXPLANATION_PROPERTIES,
    },
  },
} as const;
