/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom document into the few fields monitoring
 * needs: a stable id per item, its link, title, date and a plain-text summary.
 *
 * linkedom parses XML leniently: a truncated download or an HTML error page comes out
 * as a plausible tree with half the items missing, which would be read as "the feed
 * dropped these items". So the text is first checked for well-formed structure (every
 * element closed in order, one root, nothing unterminated) and anything else is an
 * `InputError` naming the feed. Unescaped ampersands are let through: they are a common
 * publisher slip that leaves the structure unambiguous.
 *
 * linkedom also ignores namespaces (a tag name is just "dc:date"), so namespaces are
 * resolved here from the `xmlns` declarations, which lets `<a:link>` in an Atom feed
 * and `<dc:date>` under any prefix be read alike. Links are resolved against
 * `xml:base` and the feed's URL, and only http(s) links are kept, because a link is
 * later fetched or shown as clickable.
 */
import { DOMParser, parseHTML } from "linkedom";
import { blockText } from "../../pipeline/normalize/block-text.ts";
import { contentHash, InputError } from "../../pipeline/normalize/index.ts";

export interface FeedItem {
  /** The guid or atom:id; else the link; else `sha256:` and a hash of the title and summary. */
  id: string;
  /** The item's web page, absolute; null when it has none (or only a non-http one). */
  url: string | null;
  title: string | null;
  /** ISO date-time (UTC); null when absent or unreadable. */
  published: string | null;
  /** Plain text: markup in descriptions and HTML/XHTML Atom content is reduced to its text. */
  summary: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

const NS = {
  atom: "http://www.w3.org/2005/Atom",
  atom03: "http://purl.org/atom/ns#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rss1: "http://purl.org/rss/1.0/",
  rss090: "http://my.netscape.com/rdf/simple/0.9/",
  dc: "http://purl.org/dc/elements/1.1/",
  content: "http://purl.org/rss/1.0/modules/content/",
  xml: "http://www.w3.org/XML/1998/namespace",
} as const;

/** Prefixes feeds use without declaring them; read by convention rather than dropped. */
const CONVENTIONAL_PREFIXES: Readonly<Record<string, string>> = {
  xml: NS.xml,
  dc: NS.dc,
  content: NS.content,
  rdf: NS.rdf,
  atom: NS.atom,
};

const ATOM = [NS.atom, NS.atom03, null] as const;
const RSS1 = [NS.rss1, NS.rss090, null] as const;
const NONE = [null] as const;

type Namespaces = readonly (string | null)[];

export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new InputError(`${feedUrl} is empty, not a feed`);
  const html = htmlPageProblem(text, feedUrl);
  if (html !== undefined) throw new InputError(html);
  const problem = wellFormednessProblem(text);
  if (problem !== undefined) throw new InputError(`${feedUrl} is not well-formed XML: ${problem}`);
  const document = new DOMParser().parseFromString(text, "text/xml") as unknown as XMLDocument;
  const root = document.documentElement as Element | null;
  if (root === null) throw new InputError(`${feedUrl} has no root element, so it is not a feed`);
  const items = readFeed(root, feedUrl);
  if (items === undefined) {
    throw new InputError(`${feedUrl} is not an RSS or Atom feed (its root element is <${root.tagName}>)`);
  }
  return items;
}

function readFeed(root: Element, feedUrl: string): ParsedFeed | undefined {
  const name = localName(root);
  const ns = namespaceOf(root);
  if (name === "rss" && ns === null) {
    const channel = child(root, NONE, "channel");
    if (channel === undefined) throw new InputError(`${feedUrl} is RSS without a <channel>, so it has no items`);
    return finish(textOf(child(channel, NONE, "title")), children(channel, NONE, "item").map((item) => rss2Item(item, feedUrl)));
  }
  if (name === "RDF" && ns === NS.rdf) {
    const channel = child(root, RSS1, "channel");
    // RSS 1.0 puts items beside the channel; a few generators nest them inside it.
    const items = [...children(root, RSS1, "item"), ...(channel === undefined ? [] : children(channel, RSS1, "item"))];
    return finish(textOf(child(channel, RSS1, "title")), items.map((item) => rss1Item(item, feedUrl)));
  }
  if (name === "feed" && (ATOM as Namespaces).includes(ns)) {
    return finish(atomText(child(root, ATOM, "title")), children(root, ATOM, "entry").map((entry) => atomEntry(entry, feedUrl)));
  }
  return undefined;
}

