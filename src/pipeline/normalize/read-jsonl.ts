import type { Report } from "../../domain/types.ts";
import { findInvalidUtf8 } from "./find-invalid-utf8.ts";
import type { InputProblem } from "./input-problem.ts";
import { looksBinary } from "./looks-binary.ts";
import { overLimitMessage } from "./over-limit-message.ts";
import { parseJsonlLine } from "./parse-jsonl-line.ts";
import { splitLines } from "./split-lines.ts";

const WHITESPACE_ONLY = /^[\s\uFEFF]*$/;

async function* withFirstChunk(
  first: Uint8Array,
  rest: AsyncIterator<Uint8Array | string>,
): AsyncGenerator<Uint8Array | string> {
  yield first;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}

function toBytes(chunk: Uint8Array | string): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

/**
 * Streams JSON Lines reports from `chunks`, one result per non-blank line, so a file
 * of any size is read in bounded memory. `maxBytes` limits each line, not the whole
 * input: a big archive of small reports is normal, a single giant record is not. A
 * bad line becomes a problem for `label:LINE` and reading goes on. The whole input
 * gives one problem instead when it is empty or binary, rather than one per line.
 */
export async function* readJsonl(
  chunks: AsyncIterable<Uint8Array | string>,
  label: string,
  maxBytes: number,
): AsyncGenerator<Report | InputProblem> {
  const iterator = chunks[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (first.done !== true && toBytes(first.value).length === 0) first = await iterator.next();
  if (first.done === true) {
    yield { origin: label, message: `${label} is empty` };
    return;
  }
  const head = toBytes(first.value);
  if (looksBinary(head)) {
    await iterator.return?.();
    yield { origin: label, message: `${label} looks binary, not a text report` };
    return;
  }

  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let readAny = false;
  for await (const line of splitLines(withFirstChunk(head, iterator), maxBytes)) {
    const origin = `${label}:${line.number}`;
    if ("oversize" in line) {
      yield { origin, message: overLimitMessage(origin, line.oversize, maxBytes) };
      readAny = true;
      continue;
    }
    let bytes = line.bytes;
    if (line.number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      readAny = true;
      const offset = Math.max(0, findInvalidUtf8(bytes));
      yield { origin, message: `${origin} is not valid UTF-8 (first bad byte at offset ${offset} in the line)` };
      continue;
    }
    if (WHITESPACE_ONLY.test(text)) continue;
    readAny = true;
    yield parseJsonlLine(text, origin);
  }
  if (!readAny) yield { origin: label, message: `${label} is empty` };
}
