import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { blockText } from "./block-text.ts";

function body(html: string): Node {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return document.body as Node;
}

const cases: { name: string; html: string; text: string }[] = [
  { name: "paragraphs become blank-line separated", html: "<p>One.</p><p>Two.</p>", text: "One.\n\nTwo." },
  { name: "heading is not glued to the next paragraph", html: "<h1>Title</h1><p>Body.</p>", text: "Title\n\nBody." },
  { name: "list items are paragraphs", html: "<ul><li>a</li><li>b <em>c</em></li></ul>", text: "a\n\nb c" },
  { name: "white space runs collapse", html: "<p>  a \n\t  b&nbsp;&nbsp;c  </p>", text: "a b c" },
  { name: "inline elements keep words together", html: "<p>sup<b>plied</b> by <a href='#'>X</a>.</p>", text: "supplied by X." },
  { name: "br is a line break inside a paragraph", html: "<p>line 1<br>line 2<br/> line 3</p>", text: "line 1\nline 2\nline 3" },
  { name: "pre keeps its spacing", html: "<p>x</p><pre>\n  a  b\n  c\n</pre>", text: "x\n\n  a  b\n  c" },
  { name: "script, style and template text is skipped", html: "<p>a<script>var s = 1;</script><style>p{}</style><template>t</template>b</p>", text: "ab" },
  { name: "table rows are paragraphs", html: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", text: "a\n\nb\n\nc" },
  { name: "text directly in div between blocks", html: "<div>lead<p>para</p>tail</div>", text: "lead\n\npara\n\ntail" },
  { name: "entities are decoded", html: "<p>R&amp;D &lt;T-72&gt; &#8212; ok</p>", text: "R&D <T-72> \u2014 ok" },
  { name: "empty blocks leave no blank paragraphs", html: "<p> </p><div><p></p></div><p>x</p>", text: "x" },
];

for (const { name, html, text } of cases) {
  test(`blockText: ${name}`, () => {
    assert.equal(blockText(body(html)), text);
  });
}
