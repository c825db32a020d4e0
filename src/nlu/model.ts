// The statistical half of scenario classification: multinomial logistic regression over
// character 1–3-grams of the normalised text, blended with the rules' verdict from
// understand.ts. Weights come from src/nlu/model/scenario.json, written by
// `npm run nlu:train` (src/nlu/train/train.ts) from text written here; nothing is downloaded.
import { readFileSync } from 'node:fs';
import { logits, softmax, type LinearModel } from '../learn/linear.js';
import { charNgrams, foldDigits } from '../learn/ngrams.js';
import type { ScenarioId, ScenarioOrOther } from '../types.js';

export { logits, softmax };

export interface ModelFile extends LinearModel {
  /** Class order of every weight row. */
  labels: ScenarioOrOther[];
  /** Logit temperature chosen at training time (probabilities = softmax(logits / temperature)). */
  temperature: number;
  /** Weight of the rules' distribution in the blend (0 = model only). */
  ruleWeight: number;
  /** Weight of the strongest-clause distribution against the whole-message one (issue 13). */
  clauseWeight?: number;
  /**
   * Platt map from the blended top probability p to a measured probability that the reading is
   * acceptable: sigmoid(a·logit(p) + b), fitted on out-of-fold real messages.
   */
  calibration?: { a: number; b: number };
  /** Value of each rule-cue feature (RuleView.hits) added to the n-grams; 0 or absent = none. */
  cueWeight?: number;
  /** Confidence below which the engine asks the user to pick (chosen at training time). */
  askThreshold?: number;
  /** Extra feature families (issue 13, fourth round); absent = character 1–3-grams only. */
  featureOpts?: FeatureOpts;
  /** How clause distributions are pooled (absent = 'prob': max of clause probabilities). */
  clausePool?: ClausePool;
  /**
   * Only clauses whose top complaint probability is at least this take part in the strongest
   * clause; with none, the whole message alone decides. Absent / 0 = every clause.
   */
  clauseGate?: number;
  meta: Record<string, unknown>;
}

/**
 * Extra feature families on top of the character 1–3-grams; all are binary and share the one
 * unit-length scaling with the n-grams.
 */
export interface FeatureOpts {
  /** The first line's 1–3-grams again with prefix `T:` when the message has two lines or more. */
  title?: boolean;
  /** Skip-bigrams `S:ab` of two Han characters with one character between (没…到, 扣…两). */
  skip?: boolean;
  /** Character 4-grams where all four are Han characters. */
  cjk4?: boolean;
}

/**
 * 'prob': per complaint label the highest clause probability (other: the lowest);
 * 'logit': the same max/min over clause logits, then one softmax.
 */
export type ClausePool = 'prob' | 'logit';

/** What the rules said about a message; see ruleScores() in understand.ts. */
export interface RuleView {
  scenario: ScenarioOrOther;
  confidence: number;
  scores: Record<ScenarioId, number>;
  /** Cue families that fired (`§card_used2`, `§seller`, `§rule:other`…); model features when `cueWeight` is set. */
  hits?: string[];
}

/** Feature text: normalised (simplified, lower-case) input with digits folded and spaces collapsed. */
export const foldForModel = foldDigits;

/** Sparse features: n-gram → value. Binary, scaled so each message has unit length. */
export const features = charNgrams;

const HAN = /\p{Script=Han}/u;

/**
 * Features of a normalised message (or clause): charNgrams(foldForModel(text)) without options,
 * else the same n-grams plus the families in `o` (title only with `whole`), binary, unit length.
 */
export function featuresWith(normalized: string, o: FeatureOpts | undefined, whole = true): Map<string, number> {
  const folded = foldForModel(normalized);
  if (!o || (!o.title && !o.skip && !o.cjk4)) return charNgrams(folded);
  const f = charNgrams(folded);
  for (const k of f.keys()) f.set(k, 1);
  if (o.skip || o.cjk4) {
    const chars = [...folded];
    const han = chars.map((c) => HAN.test(c));
    for (let i = 0; i < chars.length; i++) {
      if (o.skip && i + 2 < chars.length && han[i] && han[i + 2]) f.set(`S:${chars[i]}${chars[i + 2]}`, 1);
      if (o.cjk4 && i + 3 < chars.length && han[i] && han[i + 1] && han[i + 2] && han[i + 3]) f.set(chars.slice(i, i + 4).join(''), 1);
    }
  }
  if (o.title && whole) {
    const lines = normalized.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    if (lines.length >= 2) for (const k of charNgrams(foldForModel(lines[0])).keys()) f.set(`T:${k}`, 1);
  }
  const scale = 1 / Math.sqrt(Math.max(1, f.size));
  for (const k of f.keys()) f.set(k, scale);
  return f;
}

