import { test } from "node:test";
import assert from "node:assert/strict";
import * as normalize from "./index.ts";

test("index exposes the input-reading API", () => {
  assert.deepEqual(Object.keys(normalize).sort(), [
    "DEFAULT_MAX_BYTES",
    "InputError",
    "contentHash",
    "htmlToReport",
    "isInputProblem",
    "iterateInputs",
    "parseFrontMatter",
    "readInputs",
  ]);
  assert.equal(normalize.DEFAULT_MAX_BYTES, 5 * 1024 * 1024);
});
