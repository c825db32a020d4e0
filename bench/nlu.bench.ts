// NLU benchmark: accuracy per scenario and per entity, confusion matrix and
// messages/s for understand(), each beside its target (issue 6).
//   npm run bench -- nlu        or        npx tsx bench/nlu.bench.ts
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTITY_KEYS, LABELS, evaluate, loadCorpus, type Report } from '../src/nlu/evaluate.js';
import { understand } from '../src/nlu/understand.js';

const ZONE = 'Asia/Shanghai';
const TARGET_SCENARIO = 0.95;
const TARGET_ENTITY = 0.95;
const TARGET_RATE = 2000;

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/nlu/${name}`, import.meta.url));
const pct = (a: number, b: number) => (b === 0 ? '   n/a' : `${((a / b) * 100).toFixed(1).padStart(5)}%`);
const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

function printReport(title: string, r: Report): boolean {
  let ok = true;
  console.log(`\n## ${title} (${r.total} messages)`);
  const sAcc = r.scenarioCorrect / r.total;
  ok &&= sAcc >= TARGET_SCENARIO;
  console.log(`scenario accuracy ${pct(r.scenarioCorrect, r.total)}   target ≥ ${TARGET_SCENARIO * 100}%   ${mark(sAcc >= TARGET_SCENARIO)}`);
  console.log('\nper scenario            correct/total   accuracy   target');
  for (const id of LABELS) {
    const s = r.perScenario[id];
    const acc = s.total ? s.correct / s.total : 1;
    console.log(`  ${id.padEnd(20)} ${String(s.correct).padStart(5)}/${String(s.total).padEnd(5)}    ${pct(s.correct, s.total)}   ≥ ${TARGET_SCENARIO * 100}% ${mark(acc >= TARGET_SCENARIO)}`);
  }
  console.log('\nper entity        accuracy¹   recall²            false pos.   target');
  for (const k of ENTITY_KEYS) {
    const e = r.entities[k];
    const acc = e.correct / e.total;
    ok &&= acc >= TARGET_ENTITY;
    const recall = `${pct(e.found, e.labelled)} (${e.found}/${e.labelled})`;
    console.log(
      `  ${k.padEnd(15)} ${pct(e.correct, e.total)}     ${recall.padEnd(18)} ${String(e.falsePositives).padStart(6)}       ≥ ${TARGET_ENTITY * 100}% ${mark(acc >= TARGET_ENTITY)}`,
    );
  }
  console.log('  ¹ exact match over all messages, a correctly absent entity counts   ² among messages that carry it');
  console.log('\nconfusion matrix (rows: labelled, columns: predicted)');
  const short = (id: string) => id.replace('merchant_vanished', 'vanished').replace('not_as_described', 'not_as_desc').replace('payment_failed', 'pay_failed').replace('not_received', 'not_recv').replace('double_charge', 'double');
  console.log('  ' + ''.padEnd(12) + LABELS.map((l) => short(l).padStart(12)).join(''));
  for (const a of LABELS) {
    console.log('  ' + short(a).padEnd(12) + LABELS.map((b) => String(r.confusion[a][b] || '.').padStart(12)).join(''));
  }
  return ok;
}

function throughput(texts: { text: string; now: Date }[]): number {
  for (let i = 0; i < 200; i++) understand(texts[i % texts.length].text, texts[i % texts.length].now, ZONE); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 3000) {
    for (const t of texts) understand(t.text, t.now, ZONE);
    n += texts.length;
  }
  return n / ((performance.now() - start) / 1000);
}

const corpus = loadCorpus(fixture('corpus.jsonl'));
// The scenario model (src/nlu/model.ts, `npm run nlu:train`) trains on train.jsonl plus
// corpus and holdout–holdout3, and the rules were tuned on those four: their figures prove little.
let ok = printReport('corpus.jsonl — development set (rules tuned on it, model trained on it)', evaluate(corpus, ZONE));
for (const name of ['holdout.jsonl', 'holdout2.jsonl', 'holdout3.jsonl']) {
  if (existsSync(fixture(name))) printReport(`${name} — later batch, since tuned and trained on`, evaluate(loadCorpus(fixture(name)), ZONE));
}
// Never tuned or trained on: the estimate for unseen phrasing. Not part of the exit code.
const untuned: [string, string][] = [
  ['holdout4.jsonl', 'previous author, NEVER tuned or trained on'],
  ['holdout5.jsonl', 'written before train.jsonl and the model, NEVER tuned or trained on'],
  ['holdout6.jsonl', 'independent author (saw only the scenario definitions), NEVER tuned or trained on'],
];
for (const [name, what] of untuned) {
  if (existsSync(fixture(name))) printReport(`${name} — ${what}`, evaluate(loadCorpus(fixture(name)), ZONE));
}
console.log(
  '\nGeneralisation estimate (src/nlu/README.md): rules alone scored 81–84% on each holdout before tuning.\n' +
    'With the n-gram model blended in, first untuned runs: holdout4 100% (54/54, another author),\n' +
    'holdout5 98.1% (204/208, same author as train.jsonl, so likely optimistic),\n' +
    'holdout6 97.1% (204/210, independent author who never saw the rules, model or fixtures).',
);
const rate = throughput(corpus.map((m) => ({ text: m.text, now: new Date(m.now) })));
ok &&= rate >= TARGET_RATE;
console.log(`\nthroughput ${Math.round(rate).toLocaleString('en')} messages/s (single thread, corpus texts)   target ≥ ${TARGET_RATE.toLocaleString('en')}   ${mark(rate >= TARGET_RATE)}`);
process.exit(ok ? 0 : 1);
