import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listReportFiles } from "./list-report-files.ts";

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "armstrace-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

test("listReportFiles finds report files recursively, sorted by path, skipping others", async (t) => {
  const root = tree({
    "b.txt": "b",
    "a/z.md": "z",
    "a/deep/x.HTML": "x",
    "a-c.jsonl": "{}",
    "notes.pdf": "%PDF",
    "data.json": "{}",
    ".git/HEAD.txt": "hidden",
    ".hidden.md": "hidden",
    "c.markdown": "c",
    "d.htm": "d",
  });
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const { files, problems } = await listReportFiles(root);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    files.map((file) => path.relative(root, file)),
    ["a-c.jsonl", "a/deep/x.HTML", "a/z.md", "b.txt", "c.markdown", "d.htm"],
  );
});

test("listReportFiles follows a symlink loop only once", async (t) => {
  const root = tree({ "sub/r.txt": "r" });
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.symlinkSync(root, path.join(root, "sub", "loop"));
  const { files } = await listReportFiles(root);
  assert.deepEqual(files.map((file) => path.relative(root, file)), ["sub/r.txt"]);
});

test("listReportFiles returns nothing for an empty directory", async (t) => {
  const root = tree({});
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  assert.deepEqual(await listReportFiles(root), { files: [], problems: [] });
});
