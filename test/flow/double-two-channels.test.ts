// explore3 F47: a double charge taken from two payment channels ("支付宝扣了一次 银行卡又扣了一次").
// Both channels are recorded (secondChannel), the channel question is not asked again, and the
// payment rung names both debits and sends the duplicate to the channel that holds it.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { Reply } from '../../src/types.js';

let app: ReturnType<typeof makeApp> | undefined;
afterEach(() => app?.close?.());

const all = (rs: Reply[]) => rs.map((r) => [r.text, r.document?.title, r.document?.body].filter(Boolean).join('\n')).join('\n');

/** From the checklist to the payment rung (seller → platform → payment). */
function toPaymentRung(d: Driver): string {
  d.press('e:done');
  d.press('r:next');
  return all(d.press('r:next'));
}

describe('F47: a double charge on two channels', () => {
  it('channels named with the count: both recorded, the channel question not asked, the payment rung sends the duplicate to the bank', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    const asked = answerIntake(d, {
      amount: { text: '100' },
      chargeCount: { text: '支付宝扣了一次 银行卡又扣了一次 一共两次' },
      extraAmount: { text: '一样 也是100' },
    });
    expect(asked).not.toContain('channels');
    expect(asked).not.toContain('secondChannel');
    const f = d.activeCase()!.facts;
    expect(f.chargeCount).toBe(2);
    expect(f.paymentMethod).toBe('alipay');
    expect(f.channels).toBe('different');
    expect(f.secondChannel).toBe('bank');
    const pay = toPaymentRung(d);
    // Both debits named, each with its channel and sum.
    expect(pay).toMatch(/支付宝[^。\n]{0,12}100元/);
    expect(pay).toMatch(/银行卡[^。\n]{0,12}100元/);
    // The duplicate goes to the card's issuing bank (差错处理), not only to 支付宝.
    expect(pay).toContain('发卡银行');
    expect(pay).toContain('差错处理');
    expect(pay).not.toContain('支付宝 → 我的 → 账单');
    // No "原支付账户" left open: which account is said.
    expect(pay).not.toContain('至原支付账户');
    expect(pay).not.toContain('几次扣款来自不同的支付方式');
  });

  it('the seller letter names both debits and where the extra goes back', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    answerIntake(d, { amount: { text: '100' }, chargeCount: { text: '支付宝扣了一次 银行卡又扣了一次 一共两次' } });
    const seller = all(d.press('e:done'));
    expect(seller).toMatch(/银行卡[^。\n]{0,12}100元/);
    expect(seller).not.toContain('至原支付账户');
  });

  it('"不同 支付宝和银行卡都扣了" at the channel question records the bank as the second channel', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    const asked = answerIntake(d, { channels: { text: '不同 支付宝和银行卡都扣了' } });
    expect(asked).toContain('channels');
    expect(asked).not.toContain('secondChannel');
    expect(d.activeCase()!.facts.channels).toBe('different');
    expect(d.activeCase()!.facts.secondChannel).toBe('bank');
  });

  it('a bare 不同 asks which channel the other debit came from', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    const asked = answerIntake(d, { channels: { text: '不同' }, secondChannel: { text: '银行卡' } });
    expect(asked).toContain('secondChannel');
    expect(d.activeCase()!.facts.secondChannel).toBe('bank');
  });

  it('one channel stays as before: 支付宝 only, its own complaint path', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    const asked = answerIntake(d);
    expect(asked).toContain('channels');
    expect(d.activeCase()!.facts.secondChannel).toBeUndefined();
    const pay = toPaymentRung(d);
    expect(pay).toContain('支付宝 → 我的 → 账单');
    expect(pay).not.toContain('发卡银行');
  });
});
