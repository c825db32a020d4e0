// Issue 12 leftover: the other side's answer is coached in the words of the rung the case is on —
// 商家 at the seller rung, 平台 at the platform rung, 支付渠道 at the payment rung.
import { afterEach, describe, expect, it } from 'vitest';
import { coachSellerReply, SELLER_REPLY_KINDS } from '../../src/coaching/sellerReply.js';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

const params = { orderId: 'A2026112001', amount: '88元', paidAt: '11月20日 10:00', deadline: '11月22日 17:00' };

describe('coachSellerReply by rung', () => {
  it('names the platform at the platform rung and the payment channel at the payment rung, never 商家说/商家不回复 there', () => {
    for (const kind of SELLER_REPLY_KINDS) {
      const seller = coachSellerReply(kind, { scenario: 'not_received', paymentMethod: 'alipay', params, rung: 'seller' });
      const platform = coachSellerReply(kind, { scenario: 'not_received', paymentMethod: 'alipay', params, rung: 'platform' });
      const payment = coachSellerReply(kind, { scenario: 'not_received', paymentMethod: 'alipay', params, rung: 'payment' });
      for (const c of [seller, platform, payment]) expect(c.advice + (c.draft ?? ''), kind).not.toMatch(/\{\w+\}/);
      expect(platform.advice, kind).not.toMatch(/^商家/);
      expect(payment.advice, kind).not.toMatch(/^商家/);
      expect(platform.advice, kind).toContain('平台');
      expect(payment.advice, kind).toContain('支付渠道');
    }
    expect(coachSellerReply('refused', { scenario: 'not_received', params, rung: 'platform' }).advice).toMatch(/^平台明确拒绝/);
    expect(coachSellerReply('no_reply', { scenario: 'not_received', params, rung: 'payment' }).advice).toMatch(/^支付渠道不回复/);
    expect(coachSellerReply('no_reply', { scenario: 'not_received', params }).advice).toMatch(/^商家不回复/);
  });

  it('blame-shifting gets the rung’s own advice and text: the platform is asked for the seller’s identity, the payment channel told both were tried', () => {
    const platform = coachSellerReply('blame_upstream', { scenario: 'not_received', params, rung: 'platform' });
    expect(platform.advice).toContain('真实名称、地址和有效联系方式');
    expect(platform.draft).toContain('请平台介入处理');
    expect(platform.draft).not.toContain('你的店铺');
    const payment = coachSellerReply('blame_upstream', { scenario: 'not_received', params, rung: 'payment' });
    expect(payment.draft).toContain('已先后联系商家和平台');
    const seller = coachSellerReply('blame_upstream', { scenario: 'not_received', params, rung: 'seller' });
    expect(seller.draft).toContain('你的店铺');
  });

  it('a promise to handle it later: the text says the next step of this rung', () => {
    expect(coachSellerReply('promised_later', { scenario: 'not_received', params, rung: 'seller' }).draft).toContain('向平台申诉');
    expect(coachSellerReply('promised_later', { scenario: 'not_received', params, rung: 'platform' }).draft).toContain('向支付渠道投诉');
  });
});

let app: (App & { clock: { t: Date } }) | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

describe('typed answer on a rung (engine)', () => {
  it('at the platform rung, "客服说不归他们管，让我去找商家" is coached as the platform’s answer', () => {
    app = makeApp();
    const d = new Driver(app, 'p1');
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    for (let i = 0; i < 6 && !d.last().text.includes('平台申诉'); i++) d.press('r:next');
    expect(d.last().text).toContain('平台申诉');
    const r = d.say('平台客服说这事跟他们没关系，让我去找商家');
    expect(r[0].text).toMatch(/^平台让你去找商家/);
    expect(r[0].text).toContain('把上面的消息发给平台');
    expect(r[0].document?.body).toContain('请平台介入处理');
  });
});
