/**
 * A report's text with every mention and claim marked. Spans may overlap (a mention
 * inside a claim's sentence), so the text is cut at every span boundary and each
 * piece carries the classes of the spans that cover it. Pieces are React text nodes:
 * markup in a report is shown as characters and never interpreted.
 */
import { useEffect, useRef } from "react";
import type { ClaimRow, DocumentDetail } from "../api.ts";
import { href } from "../router.ts";

interface Piece {
  start: number;
  end: number;
  mentions: DocumentDetail["mentions"];
  claims: ClaimRow[];
}

export function HighlightedText({ doc, focusClaim }: { doc: DocumentDetail; focusClaim: number | undefined }) {
  const focusRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    focusRef.current?.scrollIntoView({ block: "center" });
  }, [doc.id, focusClaim]);
  const cuts = new Set<number>([0, doc.text.length]);
  for (const m of doc.mentions) cuts.add(m.start).add(m.end);
  for (const c of doc.claims) cuts.add(c.evidence.start).add(c.evidence.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= doc.text.length).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    pieces.push({
      start,
      end,
      mentions: doc.mentions.filter((m) => m.start <= start && m.end >= end),
      claims: doc.claims.filter((c) => c.evidence.start <= start && c.evidence.end >= end),
    });
  }
  let focusSet = false;
  return (
    <div className="report-text" data-testid="report-text">
      {pieces.map((p) => {
        const text = doc.text.slice(p.start, p.end);
        if (p.mentions.length === 0 && p.claims.length === 0) return <span key={p.start}>{text}</span>;
        const focused = focusClaim !== undefined && p.claims.some((c) => c.id === focusClaim);
        const classes = [
          p.claims.length > 0 ? "claim-span" : "",
          p.claims.some((c) => c.stance === "denied") ? "claim-denied" : "",
          p.claims.some((c) => c.stance === "hedged") ? "claim-hedged" : "",
          p.claims.some((c) => c.review?.verdict === "reject") ? "claim-rejected" : "",
          focused ? "claim-focus" : "",
          p.mentions.length > 0 ? `mention mention-${p.mentions[0]!.entity.type}` : "",
        ].filter(Boolean);
        const title = [
          ...p.mentions.map((m) => `${m.entity.name} (${m.entity.type})`),
          ...p.claims.map((c) => `claim #${c.id}: ${c.supplier.name} → ${c.recipient.name}, ${c.stance}`),
        ].join("\n");
        const ref = focused && !focusSet ? ((focusSet = true), (el: HTMLElement | null) => void (focusRef.current = el)) : undefined;
        const mention = p.mentions[0];
        return mention ? (
          <a key={p.start} ref={ref} className={classes.join(" ")} title={title} href={href.entity(mention.entity.id)} data-claim={p.claims.map((c) => c.id).join(" ") || undefined}>
            {text}
          </a>
        ) : (
          <mark key={p.start} ref={ref} className={classes.join(" ")} title={title} data-claim={p.claims.map((c) => c.id).join(" ")}>
            {text}
          </mark>
        );
      })}
    </div>
  );
}
