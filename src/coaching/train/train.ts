// Trains the coaching models and writes src/coaching/model/<name>.json:
//   npx tsx src/coaching/train/train.ts
// For each detector: k-fold cross-validation over the dev split + the written examples picks
// the thresholds (objective() in cv.ts), then the models are trained on all of dev + written
// and the chosen thresholds and cross-validated figures are stored in the main model's meta.
// The test split of test/fixtures/coaching is never read (data.ts filters it out).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crossValidate, GRID, objective, trainFor, K } from './cv.js';
import { devSet, writtenSet, type SetName } from './data.js';

const MODEL_DIR = fileURLToPath(new URL('../model/', import.meta.url));
const pct = (x: number) => `${(x * 100).toFixed(1)}`;
mkdirSync(MODEL_DIR, { recursive: true });

for (const name of ['tone', 'scam', 'fabrication', 'seller'] as SetName[]) {
  const results = crossValidate(name, GRID[name]);
  let best = results[0];
  // Ties go to the later setting in the grid: the higher threshold, the more weight on the rules.
  for (const r of results) if (objective(name, r) >= objective(name, best) - 1e-9) best = r;
  const line = (r: (typeof results)[number]) =>
    `${JSON.stringify(r.params)} dev P ${pct(r.dev.p)} R ${pct(r.dev.r)}${r.dev.acc !== undefined ? ` acc ${pct(r.dev.acc)}` : ''} | written P ${pct(r.written.p)} R ${pct(r.written.r)}${r.written.acc !== undefined ? ` acc ${pct(r.written.acc)}` : ''}`;
  if (process.env.SHOW_GRID) for (const r of results) console.log(`  ${line(r)}`);
  console.log(`${name}: chose ${line(best)}`);
  const models = trainFor(name, [...devSet(name), ...writtenSet(name)]);
  const main = name;
  for (const [file, m] of Object.entries(models)) {
    if (file === main) m.meta = { ...m.meta, ...best.params, cv: { folds: K, dev: best.dev, written: best.written }, trainedOn: 'dev split + src/coaching/train/written-*.jsonl' };
    writeFileSync(`${MODEL_DIR}${file}.json`, JSON.stringify(m) + '\n');
  }
}
