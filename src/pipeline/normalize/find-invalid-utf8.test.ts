import { test } from "node:test";
import assert from "node:assert/strict";
import { findInvalidUtf8 } from "./find-invalid-utf8.ts";

const cases: { name: string; bytes: number[]; offset: number }[] = [
  { name: "empty", bytes: [], offset: -1 },
  { name: "ASCII", bytes: [...Buffer.from("plain")], offset: -1 },
  { name: "two-, three- and four-byte characters", bytes: [...Buffer.from("é€😀")], offset: -1 },
  { name: "Latin-1 é after ASCII", bytes: [0x61, 0x62, 0xe9, 0x63], offset: 2 },
  { name: "lone continuation byte", bytes: [0x61, 0x80], offset: 1 },
  { name: "truncated sequence at the end", bytes: [0x61, 0xe2, 0x82], offset: 1 },
  { name: "overlong slash", bytes: [0xc0, 0xaf], offset: 0 },
  { name: "overlong three-byte", bytes: [0xe0, 0x80, 0xaf], offset: 0 },
  { name: "UTF-16 surrogate", bytes: [0x41, 0xed, 0xa0, 0x80], offset: 1 },
  { name: "past U+10FFFF", bytes: [0xf4, 0x90, 0x80, 0x80], offset: 0 },
  { name: "invalid lead byte", bytes: [0xff], offset: 0 },
];

for (const { name, bytes, offset } of cases) {
  test(`findInvalidUtf8: ${name}`, () => {
    assert.equal(findInvalidUtf8(Uint8Array.from(bytes)), offset);
  });
}

test("findInvalidUtf8 agrees with a fatal TextDecoder on random bytes", () => {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
  for (let round = 0; round < 5000; round += 1) {
    const bytes = Uint8Array.from({ length: random() % 6 }, () => interesting[random() % interesting.length] ?? 0);
    let valid = true;
    try {
      decoder.decode(bytes);
    } catch {
      valid = false;
    }
    assert.equal(findInvalidUtf8(bytes) === -1, valid, `bytes ${Buffer.from(bytes).toString("hex")}`);
  }
});
