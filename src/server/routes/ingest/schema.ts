import { z } from "zod";

const text = z.string().min(1, "must not be empty");
const meta = z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters").optional();
const published = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO date (YYYY-MM-DD) or date-time").optional();

/** POST /api/ingest: exactly one of `text` and `html`, with optional metadata. */
export const ingestBody = z
  .strictObject({
    text: text.optional(),
    html: text.optional(),
    url: meta,
    title: meta,
    publisher: meta,
    published,
  })
  .refine((b) => (b.text === undefined) !== (b.html === undefined), { message: "give exactly one of text and html" });

/**
 * POST /api/ingest/url: the page to fetch, with metadata that wins over what the page
 * declares. Other schemes are refused here, before anything is fetched.
 */
export const ingestUrlBody = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000, "must be at most 2000 characters")
    .refine((value) => URL.canParse(value), "must be an absolute URL")
    .refine((value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol), "must be an http or https URL"),
  title: meta,
  publisher: meta,
  published,
});

/** The multipart form field that carries the files of POST /api/ingest/files. */
export const FILE_FIELD = "file";
