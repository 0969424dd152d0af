// The options every corpus benchmark takes: --reports N, --seed S, --keep, --help.
// Exits with a one-line message on a bad option, so the benchmarks share one parser.
import { parseArgs } from "node:util";

/** @param {{ name: string, defaultReports: number, keepWhat: string }} spec */
export function benchOptions({ name, defaultReports, keepWhat }) {
  let values;
  try {
    ({ values } = parseArgs({
      options: { reports: { type: "string" }, seed: { type: "string" }, keep: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${name}: ${e.message}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(`Usage: npm run ${name} -- [--reports N (default ${defaultReports})] [--seed S (default 1)] [--keep (keep the ${keepWhat})]`);
    process.exit(0);
  }
  const count = Number(values.reports ?? defaultReports);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed)) {
    console.error(`${name}: --reports must be a positive whole number and --seed a whole number`);
    process.exit(2);
  }
  return { count, seed, keep: values.keep === true };
}
