import { createReadStream, type Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Report } from "../../domain/types.ts";
import { decodeReportBytes } from "./decode-report-bytes.ts";
import { describeFsError } from "./describe-fs-error.ts";
import { htmlToReport } from "./html-to-report.ts";
import { InputError } from "./input-error.ts";
import { isInputProblem, type InputProblem } from "./input-problem.ts";
import { listReportFiles } from "./list-report-files.ts";
import { overLimitMessage } from "./over-limit-message.ts";
import { readJsonl } from "./read-jsonl.ts";
import { reportFormatForPath } from "./report-format-for-path.ts";
import { sniffFormat } from "./sniff-format.ts";
import { textToReport } from "./text-to-report.ts";

/** The size limit the CLI should use when the user gives no `--max-size`. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  /** Largest file (or, for JSON Lines, largest line) read; bigger ones become problems. Default: `DEFAULT_MAX_BYTES`. */
  maxBytes: number;
  /** Read for the input `-`; defaults to `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
}

type Item = Report | InputProblem;

const STDIN = "stdin";

function problem(origin: string, message: string): InputProblem {
  return { origin, message };
}

/** A report with nothing to analyse is a problem, not a report, so every report downstream has text. */
function checked(report: Report, emptyMessage: string): Item {
  return report.text.trim() === "" ? problem(report.origin, emptyMessage) : report;
}

function fromText(text: string, origin: string, format: "txt" | "md" | "html"): Item {
  if (format === "html") return checked(htmlToReport(text, origin), `${origin} has no readable text`);
  return checked(textToReport(text, origin, format), `${origin} is empty`);
}

async function* readWholeFile(file: string, format: "txt" | "md" | "html", size: number, maxBytes: number): AsyncGenerator<Item> {
  if (size > maxBytes) {
    yield problem(file, overLimitMessage(file, size, maxBytes));
    return;
  }
  const decoded = decodeReportBytes(await readFile(file), file);
  yield decoded.ok ? fromText(decoded.text, file, format) : problem(file, decoded.message);
}

async function* readReportFile(file: string, size: number, maxBytes: number): AsyncGenerator<Item> {
  const format = reportFormatForPath(file);
  if (format === undefined) {
    const extension = path.extname(file);
    const type = extension === "" ? "(no extension)" : extension;
    yield problem(file, `${file}: unsupported file type ${type} (expected .txt, .md, .html, .jsonl)`);
    return;
  }
  try {
    if (format === "jsonl") {
      if (size === 0) yield problem(file, `${file} is empty`);
      else yield* readJsonl(createReadStream(file), file, maxBytes);
    } else {
      yield* readWholeFile(file, format, size, maxBytes);
    }
  } catch (error) {
    yield problem(file, describeFsError(error, file));
  }
}

function toBuffer(chunk: string | Buffer): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

async function* resume(head: Buffer[], rest: AsyncIterator<string | Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield toBuffer(next.value);
}

/**
 * Stdin has no name to say its format, so it is sniffed. It is buffered up to the
 * size limit; beyond that only JSON Lines (judged on the complete lines seen so far)
 * is read on, line by line, since that is how big inputs are piped in.
 */
async function* readStdin(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<Item> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size <= maxBytes) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    const chunk = toBuffer(next.value);
    head.push(chunk);
    size += chunk.length;
  }

  if (ended) {
    const bytes = Buffer.concat(head, size);
    const decoded = decodeReportBytes(bytes, STDIN);
    if (!decoded.ok) {
      yield problem(STDIN, decoded.message);
      return;
    }
    const format = sniffFormat(decoded.text);
    if (format === "jsonl") yield* readJsonl(resume([bytes], iterator), STDIN, maxBytes);
    else yield fromText(decoded.text, STDIN, format);
    return;
  }

  const prefix = Buffer.concat(head, size).subarray(0, maxBytes).toString("utf8");
  const lastBreak = prefix.lastIndexOf("\n");
  if (sniffFormat(lastBreak === -1 ? prefix : prefix.slice(0, lastBreak)) === "jsonl") {
    yield* readJsonl(resume(head, iterator), STDIN, maxBytes);
    return;
  }
  await iterator.return?.();
  yield problem(STDIN, overLimitMessage(STDIN, undefined, maxBytes));
}

async function* readPath(input: string, opts: ReadOptions): AsyncGenerator<Item> {
  if (input === "-") {
    try {
      yield* readStdin(opts.stdin ?? process.stdin, opts.maxBytes);
    } catch (error) {
      yield problem(STDIN, `${STDIN}: cannot read (${error instanceof Error ? error.message : String(error)})`);
    }
    return;
  }
  let info: Stats;
  try {
    info = await stat(input);
  } catch (error) {
    yield problem(input, describeFsError(error, input));
    return;
  }
  if (info.isDirectory()) {
    const { files, problems } = await listReportFiles(input);
    yield* problems;
    if (files.length === 0 && problems.length === 0) yield problem(input, `no reports found in directory ${input}`);
    for (const file of files) {
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (error) {
        yield problem(file, describeFsError(error, file));
        continue;
      }
      yield* readReportFile(file, size, opts.maxBytes);
    }
    return;
  }
  if (!info.isFile()) {
    yield problem(input, `${input} is not a regular file or directory`);
    return;
  }
  yield* readReportFile(input, info.size, opts.maxBytes);
}

/**
 * Streams the reports in `paths` (files, directories read recursively, or `-` for
 * stdin) in order, interleaved with the problems met on the way, so a caller can
 * process a huge JSON Lines archive without holding it. Problems never stop the
 * reading. A report whose id was already read in this call is a problem, since
 * results are keyed by id. Throws `InputError` only when reading cannot start.
 */
export async function* iterateInputs(paths: string[], opts: ReadOptions): AsyncGenerator<Report | InputProblem> {
  if (!Number.isFinite(opts.maxBytes) || opts.maxBytes <= 0) {
    throw new InputError(`the size limit must be a positive number of bytes, got ${String(opts.maxBytes)}`);
  }
  if (paths.length === 0) throw new InputError("no inputs given (pass files, directories, or - for stdin)");

  const firstOrigin = new Map<string, string>();
  let stdinRead = false;
  for (const input of paths) {
    if (input === "-") {
      if (stdinRead) {
        yield problem(STDIN, "stdin (-) was given more than once; it is read only once");
        continue;
      }
      stdinRead = true;
    }
    for await (const item of readPath(input, opts)) {
      if (isInputProblem(item)) {
        yield item;
        continue;
      }
      const seen = firstOrigin.get(item.id);
      if (seen !== undefined) {
        yield problem(item.origin, `${item.origin}: duplicate report id "${item.id}" (first read from ${seen})`);
        continue;
      }
      firstOrigin.set(item.id, item.origin);
      yield item;
    }
  }
}
