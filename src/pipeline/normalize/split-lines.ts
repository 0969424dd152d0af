export type SplitLine =
  | { number: number; bytes: Uint8Array }
  /** The line was longer than the limit; its bytes were counted and dropped, not kept. */
  | { number: number; oversize: number };

function toBytes(chunk: Uint8Array | string): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

/**
 * Splits a byte stream at `\n` into lines numbered from 1, without the line break
 * (a `\r` before it goes too, for CRLF files). Works on bytes rather than through
 * `readline` so a single huge line is never held in memory: once a line passes
 * `maxLineBytes` the rest of it is only counted. A final line without a newline
 * is still a line.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<SplitLine> {
  let number = 1;
  let pending: Uint8Array[] = [];
  let length = 0;
  let oversize = false;

  const take = (piece: Uint8Array): void => {
    length += piece.length;
    if (length > maxLineBytes) {
      oversize = true;
      pending = [];
    } else if (piece.length > 0) {
      pending.push(piece);
    }
  };
  const finish = (): SplitLine => {
    let line: SplitLine;
    if (oversize) line = { number, oversize: length };
    else {
      let bytes: Uint8Array = Buffer.concat(pending, length);
      if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
      line = { number, bytes };
    }
    number += 1;
    pending = [];
    length = 0;
    oversize = false;
    return line;
  };

  for await (const raw of chunks) {
    const chunk = toBytes(raw);
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
    take(chunk.subarray(start));
  }
  if (length > 0) yield finish();
}
