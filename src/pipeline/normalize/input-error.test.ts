import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "./input-error.ts";

test("InputError is an Error the CLI can tell apart by class and name", () => {
  const error = new InputError("no inputs given");
  assert.ok(error instanceof Error);
  assert.ok(error instanceof InputError);
  assert.equal(error.name, "InputError");
  assert.equal(error.message, "no inputs given");
});
