// The statistical half of scenario classification: multinomial logistic regression over
// character 1–3-grams of the normalised text, blended with the rules' verdict from
// understand.ts. Weights come from src/nlu/model/scenario.json, written by
// `npm run nlu:train` (src/nlu/train/train.ts) from text written here; nothing is downloaded.
import { readFileSync } from 'node:fs';
import type { ScenarioId, ScenarioOrOther } from '../types.js';

export interface ModelFile {
  /** Class order of every weight row. */
  labels: ScenarioOrOther[];
  /** Logit temperature chosen at training time (probabilities = softmax(logits / temperature)). */
  temperature: number;
  /** Weight of the rules' distribution in the blend (0 = model only). */
  ruleWeight: number;
  bias: number[];
  /** Feature → one weight per label. */
  weights: Record<string, number[]>;
  meta: Record<string, unknown>;
}

/** What the rules said about a message; see ruleScores() in understand.ts. */
export interface RuleView {
  scenario: ScenarioOrOther;
  confidence: number;
  scores: Record<ScenarioId, number>;
}

/** Feature text: normalised (simplified, lower-case) input with digits folded and spaces collapsed. */
export function foldForModel(normalized: string): string {
  return normalized.replace(/[0-9]+(?:\.[0-9]+)?/g, '0').replace(/\s+/g, ' ').trim();
}

/** Sparse features: n-gram → value. Binary, scaled so each message has unit length. */
export function features(folded: string): Map<string, number> {
  const f = new Map<string, number>();
  const s = `^${folded}$`;
  const chars = [...s];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const g = chars.slice(i, i + n).join('');
      if (g === '^' || g === '$' || g === ' ') continue;
      f.set(g, 1);
    }
  }
  const scale = 1 / Math.sqrt(Math.max(1, f.size));
  for (const k of f.keys()) f.set(k, scale);
  return f;
}

export function logits(model: ModelFile, f: Map<string, number>): number[] {
  const z = model.bias.slice();
  for (const [k, v] of f) {
    const w = model.weights[k];
    if (w === undefined) continue;
    for (let c = 0; c < z.length; c++) z[c] += w[c] * v;
  }
  return z;
}

export function softmax(z: number[], temperature = 1): number[] {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const e = z.map((v) => Math.exp((v - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

let cached: ModelFile | null | undefined;

/** The trained model, or null when src/nlu/model/scenario.json is missing (rules alone then). */
export function loadModel(): ModelFile | null {
  if (cached !== undefined) return cached;
  try {
    cached = JSON.parse(readFileSync(new URL('./model/scenario.json', import.meta.url), 'utf8')) as ModelFile;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    cached = null;
  }
  return cached;
}

/** The rules' verdict as a distribution: their confidence on their scenario, the rest spread evenly. */
export function ruleDistribution(labels: readonly ScenarioOrOther[], rules: RuleView): number[] {
  const rest = (1 - rules.confidence) / (labels.length - 1);
  return labels.map((l) => (l === rules.scenario ? rules.confidence : rest));
}

/** (1 − α)·model + α·rules, per label in `labels` order. */
export function blend(pModel: number[], pRules: number[], alpha: number): number[] {
  return pModel.map((p, i) => (1 - alpha) * p + alpha * pRules[i]);
}

/** Probabilities per label, in model.labels order. */
export function predict(model: ModelFile, folded: string, rules: RuleView): number[] {
  const pModel = softmax(logits(model, features(folded)), model.temperature);
  return blend(pModel, ruleDistribution(model.labels, rules), model.ruleWeight);
}
