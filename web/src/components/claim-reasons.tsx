/**
 * Why the extractor believed a claim, as rows of a claim's facts list: the rule that
 * made it, the pair model's score and version, and the features that weighed most, so
 * a reader can tell a confident reading from a marginal one and see what drove it.
 */
import type { ClaimRow } from "../api.ts";

/** The features shown: the strongest few, enough to see what drove the score. */
const SHOWN_FEATURES = 5;

export function ClaimReasons({ claim }: { claim: ClaimRow }) {
  const features = (claim.features ?? []).slice(0, SHOWN_FEATURES);
  return (
    <>
      <dt>rule</dt>
      <dd><code data-testid="claim-rule">{claim.rule}</code></dd>
      <dt>score</dt>
      <dd data-testid="claim-score">
        {claim.score === null ? (
          <span className="muted">not scored (stored before model scores were kept, or found by the pattern rules alone)</span>
        ) : (
          <>
            <span className="score" title="the pair model's probability that the sentence states this transfer">model {formatScore(claim.score)}</span>
            {claim.model && <> · <code className="model-version">{claim.model}</code></>}
          </>
        )}
      </dd>
      {features.length > 0 && (
        <>
          <dt id={`features-${claim.id}`}>features</dt>
          <dd>
            <ol className="features" aria-labelledby={`features-${claim.id}`} data-testid="claim-features" title="the features that weighed most, strongest first; the weight is what each adds to (+) or takes from (−) the log-odds of a transfer">
              {features.map(([name, weight], i) => (
                <li key={`${i}:${name}`}>
                  <code>{name}</code> <span className={weight < 0 ? "weight weight-against" : "weight weight-for"}>{formatWeight(weight)}</span>
                </li>
              ))}
            </ol>
          </dd>
        </>
      )}
    </>
  );
}

/** Up to three decimals, as the model rounds them (0.997 must not read as a certain 1.00), at least two. */
function formatScore(score: number): string {
  return score.toFixed(3).replace(/(\.\d\d)0$/, "$1");
}

/** Signed, with a true minus sign, so for and against read apart without colour. */
function formatWeight(weight: number): string {
  const text = Math.abs(weight).toFixed(2);
  return weight < 0 ? `−${text}` : `+${text}`;
}
