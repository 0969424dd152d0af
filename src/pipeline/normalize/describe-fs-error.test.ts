import { test } from "node:test";
import assert from "node:assert/strict";
import { describeFsError } from "./describe-fs-error.ts";

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: something, open 'x'`), { code });
}

const cases: [error: unknown, message: string][] = [
  [fsError("ENOENT"), "no such file or directory: x"],
  [fsError("ENOTDIR"), "no such file or directory: x"],
  [fsError("EACCES"), "x: permission denied"],
  [fsError("ELOOP"), "x: too many levels of symbolic links"],
  [fsError("EIO"), "x: cannot read (EIO)"],
  [new Error("boom"), "x: cannot read (boom)"],
  ["weird", "x: cannot read (weird)"],
];

for (const [error, message] of cases) {
  test(`describeFsError: ${message}`, () => {
    assert.equal(describeFsError(error, "x"), message);
  });
}
