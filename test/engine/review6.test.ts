// Fresh-eyes review of session 6's changes: each finding, first failing.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { detectFabrication } from '../../src/coaching/fabrication.js';
import { matchAbandon } from '../../src/engine/abandon.js';
import { understand } from '../../src/nlu/understand.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());
const NOW = new Date('2026-11-20T12:00:00+08:00');

describe('review of session 6', () => {
  it('H1: a correction that says why in order to deceive is still refused', () => {
    for (const t of ['金额改成600 反正商家查不到', '把付款时间改成3天前 这样还在售后期', '订单号改成别人的单号 再退一次', '帮我把订单号改成我朋友那单的', '金额改成两倍 多退点', '商品改成未到账 反正他查不到']) {
      expect(detectFabrication(t), t).toBeDefined();
    }
    expect(detectFabrication('金额改成60')).toBeUndefined();
  });

  it('H3: the seller\'s words, refusing to give up, or a sum refunded are not the user giving up', () => {
    for (const t of ['卖家回复说 算了吧 别烦我', '客服回我 算了 不给退', '老板就回了一句 算了吧 你去投诉吧', '我绝不 放弃', '凭什么 算了 我偏要追到底', '退了50 算了 不追了']) {
      expect(matchAbandon(t), t).toBeUndefined();
    }
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    d.press('k:rf');
    d.say('退了50 算了 不追了');
    expect(d.activeCase()!.facts.refundedSoFar ?? d.activeCase()!.refundedAmount).toBe(50);
  });

  it('H4: the seller going back on the deal or a card that does not work is not buyer\'s remorse', () => {
    for (const t of ['商家反悔了 说不卖了 钱也不退', '卖家收了钱又反悔了', '买的卡密用不上了 能退吗', '我不想要了 他发的是假的']) {
      app = makeApp();
      const d = new Driver(app);
      const all = d.say(t).map((x) => x.text).join('\n');
      expect(all, t).not.toContain('七日无理由');
      app.close();
    }
    app = makeApp();
  });

  it('M1: a complaint keeps a sum with a yuan marker even without a paying word; a non-complaint does not', () => {
    const amt = (t: string) => understand(t, NOW, 'Asia/Shanghai').entities.amount;
    expect(amt('300块 商家跑路了')).toBe(300);
    expect(amt('120元 已读不回')).toBe(120);
    expect(amt('昨天晚上用微信 给了50 啥也没拿到 卖家也不回')).toBe(50);
    expect(amt('200的点卡没收到')).toBe(200);
    expect(amt('活动说返100元购物卡 结果只有20天有效期')).toBeUndefined();
  });
});

describe('review of session 6, low', () => {
  // 号被找回 named 卡密已被使用/无效 here until explore3 F16 (fix7a): a recovered account is the seller's failure to
  // hand over a clean account — 货不对板, whose questions fit an account (the card_used flow asks for a card key).
  it('L1: after 都不是 the sum found is kept for a retelling, no law row is cited, and 号被找回 names 货不对板', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('我在游戏里被封号了 买的账号 付了300块');
    const r = d.say('都不是').map((x) => x.text).join('\n');
    expect(r).not.toContain('《消费者权益保护法》');
    const again = d.say('账号被原主人找回了');
    const last = again[again.length - 1];
    if (!d.activeCase()) d.press(last.choices!.find((c) => c.id === 'u:yes' || c.id === 'u:s:not_as_described')!.id);
    expect(d.activeCase()!.scenario).toBe('not_as_described');
    expect(d.activeCase()!.facts.amount).toBe(300);
  });
});

describe('review of session 6: the other side\'s answers (H5, H6)', () => {
  const onRung = () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    d.press('r:sent');
    return d;
  };
  it('H5: a duration or a count after 退了 is no money received', () => {
    for (const t of ['商家说已经退了 24小时内到账', '客服说退了 3个工作日到账', '平台说退了 7天内原路返回', '申请退了3次 都被拒了']) {
      const d = onRung();
      d.say(t);
      expect(d.activeCase()!.facts.refundedSoFar, t).toBeUndefined();
      app.close();
    }
    app = makeApp();
  });
  it('H6: the user\'s worry is not the other side\'s 证据不足; 不用加钱 is no fee', () => {
    for (const t of ['我担心证据不足', '会不会因为证据不足被驳回啊', '商家答应补发 不用加钱']) {
      const d = onRung();
      d.say(t);
      expect(String(d.activeCase()!.facts.sellerReply ?? ''), t).not.toMatch(/evidence_short|paid_swap|refused/);
      app.close();
    }
    app = makeApp();
  });
});

describe('review of session 6: M2', () => {
  it('a promise said as a point in time at 承诺时效 is the promise, never a new payment time', () => {
    for (const [said, want] of [['客服说当天晚上8点前给我', 'hours'], ['卖家说下午5点前发', 'hours'], ['说是明天上午', 'day']] as const) {
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { promisedTime: { text: said } });
      const c = d.activeCase()!;
      expect(c.facts.promisedTime, said).toBe(want);
      expect(String(c.facts.paidAt)).not.toMatch(/T(?:12|09):00/);
      app.close();
    }
    app = makeApp();
  });
});
