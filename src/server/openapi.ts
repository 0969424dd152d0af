/**
 * The API's OpenAPI 3.1 description, written by hand as data beside the routes so it
 * says what a client may rely on, not whatever a generator infers. A test checks that
 * every route the app serves is described here.
 */
import { ALERT_OPENAPI_PATHS } from "./routes/alerts/openapi-paths.ts";
import { CLAIM_OPENAPI_SCHEMAS } from "./routes/claims/openapi-schemas.ts";
import { DECISION_OPENAPI_PATHS } from "./routes/decisions/openapi-paths.ts";
import { INGEST_OPENAPI_PATHS } from "./routes/ingest/openapi-paths.ts";
import { SCREENING_OPENAPI_PATHS } from "./routes/screenings/openapi-paths.ts";

const problem = { description: "Problem (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
/** An answer whose claims (or timeline entries) are described by their schema, with the rest of the object open. */
const okWith = (description: string, properties: Record<string, unknown>) => ({
  description,
  content: { "application/json": { schema: { type: "object", required: Object.keys(properties), properties } } },
});
const claim = { $ref: "#/components/schemas/Claim" };
const claims = { type: "array", items: claim };
const query = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }, required = false) => ({ name, in: "query", required, description, schema });
const limit = query("limit", "at most this many items (default 100, at most 1000)", { type: "integer", minimum: 1, maximum: 1000 });
const idPath = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const readErrors = { "400": problem, "401": problem, "403": problem, "500": problem };
const writeErrors = { ...readErrors, "413": problem };
const reader = [{ bearer: [] }, {}];
const analyst = [{ bearer: [] }];

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "armstrace REST API",
    version: "0.1.0",
    description:
      "Sourced, graded arms-transfer claims. Reads need a viewer token (Authorization: Bearer …) unless the server runs with --anonymous-reads; writes need an analyst or admin token. Tokens: `armstrace token create --role viewer|analyst|admin`.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      ...CLAIM_OPENAPI_SCHEMAS,
      Problem: {
        type: "object",
        required: ["type", "title", "status", "detail"],
        properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
      },
      IngestRequest: {
        type: "object",
        additionalProperties: false,
        description: "Exactly one of text and html.",
        properties: {
          text: { type: "string", description: "plain text; evidence offsets index it" },
          html: { type: "string", description: "an HTML page; its main text is extracted, scripts are dropped and never run" },
          url: { type: "string" },
          title: { type: "string" },
          publisher: { type: "string" },
          published: { type: "string", description: "ISO date or date-time" },
        },
      },
      ReviewRequest: {
        type: "object",
        additionalProperties: false,
        required: ["verdict"],
        properties: {
          verdict: { enum: ["accept", "reject", "correct"] },
          stance: { enum: ["asserted", "hedged", "denied"], description: "correct: the stance the text really has" },
          supplier: { oneOf: [{ type: "integer" }, { type: "string" }], description: "correct: entity id or name" },
          recipient: { oneOf: [{ type: "integer" }, { type: "string" }], description: "correct: entity id or name" },
          items: { type: "array", items: { type: "string" } },
          reason: { type: "string" },
        },
      },
      JudgementRequest: {
        type: "object",
        additionalProperties: false,
        required: ["kind", "a", "b"],
        properties: {
          kind: { enum: ["merge", "same", "split", "not_same", "not-same"] },
          a: { oneOf: [{ type: "integer" }, { type: "string" }], description: "entity id or name" },
          b: { oneOf: [{ type: "integer" }, { type: "string" }], description: "entity id or name" },
          reason: { type: "string" },
        },
      },
    },
  },
  paths: {
    ...INGEST_OPENAPI_PATHS,
    ...SCREENING_OPENAPI_PATHS,
    ...DECISION_OPENAPI_PATHS,
    ...ALERT_OPENAPI_PATHS,
    "/api/openapi.json": { get: { summary: "This document", security: [{}], responses: { "200": ok("OpenAPI 3.1 document") } } },
    "/api/entities": {
      get: {
        summary: "List parties",
        security: reader,
        parameters: [query("type", "organization, state, armed_force, person or media"), query("q", "whole words of any of the party's names"), limit],
        responses: { "200": ok("{ items: Entity[] }"), ...readErrors },
      },
    },
    "/api/entities/{id}": {
      get: {
        summary: "A party's profile: names, type, country, whom it supplies and who supplies it, with grades and best quotes",
        security: reader,
        parameters: [idPath],
        responses: { "200": ok("EntityProfile"), "404": problem, ...readErrors },
      },
    },
    "/api/relations": {
      get: {
        summary: "Graded supplier → recipient relations",
        security: reader,
        parameters: [query("entity", "any name of the supplier or recipient"), query("minCredibility", "1 (confirmed) … 6; keeps this or better", { type: "integer", minimum: 1, maximum: 6 }), limit],
        responses: { "200": ok("{ items: Relation[] }"), ...readErrors },
      },
    },
    "/api/claims": {
      get: {
        summary: "Stored claims with evidence offsets",
        security: reader,
        parameters: [query("entity", "any name of the supplier, recipient or claimant"), query("stance", "asserted, hedged or denied", { enum: ["asserted", "hedged", "denied"] }), limit],
        responses: { "200": okWith("{ items: Claim[] }", { items: claims }), ...readErrors },
      },
    },
    "/api/documents/{id}": {
      get: {
        summary: "A stored report: text, metadata, mentions and claims (offsets index text)",
        security: reader,
        parameters: [idPath],
        responses: { "200": okWith("Document: id, reportId, url, title, publisher, published, format, text, mentions and claims", { text: { type: "string" }, claims }), "404": problem, ...readErrors },
      },
    },
    "/api/sources": { get: { summary: "Graded sources (Admiralty reliability A–F)", security: reader, responses: { "200": ok("{ items: Source[] }"), ...readErrors } } },
    "/api/search": {
      get: {
        summary: "Find parties by a name in any script, forgiving spelling",
        security: reader,
        parameters: [query("q", "the name", { type: "string", minLength: 1 }, true), query("limit", "at most this many (default 20, at most 100)", { type: "integer", minimum: 1, maximum: 100 })],
        responses: { "200": ok("{ items: { entity, match, score }[] }"), ...readErrors },
      },
    },
    "/api/ingest": {
      post: {
        summary: "Store one report through the extraction pipeline",
        security: analyst,
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/IngestRequest" } } } },
        responses: {
          "201": okWith("{ status: added, documentId, claims }", { status: { const: "added" }, documentId: { type: "integer" }, claims }),
          "200": okWith("{ status: duplicate, documentId, claims }", { status: { const: "duplicate" }, documentId: { type: "integer" }, claims }),
          ...writeErrors,
        },
      },
    },
    "/api/entities/{id}/timeline": {
      get: {
        summary: "Claims involving a party, oldest report first, with source grades: the most recent `limit` of `total`",
        security: reader,
        parameters: [idPath, limit],
        responses: {
          "200": okWith("{ items: TimelineEntry[], total }", { items: { type: "array", items: { $ref: "#/components/schemas/TimelineEntry" } }, total: { type: "integer" } }),
          "404": problem,
          ...readErrors,
        },
      },
    },
    "/api/relations/{supplierId}/{recipientId}": {
      get: {
        summary: "One relation with every claim behind it (rejected ones included, marked by their review)",
        security: reader,
        parameters: [
          { name: "supplierId", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
          { name: "recipientId", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
        ],
        responses: { "200": okWith("{ relation (null when every claim was rejected or moved), claims }", { relation: { type: ["object", "null"] }, claims }), "404": problem, ...readErrors },
      },
    },
    "/api/claims/{id}": {
      get: { summary: "One claim with its reviews", security: reader, parameters: [idPath], responses: { "200": okWith("{ claim, reviews }", { claim, reviews: { type: "array", items: { type: "object" } } }), "404": problem, ...readErrors } },
    },
    "/api/claims/{id}/review": {
      post: {
        summary: "Accept, reject or correct a claim; the relation is regraded at once",
        security: analyst,
        parameters: [idPath],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ReviewRequest" } } } },
        responses: { "201": okWith("{ review, claim, relations }", { review: { type: "object" }, claim, relations: { type: "array", items: { type: "object" } } }), "404": problem, ...writeErrors },
      },
    },
    "/api/claim-reviews/{id}/revoke": {
      post: { summary: "Revoke a claim review (the previous verdict, or the extracted reading, applies again)", security: analyst, parameters: [idPath], responses: { "200": okWith("{ review, claim, relations }", { review: { type: "object" }, claim, relations: { type: "array", items: { type: "object" } } }), "404": problem, ...writeErrors } },
    },
    "/api/judgements/{id}/revoke": {
      post: { summary: "Revoke an entity judgement", security: analyst, parameters: [idPath], responses: { "200": ok("{ judgement }"), "404": problem, ...writeErrors } },
    },
    "/api/review-queue": {
      get: { summary: "Claims nobody has reviewed yet, newest first", security: reader, parameters: [limit], responses: { "200": okWith("{ items: Claim[] }", { items: claims }), ...readErrors } },
    },
    "/api/audit": {
      get: { summary: "Every claim review and entity judgement, newest first, with who and when", security: reader, responses: { "200": ok("{ items: AuditEntry[] }"), ...readErrors } },
    },
    "/api/judgements": {
      get: { summary: "Entity judgements, revoked ones included", security: reader, responses: { "200": ok("{ items: Judgement[] }"), ...readErrors } },
      post: {
        summary: "Record that two entities are (merge, same) or are not (split, not_same) one party",
        security: analyst,
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/JudgementRequest" } } } },
        responses: { "201": ok("{ judgement, together, setAside }"), ...writeErrors },
      },
    },
  },
} as const;
