import { test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { splitLines, type SplitLine } from "./split-lines.ts";

async function collect(chunks: (string | Uint8Array)[], max = 100): Promise<(string | number)[]> {
  const out: (string | number)[] = [];
  for await (const line of splitLines(Readable.from(chunks), max)) out.push(describe(line));
  return out;
}

function describe(line: SplitLine): string | number {
  return "bytes" in line ? `${line.number}:${Buffer.from(line.bytes).toString("utf8")}` : -line.oversize;
}

const cases: { name: string; chunks: (string | Uint8Array)[]; max?: number; lines: (string | number)[] }[] = [
  { name: "no input", chunks: [], lines: [] },
  { name: "one line without newline", chunks: ["abc"], lines: ["1:abc"] },
  { name: "trailing newline adds no line", chunks: ["a\nb\n"], lines: ["1:a", "2:b"] },
  { name: "blank lines keep their numbers", chunks: ["a\n\n\nb"], lines: ["1:a", "2:", "3:", "4:b"] },
  { name: "CRLF loses its CR", chunks: ["a\r\nb\r\n"], lines: ["1:a", "2:b"] },
  { name: "lines split across chunks", chunks: ["ab", "c\nd", "e", "\nf"], lines: ["1:abc", "2:de", "3:f"] },
  { name: "multi-byte character split across chunks", chunks: [Buffer.from([0xc3]), Buffer.from([0xa9, 0x0a])], lines: ["1:é"] },
  { name: "a line over the limit is only counted", chunks: ["short\n", "x".repeat(8), "x".repeat(8), "\nok"], max: 10, lines: ["1:short", -16, "3:ok"] },
  { name: "a line exactly at the limit is kept", chunks: ["0123456789\n"], max: 10, lines: ["1:0123456789"] },
];

for (const { name, chunks, max, lines } of cases) {
  test(`splitLines: ${name}`, async () => {
    assert.deepEqual(await collect(chunks, max), lines);
  });
}
