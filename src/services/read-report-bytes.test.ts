import { test } from "node:test";
import assert from "node:assert/strict";
import type { Report } from "../domain/types.ts";
import type { InputProblem } from "../pipeline/normalize/input-problem.ts";
import { readReportBytes } from "./read-report-bytes.ts";

const REPORT = "Norinco supplied assault rifles to the Myanmar military in 2023, Reuters reported.";
const MB = 1024 * 1024;

async function read(name: string, content: string | Uint8Array, maxBytes = 5 * MB): Promise<Array<Report | InputProblem>> {
  const items: Array<Report | InputProblem> = [];
  for await (const item of readReportBytes(name, typeof content === "string" ? Buffer.from(content) : content, maxBytes)) items.push(item);
  return items;
}

test("a .txt file is one report named by the file", async () => {
  const [report] = await read("rifles.txt", REPORT);
  assert.deepEqual(report, { id: "rifles", text: REPORT, url: undefined, title: undefined, publisher: undefined, published: undefined, format: "txt", origin: "rifles.txt" });
});

test("a .md file's front matter becomes metadata", async () => {
  const [report] = await read("brief.md", `---\ntitle: Rifles\npublisher: Reuters\nurl: https://example.org/r\n---\n${REPORT}\n`);
  assert.ok(report !== undefined && "text" in report);
  assert.equal(report.text.trim(), REPORT);
  assert.equal(report.title, "Rifles");
  assert.equal(report.publisher, "Reuters");
  assert.equal(report.url, "https://example.org/r");
  assert.equal(report.format, "md");
});

test("an .html file is reduced to its main text", async () => {
  const [report] = await read("page.HTML", `<html><head><title>Rifles</title></head><body><nav>Home</nav><article><p>${REPORT}</p></article></body></html>`);
  assert.ok(report !== undefined && "text" in report);
  assert.equal(report.text, REPORT);
  assert.equal(report.title, "Rifles");
  assert.equal(report.format, "html");
});

test("a .jsonl file gives one report a line, and a problem for each bad line", async () => {
  const lines = [JSON.stringify({ id: "a", text: REPORT }), "{not json", "", JSON.stringify({ id: "b", html: `<p>${REPORT}</p>`, publisher: "Reuters" })].join("\n");
  const items = await read("batch.jsonl", lines);
  assert.deepEqual(
    items.map((i) => ("text" in i ? `${i.origin} ${i.id}` : i.message.replace(/\(.*\)/, "(…)"))),
    ["batch.jsonl:1 a", "batch.jsonl:2: invalid JSON (…)", "batch.jsonl:4 b"],
  );
});

test("a name without an extension is sniffed, like stdin", async () => {
  assert.equal((await read("export", `{"id":"x","text":"${REPORT}"}\n`))[0]?.origin, "export:1");
  const [page] = await read("page", `<html><body><p>${REPORT}</p></body></html>`);
  assert.ok(page !== undefined && "format" in page && page.format === "html");
  const [text] = await read("notes", REPORT);
  assert.ok(text !== undefined && "format" in text && text.format === "txt");
});

const problems: Array<[label: string, name: string, content: string | Uint8Array, message: string]> = [
  ["binary", "scan.txt", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "scan.txt looks binary, not a text report"],
  ["invalid UTF-8", "latin.txt", Buffer.from("Caf\xe9 supplied", "latin1"), "latin.txt is not valid UTF-8 (first bad byte at offset 3)"],
  ["UTF-16", "wide.txt", Buffer.from("\ufeffhello", "utf16le"), "wide.txt is not valid UTF-8 (it looks like UTF-16; save it as UTF-8)"],
  ["empty", "empty.md", "", "empty.md is empty"],
  ["front matter only", "meta.md", "---\ntitle: x\n---\n", "meta.md is empty"],
  ["html without text", "blank.html", "<html><body><nav>Home</nav></body></html>", "blank.html has no readable text"],
  ["an unsupported type", "report.pdf", "%PDF-1.7", "report.pdf: unsupported file type .pdf (expected .txt, .md, .html, .jsonl)"],
  ["an empty .jsonl", "none.jsonl", "", "none.jsonl is empty"],
  ["a binary .jsonl", "blob.jsonl", Uint8Array.from([0, 1, 2, 3]), "blob.jsonl looks binary, not a text report"],
  ["over the limit", "long.txt", "x".repeat(101), "long.txt is larger than the 100 bytes limit for a report"],
];

for (const [label, name, content, message] of problems) {
  test(`a file that is ${label} is one problem`, async () => {
    assert.deepEqual(await read(name, content, 100), [{ origin: name, message }]);
  });
}
