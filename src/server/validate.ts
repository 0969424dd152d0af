/**
 * Checks request input against a zod schema and turns the first problems into one
 * `UsageError` (a 400) that names the field, so a client learns what to fix.
 */
import type { z } from "zod";
import { UsageError } from "../domain/errors.ts";

export function validate<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.length > 0 ? i.path.join(".") : where}: ${i.message}`);
  throw new UsageError(`invalid ${where}: ${issues.join("; ")}`);
}

/** Query parameters as one object (repeated ones keep the first value). */
export function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}
