import type { Report } from "../../domain/types.ts";
import { htmlToReport } from "./html-to-report.ts";
import type { InputProblem } from "./input-problem.ts";

const OPTIONAL_FIELDS = ["url", "title", "publisher", "published"] as const;

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * One JSON Lines record as a report. `origin` is `path:LINE` and prefixes every
 * message, so a user can jump straight to the bad line. A record may carry `html`
 * instead of `text`; it is extracted like an HTML file but keeps the record's id,
 * and the record's own metadata wins over what the page declares. `null` optional
 * fields count as absent, as exports from databases write them that way.
 */
export function parseJsonlLine(line: string, origin: string): Report | InputProblem {
  const problem = (message: string): InputProblem => ({ origin, message: `${origin}: ${message}` });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return problem(`invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return problem(`expected a JSON object, got ${kind(value)}`);
  }
  const record = value as Record<string, unknown>;

  const { id, text, html } = record;
  if (id === undefined) return problem('missing required field "id"');
  if (typeof id !== "string") return problem(`"id" must be a string, got ${kind(id)}`);
  if (id.trim() === "") return problem('"id" is empty');

  const metadata: Partial<Record<(typeof OPTIONAL_FIELDS)[number], string>> = {};
  for (const field of OPTIONAL_FIELDS) {
    const fieldValue = record[field];
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== "string") return problem(`"${field}" must be a string, got ${kind(fieldValue)}`);
    if (fieldValue.trim() !== "") metadata[field] = fieldValue.trim();
  }

  const hasText = text !== undefined && text !== null;
  const hasHtml = html !== undefined && html !== null;
  if (!hasText && !hasHtml) return problem('needs a "text" or an "html" field');
  if (hasText) {
    if (typeof text !== "string") return problem(`"text" must be a string, got ${kind(text)}`);
    if (text.trim() === "") return problem('"text" is empty');
    return { id, text, ...metadata, format: "jsonl", origin };
  }
  if (typeof html !== "string") return problem(`"html" must be a string, got ${kind(html)}`);
  const page = htmlToReport(html, origin);
  if (page.text === "") return problem('"html" has no readable text');
  return {
    id,
    text: page.text,
    url: metadata.url ?? page.url,
    title: metadata.title ?? page.title,
    publisher: metadata.publisher ?? page.publisher,
    published: metadata.published ?? page.published,
    format: "jsonl",
    origin,
  };
}
