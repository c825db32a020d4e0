// A small learned classifier for the coaching detectors (the project's style, see src/nlu/model.ts):
// multinomial logistic regression (AdaGrad, L2, seeded shuffle — deterministic) over binary
// character 1–3-grams of the folded text (src/dialogue/fold.ts: NFKC → simplified → lower case),
// digits folded to 0. Models are written by `npx tsx src/coaching/train/train.ts` into
// src/coaching/model/*.json and only read here; a missing model file means rules alone.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../dialogue/fold.js';
import { logits, softmax, type LinearModel } from '../learn/linear.js';
import { exportWeights, trainLogistic } from '../learn/logistic.js';
import { charNgrams, foldDigits } from '../learn/ngrams.js';
import { loadData } from './rules.js';

export interface CoachModel extends LinearModel {
  labels: string[];
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
  return foldDigits(fold(text));
}

/** Binary n-gram features (1–3 characters) scaled to unit length, plus word groups × groupBoost. */
export function coachFeatures(text: string, groupBoost = 0): Map<string, number> {
  // Several detectors read the same message in one turn: its features are computed once.
  if (last && last.text === text && last.groupBoost === groupBoost) return last.features;
  const features = computeFeatures(text, groupBoost);
  last = { text, groupBoost, features };
  return features;
}

/** The features of the last message read (callers only read the map). */
let last: { text: string; groupBoost: number; features: Map<string, number> } | undefined;

function computeFeatures(text: string, groupBoost: number): Map<string, number> {
  const folded = foldForCoaching(text);
  const f = charNgrams(folded);
  const scale = 1 / Math.sqrt(Math.max(1, f.size));
  if (groupBoost > 0) for (const g of groupFeatures(folded)) f.set(g, scale * groupBoost);
  return f;
}

/** Probabilities per label (model.labels order). */
export function predictProba(model: CoachModel, text: string): number[] {
  return softmax(logits(model, coachFeatures(text, Number(model.meta.groupBoost ?? 0))));
}

/** Probability of one label. */
export function probability(model: CoachModel, text: string, label: string): number {
  const i = model.labels.indexOf(label);
  return i < 0 ? 0 : predictProba(model, text)[i];
}

/** Trains on (text, label) pairs; labels fixes the class order. */
export function trainModel(data: ReadonlyArray<{ text: string; label: string }>, labels: readonly string[], p: TrainParams = DEFAULT_PARAMS): CoachModel {
  const ex = data.map((d) => ({ f: coachFeatures(d.text, p.groupBoost), y: labels.indexOf(d.label) }));
  for (const [i, e] of ex.entries()) if (e.y < 0) throw new Error(`unknown label ${data[i].label}`);
  const { bias, weights } = exportWeights(trainLogistic(ex, labels.length, { ...p, sortFeatures: true }), 5);
  return { labels: [...labels], bias, weights, meta: { params: p, groupBoost: p.groupBoost, examples: data.length } };
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
