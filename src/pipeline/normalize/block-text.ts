// Node's DOM constants are not globals outside a browser, so name the two we need.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements that start a new paragraph in the plain text. */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot",
  "th", "thead", "tr", "ul",
]);

/** Elements whose text is never prose: code, styling, embedded documents and form widgets. */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object", "embed",
  "svg", "math", "canvas", "select", "option", "button", "textarea",
]);

const SPACES = /[\s\u00a0]+/g;

class Paragraphs {
  readonly blocks: string[] = [];
  private current = "";

  append(text: string): void {
    this.current += text.replace(SPACES, " ");
  }

  lineBreak(): void {
    this.current += "\n";
  }

  /** Pushes `raw` as its own paragraph untouched, for preformatted text whose spacing matters. */
  verbatim(raw: string): void {
    this.flush();
    const trimmed = raw.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd();
    if (trimmed !== "") this.blocks.push(trimmed);
  }

  flush(): void {
    const paragraph = this.current
      .split("\n")
      // Adjacent text nodes (e.g. split at entities) each bring their own space, so collapse again here.
      .map((line) => line.replace(/ {2,}/g, " ").trim())
      .filter((line) => line !== "")
      .join("\n");
    if (paragraph !== "") this.blocks.push(paragraph);
    this.current = "";
  }
}

function walk(node: Node, out: Paragraphs): void {
  if (node.nodeType === TEXT_NODE) {
    out.append(node.textContent ?? "");
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== DOCUMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE) return;
  const name = (node as Element).localName?.toLowerCase() ?? "";
  if (SKIPPED.has(name)) return;
  if (name === "br") {
    out.lineBreak();
    return;
  }
  if (name === "pre") {
    out.verbatim(node.textContent ?? "");
    return;
  }
  const block = BLOCKS.has(name);
  if (block) out.flush();
  for (const child of Array.from(node.childNodes)) walk(child, out);
  if (block) out.flush();
}

/**
 * Plain text of a DOM subtree as a reader would see it: one paragraph per block
 * element (headings, paragraphs, list items, table rows…) separated by a blank
 * line, `<br>` as a line break, runs of white space collapsed to one space, and
 * `<pre>` kept as written. `textContent` alone would glue a heading to the next
 * paragraph ("HeadlineFirst sentence"), which breaks sentence splitting downstream.
 */
export function blockText(root: Node): string {
  const out = new Paragraphs();
  walk(root, out);
  out.flush();
  return out.blocks.join("\n\n");
}
