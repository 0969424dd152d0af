import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../pipeline/normalize/index.ts";
import { contentHash } from "../../pipeline/normalize/content-hash.ts";
import { parseFeed, type FeedItem, type ParsedFeed } from "./parse-feed.ts";

const FEED_URL = "https://news.example.org/feeds/arms/rss.xml";

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Arms &amp; Security Desk</title>
    <link>https://news.example.org/</link>
    <item>
      <title>Norinco rifles reach Myanmar</title>
      <link>https://news.example.org/2024/01/norinco</link>
      <guid isPermaLink="false">news-4711</guid>
      <pubDate>Mon, 01 Jan 2024 10:00:00 +0100</pubDate>
      <description>&lt;p&gt;Norinco supplied &lt;b&gt;assault rifles&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Reuters reported.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Only a guid</title>
      <guid>https://news.example.org/2024/01/guid-only</guid>
      <dc:date>2024-01-02T08:30:00Z</dc:date>
      <content:encoded><![CDATA[<p>From the <em>content</em> module.</p>]]></content:encoded>
    </item>
  </channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.net/">
    <title>RDF Arms Monitor</title>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.net/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example.net/a">
    <title>Rheinmetall ammunition for Ukraine</title>
    <link>https://rdf.example.net/a</link>
    <description>Shells delivered.</description>
    <dc:date>2024-02-03</dc:date>
  </item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.com/blog/">
  <title type="html">Drones &amp;amp; Missiles</title>
  <link rel="self" href="https://atom.example.com/feed.atom"/>
  <entry>
    <id>tag:atom.example.com,2024:1</id>
    <title>Bayraktar TB2 for Ethiopia</title>
    <link rel="edit" href="/edit/1"/>
    <link rel="alternate" type="text/html" href="posts/tb2"/>
    <link rel="enclosure" href="/media/tb2.mp3"/>
    <published>2024-03-04T12:00:00+02:00</published>
    <updated>2024-03-05T00:00:00Z</updated>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Turkey sold <b>drones</b>.</p><p>Second paragraph.</p></div></summary>
  </entry>
  <entry>
    <title>Implied alternate, updated date, escaped HTML</title>
    <link href="https://elsewhere.example/post"/>
    <updated>2024-03-06T09:00:00</updated>
    <content type="html">&lt;p&gt;Escaped &amp;amp; decoded&lt;/p&gt;</content>
  </entry>
