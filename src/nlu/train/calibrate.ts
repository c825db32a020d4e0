// Scoring, calibration and the ask-threshold for the scenario model's out-of-fold predictions
// (train.ts and cv.ts): the blend of model, clauses and rules, Platt scaling, and the per-source
// confident-error bound the engine's ask-threshold is chosen against (src/nlu/README.md).
import { LABELS } from '../evaluate.js';
import { blend, calibrate, pooledClauses, softmax, type ClausePool, type ModelFile } from '../model.js';

/**
 * Confident errors allowed at the ask-threshold on out-of-fold train-part predictions. The issue
 * allows 5 %; the rules were tuned on these same messages, so out-of-fold errors understate
 * errors on new text, and the threshold is chosen against 3 % to leave room.
 */
export const MAX_CONFIDENT_ERRORS = 0.03;
/** Out-of-fold points a source needs to be held to the bound on its own (below: pooled with the other small ones). */
export const MIN_GROUP = 40;

export const argmax = (p: number[]) => p.indexOf(Math.max(...p));
const OTHER = LABELS.indexOf('other');

export interface Oof {
  z: number[];
  zc: number[][];
  r: number[];
  y: number;
  alt: number[];
  text: string;
  group?: string;
  /** Clause pooling (Params.clausePool). */
  pool?: ClausePool;
  /** Clause gate (Params.clauseGate). */
  gate?: number;
}


export function dist(o: Oof, t: number, alpha: number, beta: number): number[] {
  const pw = softmax(o.z, t);
  const pc = o.zc.length && beta > 0 ? pooledClauses(o.zc, OTHER, t, o.pool, o.gate) : undefined;
  const pm = pc ? blend(pw, pc, beta) : pw;
  return blend(pm, o.r, alpha);
}

export interface Score {
  exact: number;
  acceptable: number;
  nll: number;
}

export function score(oof: Oof[], t: number, alpha: number, beta: number): Score {
  let exact = 0;
  let acceptable = 0;
  let nll = 0;
  for (const o of oof) {
    const p = dist(o, t, alpha, beta);
    const g = argmax(p);
    if (g === o.y) exact++;
    if (g === o.y || o.alt.includes(g)) acceptable++;
    nll -= Math.log(Math.max(1e-9, p[o.y]));
  }
  return { exact: exact / oof.length, acceptable: acceptable / oof.length, nll: nll / oof.length };
}

/**
 * Platt scaling of the top probability: P(right) = sigmoid(a·logit(p) + b), fitted by grid search
 * on out-of-fold predictions (minimum log-loss). Monotone, two parameters: safe on ~100 messages.
 */
export function platt(points: { p: number; ok: boolean }[]): { a: number; b: number } {
  const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
  let best = { a: 1, b: 0 };
  let bestLoss = Infinity;
  for (let a = 0.2; a <= 4.001; a += 0.05) {
    for (let b = -3; b <= 3.001; b += 0.05) {
      let loss = 0;
      for (const pt of points) {
        const q = 1 / (1 + Math.exp(-(a * logit(pt.p) + b)));
        loss -= Math.log(Math.max(1e-9, pt.ok ? q : 1 - q));
      }
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        best = { a: Math.round(a * 100) / 100, b: Math.round(b * 100) / 100 };
      }
    }
  }
  return best;
}

export interface Blend {
  t: number;
  alpha: number;
  beta: number;
  s: Score;
}

/** Temperature, rule weight α and clause weight β that maximise exact + ½·acceptable on `oof`. */
export function chooseBlend(oof: Oof[]): Blend {
  let best: Blend = { t: 1, alpha: 0, beta: 0, s: { exact: -1, acceptable: -1, nll: Infinity } };
  for (let t = 0.3; t <= 3.001; t += 0.1) {
    for (let alpha = 0; alpha <= 0.801; alpha += 0.05) {
      for (let beta = 0; beta <= 0.801; beta += 0.1) {
        const s = score(oof, t, alpha, beta);
        const key = s.exact + 0.5 * s.acceptable;
        const bestKey = best.s.exact + 0.5 * best.s.acceptable;
        if (key > bestKey + 1e-9 || (Math.abs(key - bestKey) < 1e-9 && s.nll < best.s.nll)) {
          best = { t: Math.round(t * 100) / 100, alpha: Math.round(alpha * 100) / 100, beta: Math.round(beta * 100) / 100, s };
        }
      }
    }
  }
  return best;
}

