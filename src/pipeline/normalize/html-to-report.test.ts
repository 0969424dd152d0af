import { test } from "node:test";
import assert from "node:assert/strict";
import { htmlToReport } from "./html-to-report.ts";

const ARTICLE = [
  "The ministry confirmed on Tuesday that a shipment of armoured vehicles left the port of Varna bound for the eastern front, according to officials familiar with the contract.",
  "Customs records reviewed by reporters list forty vehicles, spare parts and training services, with deliveries scheduled to continue through the autumn under the same agreement.",
  "Analysts said the transfer was the largest of its kind this year and that further shipments of artillery ammunition were under negotiation between the two governments.",
];

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <title>Vehicles shipped east | Example Herald</title>
  <meta name="url" content="https://herald.example/vehicles">
  <link rel="canonical" href="https://herald.example/canonical">
  <meta property="og:site_name" content="Example Herald">
  <meta property="article:published_time" content="2024-05-14T08:30:00+02:00">
  <script>globalThis.__armstraceScriptRan = true; document.write("SCRIPT-WROTE-THIS");</script>
  <style>.x { content: "STYLE-JUNK"; }</style>
</head>
<body class="single-post has-comments">
  <header><nav><a href="/">Home</a> <a href="/world">NAV-JUNK World</a></nav></header>
  <aside class="sidebar"><h3>Most read</h3><p>SIDEBAR-JUNK: celebrity gossip of the week that nobody asked for.</p></aside>
  <main>
    <article>
      <h1>Vehicles shipped east</h1>
      <p>${ARTICLE[0]}</p>
      <p>${ARTICLE[1]}</p>
      <script>globalThis.__armstraceScriptRan = true; console.log("INLINE-SCRIPT-JUNK");</script>
      <p>${ARTICLE[2]}</p>
    </article>
  </main>
  <section id="comments"><h2>Comments</h2><div class="comment"><p>COMMENT-JUNK: first!! this is fake news, totally fake.</p></div></section>
  <form action="/subscribe"><label>FORM-JUNK Subscribe</label><input name="email"></form>
  <footer><p>FOOTER-JUNK &copy; 2024 Example Herald. All rights reserved.</p></footer>
  <noscript>NOSCRIPT-JUNK</noscript>
</body>
</html>`;

test("htmlToReport keeps the article paragraphs and drops page furniture", () => {
  const report = htmlToReport(PAGE, "pages/vehicles.html");
  for (const paragraph of ARTICLE) assert.ok(report.text.includes(paragraph), `missing: ${paragraph}`);
  for (const junk of ["NAV-JUNK", "SIDEBAR-JUNK", "COMMENT-JUNK", "FORM-JUNK", "FOOTER-JUNK", "NOSCRIPT-JUNK", "STYLE-JUNK"]) {
    assert.ok(!report.text.includes(junk), `junk in text: ${junk}`);
  }
  assert.ok(report.text.includes(`${ARTICLE[0]}\n\n${ARTICLE[1]}\n\n${ARTICLE[2]}`), "paragraphs separated by blank lines");
});

test("htmlToReport never runs scripts and keeps their source out of the text", () => {
  const report = htmlToReport(PAGE, "pages/vehicles.html");
  assert.equal((globalThis as { __armstraceScriptRan?: boolean }).__armstraceScriptRan, undefined);
  for (const junk of ["SCRIPT-WROTE-THIS", "INLINE-SCRIPT-JUNK", "__armstraceScriptRan", "document.write"]) {
    assert.ok(!report.text.includes(junk), `script text in report: ${junk}`);
  }
});

test("htmlToReport reads metadata from the head", () => {
  const { text: _text, ...rest } = htmlToReport(PAGE, "pages/vehicles.html");
  assert.deepEqual(rest, {
    id: "vehicles",
    url: "https://herald.example/vehicles",
    title: "Vehicles shipped east | Example Herald",
    publisher: "Example Herald",
    published: "2024-05-14",
    format: "html",
    origin: "pages/vehicles.html",
  });
});

const metadataCases: { name: string; head: string; expected: Partial<Record<"url" | "publisher" | "published" | "title", string | undefined>> }[] = [
  { name: "canonical link when no meta url", head: '<link rel="canonical" href="https://a.example/c">', expected: { url: "https://a.example/c" } },
  { name: "og:url last", head: '<meta property="og:url" content="https://a.example/og">', expected: { url: "https://a.example/og" } },
  { name: "publisher meta beats og:site_name", head: '<meta name="publisher" content="Pub"><meta property="og:site_name" content="Site">', expected: { publisher: "Pub" } },
  { name: "published meta keeps only the date", head: '<meta name="published" content="2023-01-02 10:00">', expected: { published: "2023-01-02" } },
  { name: "a non-ISO date is dropped", head: '<meta name="published" content="January 2, 2023">', expected: { published: undefined } },
  { name: "no metadata at all", head: "", expected: { url: undefined, publisher: undefined, published: undefined } },
];

for (const { name, head, expected } of metadataCases) {
  test(`htmlToReport metadata: ${name}`, () => {
    const report = htmlToReport(`<!doctype html><html><head>${head}</head><body><p>${ARTICLE[0]}</p></body></html>`, "x.html");
    for (const [key, value] of Object.entries(expected)) {
      assert.equal(report[key as keyof typeof expected], value, key);
    }
  });
}

test("htmlToReport falls back to the readability title without a <title>", () => {
  const page = `<html><head><meta property="og:title" content="Open Graph headline"></head><body><article><h1>Headline</h1><p>${ARTICLE.join("</p><p>")}</p></article></body></html>`;
  const report = htmlToReport(page, "x.html");
  assert.equal(report.title, "Open Graph headline");
  assert.ok(report.text.includes(ARTICLE[1] ?? ""));
});

test("htmlToReport reads fragments and tag soup without <html> or <body>", () => {
  const fragment = htmlToReport("<p>Short note one.</p><p>Short note two.</p>", "stdin");
  assert.equal(fragment.text, "Short note one.\n\nShort note two.");
  assert.equal(fragment.id, "stdin");
  const soup = htmlToReport("<!DOCTYPE html>\n<title>Soup</title><p>Body text.</p>", "soup.htm");
  assert.equal(soup.title, "Soup");
  assert.equal(soup.text, "Body text.");
});

test("htmlToReport keeps a page wrapped in one big form or a comment-named body", () => {
  const wrapped = htmlToReport(`<html><body><form id="aspnetForm"><div class="no-comments"><p>${ARTICLE[0]}</p><p>${ARTICLE[1]}</p></div></form></body></html>`, "w.html");
  assert.ok(wrapped.text.includes(ARTICLE[0] ?? ""));
  assert.ok(wrapped.text.includes(ARTICLE[1] ?? ""));
});

test("htmlToReport returns empty text for a page with nothing readable", () => {
  const report = htmlToReport("<html><body><nav>Home</nav><script>x()</script></body></html>", "e.html");
  assert.equal(report.text, "");
});

test("htmlToReport reads publication date from JSON-LD without running it", () => {
  const page = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2022-11-03T10:00:00Z","publisher":{"@type":"Organization","name":"LD Pub"}}</script></head><body><article><p>${ARTICLE.join("</p><p>")}</p></article></body></html>`;
  const report = htmlToReport(page, "ld.html");
  assert.equal(report.published, "2022-11-03");
  assert.ok(!report.text.includes("schema.org"));
});
