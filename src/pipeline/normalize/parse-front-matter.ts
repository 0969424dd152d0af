const BOM = "\uFEFF";
const LINE = /([^\r\n]*)(\r\n|\n|\r|$)/y;
const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_VALUE = /^([A-Za-z_][\w.-]*)[ \t]*:(.*)$/;
const LEADING_BLANK_LINES = /^(?:[ \t]*(?:\r\n|\n|\r))+/;

interface Line {
  content: string;
  /** Index just past the line break, where the next line starts. */
  next: number;
}

function* lines(raw: string): Generator<Line> {
  let index = 0;
  while (index < raw.length) {
    LINE.lastIndex = index;
    const match = LINE.exec(raw);
    if (match === null) return;
    const next = index + match[0].length;
    yield { content: match[1] ?? "", next };
    if (next === index) return;
    index = next;
  }
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const first = trimmed[0];
  if (trimmed.length >= 2 && (first === '"' || first === "'") && trimmed.endsWith(first)) {
    return trimmed.slice(1, -1);
  }
  return trimmed;
}

/**
 * Splits a `---` header of `key: value` lines off the top of a text report. Only a
 * header whose every line looks like YAML counts, because Markdown may also open
 * with a `---` rule followed by prose and a second rule; such a file keeps all its
 * text. Nested YAML (indented or `- item` lines) is tolerated and ignored, since the
 * report fields are all scalars. Keys are lower-cased.
 *
 * `body` has its leading blank lines removed and is otherwise the input unchanged
 * (CRLF kept), because it becomes the text that extraction offsets index.
 */
export function parseFrontMatter(raw: string): { meta: Record<string, string>; body: string } {
  const source = raw.startsWith(BOM) ? raw.slice(BOM.length) : raw;
  const plain = { meta: {}, body: source.replace(LEADING_BLANK_LINES, "") };
  const iterator = lines(source);
  const first = iterator.next();
  if (first.done === true || !OPENING.test(first.value.content)) return plain;

  const meta: Record<string, string> = {};
  for (const line of iterator) {
    const { content } = line;
    if (CLOSING.test(content)) {
      return { meta, body: source.slice(line.next).replace(LEADING_BLANK_LINES, "") };
    }
    if (content.trim() === "" || content.startsWith("#") || /^[ \t]|^- /.test(content)) continue;
    const pair = KEY_VALUE.exec(content);
    if (pair === null) return plain;
    meta[(pair[1] ?? "").toLowerCase()] = unquote(pair[2] ?? "");
  }
  return plain;
}
