// Multinomial logistic regression over sparse feature maps, trained by AdaGrad with L2 and a
// seeded shuffle per epoch — deterministic: the same data, options and seed give the same
// weights bit for bit. Used by the NLU scenario model (src/nlu/train/train.ts) and the coaching
// detectors (src/coaching/learn.ts); prediction is ./linear.ts.
import { softmax, type Features } from './linear.js';
import { mulberry32, shuffleInPlace } from './random.js';

export interface LogisticOptions {
  /** L2 strength. */
  lambda: number;
  epochs: number;
  /** AdaGrad base learning rate. */
  lr: number;
  /** Keep features seen in at least this many examples. */
  minCount: number;
  /** Seed of the per-epoch shuffle. */
  seed: number;
  /** Weight of each class's examples in the loss (default 1 for every class). */
  classWeights?: readonly number[];
  /** Keep features in code-unit order of their names rather than first-seen order (affects only the order of the result). */
  sortFeatures?: boolean;
}

export interface Example {
  f: Features;
  /** Class index, 0 ≤ y < K. */
  y: number;
}

export interface Trained {
  bias: Float64Array;
  weights: Map<string, Float64Array>;
}

/** Class weights (n / K / n_c)^power from the class counts of `ys`; 0 = none (all 1). */
export function balancedClassWeights(ys: readonly number[], K: number, power: number): number[] {
  const perClass = new Array<number>(K).fill(0);
  for (const y of ys) perClass[y]++;
  return perClass.map((n) => (power && n ? Math.pow(ys.length / K / n, power) : 1));
}

export function trainLogistic(data: readonly Example[], K: number, p: LogisticOptions): Trained {
  const count = new Map<string, number>();
  for (const ex of data) for (const k of ex.f.keys()) count.set(k, (count.get(k) ?? 0) + 1);
  const kept = [...count];
  if (p.sortFeatures) kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const W = new Map<string, Float64Array>();
  const G = new Map<string, Float64Array>();
  for (const [k, n] of kept) if (n >= p.minCount) {
    W.set(k, new Float64Array(K));
    G.set(k, new Float64Array(K).fill(1e-8));
  }
  const b = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = data.map((_, i) => i);
  const rnd = mulberry32(p.seed);
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    shuffleInPlace(order, rnd);
    for (const idx of order) {
      const ex = data[idx];
      const z = Array.from(b);
      for (const [k, v] of ex.f) {
        const w = W.get(k);
        if (w) for (let c = 0; c < K; c++) z[c] += w[c] * v;
      }
      const pr = softmax(z);
      const wy = p.classWeights ? p.classWeights[ex.y] : 1;
      for (let c = 0; c < K; c++) {
        const g = (pr[c] - (c === ex.y ? 1 : 0)) * wy;
        gb[c] += g * g;
        b[c] -= (p.lr * g) / Math.sqrt(gb[c]);
      }
      for (const [k, v] of ex.f) {
        const w = W.get(k);
        const gg = G.get(k);
        if (!w || !gg) continue;
        for (let c = 0; c < K; c++) {
          const g = (pr[c] - (c === ex.y ? 1 : 0)) * v * wy + p.lambda * w[c];
          gg[c] += g * g;
          w[c] -= (p.lr * g) / Math.sqrt(gg[c]);
        }
      }
    }
  }
  return { bias: b, weights: W };
}

/**
 * The trained weights as JSON-ready rows rounded to `decimals` places; features whose every
 * weight is below `dropBelow` in magnitude are left out (default: none dropped).
 */
export function exportWeights(t: Trained, decimals: number, dropBelow = 0): { bias: number[]; weights: Record<string, number[]> } {
  const s = 10 ** decimals;
  const round = (x: number) => Math.round(x * s) / s;
  const weights: Record<string, number[]> = {};
  for (const [k, w] of t.weights) {
    if (dropBelow > 0 && Math.max(...Array.from(w, Math.abs)) < dropBelow) continue;
    weights[k] = Array.from(w, round);
  }
  return { bias: Array.from(t.bias, round), weights };
}
