import { describe, expect, it } from 'vitest';
import { respondentFacts, respondentGuide, parseIcp } from '../../src/coaching/respondent.js';
import { blackCatComplaint } from '../../src/coaching/blackcat.js';
import { reversalAdvice } from '../../src/coaching/reversal.js';
import { citationsFor } from '../../src/knowledge/law.js';

describe('respondentGuide', () => {
  it('names where the payee is on the bill, ICP备案, 公示系统, the platform fall-back and the anonymous-seller caveat', () => {
    const g = respondentGuide({ paymentMethod: 'wechat' });
    expect(g).toMatch(/商户全称/);
    expect(g).toMatch(/ICP备案/);
    expect(g).toMatch(/国家企业信用信息公示系统/);
    expect(g).toMatch(/平台的名称和住所地/);
    expect(g).toMatch(/匿名/);
    expect(respondentGuide({ paymentMethod: 'alipay' })).toMatch(/收款方全称/);
    expect(respondentGuide({ paymentMethod: 'alipay', platformSeller: false })).not.toMatch(/平台的名称和住所地/);
  });

  it('stores what was found; nothing found marks the respondent unknown (so 消保法44 applies)', () => {
    expect(respondentFacts({ name: ' 某某网络科技有限公司 ', address: '某市某区' })).toEqual({
      respondentName: '某某网络科技有限公司',
      respondentAddress: '某市某区',
      respondentUnknown: false,
    });
    const none = respondentFacts({});
    expect(none.respondentUnknown).toBe(true);
    expect(citationsFor(none, 'regulator', 'not_received').map((r) => r.id)).toContain('cpl44');
  });

  it('reads an ICP备案 number from a footer', () => {
    expect(parseIcp('© 2026 某卡盟 粤ICP备20261234号-1 联系我们')).toBe('粤ICP备20261234号-1');
    expect(parseIcp('没有备案')).toBeUndefined();
  });
});

describe('blackCatComplaint', () => {
  it('fills title, 投诉对象, 投诉问题, 投诉要求, 涉诉金额', () => {
    const c = blackCatComplaint('not_received', {
      merchant: '星辰点卡', platform: '某卡盟', amount: '88元', facts: '我于11月20日购买了点卡，至今未到账。', history: '', request: '请退还全部货款88元至原支付账户。',
    });
    expect(c.title).toBe('星辰点卡收款后不发货，88元未退');
    expect(c.text).toContain('投诉对象：星辰点卡（某卡盟）');
    expect(c.text).toContain('投诉问题：我于11月20日购买了点卡，至今未到账。');
    expect(c.text).toContain('投诉要求：请退还全部货款88元至原支付账户。');
    expect(c.text).toContain('涉诉金额：88元');
    expect(c.text).toMatch(/不做裁决/);
  });
});

describe('reversalAdvice', () => {
  it('says the reversal is typical, asks for the 交易单号, and checks in after the configured window', () => {
    const now = new Date('2026-11-20T02:00:00Z');
    const a = reversalAdvice(now, 'Asia/Shanghai', 5);
    expect(a.checkAt.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(a.text).toMatch(/通常/);
    expect(a.text).toMatch(/5天/);
    expect(a.text).toMatch(/交易单号/);
    expect(a.text).toContain('11月25日 10:00');
    expect(reversalAdvice(now, 'Asia/Shanghai').text).toMatch(/3天/);
  });
});

describe('collectiveComplaint', () => {
  it('needs two cases, sums the amounts and lists each without personal details', async () => {
    const { collectiveComplaint } = await import('../../src/coaching/collective.js');
    const one = { paidAt: '11月20日', item: '点卡', amount: 100, scenario: '未到账' };
    expect(collectiveComplaint('星辰点卡', '某卡盟', [one])).toBeUndefined();
    const text = collectiveComplaint('星辰点卡', '某卡盟', [one, { paidAt: '11月21日', item: '月卡', amount: 50.5, scenario: '卡密无效' }])!;
    expect(text).toContain('被投诉方：星辰点卡（某卡盟）');
    expect(text).toContain('共有2名消费者');
    expect(text).toMatch(/合计150\.50?元/);
    expect(text).toContain('2. 11月21日，月卡');
  });
});
