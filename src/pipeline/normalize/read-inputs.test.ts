import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { InputError } from "./input-error.ts";
import { DEFAULT_MAX_BYTES } from "./iterate-inputs.ts";
import { readInputs } from "./read-inputs.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));

test("readInputs splits reports from problems, keeping the order of each", async () => {
  fs.writeFileSync(path.join(root, "a.txt"), "Alpha.");
  fs.writeFileSync(path.join(root, "b.jsonl"), '{"id":"b1","text":"Beta."}\nnot json\n{"id":"b2","text":"Gamma."}\n');
  fs.writeFileSync(path.join(root, "c.pdf"), "%PDF");
  const result = await readInputs(
    [path.join(root, "a.txt"), path.join(root, "missing.md"), path.join(root, "b.jsonl"), path.join(root, "c.pdf"), "-"],
    { maxBytes: DEFAULT_MAX_BYTES, stdin: Readable.from([Buffer.from("<p>From stdin.</p>")]) },
  );
  assert.deepEqual(
    result.reports.map((report) => [report.id, report.text, report.format]),
    [
      ["a", "Alpha.", "txt"],
      ["b1", "Beta.", "jsonl"],
      ["b2", "Gamma.", "jsonl"],
      ["stdin", "From stdin.", "html"],
    ],
  );
  assert.deepEqual(
    result.problems.map((problem) => path.basename(problem.origin)),
    ["missing.md", "b.jsonl:2", "c.pdf"],
  );
});

test("readInputs rejects with InputError when there is nothing to read", async () => {
  await assert.rejects(readInputs([], { maxBytes: DEFAULT_MAX_BYTES }), InputError);
});
