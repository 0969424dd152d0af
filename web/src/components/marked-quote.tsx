/**
 * A quote from a report with the names it is about marked, so a reader finds at a
 * glance where the screened firm appears. Pieces are React text nodes: markup in a
 * report is shown as characters and never interpreted.
 */
import type { ReactNode } from "react";

/** Shorter names would mark every "AB" inside other words. */
const MIN_TERM = 3;

export function MarkedQuote({ text, terms, className = "quote", testId = "quote" }: { text: string; terms: readonly string[]; className?: string; testId?: string }) {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= MIN_TERM))].sort((a, b) => b.length - a.length);
  const pieces: ReactNode[] = [];
  if (wanted.length === 0) pieces.push(text);
  else {
    // Longest first, so "Norinco Group" is marked whole rather than as "Norinco".
    const pattern = new RegExp(wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
    let at = 0;
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      if (start > at) pieces.push(text.slice(at, start));
      pieces.push(<mark key={start} className="name-mark">{m[0]}</mark>);
      at = start + m[0].length;
    }
    if (at < text.length) pieces.push(text.slice(at));
  }
  return <blockquote className={className} data-testid={testId}>{pieces}</blockquote>;
}
