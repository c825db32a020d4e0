// The dialogue corpus (test/fixtures/dialogues, written by an independent author; see its README)
// through the real engine: each dialogue on a fresh database with the clock at its `now`, and
// its expectations (facts, rung, stage, no duplicate case, reply contents) checked at the end.
import { describe, expect, it } from 'vitest';
import { loadCorpus, runDialogue } from '../dialogue/corpus-runner.js';

const corpus = loadCorpus();

describe('dialogue corpus', () => {
  it('has at least 150 dialogues over all six scenarios and three platforms', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((d) => d.scenario)).size).toBe(6);
    expect(new Set(corpus.map((d) => d.platform))).toEqual(new Set(['terminal', 'telegram', 'qq']));
  });

  for (const scenario of [...new Set(corpus.map((d) => d.scenario))].sort()) {
    it(`${scenario}: every dialogue ends with its intended case`, () => {
      const failures: string[] = [];
      for (const d of corpus.filter((x) => x.scenario === scenario)) {
        const r = runDialogue(d);
        if (r.problems.length) failures.push(`${d.id} (${d.platform}): ${r.problems.join('; ')}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
