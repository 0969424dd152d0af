import { test } from "node:test";
import assert from "node:assert/strict";
import { overLimitMessage } from "./over-limit-message.ts";

const MB = 1024 * 1024;

const cases: { bytes: number | undefined; limit: number; message: string }[] = [
  { bytes: 6.2 * MB, limit: 5 * MB, message: "X is 6.2 MB, over the 5 MB limit (raise it with --max-size)" },
  { bytes: 5 * MB + 20_000, limit: 5 * MB, message: "X is 5.02 MB, over the 5 MB limit (raise it with --max-size)" },
  { bytes: 5 * MB + 1, limit: 5 * MB, message: "X is 5242881 bytes, over the 5 MB limit (raise it with --max-size)" },
  { bytes: 3000, limit: 2048, message: "X is 2.9 KB, over the 2 KB limit (raise it with --max-size)" },
  { bytes: undefined, limit: 5 * MB, message: "X is over the 5 MB limit (raise it with --max-size)" },
  { bytes: 20, limit: 10, message: "X is 20 bytes, over the 10 bytes limit (raise it with --max-size)" },
];

for (const { bytes, limit, message } of cases) {
  test(`overLimitMessage: ${bytes} over ${limit}`, () => {
    assert.equal(overLimitMessage("X", bytes, limit), message);
  });
}
