import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ENTITY_KEYS, evaluate, loadCorpus } from '../../src/nlu/evaluate.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/nlu/${name}`, import.meta.url));
const zone = 'Asia/Shanghai';

// Thresholds sit a little under the measured figures (src/nlu/README.md) so that a
// regression of a few messages fails. The targets are 95% scenario and 95%
// per entity. corpus.jsonl is the development set; the holdout files were each written
// after the rules of their day and first measured untuned (81–83% scenario); the
// first three were then tuned on, so they guard against regressions; holdout4 was not.
const SETS = [
  { file: 'corpus.jsonl', min: 300, scenario: 0.97, perScenario: 0.9, entity: 0.97, recall: 0.95 },
  { file: 'holdout.jsonl', min: 50, scenario: 0.95, perScenario: 0.85, entity: 0.95, recall: 0.9 },
  { file: 'holdout2.jsonl', min: 50, scenario: 0.95, perScenario: 0.85, entity: 0.95, recall: 0.8 },
  { file: 'holdout3.jsonl', min: 50, scenario: 0.95, perScenario: 0.85, entity: 0.95, recall: 0.8 },
  // Never tuned on: the honest estimate for unseen phrasing (measured 81.5% scenario,
  // every entity ≥ 96.3%). Keep it that way — don't change rules to fix its misses.
  { file: 'holdout4.jsonl', min: 50, scenario: 0.78, perScenario: 0.4, entity: 0.95, recall: 0.6 },
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
