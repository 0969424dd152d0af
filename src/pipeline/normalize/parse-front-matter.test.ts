import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFrontMatter } from "./parse-front-matter.ts";

const cases: { name: string; raw: string; meta: Record<string, string>; body: string }[] = [
  {
    name: "no front matter keeps the text",
    raw: "Plain report.\n\nSecond paragraph.\n",
    meta: {},
    body: "Plain report.\n\nSecond paragraph.\n",
  },
  {
    name: "front matter with the report keys",
    raw: "---\ntitle: Drones for sale\nurl: https://example.org/a\npublisher: Example News\npublished: 2024-03-01\nid: r-17\n---\n\n\nBody   text.\n",
    meta: {
      title: "Drones for sale",
      url: "https://example.org/a",
      publisher: "Example News",
      published: "2024-03-01",
      id: "r-17",
    },
    body: "Body   text.\n",
  },
  {
    name: "CRLF line endings are kept in the body",
    raw: "---\r\ntitle: T\r\n---\r\n\r\nLine one.\r\nLine two.\r\n",
    meta: { title: "T" },
    body: "Line one.\r\nLine two.\r\n",
  },
  {
    name: "quoted values, comments, nested YAML and upper-case keys",
    raw: '---\n# source sheet\nTitle: "Quoted: title"\nurl: \'https://example.org/b\'\ntags:\n  - arms\n- extra\n---\nText',
    meta: { title: "Quoted: title", url: "https://example.org/b", tags: "" },
    body: "Text",
  },
  {
    name: "a URL value keeps its colons and hash",
    raw: "---\nurl: https://example.org/a#b\n---\nx",
    meta: { url: "https://example.org/a#b" },
    body: "x",
  },
  {
    name: "an unclosed header is text",
    raw: "---\ntitle: T\nno closing rule\n",
    meta: {},
    body: "---\ntitle: T\nno closing rule\n",
  },
  {
    name: "a well-formed header without its closing rule is text",
    raw: "---\ntitle: T\n",
    meta: {},
    body: "---\ntitle: T\n",
  },
  {
    name: "Markdown rules around prose are not front matter",
    raw: "---\nThis is prose, not YAML.\n---\nMore.",
    meta: {},
    body: "---\nThis is prose, not YAML.\n---\nMore.",
  },
  {
    name: "front matter must be at the very top",
    raw: "Intro\n---\ntitle: T\n---\n",
    meta: {},
    body: "Intro\n---\ntitle: T\n---\n",
  },
  {
    name: "leading blank lines go, leading indentation of the first line stays",
    raw: "\n  \n\t\n    indented start\n",
    meta: {},
    body: "    indented start\n",
  },
  {
    name: "a BOM is dropped before looking for the header",
    raw: "\uFEFF---\nid: x\n---\nBody",
    meta: { id: "x" },
    body: "Body",
  },
  {
    name: "a header closed at end of input leaves an empty body",
    raw: "---\ntitle: Only meta\n---",
    meta: { title: "Only meta" },
    body: "",
  },
  {
    name: "YAML document end marker closes the header",
    raw: "---\ntitle: T\n...\nBody",
    meta: { title: "T" },
    body: "Body",
  },
];

for (const { name, raw, meta, body } of cases) {
  test(`parseFrontMatter: ${name}`, () => {
    assert.deepEqual(parseFrontMatter(raw), { meta, body });
  });
}
