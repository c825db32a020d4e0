import { describe, it, expect } from 'vitest';
import { normalize, parseChineseNumber } from '../../src/nlu/normalize.js';

describe('normalize', () => {
  it('converts traditional to simplified and full-width to half-width', () => {
    expect(normalize('支付寶沒到帳，訂單號ＡＢ１２３')).toBe('支付宝没到帐,订单号ab123');
  });
  it('leaves simplified phrases alone (no Taiwan phrase rewriting)', () => {
    expect(normalize('序列号和程序')).toBe('序列号和程序');
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['三百五十', 350],
    ['两千五', 2500],
    ['三百五', 350],
    ['一万二', 12000],
    ['十五', 15],
    ['一千零五', 1005],
    ['一〇〇', 100],
    ['二十', 20],
  ])('%s → %s', (s, n) => expect(parseChineseNumber(s)).toBe(n));
  it('rejects malformed numerals', () => {
    expect(parseChineseNumber('三五')).toBeUndefined();
    expect(parseChineseNumber('百千')).toBeUndefined();
  });
});
