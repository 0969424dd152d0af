import { z } from "zod";
import { MAX_VENDORS, type VendorListFormat } from "../../../services/screening/read-vendor-list.ts";

export const SCREENING_FORMATS = ["json", "html", "pdf"] as const;

/** POST /api/screenings: how to answer, and the uploaded list's file name (for messages, the report and its format). */
export const screeningQuery = z.object({
  format: z.enum(SCREENING_FORMATS, { error: `must be one of ${SCREENING_FORMATS.join(", ")}` }).default("json"),
  name: z.string().trim().min(1, "must not be empty").max(255, "must be at most 255 characters").optional(),
});

const field = z.string().trim().max(2000, "must be at most 2000 characters");

/** POST /api/screenings as JSON: the vendors themselves, as a vendor list's rows would give them. */
export const vendorsBody = z.strictObject({
  vendors: z
    .array(
      z.strictObject({
        name: field.min(1, "must not be empty"),
        country: field.nullish(),
        website: field.nullish(),
        identifiers: z.array(field.min(1, "must not be empty")).max(50, "must list at most 50").optional(),
      }),
    )
    .min(1, "must list at least one vendor")
    .max(MAX_VENDORS, `must list at most ${MAX_VENDORS} vendors`),
});

/**
 * Uploaded lists by media type. `application/octet-stream` (what a browser sends for a
 * file it has no type for, such as .jsonl) is read by the file name's extension.
 */
export const UPLOAD_TYPES: Readonly<Record<string, VendorListFormat>> = {
  "text/csv": "csv",
  "text/tab-separated-values": "csv",
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};
