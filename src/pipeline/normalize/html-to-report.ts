import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Report } from "../../domain/types.ts";
import { blockText } from "./block-text.ts";
import { reportIdFromOrigin } from "./report-id-from-origin.ts";

/** Page furniture that is never part of the report, removed before readability scores the page. */
const JUNK = "nav, footer, aside, form, [class*=comment], [id*=comment], script, style, noscript, template, iframe";

/** Elements that can hold the whole article, which a junk selector must never take out. */
const CONTAINERS = new Set(["html", "head", "body", "main", "article"]);

const ISO_DATE = /^\s*(\d{4}-\d{2}-\d{2})/;

/** linkedom types its documents separately from lib.dom, but they are what readability expects, hence the casts. */
function parseDocument(html: string): Document {
  const parsed = parseHTML(html).document as Document;
  const root = parsed.documentElement as Element | null;
  const hasBody = root !== null && root.localName === "html" && Array.from(root.children).some((child) => child.localName === "body");
  if (hasBody) return parsed;
  // linkedom builds no implied <html>/<body> for fragments or tag-soup pages (it may even make
  // <title> the root), so give it the skeleton a browser would have inferred.
  const inner = html
    .replace(/<!doctype[^>]*>/gi, "")
    .replace(/<\/?(?:html|head|body)(?:\s[^>]*)?>/gi, "");
  const document = parseHTML(`<!doctype html><html><head></head><body>${inner}</body></html>`).document as Document;
  for (const element of Array.from(document.body.querySelectorAll("title, meta, link, base"))) {
    document.head.appendChild(element);
  }
  return document;
}

function textOf(element: Element | null): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, " ").trim();
  return text === undefined || text === "" ? undefined : text;
}

function firstAttribute(document: Document, candidates: [selector: string, attribute: string][]): string | undefined {
  for (const [selector, attribute] of candidates) {
    const value = document.querySelector(selector)?.getAttribute(attribute)?.trim();
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

function isoDate(value: string | null | undefined): string | undefined {
  return value == null ? undefined : ISO_DATE.exec(value)?.[1];
}

function bodyTextLength(document: Document): number {
  return document.body.textContent?.length ?? 0;
}

function removeJunk(document: Document): void {
  const pageText = bodyTextLength(document);
  for (const element of Array.from(document.querySelectorAll(JUNK))) {
    if (CONTAINERS.has(element.localName)) continue;
    // JSON-LD holds the publication date and publisher; it is data, never run, and never shown as text.
    if (element.localName === "script" && element.getAttribute("type") === "application/ld+json") continue;
    if (element.querySelector("article, main") !== null) continue;
    // Some CMSs wrap the whole page in one <form>, or put "comments" in a page-level class;
    // junk is never most of the page, so such a wrapper stays.
    const structural = element.localName === "form" || /comment/i.test(`${element.className} ${element.id}`);
    if (structural && (element.textContent?.length ?? 0) > pageText / 2) continue;
    element.remove();
  }
}

/**
 * Turns an HTML page into a report whose `text` is the article as plain paragraphs
 * (see `blockText`), without navigation, footers, sidebars, forms or comments.
 * Scripts are never run: linkedom only parses, and script elements are removed.
 * The id is the origin's file name without extension; callers with a better id
 * (JSON Lines) overwrite it. `text` is empty when the page has no readable text.
 */
export function htmlToReport(html: string, origin: string): Report {
  const document = parseDocument(html);

  const url = firstAttribute(document, [
    ['meta[name="url"]', "content"],
    ['link[rel="canonical"]', "href"],
    ['meta[property="og:url"]', "content"],
    ['meta[name="og:url"]', "content"],
  ]);
  const declaredPublisher = firstAttribute(document, [
    ['meta[name="publisher"]', "content"],
    ['meta[property="og:site_name"]', "content"],
    ['meta[name="og:site_name"]', "content"],
  ]);
  const declaredPublished = isoDate(
    firstAttribute(document, [
      ['meta[name="published"]', "content"],
      ['meta[property="article:published_time"]', "content"],
      ['meta[name="article:published_time"]', "content"],
    ]),
  );
  const pageTitle = textOf(document.querySelector("title"));

  removeJunk(document);
  let article: ReturnType<Readability<Node>["parse"]> = null;
  try {
    article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    // Readability gives up on some malformed pages by throwing; the body fallback below still works.
  }
  let text = article?.content != null ? blockText(article.content) : "";
  if (text === "") {
    // Readability has rewritten the first document in place, so start again from the source.
    const fresh = parseDocument(html);
    removeJunk(fresh);
    text = blockText(fresh.body);
  }

  return {
    id: reportIdFromOrigin(origin),
    text,
    url,
    title: pageTitle ?? (article?.title?.trim() || undefined),
    publisher: declaredPublisher ?? (article?.siteName?.trim() || undefined),
    published: declaredPublished ?? isoDate(article?.publishedTime),
    format: "html",
    origin,
  };
}
