import { describe, expect, it } from 'vitest';
import { classifySellerReply, coachSellerReply, SELLER_REPLY_KINDS } from '../../src/coaching/sellerReply.js';
import { citationsFor } from '../../src/knowledge/law.js';

describe('classifySellerReply', () => {
  it.each([
    ['客服说系统里查无此订单', 'no_order'],
    ['他说根本没收到我的付款', 'no_order'],
    ['卖家说卡密早就发了，是我自己用掉了', 'already_delivered'],
    ['店家说订单显示已完成', 'already_delivered'],
    ['老板说只能给我退30块', 'partial_offer'],
    ['商家愿意退一半', 'partial_offer'],
    ['他们说可以退到平台余额，不能原路退', 'balance_only'],
    ['商家说是上游没货，让我自己去找平台', 'blame_upstream'],
    ['客服说跟他们没关系，让我找支付宝', 'blame_upstream'],
    ['说已经过了售后期，不给处理', 'after_sale_expired'],
    ['店铺公告写着虚拟商品不退不换', 'after_sale_expired'],
    ['商家已经退款了，钱到账了', 'refunded'],
    ['商家就是不给退', 'refused'],
    ['还是已读不回', 'no_reply'],
    ['他把我拉黑了', 'no_reply'],
    ['卖家说明天下午处理', 'promised_later'],
    ['今天天气不错', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(classifySellerReply(text)).toBe(kind);
  });

  it('"还没退" is not refunded', () => {
    expect(classifySellerReply('商家说会退，但到现在还没退')).not.toBe('refunded');
  });
});

describe('coachSellerReply', () => {
  const params = { orderId: 'A2026112001', amount: '88元', paidAt: '11月20日 10:00', deadline: '11月22日 17:00' };

  it('每种回复都有建议、下一步，需要时有可直接发送的文字', () => {
    for (const kind of SELLER_REPLY_KINDS) {
      const c = coachSellerReply(kind, { scenario: 'not_received', paymentMethod: 'wechat', params });
      expect(c.advice.length, kind).toBeGreaterThan(20);
      expect(c.advice).toMatch(/下一步/);
      if (c.draft) {
        expect(c.draft).not.toMatch(/\{\w+\}/);
        expect(c.draft).not.toMatch(/曝光|差评/);
      }
      expect(c.facts.sellerReply).toBe(kind);
    }
  });

  it('无此订单: proves payment with the channel bill’s 交易单号/商户单号', () => {
    const wx = coachSellerReply('no_order', { scenario: 'not_received', paymentMethod: 'wechat', params });
    expect(wx.advice).toMatch(/交易单号/);
    expect(wx.advice).toMatch(/商户单号/);
    expect(wx.advice).toMatch(/微信.*账单/);
    expect(wx.draft).toContain('A2026112001');
    expect(coachSellerReply('no_order', { scenario: 'not_received', paymentMethod: 'alipay', params }).advice).toMatch(/支付宝.*账单详情/);
    expect(coachSellerReply('no_order', { scenario: 'not_received', paymentMethod: 'qq_wallet', params }).advice).toMatch(/QQ钱包/);
    expect(coachSellerReply('no_order', { scenario: 'not_received', paymentMethod: 'bank', params }).advice).toMatch(/手机银行|网银/);
  });

  it('the facts a reply sets change what the law table cites', () => {
    const delivered = coachSellerReply('already_delivered', { scenario: 'not_received', params }).facts;
    expect(citationsFor(delivered, 'platform', 'not_received').map((r) => r.id)).toContain('ecl62');
    expect(citationsFor({}, 'platform', 'not_received').map((r) => r.id)).not.toContain('ecl62');
    const notice = coachSellerReply('after_sale_expired', { scenario: 'card_used', params }).facts;
    expect(citationsFor(notice, 'platform', 'card_used').map((r) => r.id)).toContain('cpl26');
  });

  it('moves refused and silent sellers to the next rung, waits on promises, confirms refunds', () => {
    expect(coachSellerReply('refused', { scenario: 'not_received', params }).next).toBe('next_rung');
    expect(coachSellerReply('no_reply', { scenario: 'not_received', params }).next).toBe('next_rung');
    expect(coachSellerReply('promised_later', { scenario: 'not_received', params }).next).toBe('wait');
    expect(coachSellerReply('refunded', { scenario: 'not_received', params }).next).toBe('confirm_refund');
  });
});

describe('ready texts pass the tone check', () => {
  it('every draft the coaching offers reads calm', async () => {
    const { checkTone } = await import('../../src/coaching/tone.js');
    const params = { orderId: 'A2026112001', amount: '88元', paidAt: '11月20日 10:00', deadline: '11月22日 17:00' };
    for (const kind of SELLER_REPLY_KINDS) {
      const d = coachSellerReply(kind, { scenario: 'card_used', paymentMethod: 'alipay', params, offer: '40元' }).draft;
      if (d) expect(checkTone(d, { amount: 88 }).findings, `${kind}: ${d}`).toEqual([]);
    }
  });
});
