import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { ENTITY_KEYS, LABELS, evaluate, loadCorpus } from '../../src/nlu/evaluate.js';
import { loadModel } from '../../src/nlu/model.js';
import { normalize } from '../../src/nlu/normalize.js';
import { understand } from '../../src/nlu/understand.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/nlu/${name}`, import.meta.url));
const zone = 'Asia/Shanghai';

// Thresholds sit a little under the measured figures (src/nlu/README.md) so that a
// regression of a few messages fails. The targets are 95% scenario and 95% per entity.
// The scenario comes from a character n-gram model (trained by `npm run nlu:train` on
// train.jsonl plus corpus/holdout–holdout3) blended with the rules. corpus.jsonl and
// holdout–holdout3 are therefore tuned on AND trained on; their figures prove little.
// holdout4 (previous author) and holdout5 (written before train.jsonl and the model existed)
// are never tuned or trained on: they are the honest estimate.
const SETS = [
  { file: 'corpus.jsonl', min: 300, scenario: 0.97, perScenario: 0.9, entity: 0.97, recall: 0.95 },
  { file: 'holdout.jsonl', min: 50, scenario: 0.95, perScenario: 0.85, entity: 0.95, recall: 0.9 },
  { file: 'holdout2.jsonl', min: 50, scenario: 0.95, perScenario: 0.85, entity: 0.95, recall: 0.8 },
  { file: 'holdout3.jsonl', min: 50, scenario: 0.95, perScenario: 0.85, entity: 0.95, recall: 0.8 },
  // Never tuned or trained on. First (and current) run with the model: 100% scenario
  // (54/54; rules alone 81.5%), every entity ≥ 96.3%. Small set: one miss is 1.9 points.
  { file: 'holdout4.jsonl', min: 50, scenario: 0.94, perScenario: 0.8, entity: 0.95, recall: 0.6 },
  // Never tuned or trained on. First run: 98.1% scenario (204/208; rules alone 84.1%), each
  // scenario ≥ 93.1%, entities ≥ 93.8% (paymentMethod 94.7, chargeCount 93.8: below target).
  // Same author as train.jsonl, so probably optimistic for other writers.
  { file: 'holdout5.jsonl', min: 200, scenario: 0.96, perScenario: 0.85, entity: 0.92, recall: 0.85 },
  // Written by an independent author who saw only facts.md §2 and the line format — not the
  // rules, the model or any other fixture — after the model existed; never tuned or trained on.
  // First run: 97.1% scenario (204/210), each scenario ≥ 28/30; entities amount 95.2,
  // orderId 100, paymentMethod 91.0 (the author left it out where two channels are named),
  // occurredAt 96.2, platform 96.7, chargeCount 98.1.
  { file: 'holdout6.jsonl', min: 200, scenario: 0.95, perScenario: 0.9, entity: 0.89, recall: 0.7 },
] as const;

for (const set of SETS) {
  describe(`understand() on ${set.file}`, () => {
    const corpus = loadCorpus(fixture(set.file));
    const report = evaluate(corpus, zone);

    it(`has at least ${set.min} messages covering every scenario and other`, () => {
      expect(corpus.length).toBeGreaterThanOrEqual(set.min);
      for (const [id, s] of Object.entries(report.perScenario)) expect(s.total, id).toBeGreaterThanOrEqual(5);
    });

    it(`scenario accuracy ≥ ${set.scenario * 100}%`, () => {
      expect(report.scenarioCorrect / report.total).toBeGreaterThanOrEqual(set.scenario);
    });

    it(`each scenario ≥ ${set.perScenario * 100}%`, () => {
      for (const [id, s] of Object.entries(report.perScenario)) {
        expect(s.correct / s.total, id).toBeGreaterThanOrEqual(set.perScenario);
      }
    });

    for (const key of ENTITY_KEYS) {
      it(`${key}: accuracy ≥ ${set.entity * 100}%, recall on labelled ≥ ${set.recall * 100}%`, () => {
        const e = report.entities[key];
        expect(e.correct / e.total).toBeGreaterThanOrEqual(set.entity);
        if (e.labelled > 0) expect(e.found / e.labelled).toBeGreaterThanOrEqual(set.recall);
      });
    }
  });
}

describe('corpus labels', () => {
  it('every entity is labelled somewhere in the development set', () => {
    const report = evaluate(loadCorpus(fixture('corpus.jsonl')), zone);
    for (const key of ENTITY_KEYS) expect(report.entities[key].labelled, key).toBeGreaterThan(0);
  });
});

describe('scenario model', () => {
  const lines = (name: string) =>
    readFileSync(fixture(name), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
  const train = lines('train.jsonl').map((l) => JSON.parse(l) as { text: string; scenario: string; source: string });

  it('is present, so understand() does not fall back to the rules alone', () => {
    const m = loadModel();
    expect(m).not.toBeNull();
    expect(m?.labels).toEqual([...LABELS]);
    expect(Object.keys(m?.weights ?? {}).length).toBeGreaterThan(1000);
  });

  it('train.jsonl has ≥ 1,500 labelled messages, ≥ 150 per label, ≥ 400 written whole by hand', () => {
    expect(train.length).toBeGreaterThanOrEqual(1500);
    for (const id of LABELS) expect(train.filter((m) => m.scenario === id).length, id).toBeGreaterThanOrEqual(150);
    expect(train.filter((m) => m.source === 'written').length).toBeGreaterThanOrEqual(400);
  });

  it('no message of the untuned holdouts appears in the training text', () => {
    // Spaces and punctuation don't make a message new; emoji do (👍 and 👌 stay apart).
    const key = (t: string) => normalize(t).replace(/[\s\p{P}]/gu, '');
    const seen = new Set(train.map((m) => key(m.text)));
    for (const f of ['holdout4.jsonl', 'holdout5.jsonl']) {
      for (const m of loadCorpus(fixture(f))) expect(seen.has(key(m.text)), m.text).toBe(false);
    }
  });

  it('fits its own training set (≥ 98%)', () => {
    const now = new Date('2026-11-21T10:00:00+08:00');
    const ok = train.filter((m) => understand(m.text, now, zone).scenario === m.scenario).length;
    expect(ok / train.length).toBeGreaterThanOrEqual(0.98);
  });
});
