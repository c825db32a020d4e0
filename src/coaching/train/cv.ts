// k-fold cross-validation of the coaching detectors (rules + model) on the dev split and the
// author's written examples; used to choose the thresholds stored in the model files and by
// bench/coaching.bench.ts to print cross-validated dev figures. The test split is never read.
// Note: the rules were written while reading the whole dev split, so dev figures flatter the
// rules; the written examples (never used to tune the rules) are the fairer out-of-fold view.
import { DEFAULT_PARAMS, predictProba, trainModel, type CoachModel, type TrainParams } from '../learn.js';
import { checkToneWith } from '../tone.js';
import { detectScamWith } from '../scam.js';
import { detectFabricationWith } from '../fabrication.js';
import { classifySellerReplyWith } from '../sellerReply.js';
import { devSet, folds, writtenSet, type Item, type SetName } from './data.js';

export const K = 5;

export interface Scores {
  /** Binary sets: precision and recall of the positive class. Seller: macro precision/recall and accuracy. */
  p: number;
  r: number;
  acc?: number;
  n: number;
}

export type Params = Record<string, number>;

/** The models one detector needs, trained on some items. */
export function trainFor(name: SetName, items: Item[], tp: TrainParams = DEFAULT_PARAMS): Record<string, CoachModel> {
  const trainModel_ = trainModel;
  const trainModelP = (d: Array<{ text: string; label: string }>, l: string[]) => trainModel_(d, l, tp);
  const labels = (xs: Item[]) => [...new Set(xs.map((x) => x.label))].sort();
  if (name === 'tone') {
    const reasons = items.filter((x) => x.label === 'rewrite' && x.reasons?.length).map((x) => ({ text: x.text, label: x.reasons![0] }));
    return { tone: trainModelP(items, ['calm', 'rewrite']), 'tone-reason': trainModelP(reasons, labels(reasons as Item[])) };
  }
  if (name === 'scam') {
    const kinds = items.filter((x) => x.label === 'scam' && x.kind).map((x) => ({ text: x.text, label: x.kind! }));
    return { scam: trainModelP(items, ['not_scam', 'scam']), 'scam-kind': trainModelP(kinds, labels(kinds as Item[])) };
  }
  if (name === 'fabrication') return { fabrication: trainModelP(items, ['explicit_plan', 'fabrication_question', 'honest']) };
  return { seller: trainModelP(items, labels(items)) };
}

/** The detector's verdict (a label of the set) with these models and parameters. */
export function verdict(name: SetName, it: Item, models: Record<string, CoachModel>, params: Params): string {
  const main = models[name === 'seller' ? 'seller' : name];
  main.meta = { ...main.meta, ...params };
  if (name === 'tone') return checkToneWith(it.text, { amount: it.amount }, { rewrite: main, reason: models['tone-reason'] }).ok ? 'calm' : 'rewrite';
  if (name === 'scam') return detectScamWith(it.text, { scam: main, kind: models['scam-kind'] }) ? 'scam' : 'not_scam';
  if (name === 'fabrication') {
    const f = detectFabricationWith(it.text, main);
    return !f || f.mode === 'admission' ? 'honest' : f.mode === 'plan' ? 'explicit_plan' : 'fabrication_question';
  }
  return classifySellerReplyWith(it.text, main);
}

/** The model alone (no rules): its most probable label. */
export function modelVerdict(name: SetName, it: Item, models: Record<string, CoachModel>): string {
  const m = models[name];
  const p = predictProba(m, it.text);
  return m.labels[p.indexOf(Math.max(...p))];
}

const POSITIVE: Record<string, (l: string) => boolean> = {
  tone: (l) => l === 'rewrite',
  scam: (l) => l === 'scam',
  fabrication: (l) => l !== 'honest',
};

