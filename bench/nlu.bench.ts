// NLU benchmark: accuracy per scenario and per entity, confusion matrix and
// messages/s for understand(), each beside its target (issue 6); on the fixed test part of the
// real complaints (issue 13): exact and acceptable accuracy, per-class recall/precision,
// confident errors and ask rate at the engine's threshold, a reliability table and entity
// precision/recall; and the time for a 1,000,000-character message (issue 14).
//   npm run bench -- nlu        or        npx tsx bench/nlu.bench.ts
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAmounts, loadAmountSet } from '../src/nlu/amount-eval.js';
import { ENTITY_KEYS, LABELS, REAL_DIR, REAL_ENTITY_KEYS, evaluate, evaluateReal, loadCorpus, loadReal, type RealReport, type Report } from '../src/nlu/evaluate.js';
import { ASK_THRESHOLD, understand } from '../src/nlu/understand.js';
import { parseAmount } from '../src/nlu/amount.js';

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
  console.log('  ' + ''.padEnd(12) + LABELS.map((l) => short(l).padStart(12)).join(''));
  for (const a of LABELS) {
    console.log('  ' + short(a).padEnd(12) + LABELS.map((b) => String(r.confusion[a][b] || '.').padStart(12)).join(''));
  }
  return ok;
}

const TARGET_REAL_EXACT = 0.85;
const TARGET_REAL_ACCEPTABLE = 0.92;
const TARGET_CONFIDENT_ERRORS = 0.05;
const TARGET_AMOUNT_PRECISION = 0.9;
const TARGET_BIG_MS = 50;

function printReal(title: string, r: RealReport): void {
  console.log(`\n## ${title} (${r.total} messages)`);
  const line = (name: string, v: number, target: string, ok: boolean) =>
    console.log(`${name.padEnd(44)} ${(v * 100).toFixed(1).padStart(5)}%   ${target.padEnd(8)} ${mark(ok)}`);
  line('scenario accuracy, exact', r.exact / r.total, '≥ 85%', r.exact / r.total >= TARGET_REAL_EXACT);
  line('scenario accuracy, with alternates', r.acceptable / r.total, '≥ 92%', r.acceptable / r.total >= TARGET_REAL_ACCEPTABLE);
  line(`confident errors at threshold ${r.threshold}¹`, r.confidentErrors / r.total, '≤ 5%', r.confidentErrors / r.total <= TARGET_CONFIDENT_ERRORS);
  console.log(`${'  wrong with confidence ≥ threshold, other too'.padEnd(44)} ${((r.confidentWrongAny / r.total) * 100).toFixed(1).padStart(5)}%`);
  console.log(`${'ask rate on correct complaint readings²'.padEnd(44)} ${((r.askedOnCorrect / Math.max(1, r.correctComplaint)) * 100).toFixed(1).padStart(5)}%   (${r.askedOnCorrect}/${r.correctComplaint}; as few as possible)`);
  console.log('  ¹ not even an acceptable reading, a complaint scenario, confidence ≥ threshold: the bot would not ask');
  console.log('  ² right (or acceptable) complaint readings below the threshold: the bot asks although it was right');
  console.log('\nper class            labelled  predicted  right   recall  precision');
  for (const id of LABELS) {
    const c = r.perClass[id];
    console.log(`  ${id.padEnd(18)} ${String(c.labelled).padStart(8)} ${String(c.predicted).padStart(10)} ${String(c.right).padStart(6)}   ${pct(c.right, c.labelled)}   ${pct(c.right, c.predicted)}`);
  }
  console.log('\nreliability (confidence bin: readings, mean confidence, exact, acceptable)');
  for (const b of r.reliability) {
    if (!b.n) continue;
    console.log(`  [${b.lo.toFixed(2)}, ${b.hi.toFixed(2)})  n=${String(b.n).padStart(3)}  mean ${b.meanConf.toFixed(2)}  exact ${pct(b.exact, b.n)}  acceptable ${pct(b.acceptable, b.n)}`);
  }
  console.log('\nper entity        labelled  predicted  right   recall  precision');
  for (const k of REAL_ENTITY_KEYS) {
    const e = r.entities[k];
    const target = k === 'amount' ? `   target precision ≥ 90% ${mark(e.predicted === 0 || e.right / e.predicted >= TARGET_AMOUNT_PRECISION)}` : '';
    console.log(`  ${k.padEnd(15)} ${String(e.labelled).padStart(8)} ${String(e.predicted).padStart(10)} ${String(e.right).padStart(6)}   ${pct(e.right, e.labelled)}   ${pct(e.right, e.predicted)}${target}`);
  }
  console.log('\nconfusion matrix (rows: labelled, columns: predicted)');
  console.log('  ' + ''.padEnd(12) + LABELS.map((l) => short(l).padStart(12)).join(''));
  for (const a of LABELS) console.log('  ' + short(a).padEnd(12) + LABELS.map((b) => String(r.confusion[a][b] || '.').padStart(12)).join(''));
}

