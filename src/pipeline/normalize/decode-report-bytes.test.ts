import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeReportBytes, type Decoded } from "./decode-report-bytes.ts";

const cases: { name: string; bytes: Uint8Array; expected: Decoded }[] = [
  { name: "plain UTF-8", bytes: Buffer.from("Ünited\r\nline"), expected: { ok: true, text: "Ünited\r\nline" } },
  { name: "BOM is stripped", bytes: Buffer.from("\uFEFFtext"), expected: { ok: true, text: "text" } },
  { name: "only the first BOM is stripped", bytes: Buffer.from("\uFEFF\uFEFFtext"), expected: { ok: true, text: "\uFEFFtext" } },
  { name: "zero bytes", bytes: new Uint8Array(), expected: { ok: false, message: "f.txt is empty" } },
  { name: "only whitespace", bytes: Buffer.from(" \n\r\n\t"), expected: { ok: false, message: "f.txt is empty" } },
  { name: "only a BOM", bytes: Buffer.from("\uFEFF"), expected: { ok: false, message: "f.txt is empty" } },
  { name: "NUL bytes", bytes: Buffer.from("GIF89a\0\0\0"), expected: { ok: false, message: "f.txt looks binary, not a text report" } },
  {
    name: "Latin-1 bytes",
    bytes: Uint8Array.from([...Buffer.from("caf"), 0xe9, 0x20, 0x6f, 0x6b]),
    expected: { ok: false, message: "f.txt is not valid UTF-8 (first bad byte at offset 3)" },
  },
  {
    name: "bad byte offset counts the BOM",
    bytes: Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff]),
    expected: { ok: false, message: "f.txt is not valid UTF-8 (first bad byte at offset 4)" },
  },
  {
    name: "UTF-16 with BOM",
    bytes: Uint8Array.from([0xff, 0xfe, 0x61, 0x00]),
    expected: { ok: false, message: "f.txt is not valid UTF-8 (it looks like UTF-16; save it as UTF-8)" },
  },
];

for (const { name, bytes, expected } of cases) {
  test(`decodeReportBytes: ${name}`, () => {
    assert.deepEqual(decodeReportBytes(bytes, "f.txt"), expected);
  });
}
