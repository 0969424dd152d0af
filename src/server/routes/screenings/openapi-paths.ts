/** The screening route's part of the OpenAPI document (merged into `OPENAPI_DOCUMENT.paths`). */
import { MAX_VENDORS } from "../../../services/screening/read-vendor-list.ts";

const problem = { description: "Problem (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const file = { type: "string", contentMediaType: "application/octet-stream" };

export const SCREENING_OPENAPI_PATHS = {
  "/api/screenings": {
    post: {
      summary: "Screen a vendor list against the evidence graph: matches, graded supplier evidence, risk tier and decisions per vendor",
      description:
        "Reads only, so a viewer token is enough; a token is needed even on a server with --anonymous-reads, since a vendor list is " +
        "confidential. The body is the list file as compliance teams keep it (CSV with a header row naming a `name` column and " +
        "optionally `country`, `website`, `identifiers`; the first sheet of an .xlsx workbook; JSON Lines, one object a line), or " +
        `JSON {"vendors": [...]}. At most ${MAX_VENDORS} vendors, and the body is limited like every body (413). A list that cannot ` +
        "be read (binary, not UTF-8, no name column, a row without a name, a broken line) is a 400 naming the line; an unknown " +
        "Content-Type is a 415. A country the country list does not know is left out and reported in `warnings`.",
      security: [{ bearer: [] }],
      parameters: [
        { name: "format", in: "query", required: false, description: "json (default), html or pdf: the report as a download", schema: { enum: ["json", "html", "pdf"] } },
        {
          name: "name",
          in: "query",
          required: false,
          description: "the list's file name: named in messages and the report, and tells the format of an application/octet-stream body",
          schema: { type: "string", maxLength: 255 },
        },
      ],
      requestBody: {
        required: true,
        content: {
          "text/csv": { schema: { type: "string" } },
          "application/x-ndjson": { schema: { type: "string" } },
          "application/jsonl": { schema: { type: "string" } },
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: file },
          "application/octet-stream": { schema: file },
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              required: ["vendors"],
              properties: {
                vendors: {
                  type: "array",
                  minItems: 1,
                  maxItems: MAX_VENDORS,
                  items: {
                    type: "object",
                    additionalProperties: false,
                    required: ["name"],
                    properties: {
                      name: { type: "string", minLength: 1 },
                      country: { type: ["string", "null"], description: "ISO code or name in any script" },
                      website: { type: ["string", "null"] },
                      identifiers: { type: "array", items: { type: "string" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      responses: {
        "200": {
          description: "format=json: { results: ScreeningResult[] (input order), warnings: string[] }; html and pdf: the report, as an attachment",
          content: {
            "application/json": { schema: { type: "object" } },
            "text/html": { schema: { type: "string" } },
            "application/pdf": { schema: file },
          },
        },
        "400": problem,
        "401": problem,
        "403": problem,
        "413": problem,
        "415": problem,
        "500": problem,
      },
    },
  },
} as const;
