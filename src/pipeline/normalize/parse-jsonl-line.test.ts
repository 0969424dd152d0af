import { test } from "node:test";
import assert from "node:assert/strict";
import { parseJsonlLine } from "./parse-jsonl-line.ts";

const O = "in.jsonl:7";

test("parseJsonlLine reads a text record with metadata", () => {
  const line = JSON.stringify({ id: "r1", text: "Line one.\r\n  Line two. ", url: "https://x.example", title: "T", publisher: "P", published: "2024-01-02", extra: 1 });
  assert.deepEqual(parseJsonlLine(line, O), {
    id: "r1",
    text: "Line one.\r\n  Line two. ",
    url: "https://x.example",
    title: "T",
    publisher: "P",
    published: "2024-01-02",
    format: "jsonl",
    origin: O,
  });
});

test("parseJsonlLine treats null metadata as absent", () => {
  assert.deepEqual(parseJsonlLine('{"id":"r","text":"t","url":null,"title":""}', O), { id: "r", text: "t", format: "jsonl", origin: O });
});

test("parseJsonlLine runs html through the HTML path and keeps the record id", () => {
  const html = '<html><head><title>Page title</title><meta name="publisher" content="Page pub"></head><body><nav>NAV</nav><p>Shipment confirmed.</p></body></html>';
  const report = parseJsonlLine(JSON.stringify({ id: "rec-9", html, title: "Record title" }), O);
  assert.deepEqual(report, {
    id: "rec-9",
    text: "Shipment confirmed.",
    url: undefined,
    title: "Record title",
    publisher: "Page pub",
    published: undefined,
    format: "jsonl",
    origin: O,
  });
});

test("parseJsonlLine prefers text when a record has both", () => {
  const report = parseJsonlLine(JSON.stringify({ id: "r", text: "plain", html: "<p>markup</p>" }), O);
  assert.equal("text" in report && report.text, "plain");
});

const problems: { name: string; line: string; message: string }[] = [
  { name: "bad JSON", line: '{"id": "a", text: 1}', message: "in.jsonl:7: invalid JSON (" },
  { name: "truncated JSON", line: '{"id": "a"', message: "in.jsonl:7: invalid JSON (" },
  { name: "an array", line: "[1,2]", message: "in.jsonl:7: expected a JSON object, got an array" },
  { name: "a string", line: '"text"', message: "in.jsonl:7: expected a JSON object, got a string" },
  { name: "null", line: "null", message: "in.jsonl:7: expected a JSON object, got null" },
  { name: "missing id", line: '{"text":"t"}', message: 'in.jsonl:7: missing required field "id"' },
  { name: "numeric id", line: '{"id":3,"text":"t"}', message: 'in.jsonl:7: "id" must be a string, got a number' },
  { name: "empty id", line: '{"id":" ","text":"t"}', message: 'in.jsonl:7: "id" is empty' },
  { name: "no text or html", line: '{"id":"a","title":"t"}', message: 'in.jsonl:7: needs a "text" or an "html" field' },
  { name: "text of wrong type", line: '{"id":"a","text":["t"]}', message: 'in.jsonl:7: "text" must be a string, got an array' },
  { name: "empty text", line: '{"id":"a","text":"  \\n"}', message: 'in.jsonl:7: "text" is empty' },
  { name: "html of wrong type", line: '{"id":"a","html":{}}', message: 'in.jsonl:7: "html" must be a string, got an object' },
  { name: "html with nothing readable", line: '{"id":"a","html":"<nav>x</nav>"}', message: 'in.jsonl:7: "html" has no readable text' },
  { name: "metadata of wrong type", line: '{"id":"a","text":"t","published":20240101}', message: 'in.jsonl:7: "published" must be a string, got a number' },
];

for (const { name, line, message } of problems) {
  test(`parseJsonlLine problem: ${name}`, () => {
    const result = parseJsonlLine(line, O);
    assert.ok(!("text" in result), "expected a problem");
    assert.equal(result.origin, O);
    assert.ok(result.message.startsWith(message), result.message);
    assert.ok(!result.message.includes("\n"), "one line");
  });
}
