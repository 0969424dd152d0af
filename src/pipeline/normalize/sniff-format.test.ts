import { test } from "node:test";
import assert from "node:assert/strict";
import { sniffFormat, type SniffedFormat } from "./sniff-format.ts";

const cases: [text: string, format: SniffedFormat][] = [
  ['{"id":"a","text":"x"}', "jsonl"],
  ['{"id":"a"}\n\n  {"id":"b"}\r\n', "jsonl"],
  ['\uFEFF{"id":"a"}', "jsonl"],
  ['{"id":"a"}\nplain line', "txt"],
  ["<!doctype html><p>x</p>", "html"],
  ["\n  <html>\n{not json}", "html"],
  ["Plain text report.", "txt"],
  ["---\ntitle: T\n---\nBody", "txt"],
  ["", "txt"],
  ["a < b", "txt"],
];

for (const [text, format] of cases) {
  test(`sniffFormat: ${JSON.stringify(text)} is ${format}`, () => {
    assert.equal(sniffFormat(text), format);
  });
}
