// A small learned classifier for the coaching detectors (the project's style, see src/nlu/model.ts):
// multinomial logistic regression (AdaGrad, L2, seeded shuffle — deterministic) over binary
// character 1–3-grams of the folded text (src/dialogue/fold.ts: NFKC → simplified → lower case),
// digits folded to 0. Models are written by `npx tsx src/coaching/train/train.ts` into
// src/coaching/model/*.json and only read here; a missing model file means rules alone.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../dialogue/fold.js';
import { loadData } from './rules.js';

export interface CoachModel {
  labels: string[];
  bias: number[];
  /** Feature → one weight per label. */
  weights: Record<string, number[]>;
  meta: Record<string, unknown>;
}

export interface TrainParams {
  lambda: number;
  epochs: number;
  lr: number;
  /** Keep features seen in at least this many training texts. */
  minCount: number;
  seed: number;
  /** Value of a word-group feature relative to one n-gram (0 = no group features). */
  groupBoost: number;
}

export const DEFAULT_PARAMS: TrainParams = { lambda: 1e-4, epochs: 40, lr: 0.5, minCount: 2, seed: 1, groupBoost: 3 };

const Lexicon = z.object({ groups: z.record(z.string(), z.array(z.string().min(1)).min(1)) });
const GROUPS = Object.entries(loadData('lexicon.json', Lexicon).groups).map(([g, words]) => [g, words.map((w) => fold(w))] as const);
const NEGATION = /(?:不|没有?|别|未|无|不要|不会|不能|从没有?)$/;
const NEGATIVE_WORD = /^[不没别未无]/;

/** Word groups present in folded text: 'G:<group>', or 'N:<group>' when every hit follows a negation. */
export function groupFeatures(folded: string): string[] {
  const out: string[] = [];
  for (const [g, words] of GROUPS) {
    let plain = false, negated = false;
    for (const w of words) {
      let i = folded.indexOf(w);
      while (i >= 0 && !plain) {
        if (NEGATION.test(folded.slice(Math.max(0, i - 3), i)) && !NEGATIVE_WORD.test(w)) negated = true;
        else plain = true;
        i = folded.indexOf(w, i + 1);
      }
      if (plain) break;
    }
    if (plain) out.push(`G:${g}`);
    else if (negated) out.push(`N:${g}`);
  }
  return out;
}

/** Feature text: folded, digits → 0, whitespace collapsed. */
export function foldForCoaching(text: string): string {
  return fold(text).replace(/[0-9]+(?:\.[0-9]+)?/g, '0').replace(/\s+/g, ' ').trim();
}

/** Binary n-gram features (1–3 characters) scaled to unit length, plus word groups × groupBoost. */
export function coachFeatures(text: string, groupBoost = 0): Map<string, number> {
  const f = new Map<string, number>();
  const folded = foldForCoaching(text);
  const chars = [...`^${folded}$`];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const g = chars.slice(i, i + n).join('');
      if (g === '^' || g === '$' || g === ' ') continue;
      f.set(g, 1);
    }
  }
  const scale = 1 / Math.sqrt(Math.max(1, f.size));
  for (const k of f.keys()) f.set(k, scale);
  if (groupBoost > 0) for (const g of groupFeatures(folded)) f.set(g, scale * groupBoost);
  return f;
}

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Probabilities per label (model.labels order). */
export function predictProba(model: CoachModel, text: string): number[] {
  const z = model.bias.slice();
  for (const [k, v] of coachFeatures(text, Number(model.meta.groupBoost ?? 0))) {
    const w = model.weights[k];
    if (w) for (let c = 0; c < z.length; c++) z[c] += w[c] * v;
  }
  return softmax(z);
}

/** Probability of one label. */
export function probability(model: CoachModel, text: string, label: string): number {
  const i = model.labels.indexOf(label);
  return i < 0 ? 0 : predictProba(model, text)[i];
}

/** Trains on (text, label) pairs; labels fixes the class order. */
export function trainModel(data: ReadonlyArray<{ text: string; label: string }>, labels: readonly string[], p: TrainParams = DEFAULT_PARAMS): CoachModel {
  const K = labels.length;
  const ex = data.map((d) => ({ f: coachFeatures(d.text, p.groupBoost), y: labels.indexOf(d.label) }));
  for (const [i, e] of ex.entries()) if (e.y < 0) throw new Error(`unknown label ${data[i].label}`);
  const count = new Map<string, number>();
  for (const e of ex) for (const k of e.f.keys()) count.set(k, (count.get(k) ?? 0) + 1);
  const W = new Map<string, Float64Array>();
  const G = new Map<string, Float64Array>();
  for (const [k, n] of [...count].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (n >= p.minCount) {
    W.set(k, new Float64Array(K));
    G.set(k, new Float64Array(K).fill(1e-8));
  }
  const b = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = ex.map((_, i) => i);
  const rnd = mulberry32(p.seed);
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const e = ex[idx];
      const z = Array.from(b);
      for (const [k, v] of e.f) {
        const w = W.get(k);
        if (w) for (let c = 0; c < K; c++) z[c] += w[c] * v;
      }
      const pr = softmax(z);
      for (let c = 0; c < K; c++) {
        const g = pr[c] - (c === e.y ? 1 : 0);
        gb[c] += g * g;
        b[c] -= (p.lr * g) / Math.sqrt(gb[c]);
        for (const [k, v] of e.f) {
          const w = W.get(k);
          if (!w) continue;
          const gk = g * v + p.lambda * w[c];
          const gg = G.get(k)!;
          gg[c] += gk * gk;
          w[c] -= (p.lr * gk) / Math.sqrt(gg[c]);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [k, w] of W) weights[k] = Array.from(w, (x) => Math.round(x * 1e5) / 1e5);
  return { labels: [...labels], bias: Array.from(b, (x) => Math.round(x * 1e5) / 1e5), weights, meta: { params: p, groupBoost: p.groupBoost, examples: data.length } };
}

const cache = new Map<string, CoachModel | null>();

/** The trained model src/coaching/model/<name>.json, or null when it is missing. */
export function loadCoachModel(name: string): CoachModel | null {
  if (cache.has(name)) return cache.get(name)!;
  let m: CoachModel | null = null;
  try {
    m = JSON.parse(readFileSync(new URL(`./model/${name}.json`, import.meta.url), 'utf8')) as CoachModel;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  cache.set(name, m);
  return m;
}
