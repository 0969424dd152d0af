import type { Report } from "../../domain/types.ts";
import { parseFrontMatter } from "./parse-front-matter.ts";
import { reportIdFromOrigin } from "./report-id-from-origin.ts";

function field(meta: Record<string, string>, key: string): string | undefined {
  const value = meta[key];
  return value === undefined || value === "" ? undefined : value;
}

/**
 * A plain-text or Markdown report: front matter becomes metadata and the rest is
 * the text, unrendered, so offsets index exactly what the author wrote. The id is
 * the front matter's `id`, else the file name without extension.
 */
export function textToReport(raw: string, origin: string, format: "txt" | "md"): Report {
  const { meta, body } = parseFrontMatter(raw);
  return {
    id: field(meta, "id") ?? reportIdFromOrigin(origin),
    text: body,
    url: field(meta, "url"),
    title: field(meta, "title"),
    publisher: field(meta, "publisher"),
    published: field(meta, "published"),
    format,
    origin,
  };
}