</feed>`;

const parsed = (xml: string, url = FEED_URL): ParsedFeed => parseFeed(xml, url);
const item = (partial: Partial<FeedItem> & { id: string }): FeedItem => ({ url: null, title: null, published: null, summary: null, ...partial });

describe("parseFeed reads", () => {
  const cases: { name: string; xml: string; url?: string; expected: ParsedFeed }[] = [
    {
      name: "RSS 2.0, with guid, pubDate, HTML description and the dc/content modules",
      xml: RSS2,
      expected: {
        title: "Arms & Security Desk",
        items: [
          item({
            id: "news-4711",
            url: "https://news.example.org/2024/01/norinco",
            title: "Norinco rifles reach Myanmar",
            published: "2024-01-01T09:00:00.000Z",
            summary: "Norinco supplied assault rifles.\n\nReuters reported.",
          }),
          item({
            id: "https://news.example.org/2024/01/guid-only",
            url: "https://news.example.org/2024/01/guid-only",
            title: "Only a guid",
            published: "2024-01-02T08:30:00.000Z",
            summary: "From the content module.",
          }),
        ],
      },
    },
    {
      name: "RSS 1.0 (RDF), items beside the channel, rdf:about as id",
      xml: RDF,
      expected: {
        title: "RDF Arms Monitor",
        items: [
          item({
            id: "https://rdf.example.net/a",
            url: "https://rdf.example.net/a",
            title: "Rheinmetall ammunition for Ukraine",
            published: "2024-02-03T00:00:00.000Z",
            summary: "Shells delivered.",
          }),
        ],
      },
    },
    {
      name: "Atom, alternate link preferred, xml:base, text constructs of every type",
      xml: ATOM,
      expected: {
        title: "Drones & Missiles",
        items: [
          item({
            id: "tag:atom.example.com,2024:1",
            url: "https://atom.example.com/blog/posts/tb2",
            title: "Bayraktar TB2 for Ethiopia",
            published: "2024-03-04T10:00:00.000Z",
            summary: "Turkey sold drones.\n\nSecond paragraph.",
          }),
          item({
            id: "https://elsewhere.example/post",
            url: "https://elsewhere.example/post",
            title: "Implied alternate, updated date, escaped HTML",
            published: "2024-03-06T09:00:00.000Z",
            summary: "Escaped & decoded",
          }),
        ],
      },
    },
    {
      name: "CDATA in titles and descriptions",
      xml: `<rss version="2.0"><channel><title><![CDATA[Watch <list>]]></title>
        <item><title><![CDATA[Tanks & "trucks" <sold>]]></title><link>https://a.example/1</link>
        <description><![CDATA[<p>Leopard 2 &amp; Marder</p><script>alert(1)</script>]]></description></item></channel></rss>`,
      expected: {
        title: "Watch <list>",
        items: [item({ id: "https://a.example/1", url: "https://a.example/1", title: 'Tanks & "trucks" <sold>', summary: "Leopard 2 & Marder" })],
      },
    },
    {
      name: "relative links, resolved against the feed URL; non-http links dropped",
      xml: `<rss version="2.0"><channel><title>R</title>
        <item><title>Root-relative</title><link>/2024/a</link></item>
        <item><title>Path-relative</title><link>b.html</link></item>
        <item><title>Script</title><link>javascript:alert(1)</link><guid isPermaLink="false">s-1</guid></item>
      </channel></rss>`,
      expected: {
        title: "R",
        items: [
          item({ id: "https://news.example.org/2024/a", url: "https://news.example.org/2024/a", title: "Root-relative" }),
          item({ id: "https://news.example.org/feeds/arms/b.html", url: "https://news.example.org/feeds/arms/b.html", title: "Path-relative" }),
          item({ id: "s-1", title: "Script" }),
        ],
      },
    },
    {
      name: "items without guid or link get a hash of title and summary; empty items and repeated ids are dropped",
      xml: `<rss version="2.0"><channel>
        <item><title>No id</title><description>Only words.</description></item>
        <item></item>
        <item><title>No id</title><description>Only words.</description></item>
        <item><description>Summary only</description></item>
      </channel></rss>`,
      expected: {
        title: null,
        items: [
          item({ id: `sha256:${contentHash("No id\nOnly words.")}`, title: "No id", summary: "Only words." }),
          item({ id: `sha256:${contentHash("\nSummary only")}`, summary: "Summary only" }),
        ],
      },
    },
    {
      name: "an RSS feed with no items",
      xml: `<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>`,
      expected: { title: "Quiet", items: [] },
    },
    {
      name: "an Atom feed with no entries, after a byte order mark",
      xml: `\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>`,
      expected: { title: "Empty", items: [] },
    },
    {
      name: "dates without a zone are UTC; unreadable dates are null",
      xml: `<rss version="2.0"><channel>
        <item><guid>a</guid><pubDate>Tue, 02 Jan 2024 10:00:00</pubDate></item>
        <item><guid>b</guid><pubDate>sometime last week</pubDate></item>
        <item><guid>c</guid><pubDate>Wed, 03 Jan 2024 10:00:00 EST</pubDate></item>
      </channel></rss>`,
      expected: {
        title: null,
        items: [
          item({ id: "a", published: "2024-01-02T10:00:00.000Z" }),
          item({ id: "b" }),
          item({ id: "c", published: "2024-01-03T15:00:00.000Z" }),
        ],
      },
    },
    {
      name: "a bare ampersand in text is tolerated",
      xml: `<rss version="2.0"><channel><title>Guns & Butter</title></channel></rss>`,
      expected: { title: "Guns & Butter", items: [] },
    },
  ];
  for (const { name, xml, url, expected } of cases) {
    test(name, () => assert.deepEqual(parsed(xml, url), expected));
  }
});

describe("parseFeed refuses", () => {
  const cases: { name: string; xml: string; message: string | RegExp }[] = [
    {
      name: "an HTML page",
      xml: `<!DOCTYPE html><html><head><title>News</title></head><body><p>Hello<br></body></html>`,
      message: `${FEED_URL} is an HTML page, not an RSS or Atom feed`,
    },
    {
      name: "an HTML page that names its feed",
      xml: `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body></body></html>`,
      message: `${FEED_URL} is an HTML page, not an RSS or Atom feed; the page names its feed at https://news.example.org/rss`,
    },
    {
      name: "truncated XML",
      xml: RSS2.slice(0, RSS2.indexOf("</item>") + 20),
      message: `${FEED_URL} is not well-formed XML: <item> on line 13 is never closed (the document is cut short)`,
    },
    {
      name: "XML cut inside a tag",
      xml: `<rss version="2.0"><channel><item><title>x</title><lin`,
      message: `${FEED_URL} is not well-formed XML: the document is cut short on line 1`,
    },
    {
      name: "mismatched tags",
      xml: `<rss version="2.0">\n<channel>\n<item></channel></rss>`,
      message: `${FEED_URL} is not well-formed XML: </channel> on line 3 closes <item> from line 3`,
    },
    {
      name: "an unterminated CDATA section",
      xml: `<rss version="2.0"><channel><title><![CDATA[never ends</title></channel></rss>`,
      message: /a CDATA section on line 1 never ends/,
    },
    { name: "plain text", xml: "Service temporarily unavailable", message: `${FEED_URL} is not well-formed XML: text outside the root element on line 1` },
    { name: "an empty body", xml: "  \n", message: `${FEED_URL} is empty, not a feed` },
    { name: "XML that is not a feed", xml: `<?xml version="1.0"?><sitemap><url/></sitemap>`, message: `${FEED_URL} is not an RSS or Atom feed (its root element is <sitemap>)` },
    { name: "RSS without a channel", xml: `<rss version="2.0"/>`, message: `${FEED_URL} is RSS without a <channel>, so it has no items` },
    { name: "two root elements", xml: `<rss version="2.0"><channel/></rss><rss/>`, message: /a second root element <rss>/ },
    { name: "unquoted attributes", xml: `<rss version=2.0><channel/></rss>`, message: /a malformed tag on line 1/ },
  ];
  for (const { name, xml, message } of cases) {
    test(name, () => {
      assert.throws(
        () => parseFeed(xml, FEED_URL),
        (error: unknown) => {
          assert.ok(error instanceof InputError, String(error));
          assert.doesNotMatch(error.message, /\n/, "one line");
          if (typeof message === "string") assert.equal(error.message, message);
          else assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
