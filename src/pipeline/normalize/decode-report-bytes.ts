import { findInvalidUtf8 } from "./find-invalid-utf8.ts";
import { looksBinary } from "./looks-binary.ts";

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Turns the raw bytes of one report into its text, or into the one-line reason it
 * cannot be a report. `label` names the input in messages. The UTF-8 BOM is dropped
 * because it is invisible and would shift every offset by one; nothing else changes.
 */
export function decodeReportBytes(bytes: Uint8Array, label: string): Decoded {
  if (bytes.length === 0) return { ok: false, message: `${label} is empty` };
  // Without this check UTF-16 reads as "binary" (its NUL bytes), which sends users hunting for the wrong fix.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, message: `${label} is not valid UTF-8 (it looks like UTF-16; save it as UTF-8)` };
  }
  const bomLength = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  const content = bytes.subarray(bomLength);
  if (looksBinary(content)) return { ok: false, message: `${label} looks binary, not a text report` };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    const offset = bomLength + Math.max(0, findInvalidUtf8(content));
    return { ok: false, message: `${label} is not valid UTF-8 (first bad byte at offset ${offset})` };
  }
  if (text.trim() === "") return { ok: false, message: `${label} is empty` };
  return { ok: true, text };
}
