import type { Report } from "../../domain/types.ts";
import { isInputProblem, type InputProblem } from "./input-problem.ts";
import { iterateInputs, type ReadOptions } from "./iterate-inputs.ts";

export interface ReadResult {
  reports: Report[];
  problems: InputProblem[];
}

/**
 * Reads files, directories (recursive; only .txt .md .markdown .html .htm .jsonl
 * files, sorted by path) and "-" (stdin, format sniffed) into reports, collecting
 * per-input problems instead of stopping at them. Holds everything in memory; use
 * `iterateInputs` for inputs too large for that.
 */
export async function readInputs(paths: string[], opts: ReadOptions): Promise<ReadResult> {
  const result: ReadResult = { reports: [], problems: [] };
  for await (const item of iterateInputs(paths, opts)) {
    if (isInputProblem(item)) result.problems.push(item);
    else result.reports.push(item);
  }
  return result;
}