type Draft = Omit<FeedItem, "id"> & { id: string | null };

/** Gives each item its id and drops items that say nothing, and repeats of an id already seen. */
function finish(title: string | null, drafts: Draft[]): ParsedFeed {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const draft of drafts) {
    if (draft.id === null && draft.url === null && draft.title === null && draft.summary === null) continue;
    // The newline keeps "ab"+"c" and "a"+"bc" apart.
    const id = draft.id ?? draft.url ?? `sha256:${contentHash(`${draft.title ?? ""}\n${draft.summary ?? ""}`)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({ ...draft, id });
  }
  return { title, items };
}

function rss2Item(item: Element, feedUrl: string): Draft {
  const guidElement = child(item, NONE, "guid");
  const guid = textOf(guidElement);
  let url = resolveLink(textOf(child(item, NONE, "link")), item, feedUrl);
  // A guid is a permalink unless it says otherwise, so it stands in for a missing link.
  if (url === null && guid !== null && guidElement?.getAttribute("isPermaLink")?.trim().toLowerCase() !== "false") {
    url = absoluteHttpUrl(guid);
  }
  return {
    id: guid,
    url,
    title: textOf(child(item, NONE, "title")),
    published: isoDate(textOf(child(item, NONE, "pubDate")) ?? textOf(child(item, [NS.dc], "date"))),
    summary: htmlText(rawText(child(item, NONE, "description")) ?? rawText(child(item, [NS.content], "encoded"))),
  };
}

function rss1Item(item: Element, feedUrl: string): Draft {
  const about = item.getAttribute("rdf:about")?.trim();
  return {
    id: about === undefined || about === "" ? null : about,
    url: resolveLink(textOf(child(item, RSS1, "link")), item, feedUrl) ?? (about === undefined ? null : absoluteHttpUrl(about)),
    title: textOf(child(item, RSS1, "title")),
    published: isoDate(textOf(child(item, [NS.dc], "date"))),
    summary: htmlText(rawText(child(item, RSS1, "description")) ?? rawText(child(item, [NS.content], "encoded"))),
  };
}

function atomEntry(entry: Element, feedUrl: string): Draft {
  const date = ["published", "updated", "issued", "created", "modified"].map((name) => textOf(child(entry, ATOM, name))).find((value) => value !== null);
  return {
    id: textOf(child(entry, ATOM, "id")),
    url: atomLink(entry, feedUrl),
    title: atomText(child(entry, ATOM, "title")),
    published: isoDate(date ?? null),
    summary: atomText(child(entry, ATOM, "summary")) ?? atomText(child(entry, ATOM, "content")),
  };
}

/** The alternate link (the default relation), else the first link that is not the feed itself or an edit endpoint. */
function atomLink(entry: Element, feedUrl: string): string | null {
  const links = children(entry, ATOM, "link").map((link) => ({
    rel: link.getAttribute("rel")?.trim().toLowerCase() || "alternate",
    type: link.getAttribute("type")?.trim().toLowerCase() ?? "",
    url: resolveLink(link.getAttribute("href")?.trim() || null, link, feedUrl),
  }));
  const usable = links.filter((link) => link.url !== null);
  const alternates = usable.filter((link) => link.rel === "alternate");
  const chosen =
    alternates.find((link) => link.type === "" || link.type.includes("html")) ??
    alternates[0] ??
    usable.find((link) => link.rel !== "self" && link.rel !== "edit" && link.rel !== "enclosure");
  return chosen?.url ?? null;
}

/** An Atom text construct: plain text, escaped HTML or inline XHTML, as plain text. */
function atomText(element: Element | undefined): string | null {
  if (element === undefined) return null;
  const type = (element.getAttribute("type") ?? "text").trim().toLowerCase();
  if (type === "xhtml") return collapse(blockText(element as unknown as Node));
  if (type === "html" || type.includes("html") || element.getAttribute("mode") === "escaped") return htmlText(rawText(element));
  return textOf(element);
}

function htmlText(html: string | null): string | null {
  if (html === null) return null;
  if (!/[<&]/.test(html)) return collapse(html);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return collapse(blockText(document.body as unknown as Node));
}

function rawText(element: Element | undefined): string | null {
  const text = element?.textContent;
  return text === undefined || text === null || text.trim() === "" ? null : text;
}

function textOf(element: Element | undefined): string | null {
  return collapse(element?.textContent ?? null);
}

/** Runs of spaces become one space; paragraph breaks survive as one blank line. */
function collapse(text: string | null): string | null {
  if (text === null) return null;
  const out = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
  return out === "" ? null : out;
}

function resolveLink(href: string | null, element: Element, feedUrl: string): string | null {
  if (href === null) return null;
  const base = baseOf(element, feedUrl);
  try {
    return httpOnly(base === undefined ? new URL(href) : new URL(href, base));
  } catch {
    return null;
  }
}

/** The base URL in effect at `element`: the feed's URL, as changed by every `xml:base` from the root down. */
function baseOf(element: Element, feedUrl: string): URL | undefined {
  const bases: string[] = [];
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    const base = at.getAttribute("xml:base")?.trim();
    if (base !== undefined && base !== "") bases.unshift(base);
  }
  let url: URL | undefined;
  try {
    url = new URL(feedUrl);
  } catch {
    url = undefined;
  }
  for (const base of bases) {
    try {
      url = url === undefined ? new URL(base) : new URL(base, url);
    } catch {
      // An unusable xml:base is ignored rather than losing every link beneath it.
    }
  }
  return url;
}

function absoluteHttpUrl(text: string): string | null {
  try {
    return httpOnly(new URL(text));
  } catch {
    return null;
  }
}

function httpOnly(url: URL): string | null {
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO 8601 or RFC 822 date as an ISO date-time in UTC. A date without a zone is read
 * as UTC, so the answer never depends on the zone of the machine that polled.
 */
function isoDate(text: string | null): string | null {
  if (text === null) return null;
  let candidate = text.trim();
  const iso = ISO.exec(candidate);
  if (iso !== null) {
    const [, day, time, zone] = iso;
    if (time === undefined) {
      candidate = `${day}T00:00:00Z`;
    } else {
      const offset = zone === undefined ? "Z" : zone.toUpperCase() === "Z" ? "Z" : zone.length === 3 ? `${zone}:00` : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      candidate = `${day}T${time.replace(",", ".")}${offset}`;
    }
  } else if (/\d{1,2}:\d{2}(?::\d{2})?$/.test(candidate)) {
    candidate = `${candidate} GMT`;
  }
  const time = Date.parse(candidate);
  if (!Number.isFinite(time)) return null;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function localName(element: Element): string {
  const name = element.tagName;
  return name.slice(name.indexOf(":") + 1);
}

/** The namespace of an element, from the nearest declaration of its prefix; null for none. */
function namespaceOf(element: Element): string | null {
  const name = element.tagName;
  const colon = name.indexOf(":");
  const prefix = colon === -1 ? "" : name.slice(0, colon);
  const attribute = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    const declared = at.getAttribute(attribute);
    if (declared !== null) return declared.trim() === "" ? null : declared.trim();
  }
  return prefix === "" ? null : (CONVENTIONAL_PREFIXES[prefix] ?? null);
}

function children(parent: Element | undefined, namespaces: Namespaces, name: string): Element[] {
  if (parent === undefined) return [];
  return Array.from(parent.children).filter((element) => localName(element) === name && namespaces.includes(namespaceOf(element)));
}

function child(parent: Element | undefined, namespaces: Namespaces, name: string): Element | undefined {
  return children(parent, namespaces, name)[0];
}

/**
 * An HTML page rather than a feed (a site's front page, a login or error page), told
 * apart before the XML check so the message says what it is, and names the feed the
 * page advertises when it does.
 */
function htmlPageProblem(text: string, feedUrl: string): string | undefined {
  if (!/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html[\s>]|html[\s>])/i.test(text)) return undefined;
  const { document } = parseHTML(text);
  for (const link of Array.from(document.querySelectorAll("link[href]"))) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const type = (link.getAttribute("type") ?? "").toLowerCase().trim();
    if (!rel.includes("alternate") || !/^application\/(?:rss|atom)\+xml$/.test(type)) continue;
    let href: string | null;
    try {
      href = httpOnly(new URL(link.getAttribute("href") ?? "", feedUrl));
    } catch {
      href = null;
    }
    if (href !== null) return `${feedUrl} is an HTML page, not an RSS or Atom feed; the page names its feed at ${href}`;
  }
  return `${feedUrl} is an HTML page, not an RSS or Atom feed`;
}

const START_TAG = /<([A-Za-z_:\u00c0-\uffff][\w.:\u00b7-\uffff-]*)((?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_:\u00c0-\uffff][\w.:\u00b7-\uffff-]*)\s*>/y;

/** Why `text` is not well-formed XML, naming the line; undefined when its structure is sound. */
function wellFormednessProblem(text: string): string | undefined {
  const lineAt = (offset: number) => {
    let line = 1;
    for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line += 1;
    return line;
  };
  const open: { name: string; at: number }[] = [];
  let rootSeen = false;
  let at = 0;
  const skipPast = (terminator: string, what: string): string | undefined => {
    const end = text.indexOf(terminator, at);
    if (end === -1) return `${what} on line ${lineAt(at)} never ends (the document is cut short)`;
    at = end + terminator.length;
    return undefined;
  };
  while (at < text.length) {
    if (text[at] !== "<") {
      const next = text.indexOf("<", at);
      const end = next === -1 ? text.length : next;
      if (open.length === 0 && text.slice(at, end).trim() !== "") return `text outside the root element on line ${lineAt(at)}`;
      at = end;
      continue;
    }
    let problem: string | undefined;
    if (text.startsWith("<!--", at)) {
      problem = skipPast("-->", "a comment");
    } else if (text.startsWith("<![CDATA[", at)) {
      if (open.length === 0) return `a CDATA section outside the root element on line ${lineAt(at)}`;
      problem = skipPast("]]>", "a CDATA section");
    } else if (text.startsWith("<?", at)) {
      problem = skipPast("?>", "a processing instruction");
    } else if (/^<!doctype/i.test(text.slice(at, at + 9))) {
      if (rootSeen) return `a DOCTYPE inside the document on line ${lineAt(at)}`;
      const close = text.indexOf(">", at);
      const subset = text.indexOf("[", at);
      if (subset !== -1 && (close === -1 || subset < close)) {
        at = subset;
        problem = skipPast("]", "a DOCTYPE") ?? skipPast(">", "a DOCTYPE");
      } else {
        problem = skipPast(">", "a DOCTYPE");
      }
    } else if (text.startsWith("</", at)) {
      END_TAG.lastIndex = at;
      const match = END_TAG.exec(text);
      if (match === null) return text.indexOf(">", at) === -1 ? `the document is cut short on line ${lineAt(at)}` : `a malformed closing tag on line ${lineAt(at)}`;
      const name = match[1] ?? "";
      const top = open.pop();
      if (top === undefined) return `</${name}> on line ${lineAt(at)} closes nothing`;
      if (top.name !== name) return `</${name}> on line ${lineAt(at)} closes <${top.name}> from line ${lineAt(top.at)}`;
      at = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = at;
      const match = START_TAG.exec(text);
      if (match === null) return text.indexOf(">", at) === -1 ? `the document is cut short on line ${lineAt(at)}` : `a malformed tag on line ${lineAt(at)}`;
      if (open.length === 0 && rootSeen) return `a second root element <${match[1] ?? ""}> on line ${lineAt(at)}`;
      rootSeen = true;
      if (match[3] !== "/") open.push({ name: match[1] ?? "", at });
      at = START_TAG.lastIndex;
    }
    if (problem !== undefined) return problem;
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) return `<${unclosed.name}> on line ${lineAt(unclosed.at)} is never closed (the document is cut short)`;
  if (!rootSeen) return "it has no root element";
  return undefined;
}
