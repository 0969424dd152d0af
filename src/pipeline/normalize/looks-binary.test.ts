import { test } from "node:test";
import assert from "node:assert/strict";
import { looksBinary } from "./looks-binary.ts";

const cases: { name: string; bytes: Uint8Array; binary: boolean }[] = [
  { name: "empty", bytes: new Uint8Array(), binary: false },
  { name: "prose with tabs and CRLF", bytes: Buffer.from("a\tb\r\nc\fd\u001b[1mbold\u001b[0m\n"), binary: false },
  { name: "UTF-8 text", bytes: Buffer.from("Überweisung von Raketen — 😀"), binary: false },
  { name: "a NUL byte", bytes: Buffer.from("text\0more text"), binary: true },
  { name: "mostly control bytes", bytes: Uint8Array.from([1, 2, 3, 4, 0x41, 5, 6, 7, 0x42, 8]), binary: true },
  { name: "a few stray control bytes in long text", bytes: Buffer.from(`${"x".repeat(100)}\u0001\u0002`), binary: false },
  { name: "PNG signature", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), binary: true },
];

for (const { name, bytes, binary } of cases) {
  test(`looksBinary: ${name}`, () => {
    assert.equal(looksBinary(bytes), binary);
  });
}
