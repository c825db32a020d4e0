import { describe, expect, it } from 'vitest';
import { readConfirmation, readCorrection } from '../../src/dialogue/correction.js';

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-11-29T15:00:00+08:00');

describe('readConfirmation (answer to "我理解为：… 对吗？")', () => {
  it.each(['对', '是的', '嗯', '嗯嗯', '好', '好的', '没错', '對', 'yes', 'ok', '👍', '对，开始', '是滴', '对的没错'])('%j keeps the facts', (s) =>
    expect(readConfirmation(s, NOW, ZONE)).toEqual({ kind: 'yes' }),
  );

  it.each(['不对', '不是', '错了', '不', 'no', '不對', '不是的', '不对，我自己选'])('%j shows the scenario menu', (s) =>
    expect(readConfirmation(s, NOW, ZONE)).toEqual({ kind: 'no' }),
  );

  it.each<[string, Record<string, unknown>, string]>([
    ['不对，是微信付的', { paymentMethod: 'wechat' }, 'no'],
    ['不對，是微信付的', { paymentMethod: 'wechat' }, 'no'],
    ['不是支付宝是微信', { paymentMethod: 'wechat' }, 'no'],
    ['不对 用的支付宝', { paymentMethod: 'alipay' }, 'no'],
    ['金额是200', { amount: 200 }, 'unknown'],
    ['金额200', { amount: 200 }, 'unknown'],
    ['不对，是150块', { amount: 150 }, 'no'],
    ['对，不过金额是200元', { amount: 200 }, 'yes'],
    ['不对，金额120，支付宝', { amount: 120, paymentMethod: 'alipay' }, 'no'],
    ['不对 是昨天下午3点付的', { paidAt: '2026-11-28T07:00:00.000Z' }, 'no'],
    ['不对，是11月20号', { paidAt: '2026-11-20' }, 'no'],
    ['是微信付的', { paymentMethod: 'wechat' }, 'unknown'],
    ['平台是小年卡盟', { platform: '小年卡盟' }, 'unknown'],
  ])('%j corrects %j', (s, facts, said) => expect(readConfirmation(s, NOW, ZONE)).toEqual({ kind: 'correct', facts, said }));

  it('a yes/no question about a fact (商家是不是跑路了) is not a correction of it (exploratory testing)', () => {
    for (const t of ['商家是不是跑路了', '商家是不是跑路了？', '平台是不是关了', '卖家是否还在']) {
      expect(readCorrection(t, NOW, ZONE).facts, t).toEqual({});
    }
    expect(readCorrection('商家是星辰点卡店', NOW, ZONE).facts).toEqual({ merchant: '星辰点卡店' });
    // Only the question's clause is left out: a value said beside it stays (review).
    expect(readCorrection('不过金额是200，商家会不会跑路啊', NOW, ZONE).facts).toEqual({ amount: 200 });
    expect(readCorrection('不对，商家不是小年 是星辰点卡店', NOW, ZONE).facts).toEqual({ merchant: '星辰点卡店' });
  });

  it('a corrected scenario', () => {
    expect(readConfirmation('不对，是重复扣款', NOW, ZONE)).toEqual({ kind: 'correct', facts: {}, said: 'no', scenario: 'double_charge' });
    expect(readConfirmation('不是 卡密被用了', NOW, ZONE)).toEqual({ kind: 'correct', facts: {}, said: 'no', scenario: 'card_used' });
    expect(readConfirmation('重复扣款', NOW, ZONE)).toEqual({ kind: 'correct', facts: {}, said: 'unknown', scenario: 'double_charge' });
  });

  it.each(['我不知道', '什么意思', '卡密 K7PX9M2QW4ZR2345 提示已被使用', '对吗？'])('%j is not an answer', (s) =>
    expect(readConfirmation(s, NOW, ZONE)).toEqual({ kind: 'unknown' }),
  );

  it('a future time is not taken as a correction', () => {
    expect(readConfirmation('不对，是明天', NOW, ZONE)).toEqual({ kind: 'no' });
  });
});

