import { describe, it, expect } from 'vitest';
import { checkTone, neutralRewrite } from '../../src/nlu/tone.js';

const codes = (draft: string) => checkTone(draft).findings.map((f) => f.code);

describe('checkTone', () => {
  it('passes a calm factual draft', () => {
    const r = checkTone('您好，我11月20日下单的订单 202611201533 已付款 100 元，至今未收到卡密，请于明天17:00前处理，谢谢。');
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it('flags insults with the matched span', () => {
    const draft = '你这个骗子，垃圾商家，赶紧退钱';
    const r = checkTone(draft);
    expect(r.ok).toBe(false);
    const insults = r.findings.filter((f) => f.code === 'insult');
    expect(insults.map((f) => f.match)).toEqual(['骗子', '垃圾商家']);
    for (const f of insults) expect(draft.slice(f.start, f.end)).toBe(f.match);
  });

  it('flags threats: 差评, 曝光, 人肉, 挂你', () => {
    expect(codes('不退款我就给你差评')).toContain('threat');
    expect(codes('我要把你曝光到网上')).toContain('threat');
    expect(codes('信不信我人肉你')).toContain('threat');
    expect(codes('不退就挂你')).toContain('threat');
  });

  it('does not treat lawful escalation as a threat', () => {
    expect(checkTone('如果今天不处理，我会向平台申请介入，并向12315投诉。').ok).toBe(true);
  });

  it('flags exaggeration and promised outcomes', () => {
    expect(codes('你们骗了几百个人，我损失惨重')).toEqual(['exaggeration', 'exaggeration']);
    expect(codes('平台肯定会支持我，你必败')).toEqual(['promise', 'promise']);
    expect(codes('保证能退吧')).toContain('promise');
  });

  it('works on traditional Chinese and keeps offsets on the original text', () => {
    const draft = '不退款就給你差評，騙子';
    const r = checkTone(draft);
    expect(r.findings.map((f) => f.code)).toEqual(['threat', 'insult']);
    expect(r.findings[0].match).toBe('給你差評');
    expect(r.findings[1].match).toBe('騙子');
  });

  it('gives a label and an explanation for each finding', () => {
    const f = checkTone('sb商家').findings[0];
    expect(f.code).toBe('insult');
    expect(f.label.length).toBeGreaterThan(0);
    expect(f.why.length).toBeGreaterThan(10);
  });
});

describe('checkTone: what people actually write (issue 12 item 7)', () => {
  const codesOf = (draft: string, amount?: number) => checkTone(draft, { amount }).findings.map((f) => f.code);

  it('masked insults', () => {
    for (const d of ['傻X老板，卡密呢', '你个s b吧', 'S.B.店主还不发货', '煞笔网站']) expect(codesOf(d), d).toContain('insult');
  });

  it('curses', () => {
    expect(codesOf('骗钱的人不得好死')).toContain('curse');
    expect(codesOf('祝你们这个店早日倒闭')).toContain('curse');
  });

  it('harassment and exposure threats, but not a calm complaint about being harassed', () => {
    expect(codesOf('不退我就天天打电话骚扰你')).toContain('threat');
    expect(codesOf('我会把你的真名和收款码贴出来')).toContain('threat');
    expect(checkTone('你们一直给我发广告短信，这是骚扰，请停止。').ok).toBe(true);
  });

  it('police used as a threat, but not a plain statement of a report', () => {
    expect(codesOf('再不退我就报警抓你')).toContain('police_threat');
    expect(codesOf('你就等着坐牢吧')).toContain('police_threat');
    expect(checkTone('逾期不处理，我将向公安机关报案。').ok).toBe(true);
  });

  it('demands for multiples', () => {
    expect(codesOf('按规定赔我十倍')).toContain('multiple');
    expect(codesOf('双倍赔偿，少一分不行')).toContain('multiple');
  });

  it('figures out of line with the case amount, judged against it', () => {
    expect(codesOf('这件事让我损失上万元', 200)).toContain('figure');
    expect(codesOf('耽误我做生意，损失至少3000', 50)).toContain('figure');
    expect(checkTone('我一共付了1500元，损失1500元，请退回。', { amount: 1500 }).ok).toBe(true);
    expect(checkTone('损失三万', { amount: 30000 }).ok).toBe(true);
  });

  it('outcome promises', () => {
    expect(codesOf('保证告到你们倒闭')).toContain('promise');
    expect(codesOf('这官司你们必输')).toContain('promise');
  });

  it('emoji-only drafts and rage', () => {
    expect(codesOf('😡😡😡')).toEqual(['emoji_only']);
    expect(checkTone('好的，谢谢👍').ok).toBe(true);
    expect(codesOf('发货！！！！')).toContain('rage');
    expect(codesOf('GIVE ME MY MONEY BACK')).toContain('rage');
    expect(checkTone('我很着急！！请尽快处理').ok).toBe(true);
    expect(checkTone('我的QQ号和VIP等级截图在附件里').ok).toBe(true);
  });

  it('an order number that happens to start with SB is not an insult', () => {
    expect(checkTone('订单号 SB20261120001，请核实').ok).toBe(true);
  });

  it('the figure explanation names the case amount', () => {
    const f = checkTone('损失五万', { amount: 60 }).findings.find((x) => x.code === 'figure');
    expect(f?.why).toContain('60元');
  });
});

describe('neutralRewrite', () => {
  const zone = 'Asia/Shanghai';
  const facts = {
    merchant: '星月游戏',
    orderId: '202611201533028871',
    amount: 100,
    paidAt: new Date('2026-11-20T15:00:00+08:00'),
    scenario: 'not_received' as const,
    deadline: new Date('2026-11-22T17:00:00+08:00'),
  };

  it('states only the facts, in the zone, with a deadline', () => {
    const out = neutralRewrite('你个骗子，再不退款我就曝光你！！！', facts, zone);
    expect(out).toContain('星月游戏');
    expect(out).toContain('202611201533028871');
    expect(out).toContain('100 元');
    expect(out).toContain('2026年11月20日 15:00');
    expect(out).toContain('11月22日 17:00前');
    expect(out).toContain('没有收到商品');
  });

  it('carries no insult, threat or promise from the draft', () => {
    const out = neutralRewrite('你个骗子，再不退款我就曝光你，肯定会赢！！！', facts, zone);
    expect(checkTone(out).ok).toBe(true);
    expect(out).not.toContain('骗子');
    expect(out).not.toContain('曝光');
  });

  it('a payment known only to the day is written as the day, with no invented clock time (exploratory testing)', () => {
    const out = neutralRewrite('', { ...facts, paidAt: '2026-11-20' }, zone);
    expect(out).toContain('2026年11月20日');
    expect(out).not.toMatch(/2026年11月20日 \d/);
  });

  it('uses the zone, not the machine clock', () => {
    const out = neutralRewrite('', { ...facts, merchant: undefined }, 'America/New_York');
    expect(out).toContain('2026年11月20日 02:00');
    expect(out.startsWith('您好：')).toBe(true);
  });

  it('adapts the request to the scenario and survives missing facts', () => {
    expect(neutralRewrite('', { scenario: 'double_charge' }, zone)).toContain('多扣的款项');
    expect(neutralRewrite('', { scenario: 'card_used' }, zone)).toContain('发货记录');
    const bare = neutralRewrite('退钱', {}, zone);
    expect(bare).toContain('订单信息见附件截图');
    expect(bare).toContain('请尽快处理');
  });
});

describe('neutralRewrite without a payment time (read-through)', () => {
  it('never writes the broken "我于支付 100 元" when only the amount (or order number) is known', () => {
    const text = neutralRewrite('骗子', { merchant: '星河小铺', amount: 100, scenario: 'card_used' }, 'Asia/Shanghai');
    expect(text).not.toContain('我于支付');
    expect(text).toContain('支付 100 元');
  });
});
