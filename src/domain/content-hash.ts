import { createHash } from "node:crypto";

/**
 * Identity of a report's text for de-duplication: SHA-256 (hex) of the text in
 * Unicode NFC, so the same words arriving precomposed or decomposed hash the same.
 * Only the text counts; the same article fetched from two URLs is one document.
 */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC"), "utf8").digest("hex");
}