export interface Point {
  p: number;
  g: number;
  ok: boolean;
  exact: boolean;
  group?: string;
}

export function pointsOf(oof: Oof[], b: Pick<Blend, 't' | 'alpha' | 'beta'>): Point[] {
  return oof.map((o) => {
    const p = dist(o, b.t, b.alpha, b.beta);
    const g = argmax(p);
    return { p: p[g], g, ok: g === o.y || o.alt.includes(g), exact: g === o.y, group: o.group };
  });
}

export interface Rates {
  exact: number;
  acceptable: number;
  /** Not acceptable, a complaint scenario, confidence ≥ threshold (share of messages). */
  confidentErrors: number;
  /** Acceptable complaint readings below the threshold (share of those readings). */
  askOnRight: number;
}

export function ratesAt(points: Point[], calibration: { a: number; b: number }, threshold: number): Rates {
  const m = { calibration } as ModelFile;
  const conf = (x: Point) => calibrate(m, x.p) >= threshold - 1e-9;
  const right = points.filter((x) => x.ok && x.g !== OTHER);
  return {
    exact: points.filter((x) => x.exact).length / points.length,
    acceptable: points.filter((x) => x.ok).length / points.length,
    confidentErrors: points.filter((x) => !x.ok && x.g !== OTHER && conf(x)).length / points.length,
    askOnRight: right.filter((x) => !conf(x)).length / Math.max(1, right.length),
  };
}

/** Fold seeds whose out-of-fold predictions are pooled (cv.ts uses the same by default). */
export const FOLD_SEEDS = [7, 11];

/**
 * The real sources a threshold is held to: every fixtures file with ≥ MIN_GROUP out-of-fold points
 * (each message gives one point per fold seed, so 20 messages with two seeds), the smaller files
 * pooled (held to it once the pool reaches MIN_GROUP).
 */
export function thresholdGroups(points: Point[]): Map<string, Point[]> {
  const byGroup = new Map<string, Point[]>();
  for (const x of points) {
    const k = x.group ?? '';
    const g = byGroup.get(k);
    if (g) g.push(x);
    else byGroup.set(k, [x]);
  }
  const out = new Map<string, Point[]>();
  const small: Point[] = [];
  for (const [k, g] of byGroup) {
    if (g.length >= MIN_GROUP) out.set(k || 'written', g);
    else small.push(...g);
  }
  if (small.length >= MIN_GROUP) out.set('smaller files', small);
  return out;
}

/**
 * The lowest threshold at which out-of-fold confident errors stay ≤ MAX_CONFIDENT_ERRORS overall and
 * in every real source separately (thresholdGroups). Pooled alone, a source with more confident
 * errors than the rest (the ATEC customer-service questions: 4.1 % at the pooled threshold 0.72
 * while the pool was at 2.8 %) is averaged away by the others. 0.95 (with a warning) when no
 * threshold satisfies every source.
 */
export function chooseThreshold(points: Point[], calibration: { a: number; b: number }): number {
  const groups = [points, ...thresholdGroups(points).values()];
  for (let th = 0.3; th <= 0.951; th += 0.01) {
    if (groups.every((g) => ratesAt(g, calibration, th).confidentErrors <= MAX_CONFIDENT_ERRORS)) return Math.round(th * 100) / 100;
  }
  console.warn(`no ask-threshold up to 0.95 keeps confident errors ≤ ${MAX_CONFIDENT_ERRORS * 100} % in every real source; using 0.95`);
  return 0.95;
}
