import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ENTITY_KEYS, evaluate, loadCorpus } from '../../src/nlu/evaluate.js';

const corpusPath = fileURLToPath(new URL('../fixtures/nlu/corpus.jsonl', import.meta.url));
const holdoutPath = fileURLToPath(new URL('../fixtures/nlu/holdout.jsonl', import.meta.url));
const zone = 'Asia/Shanghai';

// Thresholds sit a little under the measured figures (see src/nlu/README.md), so a
// regression of a few messages fails the test. The targets from the issue are 95%.
const SCENARIO_MIN = 0.97;
const ENTITY_MIN = 0.97;
// Recall on messages that carry the entity (absence excluded), a stricter view.
const ENTITY_RECALL_MIN = 0.95;

describe('understand() on the labelled corpus', () => {
  const corpus = loadCorpus(corpusPath);
  const report = evaluate(corpus, zone);

  it('has at least 300 messages covering every scenario and other', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const [id, s] of Object.entries(report.perScenario)) expect(s.total, id).toBeGreaterThanOrEqual(30);
  });

  it(`scenario accuracy ≥ ${SCENARIO_MIN * 100}%`, () => {
    expect(report.scenarioCorrect / report.total).toBeGreaterThanOrEqual(SCENARIO_MIN);
  });

  it('each scenario ≥ 90%', () => {
    for (const [id, s] of Object.entries(report.perScenario)) expect(s.correct / s.total, id).toBeGreaterThanOrEqual(0.9);
  });

  for (const key of ENTITY_KEYS) {
    it(`${key}: accuracy ≥ ${ENTITY_MIN * 100}% and recall ≥ ${ENTITY_RECALL_MIN * 100}%`, () => {
      const e = report.entities[key];
      expect(e.correct / e.total).toBeGreaterThanOrEqual(ENTITY_MIN);
      expect(e.labelled).toBeGreaterThan(0);
      expect(e.found / e.labelled).toBeGreaterThanOrEqual(ENTITY_RECALL_MIN);
    });
  }
});
