// Builds test/fixtures/nlu/train.jsonl, the classifier's training set: every hand-written
// message in train-written.tsv ("scenario<TAB>text"), plus messages composed from the
// hand-written fragments in fragments.ts (seeded, so the output is reproducible), with
// traditional-script, typo and emoji variants. Never reads the holdout files.
//   npx tsx src/nlu/train/build-corpus.ts
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { mulberry32 } from '../../learn/random.js';
import type { ScenarioOrOther } from '../../types.js';
import { LABELS } from '../evaluate.js';
import * as F from './fragments.js';

export interface TrainMessage {
  text: string;
  scenario: ScenarioOrOther;
  /** 'written': a whole message written by hand; 'composed': built from fragments. */
  source: 'written' | 'composed';
}

const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/nlu/${name}`, import.meta.url));
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });


export function buildCorpus(seed = 20261121): TrainMessage[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const maybe = (p: number, s: string) => (rnd() < p ? s : '');

  // train-vocab.tsv: written in the style of real complaints (issue 13) for vocabulary the first
  // set lacked (activation, membership, subscriptions/VPN, quota cuts, seller voice, hypotheticals).
  const written: TrainMessage[] = ['train-written.tsv', 'train-vocab.tsv']
    .map((f) => readFileSync(fixture(f), 'utf8'))
    .join('\n')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [scenario, text] = l.split('\t');
      if (!LABELS.includes(scenario as ScenarioOrOther) || !text) throw new Error(`bad line: ${l}`);
      return { text, scenario: scenario as ScenarioOrOther, source: 'written' as const };
    });

  // train-style-*.jsonl ({scenario, text}): whole messages written by independent authors in the
  // style of real posts (issue tracker titles + body, forum and group messages), who saw neither
  // the real complaints nor this code. Training text only, never a measurement.
  const styled: TrainMessage[] = process.env.NLU_NO_STYLE
    ? []
    : readdirSync(fixture('.'))
        .filter((f) => /^train-style-.*\.jsonl$/.test(f))
        .sort()
        .flatMap((f) =>
          readFileSync(fixture(f), 'utf8')
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => {
              const o = JSON.parse(l) as { scenario: ScenarioOrOther; text: string };
              if (!LABELS.includes(o.scenario) || typeof o.text !== 'string' || !o.text.trim()) throw new Error(`bad line in ${f}: ${l}`);
              return { text: o.text, scenario: o.scenario, source: 'written' as const };
            }),
        );
  written.push(...styled);

  const vocabTexts = new Set(
    readFileSync(fixture('train-vocab.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t')[1]),
  );
  const context = (): string => {
    const parts = [maybe(0.6, pick(F.WHEN)), maybe(0.5, pick(F.WHERE)), maybe(0.4, pick(F.HOW)), maybe(0.4, pick(F.AMOUNT)), maybe(0.8, pick(F.WHAT))];
    const s = parts.join('');
    return s === '' ? '' : s + pick(['，', '，', ' ', '。', ',', '']);
  };
  const enContext = (): string =>
    `${pick(['I bought', 'bought', 'I paid for', 'purchased', 'I ordered'])} ${pick(F.EN_WHAT)} ${pick(F.EN_WHERE)} ${pick(F.EN_HOW)} ${maybe(0.6, pick(F.EN_WHEN))}`
      .replace(/\s+/g, ' ')
      .trim() + pick([', ', ' ', '. ']);
  const vary = (s: string): string => {
    let t = s;
    if (rnd() < 0.12) {
      const [right, wrong] = pick(F.TYPOS);
      t = t.replace(right, wrong);
    }
    if (rnd() < 0.15) t += pick(F.EMOJI);
    if (rnd() < 0.15) t = toTraditional(t);
    return t;
  };

  const composed: TrainMessage[] = [];
  for (const scenario of LABELS) {
    const cores = F.CORE[scenario];
    const writtenHere = written.filter((w) => w.scenario === scenario && /[\u4e00-\u9fff]/.test(w.text));
    const n = scenario === 'other' ? 160 : 190;
    for (let i = 0; i < n; i++) {
      // 'other' cores are purchase stories that need no dispute; its written lines (greetings…) stay whole.
      const core = scenario === 'other' || rnd() < 0.75 ? pick(cores) : pick(writtenHere).text;
      composed.push({ text: vary(context() + core + pick(F.CLOSER)), scenario, source: 'composed' });
    }
    for (let i = 0; i < 30; i++) {
      composed.push({ text: vary(enContext() + pick(F.EN_CORE[scenario])), scenario, source: 'composed' });
    }
  }

  // Complaints (and `other` lines) from train-vocab.tsv wrapped like real posts, so a greeting,
  // a headline tag, a question to other users or a trailing 可以退款吗 does not dilute them.
  const vocab = written.filter((w) => vocabTexts.has(w.text));
  for (const scenario of LABELS) {
    const lines = vocab.filter((w) => w.scenario === scenario);
    if (!lines.length) continue;
    for (let i = 0; i < 40; i++) {
      const prefix = rnd() < 0.7 ? pick(F.REAL_PREFIX) : '';
      const suffix = !prefix || rnd() < 0.6 ? pick(F.REAL_SUFFIX) : '';
      composed.push({ text: vary(prefix + pick(lines).text + suffix), scenario, source: 'composed' });
    }
  }

  const seen = new Set<string>();
  const out: TrainMessage[] = [];
  for (const m of [...written, ...composed]) {
    const key = m.text.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...m, text: key });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = buildCorpus();
  writeFileSync(fixture('train.jsonl'), corpus.map((m) => JSON.stringify(m)).join('\n') + '\n');
  const counts: Record<string, number> = {};
  for (const m of corpus) counts[m.scenario] = (counts[m.scenario] ?? 0) + 1;
  console.log(`train.jsonl: ${corpus.length} messages (${corpus.filter((m) => m.source === 'written').length} written, rest composed)`, counts);
}
