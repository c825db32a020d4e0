import { describe, it, expect } from 'vitest';
import { parseAmount } from '../../src/nlu/amount.js';

describe('parseAmount', () => {
  it.each([
    ['100元', 100],
    ['¥100', 100],
    ['￥99.5', 99.5],
    ['100块', 100],
    ['一百块', 100],
    ['两千五', 2500],
    ['三百五十元', 350],
    ['1.5k', 1500],
    ['1万2', 12000],
    ['100 rmb', 100],
    ['100RMB', 100],
    ['100', 100],
    ['１００', 100],
    ['１２０元', 120],
    ['一块五', 1.5],
    ['充了两千五', 2500],
    ['五十块钱', 50],
    ['1,200元', 1200],
    ['paid 30 yuan', 30],
    ['花了二十八块', 28],
  ])('%s → %s', (text, want) => {
    expect(parseAmount(text)).toBe(want);
  });

  it('returns undefined when there is no amount', () => {
    for (const t of ['卡密用不了', '扣了两次', '千万别在这家买', '昨天下午3点', '等了3天', '11月18日', '']) {
      expect(parseAmount(t), t).toBeUndefined();
    }
  });

  it('prefers the number with a currency marker', () => {
    expect(parseAmount('等了3天了，那笔88元还没到')).toBe(88);
    expect(parseAmount('订单号123456789012 金额50元')).toBe(50);
    expect(parseAmount('昨天下午3点用支付宝充了100块Q币')).toBe(100);
    expect(parseAmount('第2次联系客服了，¥45的点卡')).toBe(45);
  });

  it('does not take phone numbers, order ids, dates or times for amounts', () => {
    expect(parseAmount('手机13812345678充话费50')).toBe(50);
    expect(parseAmount('2026-11-18 15:30 付的')).toBeUndefined();
    expect(parseAmount('单号 KM20261118ABC')).toBeUndefined();
  });

  it('takes no amount from a price range or a list number', () => {
    expect(parseAmount('单独缴费才能观看，费用在2元到10元不等')).toBeUndefined();
    expect(parseAmount('套餐2-10元')).toBeUndefined();
    expect(parseAmount('价格5~20块')).toBeUndefined();
    expect(parseAmount('1、如果账号掉会员则按天退款')).toBeUndefined();
    expect(parseAmount('1. 我充了50块，没到账')).toBe(50);
    expect(parseAmount('退款50元到账了')).toBe(50);
  });
});
