import { describe, it, expect } from 'vitest';
import { parseCount } from '../../src/nlu/count.js';

describe('parseCount', () => {
  it.each([
    ['扣了两次', 2],
    ['3笔', 3],
    ['扣款2次', 2],
    ['被扣了三次钱', 3],
    ['有两笔扣款记录', 2],
    ['点了三次支付，扣了两次', 2],
    ['charged twice', 2],
    ['I was charged 3 times', 3],
    ['扣了兩次', 2],
    ['支付宝账单里有2条扣款', 2],
  ])('%s → %s', (text, want) => {
    expect(parseCount(text)).toBe(want);
  });

  it('does not count attempts or ordinals', () => {
    expect(parseCount('付款试了三次都失败')).toBeUndefined();
    expect(parseCount('第二次联系客服')).toBeUndefined();
    expect(parseCount('催了5次都不回')).toBeUndefined();
    expect(parseCount('充了100元')).toBeUndefined();
  });
});
