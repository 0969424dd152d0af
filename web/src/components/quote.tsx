/** A claim's evidence sentence with its trigger word marked; always rendered as text, never as HTML. */
import type { ClaimRow } from "../api.ts";

export function Quote({ claim }: { claim: ClaimRow }) {
  const { evidence, trigger } = claim;
  const from = trigger.start - evidence.start;
  const to = trigger.end - evidence.start;
  const inside = from >= 0 && to <= evidence.text.length && from < to;
  return (
    <blockquote className="quote" data-testid="quote">
      {inside ? (
        <>
          {evidence.text.slice(0, from)}
          <mark className="trigger">{evidence.text.slice(from, to)}</mark>
          {evidence.text.slice(to)}
        </>
      ) : (
        evidence.text
      )}
    </blockquote>
  );
}
