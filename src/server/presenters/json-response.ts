/**
 * JSON answers whose text can never be taken for HTML: report texts hold whatever their
 * authors wrote, `<script>` included, so `<`, `>` and `&` are written as \u escapes.
 * The parsed JSON is unchanged; only a browser sniffing the raw bytes sees no markup.
 */
export function safeJsonText(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function jsonResponse(data: unknown, status = 200): Response {
  return new Response(safeJsonText(data), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}
