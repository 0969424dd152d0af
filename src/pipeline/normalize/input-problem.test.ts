import { test } from "node:test";
import assert from "node:assert/strict";
import type { Report } from "../../domain/types.ts";
import { isInputProblem, type InputProblem } from "./input-problem.ts";

test("isInputProblem tells problems from reports", () => {
  const report: Report = { id: "a", text: "", format: "txt", origin: "a.txt" };
  const problem: InputProblem = { origin: "b.txt", message: "b.txt is empty" };
  assert.equal(isInputProblem(report), false);
  assert.equal(isInputProblem(problem), true);
});
