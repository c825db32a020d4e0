import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';
import { SCENARIOS as SIX } from '../../src/types.js';

let app: App;
afterEach(() => app?.close());

// The injected clock: 2026-11-20T08:00Z = 11月20日 16:00 in Asia/Shanghai.
describe('free text in the engine', () => {
  it('a first message starts the matching flow pre-filled after confirming, and skips answered questions', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('昨天下午3点用支付宝充了100块Q币，到现在没到账，客服不回');
    const r = d.last();
    expect(r.text).toContain('我理解为：付款后未到账/未发货');
    expect(r.text).toContain('100元');
    expect(r.text).toContain('支付宝');
    expect(r.text).toContain('11月19日 15:00');
    expect(r.choices?.map((c) => c.id)).toEqual(['u:yes', 'u:no']);
    expect(d.activeCase()).toBeUndefined();
    d.press('u:yes');
    const c = d.activeCase()!;
    expect(c.scenario).toBe('not_received');
    expect(c.facts).toMatchObject({ amount: 100, paymentMethod: 'alipay', paidAt: '2026-11-19T07:00:00.000Z' });
    const asked = answerIntake(d);
    expect(asked).not.toContain('amount');
    expect(asked).not.toContain('paymentMethod');
    expect(asked).not.toContain('paidAt');
    expect(asked).toContain('merchant');
  });

  it('"不对" lets the user pick the scenario and keeps the facts found', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('昨天下午3点用支付宝充了100块Q币，到现在没到账');
    d.say('不对，我自己选'); // the choice's words work as well as its button
    expect(d.last().choices?.[1].id).toBe('u:s:double_charge');
    d.press('u:s:double_charge');
    expect(d.activeCase()!.scenario).toBe('double_charge');
    expect(d.activeCase()!.facts.amount).toBe(100);
  });

  it('a new story told at the confirmation is read again, not taken as a fact correction of the old reading', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('为什么我充了会员还是显示不是会员，钱已经扣了');
    expect(d.last().text).toContain('我理解为：付款后未到账/未发货');
    d.say('同一笔订单支付宝扣了我两次，每次39.9');
    expect(d.last().text).toContain('我理解为：重复扣款');
    expect(d.last().text).toContain('39.90元');
    d.press('u:yes');
    expect(d.activeCase()!.scenario).toBe('double_charge');
    expect(d.activeCase()!.facts).toMatchObject({ amount: 39.9, paymentMethod: 'alipay' });
    // A plain fact correction still corrects the reading shown.
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.say('昨天下午3点用支付宝充了100块Q币，到现在没到账');
    e.say('是微信付的');
    expect(e.last().text).toContain('我理解为：付款后未到账/未发货');
    expect(e.last().text).toContain('微信');
  });

  it('a time given only as a day is confirmed as the day', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('11月18日在小年卡盟买的点卡，付了50元，卡密一直没发货');
    expect(d.last().text).toContain('11月18日');
    expect(d.last().text).not.toMatch(/11月18日 \d\d:\d\d/);
  });

  it('a message that fits no scenario asks the user to pick', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('我有个问题想问下');
    expect(d.last().text).toContain('请选一个');
    expect(d.last().choices?.map((c) => c.id)).toEqual([...SIX.map((s) => `u:s:${s}`), 'u:none']); // and 都不是 (session 6)
  });

  it('a greeting alone (在吗, 你好) is welcomed with the menu, not asked to pick a scenario (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('在吗');
    expect(d.last().text).toContain('我是退款维权助手');
    expect(d.last().text).not.toContain('请选一个');
  });

  it('a revealed fabricated claim is declined with the risk explained; a question inside a case leaves it open (issue 12 item 6)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('卡密我已经用了，但想说没收到让他退款');
    expect(d.last().text).toContain('不能继续提供协助');
    expect(d.last().text).toContain('《刑法》第266条');
    expect(d.activeCase()).toBeUndefined();
    d.press('s:not_received');
    d.say('能不能帮我P一下截图，把到账记录去掉');
    expect(d.last().text).toContain('不能帮你');
    expect(d.last().text).toContain('正规的做法');
    expect(d.activeCase()!.state.stage).toBe('intake');
  });

  it('an honest report of a used key is not mistaken for a fabricated claim', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('刚买的卡密显示已被使用，我根本没用过，商家不认');
    expect(d.last().text).toContain('我理解为：卡密已被使用/无效');
  });

  it('检查语气 flags threats and insults and offers a calm rewrite built from the case facts', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.say('检查语气');
    expect(d.last().text).toContain('发给我');
    d.say('你个骗子，再不退钱我就给你差评曝光你！！！');
    const r = d.last();
    expect(r.text).toContain('差评');
    expect(r.text).toContain('骗子');
    expect(r.document?.body).toContain('202611201530123456');
    expect(r.document?.body).not.toMatch(/骗子|差评|曝光/);
    // The case itself did not move.
    expect(d.activeCase()!.state.stage).toBe('evidence');
    d.say('检查语气 您好，订单202611201530123456还没到账，麻烦尽快处理，谢谢。');
    expect(d.last().document).toBeUndefined();
  });
});
