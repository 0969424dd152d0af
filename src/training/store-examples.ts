import { normalizeName } from "../domain/normalize-name.ts";
import type { Store } from "../store/store.ts";
import { loadLexicon } from "../pipeline/recognize/lexicon.ts";
import { recognizeEntities, type RecognizedReport } from "../pipeline/recognize/recognize-entities.ts";
import { featuredCandidates } from "../pipeline/extract/learned/learned-extractor.ts";
import type { TrainingExample } from "../pipeline/extract/learned/linear-model.ts";

/** How much one analyst's verdict weighs against one gold example: verdicts are few and deliberate. */
export const VERDICT_WEIGHT = 20;

/**
 * Turns analysts' verdicts into training examples: an accepted claim's pair is a
 * positive in its evidence sentence, a rejected claim's pair a negative, and a
 * correction makes the corrected pair a positive and the pair as extracted a negative.
 */
export async function storeExamples(store: Store): Promise<{ examples: TrainingExample[]; verdicts: number }> {
  const lexicon = loadLexicon();
  const claims = await store.claims({ reviewed: true });
  const docs = new Map<number, RecognizedReport>();
  const examples: TrainingExample[] = [];
  let verdicts = 0;
  for (const claim of claims) {
    if (!claim.review) continue;
    let doc = docs.get(claim.documentId);
    if (!doc) {
      const row = await store.document(claim.documentId);
      if (!row) continue;
      doc = recognizeEntities(row.text, lexicon);
      docs.set(claim.documentId, doc);
    }
    const pairs: Array<[string, string, 0 | 1]> = [];
    const { verdict } = claim.review;
    if (verdict === "accept") pairs.push([claim.supplier.name, claim.recipient.name, 1]);
    else if (verdict === "reject") pairs.push([(claim.extracted ?? claim).supplier.name, (claim.extracted ?? claim).recipient.name, 0]);
    else {
      pairs.push([claim.supplier.name, claim.recipient.name, 1]);
      const was = claim.extracted;
      if (was && (was.supplier.id !== claim.supplier.id || was.recipient.id !== claim.recipient.id)) pairs.push([was.supplier.name, was.recipient.name, 0]);
    }
    const { candidates } = featuredCandidates(doc);
    let used = false;
    for (const c of candidates) {
      const span = doc.sentences[c.sentence]!.span;
      if (span.end <= claim.evidence.start || span.start >= claim.evidence.end) continue;
      for (const [s, r, label] of pairs) {
        if (named(doc, c.supplier, s) && named(doc, c.recipient, r)) {
          examples.push({ features: c.features, label, weight: VERDICT_WEIGHT });
          used = true;
        }
      }
    }
    if (used) verdicts++;
  }
  return { examples, verdicts };
}

function named(doc: RecognizedReport, key: string, name: string): boolean {
  const e = doc.entities.get(key);
  if (!e) return false;
  const n = normalizeName(name);
  return e.normalized.has(n) || normalizeName(e.name) === n;
}
