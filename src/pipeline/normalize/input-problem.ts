import type { Report } from "../../domain/types.ts";

/** A non-fatal reason one input (or one JSON Lines line) yielded no report. */
export type InputProblem = {
  /** A file path, `path:LINE` for a JSON Lines line, or `stdin`. */
  origin: string;
  /** One line, meant to be shown to the user as-is. */
  message: string;
};

/** Lets consumers of `iterateInputs` split its mixed stream without inspecting fields themselves. */
export function isInputProblem(item: Report | InputProblem): item is InputProblem {
  return !("text" in item);
}
