/**
 * A logistic-regression model over sparse binary features: the weights are data
 * (a JSON file under data/models/), scoring is a sum, and every score explains
 * itself by the features that weighed most.
 */
export interface LinearModel {
  /** Identifies the model in every claim it makes, e.g. "pair-lr-2026-12-08-1a2b3c4d". */
  version: string;
  bias: number;
  weights: Record<string, number>;
  /** Probability at or above which a pair is taken as a transfer, chosen on training folds. */
  threshold: number;
  /**
   * A lower bar for pairs an extraction rule also found: the rules are precise where they
   * fire, so the model may need less evidence there. Chosen on training folds like `threshold`.
   */
  ruleThreshold?: number | undefined;
}

export interface Scored {
  score: number;
  /** The features that pushed the score most, strongest first, with their weights. */
  top: Array<[string, number]>;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

// Weights as a Map: a JSON object of tens of thousands of keys is slow to look up in.
const maps = new WeakMap<Record<string, number>, Map<string, number>>();

function weightMap(model: LinearModel): Map<string, number> {
  let m = maps.get(model.weights);
  if (!m) {
    m = new Map(Object.entries(model.weights));
    maps.set(model.weights, m);
  }
  return m;
}

/** The probability alone, for deciding; `scoreFeatures` adds the explanation. */
export function probability(model: LinearModel, features: string[]): number {
  const w = weightMap(model);
  let z = model.bias;
  for (const f of features) z += w.get(f) ?? 0;
  return sigmoid(z);
}

export function scoreFeatures(model: LinearModel, features: string[], topN = 5): Scored {
  if (topN === 0) return { score: probability(model, features), top: [] };
  const weights = weightMap(model);
  let z = model.bias;
  const contrib: Array<[string, number]> = [];
  for (const f of features) {
    const w = weights.get(f);
    if (w === undefined) continue;
    z += w;
    contrib.push([f, w]);
  }
  contrib.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
  return { score: sigmoid(z), top: contrib.slice(0, topN).map(([k, w]) => [k, Math.round(w * 1000) / 1000]) };
}

export interface TrainingExample {
  features: string[];
  label: 0 | 1;
  /** How much the example counts (analysts' verdicts may count more than gold). */
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  l2?: number;
  learningRate?: number;
  /** Features seen fewer times than this are dropped. */
  minCount?: number;
  seed?: number;
}

/**
 * Trains by AdaGrad over examples in a seeded order, so the same data gives the same
 * weights on every machine. Positive examples are weighted up to balance the classes.
 */
export function trainLogistic(examples: TrainingExample[], opts: TrainOptions = {}): Omit<LinearModel, "version" | "threshold"> {
  const epochs = opts.epochs ?? 25;
  const l2 = opts.l2 ?? 0.03;
  const lr = opts.learningRate ?? 0.3;
  const minCount = opts.minCount ?? 2;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minCount) index.set(f, index.size);
  const rows = examples.map((e) => ({ idx: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined), y: e.label, w: e.weight ?? 1 }));
  const pos = rows.filter((r) => r.y === 1).reduce((s, r) => s + r.w, 0);
  const neg = rows.filter((r) => r.y === 0).reduce((s, r) => s + r.w, 0);
  const posWeight = pos > 0 ? Math.min(5, Math.sqrt(neg / pos)) : 1;
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  let b = 0, gb2 = 1e-8;
  const order = rows.map((_, i) => i);
  let state = opts.seed ?? 12345;
  const rand = (): number => {
    // mulberry32: a tiny seeded generator, enough for shuffling.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const r = rows[k]!;
      let z = b;
      for (const i of r.idx) z += w[i]!;
      const p = sigmoid(z);
      const g = (p - r.y) * r.w * (r.y === 1 ? posWeight : 1);
      for (const i of r.idx) {
        const gi = g + l2 * w[i]!;
        g2[i]! += gi * gi;
        w[i]! -= (lr / Math.sqrt(g2[i]!)) * gi;
      }
      gb2 += g * g;
      b -= (lr / Math.sqrt(gb2)) * g;
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of index) if (Math.abs(w[i]!) > 1e-4) weights[f] = Math.round(w[i]! * 1e5) / 1e5;
  return { bias: Math.round(b * 1e5) / 1e5, weights };
}
