/**
 * Byte offset of the first byte that starts an ill-formed UTF-8 sequence, or -1.
 * `TextDecoder` with `fatal` only says *that* decoding failed; users fixing a file
 * need to know *where*. Follows the well-formed table of Unicode §3.9 (no overlongs,
 * no surrogates, nothing past U+10FFFF), which is what `TextDecoder` enforces.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let k = 1; k < length; k += 1) {
      const byte = bytes[index + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return -1;
}
