/**
 * Reads one uploaded file (a name and its bytes, no path on disk) into reports the way
 * `armstrace ingest` reads a file: the format from the name (`.txt`, `.md` with front
 * matter, `.html`, `.jsonl` with one report a line), sniffed like stdin when the name
 * has no extension, and the same normalize functions, so binary files, invalid UTF-8,
 * empty files and malformed JSON Lines lines get the messages the CLI prints.
 */
import path from "node:path";
import type { Report } from "../domain/types.ts";
import { decodeReportBytes } from "../pipeline/normalize/decode-report-bytes.ts";
import { htmlToReport } from "../pipeline/normalize/html-to-report.ts";
import type { InputProblem } from "../pipeline/normalize/input-problem.ts";
import { readJsonl } from "../pipeline/normalize/read-jsonl.ts";
import { reportFormatForPath } from "../pipeline/normalize/report-format-for-path.ts";
import { sniffFormat } from "../pipeline/normalize/sniff-format.ts";
import { textToReport } from "../pipeline/normalize/text-to-report.ts";

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

function problem(origin: string, message: string): InputProblem {
  return { origin, message };
}

function sizeText(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes >= mb ? `${Number((bytes / mb).toFixed(1))} MB` : `${bytes} bytes`;
}

/**
 * The reports in `bytes`, interleaved with the problems met, labelled `name` (and
 * `name:LINE` for JSON Lines). `maxBytes` limits a whole file, or each line of a JSON
 * Lines file, as `--max-size` does for the CLI.
 */
export async function* readReportBytes(name: string, bytes: Uint8Array, maxBytes: number): AsyncGenerator<Report | InputProblem> {
  const extension = path.extname(name);
  const named = reportFormatForPath(name);
  if (named === undefined && extension !== "") {
    yield problem(name, `${name}: unsupported file type ${extension} (expected .txt, .md, .html, .jsonl)`);
    return;
  }
  if (named === "jsonl") {
    yield* readJsonl(once(bytes), name, maxBytes);
    return;
  }
  if (bytes.length > maxBytes) {
    yield problem(name, `${name} is larger than the ${sizeText(maxBytes)} limit for a report`);
    return;
  }
  const decoded = decodeReportBytes(bytes, name);
  if (!decoded.ok) {
    yield problem(name, decoded.message);
    return;
  }
  const format = named ?? sniffFormat(decoded.text);
  if (format === "jsonl") {
    yield* readJsonl(once(bytes), name, maxBytes);
    return;
  }
  // As for files on disk, a report with nothing to analyse is a problem rather than an empty document.
  const report = format === "html" ? htmlToReport(decoded.text, name) : textToReport(decoded.text, name, format);
  if (report.text.trim() === "") yield problem(name, format === "html" ? `${name} has no readable text` : `${name} is empty`);
  else yield report;
}
