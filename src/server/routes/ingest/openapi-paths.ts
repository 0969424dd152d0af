/** The ingest routes' part of the OpenAPI document (merged into `OPENAPI_DOCUMENT.paths`). */
import { FETCH_PROBLEM_STATUSES } from "./fetch-problem.ts";

const problem = { description: "Problem (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
/** A stored report's answer: its claims are `Claim`s, as every route gives them. */
const stored = (description: string, status: "added" | "duplicate") => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["status", "documentId", "claims", "url", "redirects"],
        properties: {
          status: { const: status },
          documentId: { type: "integer" },
          claims: { type: "array", items: { $ref: "#/components/schemas/Claim" } },
          url: { type: "string" },
          redirects: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
});
const analyst = [{ bearer: [] }];
const metadata = {
  title: { type: "string" },
  publisher: { type: "string" },
  published: { type: "string", description: "ISO date or date-time" },
};
const writeErrors = { "400": problem, "401": problem, "403": problem, "413": problem, "500": problem };

export const INGEST_OPENAPI_PATHS = {
  "/api/ingest/url": {
    post: {
      summary: "Fetch a report from an http(s) URL and store it through the extraction pipeline",
      description:
        "HTML is reduced to its main text; text/plain and Markdown are stored as sent; other content types are refused (415). " +
        "At most 5 MB (413), 15 s and 5 redirects. Every hop must resolve only to public unicast addresses, checked after DNS " +
        "resolution and connected to as checked; private, loopback, link-local and other special addresses are refused (422) " +
        "unless the server runs with --allow-private-fetch. The report's URL is the final one, after redirects; title, " +
        "publisher and published win over what the page declares.",
      security: analyst,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              required: ["url"],
              properties: { url: { type: "string", format: "uri", description: "http or https" }, ...metadata },
            },
          },
        },
      },
      responses: {
        "201": stored("{ status: added, documentId, claims, url (final), redirects }", "added"),
        "200": stored("{ status: duplicate, documentId, claims, url (final), redirects }", "duplicate"),
        ...writeErrors,
        ...Object.fromEntries(FETCH_PROBLEM_STATUSES.map((status) => [String(status), problem])),
      },
    },
  },
  "/api/ingest/files": {
    post: {
      summary: "Store uploaded report files (.txt, .md, .html, .jsonl) through the extraction pipeline",
      description:
        "Each file is read as `armstrace ingest` reads it: by extension (sniffed when there is none), Markdown front matter as " +
        "metadata, JSON Lines one report a line. A bad file or line (binary, invalid UTF-8, malformed JSON) is reported in its " +
        "own result and the others are still stored. The whole request is limited like every body (413).",
      security: analyst,
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, description: "one part per file, each with a filename" } },
            },
          },
        },
      },
      responses: {
        "201": ok("{ files: [{ name, status: added|duplicate|failed, documentId?, claims?: Claim[], error? }] } (name is name:LINE for a JSON Lines report); 201 when any was added"),
        "200": ok("the same, when none was added"),
        ...writeErrors,
      },
    },
  },
} as const;
