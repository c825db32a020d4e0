// k-fold cross-validation on the TRAIN part of the real complaints only (issue 13): each
// configuration of the scenario model is trained k times (every fold on the written text plus
// the other folds), repeated over several fold seeds, and the out-of-fold predictions give
// exact / acceptable accuracy, confident errors at the chosen ask-threshold and the ask rate on
// right complaint readings. T, α and β are chosen on the same out-of-fold predictions (as
// train.ts does), so the figures are slightly optimistic; the real test part is never opened.
//   npx tsx src/nlu/train/cv.ts                 all configurations below
//   npx tsx src/nlu/train/cv.ts base cues       only the named ones
import { LABELS } from '../evaluate.js';
import { PARAMS, chooseBlend, chooseThreshold, crossValidate, loadData, platt, pointsOf, ratesAt, type Example, type Oof, type Params } from './train.js';

// Configurations compared (figures in src/nlu/README.md). Each is the first round's settings
// (`base`) plus the changes named; `chosen` is what train.ts uses now (PARAMS).
const BASE: Partial<Params> = { cueWeight: 0, classBalance: 0, realWeight: 3 };
const CONFIGS: Record<string, Partial<Params>> = {
  base: BASE,
  cues3: { ...BASE, cueWeight: 0.3 },
  cues6: { ...BASE, cueWeight: 0.6 },
  balance: { ...BASE, classBalance: 0.5 },
  real6: { ...BASE, realWeight: 6 },
  cues3real6: { ...BASE, cueWeight: 0.3, realWeight: 6 },
  bal5real6: { ...BASE, classBalance: 0.5, realWeight: 6 },
  chosen: {},
  real3: { realWeight: 3 },
  real10: { realWeight: 10 },
  bal0: { classBalance: 0 },
  min1: { minCount: 1 },
  l2x3: { lambda: 3e-4 },
  // Fourth round (issue 13): each off by default.
  nb1: { nbScale: 1 },
  nb05: { nbScale: 0.5 },
  title: { featureOpts: { title: true } },
  skip: { featureOpts: { skip: true } },
  cjk4: { featureOpts: { cjk4: true } },
  bag3: { bag: 3 },
  bag5boot: { bag: 5, bootstrap: true },
  logitpool: { clausePool: 'logit' },
  gate5: { clauseGate: 0.5 },
  gate7: { clauseGate: 0.7 },
  alt1: { altCopies: 1 },
};
const FOLD_SEEDS = (process.env.NLU_CV_SEEDS ?? '7,11').split(',').map(Number);
const K = 5;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

// Out-of-fold logits depend on every param but the clause pooling (applied in the blend): reuse them.
const cvCache = new Map<string, Oof[]>();
function cachedCv(realTrain: Example[], base: Example[], p: Params, seed: number): Oof[] {
  const key = JSON.stringify({ ...p, clausePool: undefined, clauseGate: undefined, seed });
  let oof = cvCache.get(key);
  if (!oof) cvCache.set(key, (oof = crossValidate(realTrain, base, p, p.realWeight, K, seed)));
  return oof.map((o) => ({ ...o, pool: p.clausePool, gate: p.clauseGate }));
}

function main(): void {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(CONFIGS);
  const { base, realTrain, counts } = loadData();
  console.log(`CV on the real train part only: ${counts}; ${K}-fold × seeds ${FOLD_SEEDS.join(',')}`);
  console.log('config        exact  accept  conf.err  ask-on-right  threshold   T / α / β     per seed exact');
  for (const name of names) {
    const p: Params = { ...PARAMS, ...CONFIGS[name] };
    const all: Oof[] = [];
    const perSeed: string[] = [];
    for (const seed of FOLD_SEEDS) {
      const oof = cachedCv(realTrain, base, p, seed);
      all.push(...oof);
      const b = chooseBlend(oof);
      perSeed.push(pct(b.s.exact).trim());
    }
    // One blend, calibration and threshold for the pooled out-of-fold predictions.
    const b = chooseBlend(all);
    const points = pointsOf(all, b);
    const cal = platt(points);
    const th = chooseThreshold(points, cal);
    const r = ratesAt(points, cal, th);
    console.log(
      `${name.padEnd(12)} ${pct(r.exact)}  ${pct(r.acceptable)}  ${pct(r.confidentErrors)}    ${pct(r.askOnRight)}       ${th.toFixed(2)}    ${b.t}/${b.alpha}/${b.beta}   ${perSeed.join(' ')}`,
    );
    if (process.env.NLU_CV_DEBUG) {
      all.slice(0, realTrain.length).forEach((o, i) => {
        const pt = points[i];
        if (!pt.exact) console.log(`   ${pt.ok ? 'ALT ' : 'MISS'} want=${LABELS[o.y]} got=${LABELS[pt.g]} ${pt.p.toFixed(2)} | ${o.text.replace(/\n/g, ' / ').slice(0, 90)}`);
      });
    }
  }
}

main();
