import type { Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { describeFsError } from "./describe-fs-error.ts";
import type { InputProblem } from "./input-problem.ts";
import { reportFormatForPath } from "./report-format-for-path.ts";

/**
 * Every report file under `dir`, recursively, sorted by path (plain code-unit order,
 * so runs are reproducible across machines and locales). Files of other types are
 * skipped silently, since report folders carry PDFs and images alongside. Hidden
 * entries (`.git`, `.DS_Store`) are skipped as tool litter, not reports. Symbolic
 * links are followed, each directory once, so a link loop cannot recurse forever.
 */
export async function listReportFiles(dir: string): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const visited = new Set<string>();

  const visit = async (current: string): Promise<void> => {
    let entries: string[];
    try {
      const real = await realpath(current);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(current);
    } catch (error) {
      problems.push({ origin: current, message: describeFsError(error, current) });
      return;
    }
    for (const name of entries) {
      if (name.startsWith(".")) continue;
      const child = path.join(current, name);
      let info: Stats;
      try {
        info = await stat(child);
      } catch (error) {
        // A dangling link to a file that is not a report is not worth a complaint.
        if (reportFormatForPath(name) !== undefined) problems.push({ origin: child, message: describeFsError(error, child) });
        continue;
      }
      if (info.isDirectory()) await visit(child);
      else if (info.isFile() && reportFormatForPath(name) !== undefined) files.push(child);
    }
  };

  await visit(dir);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, problems };
}
