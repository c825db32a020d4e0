// The fourth round's model options (issue 13), all off by default: feature families and the
// NB-SVM factor. The default path must stay the plain character n-grams of the shipped model.
import { describe, expect, it } from 'vitest';
import { features, featuresWith, foldForModel, pooledClauses } from '../../src/nlu/model.js';
import { normalize } from '../../src/nlu/normalize.js';
import { nbFactors } from '../../src/nlu/train/train.js';

const unitLength = (f: Map<string, number>) => [...f.values()].reduce((a, v) => a + v * v, 0);

describe('model options (off by default)', () => {
  const text = normalize('【预警】机场跑路了\n昨天付了30元，没收到货');

  it('without options the features are the shipped model’s character n-grams', () => {
    expect(featuresWith(text, undefined)).toEqual(features(foldForModel(text)));
    expect(featuresWith(text, {})).toEqual(features(foldForModel(text)));
  });

  it('adds skip-bigrams, Han 4-grams and title n-grams, still of unit length', () => {
    const f = featuresWith(text, { title: true, skip: true, cjk4: true });
    expect(f.has('S:没到')).toBe(true);
    expect(f.has('机场跑路')).toBe(true);
    expect(f.has('T:预警')).toBe(true);
    expect(f.has('T:收到')).toBe(false);
    expect(unitLength(f)).toBeCloseTo(1, 9);
    // a clause gets no title features
    expect([...featuresWith(text, { title: true }, false).keys()].some((k) => k.startsWith('T:'))).toBe(false);
  });

  it('the NB factor is larger for an n-gram seen in one class than for one seen in all', () => {
    const data = [
      { f: new Map([['a', 1], ['x', 1]]), y: 0 },
      { f: new Map([['a', 1], ['x', 1]]), y: 0 },
      { f: new Map([['b', 1], ['x', 1]]), y: 1 },
      { f: new Map([['b', 1], ['x', 1]]), y: 1 },
    ];
    const r = nbFactors(data, 2);
    expect(r.get('a')!).toBeGreaterThan(r.get('x')! + 0.5);
    expect(r.get('x')!).toBeLessThan(0.1);
  });

  it('a clause gate leaves out weak clauses and returns nothing when none is strong', () => {
    // two labels: 0 = a complaint, 1 = other
    const strong = [4, 0];
    const weak = [0, 4];
    expect(pooledClauses([strong, weak], 1, 1, 'prob', 0.7)![0]).toBeGreaterThan(0.9);
    expect(pooledClauses([weak, weak], 1, 1, 'prob', 0.7)).toBeUndefined();
  });
});
