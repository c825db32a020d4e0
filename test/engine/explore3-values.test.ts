// Exploratory test 3 (data/r6/FINDINGS-explore3.md): answers to the intake questions that were stored
// verbatim or refused. Each test failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, GOOD, makeApp } from '../helpers.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

const all = (r: { text?: string }[]) => r.map((x) => x.text ?? '').join('\n');

/** A 未到账 case at the merchant question, the platform answered. */
function atMerchant(): Driver {
  app = makeApp();
  const d = new Driver(app);
  d.press('s:not_received');
  expect(d.activeCase()!.state.q).toBe('platform');
  d.say('小鹿卡盟');
  expect(d.activeCase()!.state.q).toBe('merchant');
  return d;
}

describe('explore3: names typed as sentences (F1, F14, F15, F16)', () => {
  it('F1: "不知道 就是网页上的客服" is no name: asked once for a QQ/微信/店铺名 with 跳过; the QQ typed next is the seller', () => {
    const d = atMerchant();
    const r = d.say('不知道 就是网页上的客服');
    const c = d.activeCase()!;
    expect(c.facts.merchant).toBeUndefined();
    expect(c.state.q).toBe('merchant');
    expect(all(r)).toMatch(/QQ/);
    expect(d.last().choices?.some((x) => x.id === 'q:skip')).toBe(true);
    d.say('qq 88776655');
    expect(d.activeCase()!.facts.merchant).toBe('QQ 88776655');
    expect(d.activeCase()!.state.q).toBe('item');
  });

  it('F14: "就是那個網站的客服 QQ號是 2837465512" → the seller is QQ 2837465512', () => {
    const d = atMerchant();
    d.say('就是那個網站的客服 QQ號是 2837465512');
    expect(d.activeCase()!.facts.merchant).toBe('QQ 2837465512');
  });

  it('F16: "卖家vx是 yx_shop888" → 微信 yx_shop888', () => {
    const d = atMerchant();
    d.say('卖家vx是 yx_shop888');
    expect(d.activeCase()!.facts.merchant).toBe('微信 yx_shop888');
  });

  it('F15: "不知道叫啥" is a don\'t-know, not the seller\'s name', () => {
    const d = atMerchant();
    d.say('不知道叫啥');
    const c = d.activeCase()!;
    expect(c.facts.merchant ?? null).toBeNull();
    expect(JSON.stringify(c.facts)).not.toContain('叫啥');
  });

  it('F1 more: lead-in words are stripped ("我说了就是垃圾卡盟 网站名字就叫这个"); an insult alone ("SB商家") is not the item', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('垃圾卡盟');
    expect(d.activeCase()!.facts.platform).toBe('垃圾卡盟');
    d.say('我说了就是垃圾卡盟 网站名字就叫这个');
    expect(d.activeCase()!.facts.merchant).toBe('垃圾卡盟');
    expect(d.activeCase()!.state.q).toBe('item');
    d.say('SB商家');
    const c = d.activeCase()!;
    expect(c.facts.item).toBeUndefined();
    expect(c.state.q).toBe('item');
  });
});

describe('explore3: "跟上一单一样" at a name question of a second case (F10)', () => {
  it('takes the platform and the seller from the previous case and says so; the phrase is never stored', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { platform: { text: '快充卡盟' }, merchant: { text: '阿杰话费店' } });
    d.say('新案件');
    d.press('s:double_charge');
    expect(d.activeCase()!.id).toBe(2);
    expect(d.activeCase()!.state.q).toBe('platform');
    const r = d.say('跟上一单一样');
    expect(d.activeCase()!.facts.platform).toBe('快充卡盟');
    expect(all(r)).toContain('快充卡盟');
    expect(d.activeCase()!.state.q).toBe('merchant');
    d.say('同一家');
    expect(d.activeCase()!.facts.merchant).toBe('阿杰话费店');
    expect(JSON.stringify(d.activeCase()!.facts)).not.toMatch(/一样|同一家/);
  });
});