export function score(name: SetName, pairs: Array<{ it: Item; y: string }>): Scores {
  if (name !== 'seller') {
    const pos = POSITIVE[name];
    let tp = 0, fp = 0, fn = 0;
    for (const { it, y } of pairs) {
      if (pos(it.label) && pos(y)) tp++;
      else if (pos(y)) fp++;
      else if (pos(it.label)) fn++;
    }
    return { p: tp + fp ? tp / (tp + fp) : 1, r: tp + fn ? tp / (tp + fn) : 1, n: pairs.length };
  }
  const c = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (k: string) => c.get(k) ?? c.set(k, { tp: 0, fp: 0, fn: 0 }).get(k)!;
  let right = 0;
  for (const { it, y } of pairs) {
    if (y === it.label || y === it.alt) { right++; get(it.label).tp++; }
    else { get(it.label).fn++; get(y).fp++; }
  }
  let p = 0, r = 0, n = 0;
  for (const v of c.values()) if (v.tp + v.fn > 0) { p += v.tp + v.fp ? v.tp / (v.tp + v.fp) : 0; r += v.tp / (v.tp + v.fn); n++; }
  return { p: p / n, r: r / n, acc: right / pairs.length, n: pairs.length };
}

/** Parameter grids searched by train.ts. */
export const GRID: Record<SetName, Params[]> = {
  tone: [0.5, 0.6, 0.7, 0.8, 0.9, 1.01].map((threshold) => ({ threshold })),
  // A missed scam warning costs money, a needless one a paragraph: the model may veto a rule hit only when nearly sure.
  scam: [0.5, 0.6, 0.7, 0.8, 0.9, 1.01].flatMap((threshold) => [0.05, 0.02, 0].map((veto) => ({ threshold, veto }))),
  fabrication: [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.01].flatMap((threshold) => [1.01, 0.9, 0.8, 0.7, 0.6].map((veto) => ({ threshold, veto }))),
  seller: [0.2, 0.3, 0.4, 0.5, 0.6, 1.01].flatMap((threshold) => [0.3, 0.4, 0.5, 0.6, 1].map((ruleWeight) => ({ threshold, ruleWeight }))),
};

/**
 * Out-of-fold verdicts for every dev and written item under each parameter set: k stratified
 * folds over dev ∪ written; each fold's models are trained on the other folds.
 */
export interface CvResult {
  params: Params;
  dev: Scores;
  written: Scores;
  /** The model alone (no rules) on the dev items, out of fold. */
  devModelOnly: Scores;
}

export function crossValidate(name: SetName, grid: Params[], k = K, tp: TrainParams = DEFAULT_PARAMS, dir?: string): CvResult[] {
  const items = [...devSet(name, dir), ...writtenSet(name)];
  const f = folds(items, k);
  const out = grid.map(() => [] as Array<{ it: Item; y: string }>);
  const alone: Array<{ it: Item; y: string }> = [];
  for (let fold = 0; fold < k; fold++) {
    const models = trainFor(name, items.filter((_, i) => f[i] !== fold), tp);
    items.forEach((it, i) => {
      if (f[i] !== fold) return;
      if (!it.written) alone.push({ it, y: modelVerdict(name, it, models) });
      grid.forEach((params, g) => out[g].push({ it, y: verdict(name, it, models, params) }));
    });
  }
  const devModelOnly = score(name, alone);
  return grid.map((params, g) => ({
    params,
    dev: score(name, out[g].filter((x) => !x.it.written)),
    written: score(name, out[g].filter((x) => x.it.written)),
    devModelOnly,
  }));
}

/**
 * What train.ts maximises. Binary detectors: precision ≥ 95 % on both the dev and the written
 * out-of-fold verdicts first (the precision target), then the mean recall; where no setting
 * reaches that precision, the mean F0.5 (precision weighs more). Seller replies: mean accuracy.
 */
export function objective(name: SetName, s: { dev: Scores; written: Scores }): number {
  if (name === 'seller') return ((s.dev.acc ?? 0) + (s.written.acc ?? 0)) / 2;
  // The fabrication guard must not treat an honest user as a cheat: its floor is 98 %.
  const floor = name === 'fabrication' ? 0.98 : 0.95;
  if (Math.min(s.dev.p, s.written.p) >= floor) return 2 + (s.dev.r + s.written.r) / 2;
  const f = (x: Scores) => (x.p + x.r ? (1.25 * x.p * x.r) / (0.25 * x.p + x.r) : 0);
  return (f(s.dev) + f(s.written)) / 2;
}
