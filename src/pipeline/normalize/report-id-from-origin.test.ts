import { test } from "node:test";
import assert from "node:assert/strict";
import { reportIdFromOrigin } from "./report-id-from-origin.ts";

const cases: [origin: string, id: string][] = [
  ["stdin", "stdin"],
  ["a.txt", "a"],
  ["reports/2024/sipri-brief.md", "sipri-brief"],
  ["/abs/dir/page.v2.html", "page.v2"],
  ["noext", "noext"],
  ["dir/.hidden", ".hidden"],
];

for (const [origin, id] of cases) {
  test(`reportIdFromOrigin: ${origin} -> ${id}`, () => {
    assert.equal(reportIdFromOrigin(origin), id);
  });
}
