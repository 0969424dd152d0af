import { test } from "node:test";
import assert from "node:assert/strict";
import { textToReport } from "./text-to-report.ts";

test("textToReport takes metadata and id from front matter", () => {
  const raw = "---\nid: custom-id\ntitle: Title\nurl: https://x.example\npublisher: Pub\npublished: 2024-02-03\n---\n\n# Heading\n\n*Markdown* stays.\n";
  assert.deepEqual(textToReport(raw, "dir/file.md", "md"), {
    id: "custom-id",
    text: "# Heading\n\n*Markdown* stays.\n",
    url: "https://x.example",
    title: "Title",
    publisher: "Pub",
    published: "2024-02-03",
    format: "md",
    origin: "dir/file.md",
  });
});

test("textToReport falls back to the file name for the id and leaves missing metadata undefined", () => {
  assert.deepEqual(textToReport("---\ntitle:\n---\nText  with  spaces.", "a/b/report-1.txt", "txt"), {
    id: "report-1",
    text: "Text  with  spaces.",
    url: undefined,
    title: undefined,
    publisher: undefined,
    published: undefined,
    format: "txt",
    origin: "a/b/report-1.txt",
  });
});
