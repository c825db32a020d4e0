// Linear scoring over sparse features and the softmax that turns scores into probabilities:
// the prediction half of every model trained with ./logistic.ts (NLU scenarios, coaching detectors).

/** A trained linear model as stored in JSON: one bias and one weight row entry per label. */
export interface LinearModel {
  bias: number[];
  /** Feature → one weight per label. */
  weights: Record<string, number[]>;
}

/** Sparse features: name → value. */
export type Features = ReadonlyMap<string, number>;

/** bias + Σ weight·value per label; features the model does not know are ignored. */
export function logits(model: LinearModel, f: Features): number[] {
  const z = model.bias.slice();
  for (const [k, v] of f) {
    const w = model.weights[k];
    if (w === undefined) continue;
    for (let c = 0; c < z.length; c++) z[c] += w[c] * v;
  }
  return z;
}

/** Probabilities from scores: exp((z − max) / temperature), normalised. */
export function softmax(z: readonly number[], temperature = 1): number[] {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const e = z.map((v) => Math.exp((v - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
