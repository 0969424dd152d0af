/** The decision routes' part of the OpenAPI document (merged into `OPENAPI_DOCUMENT.paths`). */
const problem = { description: "Problem (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const errors = { "400": problem, "401": problem, "403": problem, "500": problem };

export const DECISION_OPENAPI_PATHS = {
  "/api/decisions": {
    get: {
      summary: "Compliance decisions about vendors, newest first",
      description: "Needs a token even on a server with --anonymous-reads: decisions name the vendors a firm buys from.",
      security: [{ bearer: [] }],
      parameters: [
        { name: "vendor", in: "query", required: false, description: "only decisions about this vendor (its name compared as screening compares names)", schema: { type: "string" } },
        { name: "limit", in: "query", required: false, description: "at most this many items (default 100, at most 1000)", schema: { type: "integer", minimum: 1, maximum: 1000 } },
      ],
      responses: { "200": ok("{ items: VendorDecision[] }"), ...errors },
    },
    post: {
      summary: "Record a decision about a vendor (delist, keep or monitor) with the evidence it rests on",
      description:
        "The vendor is screened again and the matches, tier and evidence of that screening are kept with the decision. The author " +
        "is the token. monitor also starts watching the vendor: claims stored later that name it raise alerts.",
      security: [{ bearer: [] }],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              required: ["vendor", "decision", "reason"],
              properties: {
                vendor: { type: "string", minLength: 1 },
                country: { type: ["string", "null"], description: "ISO code or name, for matching" },
                decision: { enum: ["delist", "keep", "monitor"] },
                reason: { type: "string", minLength: 1 },
              },
            },
          },
        },
      },
      responses: { "201": ok("{ decision: VendorDecision, screening: ScreeningResult, watch: Watch | null }"), ...errors, "413": problem },
    },
  },
} as const;
