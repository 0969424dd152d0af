/** The alert routes' part of the OpenAPI document (merged into `OPENAPI_DOCUMENT.paths`). */
const problem = { description: "Problem (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const errors = { "400": problem, "401": problem, "403": problem, "500": problem };

export const ALERT_OPENAPI_PATHS = {
  "/api/alerts": {
    get: {
      summary: "Alerts raised by watches, newest first, each with its claim: parties, items, stance, quote, source, document",
      description: "Needs a token even on a server with --anonymous-reads: watches name the vendors a firm buys from.",
      security: [{ bearer: [] }],
      parameters: [
        { name: "unread", in: "query", required: false, description: "true: only unread alerts; false: only read ones", schema: { enum: ["true", "false"] } },
        { name: "limit", in: "query", required: false, description: "at most this many items (default 100, at most 1000)", schema: { type: "integer", minimum: 1, maximum: 1000 } },
      ],
      responses: { "200": ok("{ items: [{ id, watch, claimId, reason, createdAt, readAt, delivered, claim }] }"), ...errors },
    },
  },
  "/api/alerts/read": {
    post: {
      summary: "Mark alerts read",
      security: [{ bearer: [] }],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              required: ["ids"],
              properties: { ids: { type: "array", minItems: 1, maxItems: 1000, items: { type: "integer", minimum: 1 } } },
            },
          },
        },
      },
      responses: { "200": ok("{ marked }: how many were unread and are now read (unknown ids change nothing)"), ...errors, "413": problem },
    },
  },
} as const;
