/**
 * Raised only when reading cannot start at all (bad options, nothing to read); every
 * problem with a single input is an `InputProblem` instead, so one bad file never
 * hides the reports in the others.
 */
export class InputError extends Error {
  override readonly name = "InputError";
}
