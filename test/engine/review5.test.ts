// Fresh-eyes review of session 5's conversation changes: each finding, first failing.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { detectFabrication } from '../../src/coaching/fabrication.js';
import { parseAmount } from '../../src/nlu/amount.js';
import { goodsArrived } from '../../src/dialogue/arrived.js';
import { checkName } from '../../src/dialogue/values.js';
import { parseWhen } from '../../src/nlu/time.js';
import { classifySellerReply } from '../../src/coaching/sellerReply.js';
import { relativeToPayment } from '../../src/flow/relative-time.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

function toLadder(d: Driver, overrides: Record<string, { text?: string; choice?: string }> = {}): void {
  d.press('s:not_received');
  answerIntake(d, overrides);
  d.press('e:done');
}

describe('review of session 5', () => {
  it('F1: a refund reported at 退回了多少钱 ("到账了，100元") is a refund, never 商家已发货; bare 到账了 is not goods arriving', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.press('k:rf');
    d.say('到账了，100元');
    expect(d.log.some((r) => r.text.includes('东西到了'))).toBe(false);
    expect(goodsArrived('到账了，100元')).toBe(false);
    expect(goodsArrived('已经到账了')).toBe(false);
    expect(goodsArrived('到了 退了100')).toBe(false);
    expect(goodsArrived('点券到了')).toBe(true);
    expect(goodsArrived('已经到了 不用了')).toBe(true);
  });

  it('F1: 商家已发货/补发 is offered at 结案 only where goods were owed', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    answerIntake(d);
    d.press('e:done');
    d.say('结案');
    expect(d.last().choices?.map((c) => c.id)).not.toContain('x:delivered');
  });

  it('F5: the deadline passing or the platform saying it received the complaint is not goods arriving', () => {
    for (const t of ['已经到了期限 商家不理我', '到了约定时间 商家不回消息', '投诉发了 客服说收到了', '申诉发了，显示已收到']) expect(goodsArrived(t), t).toBe(false);
  });

  it('F2: a subject-less 说… asking whether to fake is still a fabrication question', () => {
    for (const t of ['说没收到可以么', '说没收到行么', '说没收到可以不', '说是没收到货 能退吗', '说是卡密被用了 行么']) {
      expect(detectFabrication(t), t).toMatchObject({ mode: 'question' });
    }
    for (const t of ['说是三天内', '说是已被使用', '说是卡密错误']) expect(detectFabrication(t), t).toBeUndefined();
  });

  it('F8: a redemption days or hours after the purchase is not the payment minute', () => {
    const paid = '2026-11-15T12:00:00.000Z';
    const now = new Date('2026-11-20T08:00:00Z');
    for (const t of ['买完第二天才兑换的', '买完三天后', '过了两天才用', '一个小时后', '买了就放着，后来才兑换']) {
      expect(relativeToPayment(t, paid, now, 'Asia/Shanghai'), t).toBeUndefined();
    }
  });

  it('F6: the seller blocking the user and the chat gone with it is the seller not replying, not a question about deleted evidence', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.press(d.choice('r:sent'));
    d.say('商家把我拉黑了 聊天记录都没了');
    expect(d.log.at(-1)!.text).not.toContain('不要从别处补做');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'no_reply' });
  });

  it('F7: first-message sums the user paid are kept (帮别人充了100元, 年费会员 付了198元, 按月买的会员 付了30元, 大家好 充了100, 广东省100元话费)', () => {
    expect(parseAmount('帮别人充了100元话费 微信付的 一直没到账')).toBe(100);
    expect(parseAmount('开通了年费会员 付了198元')).toBe(198);
    expect(parseAmount('按月买的会员 付了30元')).toBe(30);
    expect(parseAmount('大家好 我在卡盟充了100')).toBe(100);
    expect(parseAmount('广东省100元话费')).toBe(100);
    // Still left out: a recurring rate, a saving, someone else's loss.
    expect(parseAmount('之后每个月自动续费29.9这个我完全不知情')).toBeUndefined();
    expect(parseAmount('就开通了连续包月的,为了省10元')).toBeUndefined();
    expect(parseAmount('甚至有人被盗刷了三千元')).toBeUndefined();
  });

  it('F9: name cleanup keeps real content: a QQ in brackets, a quantity, 什么值得买; 不是说过了吗 is chatter', () => {
    expect(checkName('星辰点卡店（客服QQ 88776655）', { name: true, allowDigits: true })).toEqual({ ok: true, value: '星辰点卡店(客服QQ 88776655)' });
    expect(checkName('王者荣耀点券(600)', { name: true })).toEqual({ ok: true, value: '王者荣耀点券(600)' });
    expect(checkName('什么值得买', { name: true })).toEqual({ ok: true, value: '什么值得买' });
    expect(checkName('不是说过了吗 七七卡盟', { name: true })).toEqual({ ok: true, value: '七七卡盟' });
    expect(checkName('星空卡盟（已经打不开了）', { name: true })).toEqual({ ok: true, value: '星空卡盟' });
  });

  it('F10/F18: a vague day (这个月十几号, 上个月二十几号) and a quantity (这个月的10G流量包) give no date', () => {
    const now = new Date('2026-11-21T10:00:00+08:00');
    for (const t of ['这个月十几号', '上个月二十几号', '这个月10多号', '这个月的10G流量包用完了']) expect(parseWhen(t, now, 'Asia/Shanghai'), t).toBeUndefined();
  });

  it('F12: at the give-up question, 不放弃 or 继续 keeps the case and asks the question again, storing nothing', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('小年卡盟');
    d.say('算了');
    d.say('不放弃');
    const c = d.activeCase()!;
    expect(c.status).toBe('open');
    expect(c.facts.merchant ?? null).toBeNull();
    expect(c.state.q).toBe('merchant');
  });

  it('F17: the user\'s own "那我再等等" is not the seller promising later', () => {
    expect(classifySellerReply('那我再等等')).not.toBe('promised_later');
    expect(classifySellerReply('他说让我再等等')).toBe('promised_later');
  });

  it('F4/F16/F14: at the checklist 没了 / 到下一步吧 go on; 订单号错了 unticks nothing; 除了聊天记录都有 unticks a chat log ticked before', () => {
    app = makeApp();
    let d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.say('没了');
    expect(d.activeCase()!.state.stage).toBe('ladder');
    app.close();
    app = makeApp();
    d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press(d.choice('e:order_shot'));
    d.say('订单号错了');
    expect(Object.keys(d.activeCase()!.state.evidence)).toContain('order_shot');
    d.press(d.choice('e:chat_log'));
    d.say('除了聊天记录都有');
    expect(Object.keys(d.activeCase()!.state.evidence)).not.toContain('chat_log');
  });

  it('F13/F15/F3/F19: exact sums with 估计/约 elsewhere are taken; masking a balance is fine; 借呗 is no payment answer; 3天 / 2天内到账 / 48小时内 are 几天内', () => {
    app = makeApp();
    let d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { amount: { text: '128元 估计是被骗了' } });
    expect(d.activeCase()!.facts.amount).toBe(128);
    for (const text of ['3天', '2天内到账', '48小时内']) {
      app.close();
      app = makeApp();
      d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { promisedTime: { text } });
      expect(d.activeCase()!.facts.promisedTime, text).toBe('days');
    }
    app.close();
    app = makeApp();
    d = new Driver(app);
    toLadder(d);
    d.say('支付记录截图把余额打码了可以吗');
    expect(d.activeCase()!.state.replies ?? []).toEqual([]);
  });

  it('F11: a key pasted at 订单号是？ without a label and without a date stamp stays masked (JD8812345678A9 bare is refused, labelled it is the order number)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { orderId: { text: 'JD8812345678A9' } });
    expect(JSON.stringify(d.activeCase()!.facts)).not.toContain('JD8812345678A9');
  });

  it('tester M7: correcting the item (商品改成王者荣耀点券1200, 我买的是点券1200 不是600) changes the item, never the amount', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, { amount: { text: '128' } });
    d.say('商品改成王者荣耀点券1200');
    expect(d.last().text).not.toContain('金额');
    expect(d.last().text).toContain('王者荣耀点券1200');
    d.say('对');
    expect(d.activeCase()!.facts.amount).toBe(128);
    expect(d.activeCase()!.facts.item).toBe('王者荣耀点券1200');
  });

  it('tester M4: after 我的案件, a bare number that is both an option number and another case\'s id is asked about, not taken as the id', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used'); // #1
    d.say('新案件');
    d.press('s:not_received'); // #2
    d.say('#1'); // back to #1
    d.say('我的案件');
    expect(d.last().choices?.[0].id).toBe('c:2'); // "1. 切换到 #2"
    d.say('1');
    expect(d.last().choices?.map((c) => c.id)).toEqual(['c:2', 'c:1']);
    d.press('c:2');
    expect(d.activeCase()!.id).toBe(2);
  });


  it('tester M9/M10: a step\'s button label typed after 进度 / 导出 is the current step\'s button, never "已经处理过了" or 我没看懂', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.say('没用，看下一步');
    expect(d.activeCase()!.state.rung).toBe(1);
    app.clock.t = new Date(app.clock.t.getTime() + 11_000);
    d.say('进度');
    app.clock.t = new Date(app.clock.t.getTime() + 11_000);
    d.say('没用，看下一步');
    expect(d.log.some((r) => r.text.includes('已经处理过了'))).toBe(false);
    expect(d.activeCase()!.state.rung).toBe(2);
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    answerIntake(e);
    e.say('导出');
    e.say('证据先这样，看下一步');
    expect(e.activeCase()!.state.stage).toBe('ladder');
    expect(e.activeCase()!.state.rung).toBe(0);
  });

  it('tester M13: "两天后提醒我" on a step schedules a check two days on, instead of 我没看懂', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    const r = d.say('两天后提醒我');
    expect(r.map((x) => x.text).join('')).not.toContain('没看懂');
    const c = d.activeCase()!;
    const due = app.engine.repo.followUpsFor(c.id).filter((f) => f.kind === 'rung_check').map((f) => f.dueAt);
    expect(due.some((t) => t - app.now().getTime() >= 1.9 * 86_400_000 && t - app.now().getTime() <= 2.6 * 86_400_000)).toBe(true);
  });

  it('tester M15: "我选错了 其实是扣了两次钱" mid-intake offers to switch to 重复扣款, keeping the answers given', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('小年卡盟');
    d.say('我选错了 其实是扣了两次钱');
    expect(d.last().choices?.map((c) => c.id)).toContain('k:sw:double_charge');
    d.press('k:sw:double_charge');
    const c = d.activeCase()!;
    expect(c.scenario).toBe('double_charge');
    expect(c.facts.platform).toBe('小年卡盟');
  });

  it('tester H20: at 商家跑路\'s balance question, the unused time of a subscription (还剩大概半年没用) is asked again saying how to count it in money', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d, { balance: { text: '还剩大概半年没用' } });
    expect(d.log.some((r) => r.text.includes('折算'))).toBe(true);
  });

  it('"都有" at the checklist ticks every item with one reply, not one list per item (final terminal run)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    const r = d.say('都有');
    expect(r).toHaveLength(1);
    expect(r[0].text).toContain('订单截图、支付记录');
    expect(Object.keys(d.activeCase()!.state.evidence).length).toBeGreaterThanOrEqual(5);
  });

  it('tester L4/L5/L6: foreign currency and a rough balance get their own reason; 退了100 剩下的不要了 closes as a part without asking again', () => {
    app = makeApp();
    let d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { amount: { text: '$15' } });
    expect(d.log.some((r) => r.text.includes('人民币金额'))).toBe(true);
    app.close();
    app = makeApp();
    d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d, { balance: { text: '还有两百多吧' } });
    expect(d.log.some((r) => r.text.includes('平台账户里显示的余额'))).toBe(true);
    app.close();
    app = makeApp();
    d = new Driver(app);
    toLadder(d, { amount: { text: '128' } });
    d.say('结案');
    d.say('退了100 剩下的不要了');
    expect(d.activeCase()).toBeUndefined();
    expect(d.last().text).toContain('已结案：部分退款');
  });

  it('tester L8: after 已发送 the 商家回复了 button stays, as the text promises', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.press(d.choice('r:sent'));
    expect(d.last().choices?.map((c) => c.id)).toContain('k:said');
  });

  it('tester L1: 进度 lists what comes next in date order', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, { paidAt: { text: '11月9日' } }); // the appeal window's warning fires before the seller's deadline
    d.press(d.choice('r:sent'));
    const text = d.say('进度').map((r) => r.text).join('\n');
    const days = [...text.matchAll(/(\d{1,2})月(\d{1,2})日（周.）前/g)].map((m) => Number(m[1]) * 100 + Number(m[2]));
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });

  it('tester L13: 刷不了 with 钱确实扣了吗？ = 不确定 never writes 我已付款 in the letters', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:payment_failed');
    answerIntake(d, { moneyTaken: { choice: 'a:unsure' } });
    if (d.activeCase()!.state.stage === 'evidence') d.press('e:done');
    const letters = d.log.map((r) => r.document?.body ?? '').join('\n');
    expect(letters).not.toContain('我已付款');
  });

  it('tester L10/M14: 导出 mid-question asks the question again; a card key given by its first and last characters is stored masked', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    const q = d.activeCase()!.state.q;
    const r = d.say('导出');
    expect(r.length).toBeGreaterThan(1);
    expect(d.activeCase()!.state.q).toBe(q);
    app.close();
    for (const text of ['前4位K7PX 后4位2345', 'K7PX…2345']) {
      app = makeApp();
      const e = new Driver(app);
      e.press('s:card_used');
      answerIntake(e, { cardKey: { text } });
      expect(e.activeCase()!.facts.cardKey, text).toBe('K7PX****2345');
      app.close();
    }
    app = makeApp();
  });

  it('final smoke test: "我自己兑换过 显示成功了 但是会员根本没到账" gets the switch to 未到账 (facts kept), never the fraud warning', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used');
    answerIntake(d, { redeemedBefore: { text: '我自己兑换过 显示成功了 但是会员根本没到账' } });
    const all = d.log.slice(-2).map((r) => r.text).join('\n');
    expect(all).not.toMatch(/诈骗|《刑法》/);
    d.press('k:sw:not_received');
    const c = d.activeCase()!;
    expect(c.scenario).toBe('not_received');
    expect(c.facts.platform).toBeTruthy();
  });

  it('final smoke test: at 对方是怎么回复的？ typed words are read whole — 可以退50 剩下的不退 / 只能退你50块 are a part offered, not 过了售后期', () => {
    for (const text of ['他说可以退50 剩下的不退', '只能退你50块']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d);
      d.press('k:said');
      d.say(text);
      expect(d.activeCase()!.state.replies?.at(-1), text).toMatchObject({ kind: 'partial_offer' });
    }
  });
});