describe('readCorrection (a different value typed later)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['金额写错了 应该是128', { amount: 128 }, 'explicit'],
    ['刚才说错了，是128元', { amount: 128 }, 'explicit'],
    ['金额改成200', { amount: 200 }, 'explicit'],
    ['付款时间应该是11月20号', { paidAt: '2026-11-20' }, 'explicit'],
    ['余额是30', { balance: 30 }, 'labelled'],
    ['多扣了50', { extraAmount: 50 }, 'none'],
    ['订单号改成202611201530123456', { orderId: '202611201530123456' }, 'explicit'],
    ['商家叫星辰点卡店', { merchant: '星辰点卡店' }, 'labelled'],
    ['平台应该是小年卡盟', { platform: '小年卡盟' }, 'explicit'],
    ['卡密 K7PX****2345 提示已被使用', {}, 'none'],
    ['卡密 K7PX9M2QW4ZR2345 是这个', {}, 'explicit'],
  ])('%j → %j (%s)', (s, facts, cue) => expect(readCorrection(s, NOW, ZONE)).toEqual({ facts, cue }));

  it('an unlabelled time goes to the key asked for', () => {
    expect(readCorrection('我昨天兑换的', NOW, ZONE, { timeKey: 'triedAt' }).facts).toEqual({ triedAt: '2026-11-28' });
    expect(readCorrection('付款时间是昨天', NOW, ZONE, { timeKey: 'triedAt' }).facts).toEqual({ paidAt: '2026-11-28' });
  });

  it('"X 不是 A 是 B" takes B whatever B is (not only numbers); labels with 名, 流水号, 应为 are cues', () => {
    expect(readCorrection('不是支付宝 是微信', NOW, ZONE).facts).toEqual({ paymentMethod: 'wechat' });
    expect(readCorrection('付款方式不是支付宝是微信', NOW, ZONE).facts).toEqual({ paymentMethod: 'wechat' });
    expect(readCorrection('时间不是昨天 是前天', NOW, ZONE).facts).toEqual({ paidAt: '2026-11-27' });
    expect(readCorrection('金额不是99 是89', NOW, ZONE).facts).toEqual({ amount: 89 });
    expect(readCorrection('平台名叫星辰卡盟', NOW, ZONE)).toEqual({ facts: { platform: '星辰卡盟' }, cue: 'labelled' });
    expect(readCorrection('流水号是4200001234', NOW, ZONE)).toEqual({ facts: { orderId: '4200001234' }, cue: 'labelled' });
    expect(readCorrection('应为128元', NOW, ZONE)).toEqual({ facts: { amount: 128 }, cue: 'explicit' });
  });

  it('a 不对 whose correction names its label after a 不是 clause keeps the correction', () => {
    expect(readConfirmation('不对，不是小年卡盟，平台是星辰卡盟', NOW, ZONE)).toEqual({ kind: 'correct', facts: { platform: '星辰卡盟' }, said: 'no' });
    expect(readConfirmation('不对，平台不是小年卡盟 是星辰卡盟', NOW, ZONE)).toEqual({ kind: 'correct', facts: { platform: '星辰卡盟' }, said: 'no' });
    expect(readConfirmation('不对，付款方式不是支付宝是微信', NOW, ZONE)).toEqual({ kind: 'correct', facts: { paymentMethod: 'wechat' }, said: 'no' });
    expect(readConfirmation('不对', NOW, ZONE)).toEqual({ kind: 'no' });
  });

  it('cueOnly: an uncued sentence reads no facts; a cued one reads them as without it', () => {
    expect(readCorrection('我昨天兑换的', NOW, ZONE).facts).toEqual({ paidAt: '2026-11-28' });
    expect(readCorrection('我昨天兑换的', NOW, ZONE, { cueOnly: true })).toEqual({ facts: {}, cue: 'none' });
    for (const text of ['金额写错了 应该是128', '付款时间是昨天']) {
      expect(readCorrection(text, NOW, ZONE, { cueOnly: true })).toEqual(readCorrection(text, NOW, ZONE));
    }
  });
});
