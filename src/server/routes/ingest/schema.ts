import { z } from "zod";

const text = z.string().min(1, "must not be empty");
const meta = z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters").optional();

/** POST /api/ingest: exactly one of `text` and `html`, with optional metadata. */
export const ingestBody = z
  .strictObject({
    text: text.optional(),
    html: text.optional(),
    url: meta,
    title: meta,
    publisher: meta,
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO date (YYYY-MM-DD) or date-time").optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.html === undefined), { message: "give exactly one of text and html" });