describe('explore3: the order, balance and commands (F14)', () => {
  it('"我不知道什么是订单号" gets a plain explanation of where to find it, with 跳过 — not 没法识别', () => {
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    e.say('小鹿卡盟');
    e.say('星辰点卡店');
    e.say('王者荣耀点券600');
    expect(e.activeCase()!.state.q).toBe('orderId');
    const r = all(e.say('我不知道什么是订单号'));
    expect(r).not.toContain('没法识别');
    expect(r).toMatch(/订单详情|我的订单/);
    expect(r).toMatch(/账单/);
    expect(e.last().choices?.some((x) => x.id === 'q:skip')).toBe(true);
    expect(e.activeCase()!.state.q).toBe('orderId');
  });

  it('"沒有餘額" at the balance question is 0', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d, { balance: { text: '沒有餘額' } });
    expect(d.activeCase()!.facts.balance).toBe(0);
  });

  it('traditional-script commands (進度, 證據) work like simplified ones', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    d.say('龍騰卡盟');
    const p = all(d.say('進度'));
    expect(p).toContain('案件 #1');
    expect(p).not.toContain('没法识别');
    const e = all(d.say('證據'));
    expect(e).toContain('证据清单');
  });
});

describe('explore3: 交易单号 typed at another question (F15)', () => {
  it('is kept as the transaction number, not as the page\'s error text', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:payment_failed');
    for (let i = 0; i < 20 && d.activeCase()!.state.q !== 'errorShown'; i++) {
      const q = d.activeCase()!.state.q!;
      const a = GOOD[q];
      if (a.choice) d.press(a.choice);
      else d.say(a.text!);
    }
    expect(d.activeCase()!.state.q).toBe('errorShown');
    const r = all(d.say('交易单号 4200002345202611301234567890'));
    const c = d.activeCase()!;
    expect(c.facts.txnId).toBe('4200002345202611301234567890');
    expect(c.facts.errorShown).toBeUndefined();
    expect(c.state.q).toBe('errorShown');
    expect(r).toContain('4200002345202611301234567890');
  });
});

describe('explore3: a time at the 承诺时效 options (F25)', () => {
  it('"三天前下午" is not 几天内; the exact label typed next is taken', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('易充卡盟');
    d.say('跳过');
    d.say('移动话费200元');
    d.say('订单号 YC8812345');
    for (let i = 0; i < 6 && d.activeCase()!.state.q !== 'promisedTime'; i++) {
      const q = d.activeCase()!.state.q!;
      if (q === 'amount') d.say('198');
      else if (q === 'paymentMethod') d.press('a:alipay');
      else if (q === 'paidAt') d.say('三天前');
      else throw new Error(q);
    }
    expect(d.activeCase()!.state.q).toBe('promisedTime');
    d.say('三天前下午');
    expect(d.activeCase()!.facts.promisedTime).toBeUndefined();
    expect(d.activeCase()!.state.q).toBe('promisedTime');
    d.say('24小时内');
    expect(d.activeCase()!.facts.promisedTime).toBe('day');
  });

  it('a time with an hour typed at the 承诺时效 options right after the payment day is offered as the payment time', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    for (let i = 0; i < 10 && d.activeCase()!.state.q !== 'promisedTime'; i++) {
      const q = d.activeCase()!.state.q!;
      if (q === 'paidAt') d.say('三天前');
      else if (q === 'paymentMethod') d.press('a:alipay');
      else d.say(({ platform: '易充卡盟', merchant: '易充小店', item: '话费200', orderId: 'YC8812345', amount: '198' } as Record<string, string>)[q]);
    }
    expect(d.activeCase()!.facts.paidAt).toBe('2026-11-17');
    const r = all(d.say('17号下午4点'));
    expect(d.activeCase()!.facts.promisedTime).toBeUndefined();
    expect(r).toContain('付款时间改成');
    d.say('对');
    const c = d.activeCase()!;
    expect(c.facts.paidAt).toBe('2026-11-17T08:00:00.000Z');
    expect(c.state.q).toBe('promisedTime');
  });
});
