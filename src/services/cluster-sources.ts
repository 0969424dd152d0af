/**
 * Which reports are independent of one another. Ten outlets printing the same wire
 * story, or each "citing Reuters", are one source, not ten: corroboration counts
 * clusters, not documents.
 */
import { MINHASH_SIZE, NEAR_DUPLICATE_JACCARD, estimateJaccard } from "../domain/minhash.ts";

/** One document as independence sees it. */
export interface SourceDocument {
  id: number;
  /**
   * Who it speaks for: the source it relays ("citing Reuters") or else its own
   * publisher. Documents with the same key are one source.
   */
  sourceKey: string;
  /** MinHash signature of its text; null never matches another document. */
  fingerprint: string | null;
}

/** LSH bands: 16 bands of 4 hash values each. Two texts at Jaccard 0.8 share a band with probability 1 − (1 − 0.8⁴)¹⁶ > 0.9998. */
const BANDS = 16;
const ROWS = MINHASH_SIZE / BANDS;

/**
 * Groups documents into independent sources: documents with the same `sourceKey`
 * are one source, and so are near-duplicates (estimated Jaccard similarity of their
 * word 3-shingles ≥ `NEAR_DUPLICATE_JACCARD`), transitively: if A copies B and B
 * copies C, all three are one. Returns, for each document id, the smallest id in
 * its cluster, so the result does not depend on input order.
 *
 * Near-duplicate candidates are found by locality-sensitive hashing (documents
 * sharing one band of their signature) and then checked, so the work grows with
 * the number of documents, not its square.
 */
export function clusterSources(docs: readonly SourceDocument[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  for (const d of docs) parent.set(d.id, d.id);

  const byKey = new Map<string, number>();
  for (const d of docs) {
    const first = byKey.get(d.sourceKey);
    if (first === undefined) byKey.set(d.sourceKey, d.id);
    else union(first, d.id);
  }

  const signatures = new Map<number, string>();
  const buckets = new Map<string, number[]>();
  for (const d of docs) {
    if (d.fingerprint === null || d.fingerprint.length !== MINHASH_SIZE * 8) continue;
    signatures.set(d.id, d.fingerprint);
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${d.fingerprint.slice(band * ROWS * 8, (band + 1) * ROWS * 8)}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(d.id);
      else buckets.set(key, [d.id]);
    }
  }
  const checked = new Set<string>();
  for (const bucket of buckets.values()) {
    for (let i = 1; i < bucket.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = bucket[j]!;
        const b = bucket[i]!;
        if (find(a) === find(b)) continue;
        const pair = a < b ? `${a}:${b}` : `${b}:${a}`;
        if (checked.has(pair)) continue;
        checked.add(pair);
        if (estimateJaccard(signatures.get(a)!, signatures.get(b)!) >= NEAR_DUPLICATE_JACCARD) union(a, b);
      }
    }
  }
  return new Map(docs.map((d) => [d.id, find(d.id)]));
}
