import { describe, expect, it } from 'vitest';
import { checkClosingAmount, remainder } from '../../src/dialogue/amounts.js';
import { correctionOffer, whichOneText, yuan } from '../../src/dialogue/messages.js';

describe('checkClosingAmount', () => {
  it.each<[number, number | null | undefined, string]>([
    [50, 198, 'ok'],
    [198, 198, 'ok'],
    [198.004, 198, 'ok'],
    [9999, 198, 'exceeds_paid'],
    [199, 198, 'exceeds_paid'],
    [50, undefined, 'ok'],
    [50, null, 'ok'],
    [0, 198, 'not_positive'],
    [-5, 198, 'not_positive'],
    [Number.NaN, 198, 'not_positive'],
  ])('%s against %s → %s', (amount, paid, kind) => expect(checkClosingAmount(amount, paid).kind).toBe(kind));

  it('the question names both amounts with their unit', () => {
    const r = checkClosingAmount(9999, 198);
    expect(r.kind === 'exceeds_paid' && r.text).toContain('9999元');
    expect(r.kind === 'exceeds_paid' && r.text).toContain('198元');
  });

  it('remainder', () => {
    expect(remainder(198, 50)).toBe(148);
    expect(remainder(99.9, 0.3)).toBe(99.6);
    expect(remainder(50, 80)).toBe(0);
  });
});

describe('texts', () => {
  it('amounts always carry 元', () => {
    expect(yuan(50)).toBe('50元');
    expect(yuan(99.5)).toBe('99.50元');
  });
  it('which one, listing both', () => {
    expect(whichOneText(['一直说在处理', '拒绝退款'])).toBe('你说的是哪一个？\n1. 一直说在处理\n2. 拒绝退款');
  });
  it('a correction offer', () => expect(correctionOffer('金额', yuan(200))).toBe('金额改成200元吗？'));
});