const short = (id: string) => id.replace('merchant_vanished', 'vanished').replace('not_as_described', 'not_as_desc').replace('payment_failed', 'pay_failed').replace('not_received', 'not_recv').replace('double_charge', 'double');

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
  '\nGeneralisation (src/nlu/README.md): written holdouts 95–98 % untuned; on real complaints (fixed test part,\n' +
    'never trained on) the scenario is far weaker — see the real-complaints section below.',
);
// Real complaints (test/fixtures/real): the fixed test part was never trained on; src/nlu/README.md says
// how often it was looked at and which choices were made after a look.
const real = loadReal();
printReal('real complaints, fixed TEST part — never trained on (how often it was looked at: src/nlu/README.md)', evaluateReal(real.test, ZONE, ASK_THRESHOLD));
// The same test part by source: the 54 lines listed from complaints.jsonl (the first round's
// figures are on these alone) and the messages of other files split by hash (collected.jsonl).
{
  const listed = new Set((JSON.parse(readFileSync(join(REAL_DIR, 'test-split.json'), 'utf8')) as { testTexts: string[] }).testTexts);
  const line = (name: string, r: RealReport) =>
    console.log(
      `  ${name.padEnd(34)} exact ${pct(r.exact, r.total)}  acceptable ${pct(r.acceptable, r.total)}  confident errors ${pct(r.confidentErrors, r.total)}  ` +
        `amount precision ${r.entities.amount.right}/${r.entities.amount.predicted}`,
    );
  console.log('\nfixed test part by source');
  line(`complaints.jsonl, listed (${real.test.filter((m) => listed.has(m.text)).length})`, evaluateReal(real.test.filter((m) => listed.has(m.text)), ZONE, ASK_THRESHOLD));
  line(`other files, by hash (${real.test.filter((m) => !listed.has(m.text)).length})`, evaluateReal(real.test.filter((m) => !listed.has(m.text)), ZONE, ASK_THRESHOLD));
}
printReal('real complaints, train/tune part (trained on; for comparison only)', evaluateReal(real.train, ZONE, ASK_THRESHOLD));

// The real amount set (test/fixtures/real-amounts, round 6): consumer messages with numbers in them,
// labelled for the sum paid; one in three (by hash) is a fixed part never used for tuning the parser.
{
  const sets = loadAmountSet();
  const line = (name: string, r: ReturnType<typeof evaluateAmounts>) => {
    const a = r.amount;
    console.log(
      `  ${name.padEnd(26)} amount precision ${a.right}/${a.predicted} = ${pct(a.right, a.predicted)} (also accepting a labeller's second reading ${a.rightLenient}/${a.predicted} = ${pct(a.rightLenient, a.predicted)})   target ≥ 90 %   ${mark(a.right >= 0.9 * a.predicted)}` +
        `\n  ${''.padEnd(26)} amount recall ${a.right}/${a.labelled} = ${pct(a.right, a.labelled)}   paymentMethod precision ${r.paymentMethod.right}/${r.paymentMethod.predicted}, recall ${r.paymentMethod.right}/${r.paymentMethod.labelled}`,
    );
  };
  console.log('\nreal amount set (any consumer purchase; amount = the sum the writer paid, in yuan)');
  line(`fixed part (${sets.fixed.length})`, evaluateAmounts(sets.fixed, ZONE));
  line(`dev part (${sets.dev.length}, tuned on)`, evaluateAmounts(sets.dev, ZONE));
}

// 1,000,000-character message (issue 14): every parser is linear; understand() reads the first
// MAX_INPUT_CHARS characters, and parseAmount() scans the whole text.
{
  const big = ('昨天用支付宝充了100元，订单号KM20261118ABC，到现在没到账。' + '啊'.repeat(20) + '7*24 GMT+09 3.12版本 ').repeat(12_000).slice(0, 1_000_000);
  understand(big, new Date(), ZONE);
  let t0 = performance.now();
  understand(big, new Date(), ZONE);
  const msU = performance.now() - t0;
  console.log(`
1,000,000-char message: understand() ${msU.toFixed(1)} ms   target < ${TARGET_BIG_MS} ms   ${mark(msU < TARGET_BIG_MS)}`);
  t0 = performance.now();
  parseAmount(big);
  const msA = performance.now() - t0;
  t0 = performance.now();
  parseAmount(big.slice(0, 100_000));
  const msA100 = performance.now() - t0;
  console.log(`1,000,000-char message: parseAmount() over all of it ${msA.toFixed(1)} ms (100,000 chars: ${msA100.toFixed(1)} ms; linear ⇒ about ×10)`);
}

const rate = throughput(corpus.map((m) => ({ text: m.text, now: new Date(m.now) })));
ok &&= rate >= TARGET_RATE;
console.log(`\nthroughput ${Math.round(rate).toLocaleString('en')} messages/s (single thread, corpus texts)   target ≥ ${TARGET_RATE.toLocaleString('en')}   ${mark(rate >= TARGET_RATE)}`);
process.exit(ok ? 0 : 1);