/** n-gram features plus the fired rule cues, each with value `cueWeight`. */
export function withCues(f: Map<string, number>, hits: readonly string[] | undefined, cueWeight: number): Map<string, number> {
  if (!cueWeight || !hits?.length) return f;
  const out = new Map(f);
  for (const h of hits) out.set(h, cueWeight);
  return out;
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

// Sentence ends (and headline brackets) split a message into clauses; commas do not.
const CLAUSE_END = /[。！!？?\n；;【】\[\]]+/;

/** The clauses of a normalised message (at most 12, longest first kept in order); [] when there is one. */
export function clauses(normalized: string): string[] {
  const parts = normalized.split(CLAUSE_END).map((c) => c.trim()).filter((c) => c.length >= 2);
  return parts.length > 1 ? parts.slice(0, 12) : [];
}

/**
 * The strongest clause: per complaint label the highest probability any clause gives it,
 * and 'other' only as likely as the least 'other' clause — so a greeting, a question to other
 * users or a trailing "可以退款吗" does not dilute the complaint clause. Renormalised.
 */
export function strongestClause(perClause: number[][], otherIndex: number): number[] {
  return renormalised(poolClauses(perClause, otherIndex));
}

/** Per label the max over clauses (other: the min). */
function poolClauses(perClause: number[][], otherIndex: number): number[] {
  const K = perClause[0].length;
  const out = new Array<number>(K).fill(0);
  for (let k = 0; k < K; k++) {
    let v = k === otherIndex ? 1 : 0;
    for (const p of perClause) v = k === otherIndex ? Math.min(v, p[k]) : Math.max(v, p[k]);
    out[k] = v;
  }
  return out;
}

function renormalised(p: number[]): number[] {
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((v) => v / sum);
}

/** The strongest-clause distribution from clause logits, pooled as `pool` says (ClausePool). */
export function pooledClauses(clauseLogits: number[][], otherIndex: number, T: number, pool: ClausePool = 'prob', gate = 0): number[] | undefined {
  let zs = clauseLogits;
  let ps = zs.map((z) => softmax(z, T));
  if (gate > 0) {
    const keep = ps.map((p) => Math.max(...p.filter((_, k) => k !== otherIndex)) >= gate);
    zs = zs.filter((_, i) => keep[i]);
    ps = ps.filter((_, i) => keep[i]);
    if (zs.length === 0) return undefined;
  }
  if (pool === 'logit') return softmax(poolClauses(zs, otherIndex), T);
  return strongestClause(ps, otherIndex);
}

/** The model's distribution before the rules: whole message blended with its strongest clause. */
export function modelDistribution(model: ModelFile, normalized: string, hits?: readonly string[]): number[] {
  const T = model.temperature;
  const fo = model.featureOpts;
  const pWhole = softmax(logits(model, withCues(featuresWith(normalized, fo), hits, model.cueWeight ?? 0)), T);
  const beta = model.clauseWeight ?? 0;
  const cs = beta > 0 ? clauses(normalized) : [];
  if (cs.length === 0) return pWhole;
  const per = cs.map((c) => logits(model, featuresWith(c, fo, false)));
  const pc = pooledClauses(per, model.labels.indexOf('other'), T, model.clausePool, model.clauseGate);
  return pc ? blend(pWhole, pc, beta) : pWhole;
}

/** Probabilities per label, in model.labels order. `normalized`: normalize() output. */
export function predict(model: ModelFile, normalized: string, rules: RuleView): number[] {
  return blend(modelDistribution(model, normalized, rules.hits), ruleDistribution(model.labels, rules), model.ruleWeight);
}

/** The measured probability that a reading with top probability `p` is right (identity without a map). */
export function calibrate(model: Pick<ModelFile, 'calibration'>, p: number): number {
  const c = model.calibration;
  if (!c) return p;
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return 1 / (1 + Math.exp(-(c.a * Math.log(q / (1 - q)) + c.b)));
}
