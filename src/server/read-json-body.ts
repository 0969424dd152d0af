/** Reads a request body as JSON, answering a clear 400 when it is not JSON at all. */
import { UsageError } from "../domain/errors.ts";

export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new UsageError("the body must be JSON (Content-Type: application/json)");
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
