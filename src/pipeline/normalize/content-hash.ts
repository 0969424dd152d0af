import { createHash } from "node:crypto";

/**
 * Identifies a report by what it says rather than where it came from, so the same
 * article read from a file and from a JSON Lines dump hashes alike. NFC first because
 * composed and decomposed accents render the same but differ in code units.
 */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC"), "utf8").digest("hex");
}
