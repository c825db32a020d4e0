// Amounts, round 7 (issue 13 item 4): a word of paying right before a sum (扣20, 充钱了500, 给了50)
// marks it as the sum paid, so it wins over a bare number; a game title is no phone model. Cases from the written sets' misses and
// from trying the bot as a new user; first-failing.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/nlu/understand.js';

const NOW = new Date('2026-11-30T10:00:00+08:00');
const amt = (t: string) => understand(t, NOW, 'Asia/Shanghai').entities.amount;

describe('amounts, round 7', () => {
  it('a sum right after a paying verb (扣20, 充钱了500) beats a later bare number', () => {
    expect(amt('本来应该扣20结果扣了40，明细里是两条20')).toBe(20);
  });
  it('王者荣耀 is a game, not a 荣耀 phone model: the sum after it is the sum paid', () => {
    expect(amt('王者荣耀 100 没到账')).toBe(100);
    expect(amt('荣耀 50 手机壳 没发货')).toBeUndefined();
  });
});

describe('review R14: a face value or unit price never beats a sum said as paid', () => {
  it('"买了两张50的话费卡 付了100" is 100; "单价50…一共付了200" is 200; "买了5张100的卡 总共500" is 500', () => {
    expect(amt('买了两张50的话费卡 付了100 没到账')).toBe(100);
    expect(amt('单价50 买了4张 一共付了200 卡密用不了')).toBe(200);
    expect(amt('买了5张100的卡 总共500 没到账')).toBe(500);
    expect(amt('买了个100的点卡没到账')).toBe(100);
  });
});

describe('review R15: a product named after a sale is no purchase date', () => {
  it('"618活动卡" / "双11礼包" give no date; "618买的" / "双11买的" still do', () => {
    const at = (t: string) => understand(t, NOW, 'Asia/Shanghai').entities.occurredAt;
    expect(at('买了个618活动卡 一直没到账 付了99')).toBeUndefined();
    expect(at('双11礼包没到账')).toBeUndefined();
    expect(at('618买的会员 没到账')).toBeDefined();
    expect(at('双11买的会员卡 没到账')).toBeDefined();
  });
});
