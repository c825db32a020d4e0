// Trains the scenario model (src/nlu/model.ts) and writes src/nlu/model/scenario.json.
// Multinomial logistic regression (AdaGrad, L2) over character 1–3-grams, trained on
// test/fixtures/nlu/train.jsonl plus the older fixtures the rules were tuned on (corpus,
// holdout–holdout3: a second author). The blend weight α between model and rules and the
// temperature are chosen on out-of-fold predictions for train.jsonl, where the rules were
// never tuned. holdout4.jsonl and holdout5.jsonl are never opened here.
//   npm run nlu:train              (≈ 30 s)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioOrOther } from '../../types.js';
import { LABELS, loadCorpus } from '../evaluate.js';
import { blend, features, foldForModel, logits, ruleDistribution, softmax, type ModelFile } from '../model.js';
import { normalize } from '../normalize.js';
import { rulesFor } from '../understand.js';
import type { TrainMessage } from './build-corpus.js';
import { mulberry32 } from './random.js';

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-11-21T10:00:00+08:00');
const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/nlu/${name}`, import.meta.url));
const MODEL_PATH = fileURLToPath(new URL('../model/scenario.json', import.meta.url));
const OLDER = ['corpus.jsonl', 'holdout.jsonl', 'holdout2.jsonl', 'holdout3.jsonl'];

interface Example {
  f: Map<string, number>;
  y: number;
  /** Rules' distribution for the blend. */
  r: number[];
  written: boolean;
}

interface Params {
  lambda: number;
  epochs: number;
  lr: number;
  minCount: number;
}

const PARAMS: Params = { lambda: 1e-4, epochs: 30, lr: 0.5, minCount: 2 };

function toExample(text: string, scenario: ScenarioOrOther, written: boolean): Example {
  return {
    f: features(foldForModel(normalize(text))),
    y: LABELS.indexOf(scenario),
    r: ruleDistribution(LABELS, rulesFor(text, NOW, ZONE)),
    written,
  };
}


function train(data: Example[], p: Params, seed = 1): ModelFile {
  const K = LABELS.length;
  const count = new Map<string, number>();
  for (const ex of data) for (const k of ex.f.keys()) count.set(k, (count.get(k) ?? 0) + 1);
  const W = new Map<string, Float64Array>();
  const G = new Map<string, Float64Array>();
  for (const [k, n] of count) if (n >= p.minCount) {
    W.set(k, new Float64Array(K));
    G.set(k, new Float64Array(K).fill(1e-8));
  }
  const b = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = data.map((_, i) => i);
  const rnd = mulberry32(seed);
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const ex = data[idx];
      const z = Array.from(b);
      for (const [k, v] of ex.f) {
        const w = W.get(k);
        if (w) for (let c = 0; c < K; c++) z[c] += w[c] * v;
      }
      const pr = softmax(z);
      for (let c = 0; c < K; c++) {
        const g = pr[c] - (c === ex.y ? 1 : 0);
        gb[c] += g * g;
        b[c] -= (p.lr * g) / Math.sqrt(gb[c]);
      }
      for (const [k, v] of ex.f) {
        const w = W.get(k);
        const gg = G.get(k);
        if (!w || !gg) continue;
        for (let c = 0; c < K; c++) {
          const g = (pr[c] - (c === ex.y ? 1 : 0)) * v + p.lambda * w[c];
          gg[c] += g * g;
          w[c] -= (p.lr * g) / Math.sqrt(gg[c]);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [k, w] of W) {
    if (Math.max(...Array.from(w, Math.abs)) < 1e-3) continue;
    weights[k] = Array.from(w, (x) => Math.round(x * 1e4) / 1e4);
  }
  const bias = Array.from(b, (x) => Math.round(x * 1e4) / 1e4);
  return { labels: [...LABELS], temperature: 1, ruleWeight: 0, bias, weights, meta: {} };
}

const argmax = (p: number[]) => p.indexOf(Math.max(...p));

interface Oof {
  z: number[];
  r: number[];
  y: number;
  written: boolean;
}

/** 5-fold cross-validation over `data`; every fold's model also trains on `extra`. */
function crossValidate(data: Example[], extra: Example[], p: Params, k = 5): Oof[] {
  const rnd = mulberry32(7);
  const fold = data.map(() => Math.floor(rnd() * k));
  const oof: Oof[] = new Array(data.length);
  for (let f = 0; f < k; f++) {
    const m = train([...data.filter((_, i) => fold[i] !== f), ...extra], p);
    data.forEach((ex, i) => {
      if (fold[i] === f) oof[i] = { z: logits(m, ex.f), r: ex.r, y: ex.y, written: ex.written };
    });
  }
  return oof;
}

function oofAccuracy(oof: Oof[], t: number, alpha: number, only?: (o: Oof) => boolean): number {
  const xs = only ? oof.filter(only) : oof;
  return xs.filter((o) => argmax(blend(softmax(o.z, t), o.r, alpha)) === o.y).length / xs.length;
}

/** Temperature minimising the negative log-likelihood of the out-of-fold model predictions. */
function fitTemperature(oof: Oof[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.3; t <= 3.001; t += 0.05) {
    let nll = 0;
    for (const o of oof) nll -= Math.log(Math.max(1e-12, softmax(o.z, t)[o.y]));
    if (nll < bestNll) {
      bestNll = nll;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const t0 = Date.now();
  const msgs = readFileSync(fixture('train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TrainMessage);
  const data = msgs.map((m) => toExample(m.text, m.scenario, m.source === 'written'));
  const older = OLDER.flatMap((f) => loadCorpus(fixture(f)).map((m) => toExample(m.text, m.scenario, true)));

  // Cross-author check: n-grams trained on train.jsonl alone, scored on the older fixtures.
  const alone = train(data, PARAMS);
  const crossAuthor = older.filter((ex) => argmax(logits(alone, ex.f)) === ex.y).length / older.length;
  console.log(`model alone, trained on train.jsonl only → corpus+holdout1–3 (other author, never trained on): ${pct(crossAuthor)}`);

  const oof = crossValidate(data, older, PARAMS);
  const temperature = fitTemperature(oof);
  let alpha = 0;
  let bestAcc = -1;
  for (let a = 0; a <= 0.501; a += 0.05) {
    const acc = oofAccuracy(oof, temperature, a);
    console.log(`  α=${a.toFixed(2)}: out-of-fold accuracy ${pct(acc)} (written ${pct(oofAccuracy(oof, temperature, a, (o) => o.written))})`);
    if (acc > bestAcc + 1e-9) {
      bestAcc = acc;
      alpha = Math.round(a * 100) / 100;
    }
  }
  const rulesOnly = oof.filter((o) => argmax(o.r) === o.y).length / oof.length;
  console.log(`rules alone on train.jsonl: ${pct(rulesOnly)}; chosen α=${alpha}, temperature ${temperature}`);

  const model = train([...data, ...older], PARAMS);
  model.temperature = temperature;
  model.ruleWeight = alpha;
  model.meta = {
    trainedOn: ['test/fixtures/nlu/train.jsonl', ...OLDER.map((f) => `test/fixtures/nlu/${f}`)],
    messages: data.length + older.length,
    params: PARAMS,
    cvAccuracy: Math.round(bestAcc * 1000) / 1000,
    cvAccuracyWritten: Math.round(oofAccuracy(oof, temperature, alpha, (o) => o.written) * 1000) / 1000,
    rulesAloneOnTrain: Math.round(rulesOnly * 1000) / 1000,
    crossAuthorModelAlone: Math.round(crossAuthor * 1000) / 1000,
  };
  mkdirSync(fileURLToPath(new URL('../model/', import.meta.url)), { recursive: true });
  writeFileSync(MODEL_PATH, JSON.stringify(model) + '\n');
  console.log(`model: ${Object.keys(model.weights).length} features, ${((Date.now() - t0) / 1000).toFixed(1)} s → ${MODEL_PATH}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
