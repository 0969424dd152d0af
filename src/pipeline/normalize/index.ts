export { contentHash } from "./content-hash.ts";
export { htmlToReport } from "./html-to-report.ts";
export { InputError } from "./input-error.ts";
export { isInputProblem, type InputProblem } from "./input-problem.ts";
export { DEFAULT_MAX_BYTES, iterateInputs, type ReadOptions } from "./iterate-inputs.ts";
export { parseFrontMatter } from "./parse-front-matter.ts";
export { readInputs, type ReadResult } from "./read-inputs.ts";
