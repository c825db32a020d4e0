// Coaching detectors on the independently written labelled sets (issue 12): precision and
// recall per detector, beside the targets — first 5-fold cross-validated on the dev split
// (rules + model as shipped, the model alone, and the author's written examples out of fold;
// the rules were written while reading all of dev, so the rules + model dev figure flatters
// them), then on the test split (or COACHING_SPLIT).
//   npm run bench -- coaching
//   COACHING_FIXTURES=/path/to/dir COACHING_SPLIT=dev npx tsx bench/coaching.bench.ts
// Targets: tone P ≥ 95 % / R ≥ 90 % are issue 12's. The others are set by the detectors'
// engineer: scam ≥ 90 / ≥ 90; fabrication P ≥ 95 / R ≥ 85 (an honest user must not be treated as
// a cheat, so precision first); seller replies macro ≥ 90 / ≥ 90.
// Files (JSON lines, each with "text", "label" and "split"; format in the sets' README):
// tone-drafts.jsonl (rewrite|calm, "amount"), scam-messages.jsonl (scam|not_scam),
// seller-replies.jsonl (a reply kind, "alt" a second one), fabrication-questions.jsonl
// (fabrication_question|explicit_plan|honest). A missing file is reported and skipped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTone } from '../src/coaching/tone.js';
import { detectScam } from '../src/coaching/scam.js';
import { classifySellerReply, SELLER_REPLY_KINDS } from '../src/coaching/sellerReply.js';
import { detectFabrication } from '../src/coaching/fabrication.js';
import { readOwnWords } from '../src/coaching/own-words.js';
import { loadCoachModel } from '../src/coaching/learn.js';
import { crossValidate, type Scores } from '../src/coaching/train/cv.js';
import type { SetName } from '../src/coaching/train/data.js';

const dir = process.env.COACHING_FIXTURES ?? fileURLToPath(new URL('../test/fixtures/coaching/', import.meta.url));
const split = process.env.COACHING_SPLIT ?? 'test';
const TARGETS: Record<string, { p: number; r: number }> = {
  tone: { p: 0.95, r: 0.9 },
  scam: { p: 0.9, r: 0.9 },
  fabrication: { p: 0.95, r: 0.85 },
  'seller-replies': { p: 0.9, r: 0.9 },
};
const NEGATIVE = new Set(['none', 'calm', 'benign', 'ok', 'no', 'negative', 'honest', 'legit', 'clean', 'safe', 'false', 'not_scam', 'normal']);

type Row = Record<string, unknown> & { text: string; split?: string };

function load(name: string): Row[] | undefined {
  const path = join(dir, name);
  if (!existsSync(path)) {
    console.log(`\n## ${name}: not found in ${dir} — skipped`);
    return undefined;
  }
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row)
    .filter((r) => typeof r.text === 'string' && (r.split ?? 'test') === split);
  console.log(`\n## ${name}: ${rows.length} items (split ${split})`);
  evaluated++;
  return rows;
}

const label = (r: Row): string => String(r.label ?? r.kind ?? r.mode ?? '').toLowerCase();
const isPositive = (r: Row) => (typeof r.positive === 'boolean' ? r.positive : typeof r.scam === 'boolean' ? r.scam : !NEGATIVE.has(label(r)));
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
let allOk = true;
let evaluated = 0;

function binary(name: string, rows: Row[], predict: (r: Row) => boolean, show = 8): void {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const misses: string[] = [];
  for (const r of rows) {
    const gold = isPositive(r);
    const pred = predict(r);
    if (gold && pred) tp++;
    else if (pred) { fp++; misses.push(`  FP ${r.text}`); }
    else if (gold) { fn++; misses.push(`  FN [${label(r)}] ${r.text}`); }
    else tn++;
  }
  const p = tp / (tp + fp), rec = tp / (tp + fn);
  const t = TARGETS[name];
  const ok = p >= t.p && rec >= t.r;
  allOk &&= ok;
  console.log(`${name} ${split} split: precision ${pct(p)} (target ≥ ${t.p * 100}%)   recall ${pct(rec)} (target ≥ ${t.r * 100}%)   tp ${tp} fp ${fp} fn ${fn} tn ${tn}   ${ok ? 'ok' : 'MISS'}`);
  if (process.env.COACHING_SHOW) for (const m of misses.slice(0, Number(process.env.COACHING_SHOW) > 1 ? 1000 : show)) console.log(m);
}

/** 5-fold CV on dev (+ written examples) with the thresholds the shipped model carries. */
function crossValidated(set: SetName, name: string): void {
  const model = loadCoachModel(set);
  const params: Record<string, number> = {};
  for (const k of ['threshold', 'veto', 'ruleWeight']) if (typeof model?.meta[k] === 'number') params[k] = model.meta[k] as number;
  const [r] = crossValidate(set, [params], undefined, undefined, process.env.COACHING_FIXTURES);
  const t = TARGETS[name];
  const fmt = (x: Scores) => `precision ${pct(x.p)}  recall ${pct(x.r)}${x.acc !== undefined ? `  accuracy ${pct(x.acc)}` : ''}  (${x.n})`;
  const ok = (x: Scores) => (x.p >= t.p && x.r >= t.r ? 'ok' : 'MISS');
  console.log(`${name} dev, 5-fold CV, rules + model ${JSON.stringify(params)}: ${fmt(r.dev)}  ${ok(r.dev)}  (rules were written on dev: optimistic)`);
  console.log(`${name} dev, 5-fold CV, model alone:   ${fmt(r.devModelOnly)}  ${ok(r.devModelOnly)}`);
  console.log(`${name} written examples, out of fold, rules + model: ${fmt(r.written)}`);
}

