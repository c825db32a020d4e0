import { describe, it, expect } from 'vitest';
import { LOW_CONFIDENCE, rulesFor, understand } from '../../src/nlu/understand.js';
import { withCues } from '../../src/nlu/model.js';

const zone = 'Asia/Shanghai';
const now = new Date('2026-11-21T10:00:00+08:00');

describe('understand', () => {
  it('reads the example from the issue', () => {
    const u = understand('昨天下午用支付宝充了100块Q币，到现在没到账，客服不回', now, zone);
    expect(u.scenario).toBe('not_received');
    expect(u.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
    expect(u.entities.amount).toBe(100);
    expect(u.entities.paymentMethod).toBe('alipay');
    expect(u.entities.occurredAt?.toISOString()).toBe(new Date('2026-11-20T15:00:00+08:00').toISOString());
  });

  it('gives traditional Chinese the same reading as simplified', () => {
    const simp = understand('同一个订单扣了两次钱，每次50，用的支付宝，在星辰卡盟买的', now, zone);
    const trad = understand('同一個訂單扣了兩次錢，每次50，用的支付寶，在星辰卡盟買的', now, zone);
    expect(trad).toEqual(simp);
    expect(trad.scenario).toBe('double_charge');
    expect(trad.entities).toMatchObject({ chargeCount: 2, amount: 50, paymentMethod: 'alipay', platform: '星辰卡盟' });
  });

  it('handles English best effort', () => {
    expect(understand('I was charged twice for one order, 30 rmb each', now, zone).scenario).toBe('double_charge');
    expect(understand('the code says already redeemed', now, zone).scenario).toBe('card_used');
  });

  it('tells the near-misses apart', () => {
    expect(understand('支付失败了，但钱扣了，订单也没生成', now, zone).scenario).toBe('payment_failed');
    expect(understand('付款成功了，订单也有，就是东西一直没到', now, zone).scenario).toBe('not_received');
    expect(understand('支付失败我又付了一次，结果两次都扣了', now, zone).scenario).toBe('double_charge');
  });

  it('says other, with a confidence, for messages that are not a case', () => {
    for (const t of ['你好', '谢谢，钱已经退回来了', '怎么联系人工']) {
      const u = understand(t, now, zone);
      expect(u.scenario, t).toBe('other');
      expect(u.confidence).toBeGreaterThan(0);
      expect(u.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('finds merchant and order id', () => {
    const u = understand('店铺“小七点卡”卖的点卡没发货，订单号 DD2026112000123', now, zone);
    expect(u.entities.merchant).toBe('小七点卡');
    expect(u.entities.orderId).toBe('DD2026112000123');
  });

  it('keeps confidence within 0..1 and higher when cues agree', () => {
    const strong = understand('商家跑路了，网站打不开，客服把我拉黑了', now, zone);
    const weak = understand('买的东西还是不行', now, zone);
    expect(strong.confidence).toBeLessThanOrEqual(1);
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
  });
});

describe('rule cues (issue 13, second round)', () => {
  it('reads a buyer who writes 买了… about a seller-side word as a buyer, not as the seller', () => {
    const r = rulesFor('申请退款：买了你们插件里推荐的机场，现在机场跑路了', now, zone);
    expect(r.scenario).toBe('merchant_vanished');
    expect(rulesFor('我的网站用了这个插件，用户支付之后回调没通知', now, zone).scenario).toBe('other');
    expect(rulesFor('我们店的系统最近老是掉单，顾客付了钱订单显示未支付，有没有懂的', now, zone).scenario).toBe('other');
    expect(rulesFor('我在你们店买的点卡，付了钱订单显示未支付', now, zone).scenario).toBe('payment_failed');
  });

  it('reads a worry or a rumour about 跑路 as no cue (会不会, 以为, 迟早, 还没到)', () => {
    for (const t of ['想买年付，这家机场会不会跑路', '维护了一下午，吓我一跳以为跑了', '价格低得离谱，我猜迟早要跑路', '最近老断线，还没到跑路那一步']) {
      expect(rulesFor(t, now, zone).scenario, t).not.toBe('merchant_vanished');
    }
    expect(rulesFor('机场跑路了，群也解散了', now, zone).scenario).toBe('merchant_vanished');
  });

  it('does not read 还不是会员 (paid, membership not applied) as a negation', () => {
    for (const t of ['买了终身会员，现在app提示我还不是会员，怎么退款', '付了钱刷新好几遍了依然不是会员']) {
      expect(rulesFor(t, now, zone).scenario, t).toBe('not_received');
    }
    expect(rulesFor('不是没到账，是我充错账号了', now, zone).scenario).not.toBe('not_received');
  });

  it('reads 没入账/没充上 as not credited and a withdrawn 永久授权 across a comma as not as described', () => {
    expect(rulesFor('我用花呗充话费到今天还没入账', now, zone).scenario).toBe('not_received');
    expect(rulesFor('这几天交了三次话费都没充上', now, zone).scenario).toBe('not_received');
    expect(rulesFor('购买永久授权，授权竟然被取消了，希望作者出面解释一下', now, zone).scenario).toBe('not_as_described');
  });

  it('keeps the core cues working around the new negation and seller words', () => {
    for (const [t, want] of [
      ['充了话费还没到', 'not_received'],
      ['俺的点券咋还没到捏', 'not_received'],
      ['所以为什么卡密显示已被使用', 'card_used'],
      ['付了钱，所以为什么订单显示支付失败', 'payment_failed'],
      ['游戏充值掉单了，钱扣了点券没到', 'not_received'],
      ['商家说本店卡密都是自动发货的，可我这边根本没收到', 'not_received'],
      ['群主说我们店从来不会跑路，结果第二天群就解散了', 'merchant_vanished'],
      ['被扣了两次退了一次，还差一次', 'double_charge'],
      ['虽然不是第一次买，但是这次卡密没发', 'not_received'],
    ] as const) {
      expect(rulesFor(t, now, zone).scenario, t).toBe(want);
    }
  });

  it('takes 重复刷 as a double charge and lists the cues that fired', () => {
    const r = rulesFor('信用卡账单里发现被重复刷了一笔', now, zone);
    expect(r.scenario).toBe('double_charge');
    expect(r.hits).toContain('§double_charge0');
    expect(r.hits).toContain('§rule:double_charge');
  });

  it('adds rule cues as model features only when cueWeight is set', () => {
    const f = new Map([['a', 0.5]]);
    expect(withCues(f, ['§seller'], 0)).toBe(f);
    const g = withCues(f, ['§seller'], 0.3);
    expect(g.get('§seller')).toBe(0.3);
    expect(g.get('a')).toBe(0.5);
    expect(f.has('§seller')).toBe(false);
  });
});
