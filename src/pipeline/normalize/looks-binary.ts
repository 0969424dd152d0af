const SAMPLE_BYTES = 64 * 1024;
/** Text with this share of control bytes is not something a person wrote. */
const CONTROL_SHARE = 0.1;

function isControl(byte: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return and escape (ANSI colours)
  // turn up in genuine text exports, so they do not count against a file.
  if (byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d || byte === 0x1b) return false;
  return byte < 0x20 || byte === 0x7f;
}

/**
 * Whether bytes are better reported as "binary" than as invalid UTF-8: the two usually
 * coincide, and "looks binary" tells the user they passed the wrong file, not a
 * badly encoded one. Looks at a prefix so a huge file costs little.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.length === 0) return false;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isControl(byte)) controls += 1;
  }
  return controls / sample.length > CONTROL_SHARE;
}