const tone = load('tone-drafts.jsonl');
if (tone) crossValidated('tone', 'tone');
if (tone) binary('tone', tone, (r) => !checkTone(r.text, { amount: typeof r.amount === 'number' ? r.amount : undefined }).ok);

const scam = load('scam-messages.jsonl');
if (scam) {
  crossValidated('scam', 'scam');
  binary('scam', scam, (r) => detectScam(r.text) !== undefined);
}

const fab = load('fabrication-questions.jsonl');
if (fab) {
  crossValidated('fabrication', 'fabrication');
  // Positive: a request or plan to fake; an honest admission or an honest report is negative.
  binary('fabrication', fab, (r) => {
    const f = detectFabrication(r.text);
    return f !== undefined && f.mode !== 'admission';
  });
  // Question vs explicit plan decides whether the case stays open: how often that is right.
  const MODE: Record<string, string> = { fabrication_question: 'question', explicit_plan: 'plan', question: 'question', plan: 'plan' };
  const moded = fab.filter((r) => MODE[label(r)]);
  const right = moded.filter((r) => detectFabrication(r.text)?.mode === MODE[label(r)]).length;
  if (moded.length) console.log(`fabrication question-vs-plan agreement: ${right}/${moded.length}`);
}

const replies = load('seller-replies.jsonl');
if (replies) {
  crossValidated('seller', 'seller-replies');
  const known = new Set<string>(SELLER_REPLY_KINDS);
  const rows = replies.filter((r) => known.has(label(r)));
  if (rows.length < replies.length) console.log(`  ${replies.length - rows.length} items carry a label outside ${[...known].join('/')} — left out`);
  let correct = 0;
  const perKind = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (k: string) => perKind.get(k) ?? perKind.set(k, { tp: 0, fp: 0, fn: 0 }).get(k)!;
  for (const r of rows) {
    const gold = label(r), pred = classifySellerReply(r.text);
    // A relay that says two things counts as right on either of its labels.
    if (gold === pred || (typeof r.alt === 'string' && r.alt.toLowerCase() === pred)) { correct++; get(gold).tp++; }
    else { get(gold).fn++; get(pred).fp++; if (process.env.COACHING_SHOW) console.log(`  ${gold} → ${pred}: ${r.text}`); }
  }
  console.log(`seller-replies ${split} split: accuracy ${pct(correct / rows.length)} (${correct}/${rows.length})`);
  let macroP = 0, macroR = 0, n = 0;
  for (const [k, c] of [...perKind].sort()) {
    const p = c.tp / (c.tp + c.fp), r = c.tp / (c.tp + c.fn);
    if (c.tp + c.fn > 0) { macroP += Number.isFinite(p) ? p : 0; macroR += r; n++; }
    console.log(`  ${k.padEnd(20)} precision ${pct(p).padStart(6)}  recall ${pct(r).padStart(6)}  (${c.tp + c.fn} labelled)`);
  }
  const t = TARGETS['seller-replies'];
  const ok = macroP / n >= t.p && macroR / n >= t.r;
  allOk &&= ok;
  console.log(`seller-replies ${split} split, macro: precision ${pct(macroP / n)} (target ≥ ${t.p * 100}%)   recall ${pct(macroR / n)} (target ≥ ${t.r * 100}%)   ${ok ? 'ok' : 'MISS'}`);
}
// The user's own words on a rung (src/coaching/own-words.ts, explore4): how many are read as the user's own
// (with their kind), and how many of the other side's reported replies the gate would wrongly take as the user's.
const own = load('own-words.jsonl');
if (own && replies) {
  const right = own.filter((r) => readOwnWords(r.text, { sent: r.sent === true, scenario: typeof r.scenario === 'string' ? r.scenario : 'not_received' }) === label(r)).length;
  const theirs = replies.filter((r) => label(r) !== 'other');
  const wrong = theirs.filter((r) => readOwnWords(r.text, { sent: false, scenario: 'not_received' }) || readOwnWords(r.text, { sent: true, scenario: 'not_received' })).length;
  console.log(`\nown-words ${split} split: the user's own words read as such, right kind ${right}/${own.length}`);
  console.log(`own-words gate on seller-replies.jsonl (${split} split, all but 'other'): taken as the user's own ${wrong}/${theirs.length} (target 0)`);
  allOk &&= wrong === 0;
}
console.log(evaluated === 0 ? '\nno labelled set found — nothing measured' : allOk ? '\nall coaching targets met' : '\nsome coaching targets missed');
