import path from "node:path";
import type { ReportFormat } from "../../domain/types.ts";

const FORMATS: Record<string, ReportFormat> = {
  ".txt": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".jsonl": "jsonl",
};

/** The report format a file name promises, or undefined when it is not a report file. Case-insensitive, as exports from Windows tools often shout (`REPORT.TXT`). */
export function reportFormatForPath(file: string): ReportFormat | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}
