import { test } from "node:test";
import assert from "node:assert/strict";
import type { ReportFormat } from "../../domain/types.ts";
import { reportFormatForPath } from "./report-format-for-path.ts";

const cases: [file: string, format: ReportFormat | undefined][] = [
  ["a.txt", "txt"],
  ["a.md", "md"],
  ["a.markdown", "md"],
  ["dir/a.html", "html"],
  ["a.HTM", "html"],
  ["REPORTS.JSONL", "jsonl"],
  ["a.pdf", undefined],
  ["a.json", undefined],
  ["README", undefined],
  [".md", undefined],
];

for (const [file, format] of cases) {
  test(`reportFormatForPath: ${file}`, () => {
    assert.equal(reportFormatForPath(file), format);
  });
}
