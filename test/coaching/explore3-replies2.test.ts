// What is typed on a rung or after a reminder, read as what it is (exploratory testing, explore3:
// F4, F9, F29, F30, F31, F37, F39, F40, F41, F44, F46, F48, F51): the seller asking for evidence, a
// second bad key, a refund tied to deleting a review, a refund promised with a time, a swap promised
// for later (and accepted), the police's answer, an honest admission, a refund claimed but not
// arrived, refunds said in words with their amount, the bill's numbers after 无此订单, a question
// about complaining on two sides at once, coming back after the deadline, going to the platform
// in words, and reminder controls said in words.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { harness, texts, type Harness } from '../followups/harness.js';
import type { ScenarioId } from '../../src/types.js';

let app: ReturnType<typeof makeApp>;
let h: Harness | undefined;
afterEach(() => {
  app?.close();
  h?.app.close();
  h = undefined;
});

/** A fresh case of `scenario` on its first rung (the seller), its text marked 已发送. */
function sentOnSeller(scenario: ScenarioId = 'not_received', overrides: Record<string, { text?: string; choice?: string }> = {}): Driver {
  app?.close();
  app = makeApp();
  const d = new Driver(app);
  d.press(`s:${scenario}`);
  answerIntake(d, overrides);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
  d.press(d.choice('r:sent'));
  return d;
}

const ids = (d: Driver) => d.last().choices?.map((c) => c.id) ?? [];
const allText = (r: { text: string; document?: { body: string } }[]) => r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');
const pending = (d: Driver) =>
  d.app.db.prepare(`SELECT kind, due_at AS dueAt FROM follow_ups WHERE case_id = ? AND status = 'pending' ORDER BY due_at`).all(d.activeCase()!.id) as { kind: string; dueAt: number }[];
const hours = (n: number) => n * 3_600_000;

describe('F39: more seller answers on the card-key rung', () => {
  it('"商家要我提供兑换时的录屏 不然不给退": send it and ask for the redemption record — not a refusal that escalates', () => {
    const d = sentOnSeller('card_used');
    const r = allText(d.say('商家要我提供兑换时的录屏 不然不给退'));
    expect(r).not.toContain('明确拒绝');
    expect(r).toContain('兑换记录');
    expect(r).toContain('录屏');
    expect(d.activeCase()!.state.rung).toBe(0);
  });

  it('"商家给我换了一张新的 还是提示已使用": a second bad key, recorded and the claim strengthened', () => {
    const d = sentOnSeller('card_used');
    const r = allText(d.say('商家给我换了一张新的 还是提示已使用'));
    expect(r).not.toContain('没看懂');
    expect(r).toContain('第二张');
    expect(d.activeCase()!.facts.secondKeyBad).toBe(true);
    expect(d.activeCase()!.state.rung).toBe(0);
  });

  it('"商家说要我先删掉差评才给退": the condition is refused, the evidence kept', () => {
    const d = sentOnSeller('card_used');
    const r = allText(d.say('商家说要我先删掉差评才给退'));
    expect(r).not.toContain('没看懂');
    expect(r).toContain('评价');
    expect(r).toContain('截图');
    expect(d.activeCase()!.state.rung).toBe(0);
  });

  it('"商家同意退款了 说24小时内原路退回": a promise with a time, checked then — not "商家说已经退款"', () => {
    const d = sentOnSeller('card_used');
    const r = allText(d.say('商家同意退款了 说24小时内原路退回'));
    expect(r).not.toContain('说已经退款');
    expect(r).not.toContain('退回了多少钱');
    const c = d.activeCase()!;
    expect(c.state.awaitingRefundAmount).toBeFalsy();
    expect(c.state.replies?.at(-1)).toMatchObject({ kind: 'promised_later' });
  });
});

describe('F31: a swap promised for later, then accepted', () => {
  it('"商家说可以给我换成年卡 但是要等一周": a promise to replace with a date (never 已发货); the check is then', () => {
    const d = sentOnSeller('not_as_described');
    const before = d.app.now().getTime();
    const r = allText(d.say('商家说可以给我换成年卡 但是要等一周'));
    expect(r).not.toContain('已发货');
    expect(r).not.toContain('没看懂');
    expect(r).toContain('11月27日');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'promised_later' });
    expect(pending(d).some((f) => f.kind === 'rung_check' && f.dueAt >= before + hours(24 * 7) - hours(1))).toBe(true);
    const r2 = allText(d.say('算了 换成年卡我也能接受 不一定要退钱'));
    expect(r2).not.toContain('没看懂');
    expect(d.activeCase()!.facts.swapAccepted).toBe(true);
    expect(d.activeCase()!.status).toBe('open');
  });
});

describe('F48: the police\'s answer on the police rung', () => {
  it('"去派出所了 警察说金额不够立案 让我找平台": 受案回执 / 不予立案通知书 (law row police169), then the other rungs — no seller letter', () => {
    const d = sentOnSeller('merchant_vanished', { amount: { text: '2000元' } });
    for (let i = 0; i < 6 && !/报警/.test(d.last().text.split('\n').find((l) => /^第\d+\/\d+步/.test(l)) ?? ''); i++) {
      const next = d.last().choices?.find((c) => c.id.startsWith('r:next'));
      if (!next) break;
      d.press(next.id);
    }
    expect(d.last().text).toMatch(/第\d+\/\d+步：.*报警/);
    const rung = d.activeCase()!.state.rung;
    d.press(d.choice('r:sent'));
    const r = d.say('去派出所了 警察说金额不够立案 让我找平台');
    const text = allText(r);
    expect(text).toContain('受案回执');
    expect(text).toContain('不予立案通知书');
    expect(text).toContain('第169、171条');
    expect(text).toContain('治安');
    expect(text).not.toContain('你的店铺');
    expect(r.every((x) => !x.document)).toBe(true);
    expect(d.activeCase()!.state.replies ?? []).toHaveLength(0);
    expect(d.activeCase()!.state.rung).toBe(rung);
    expect(ids(d).some((id) => id.startsWith('r:next'))).toBe(true);
  });
});

describe('F9: an honest admission on a rung', () => {
  it('"刚问了我弟 他说卡密是他前天拿去兑换了 是我搞错了": thanks, not the seller\'s fault, withdraw, 结案 — no date correction; letters lose "从未兑换过"', () => {
    const d = sentOnSeller('card_used');
    const r = allText(d.say('不好意思 刚问了我弟 他说卡密是他前天拿去兑换了 是我搞错了'));
    expect(r).not.toContain('改成');
    expect(r).not.toContain('没看懂');
    expect(r).toContain('谢谢');
    expect(r).toContain('撤回');
    expect(ids(d)).toContain('m:close');
    const c = d.activeCase()!;
    expect(c.facts.redeemedBefore).not.toBe('never');
    expect(c.state.replies ?? []).toHaveLength(0);
    d.say('继续');
    expect(allText(d.log.slice(-1))).not.toContain('从未兑换过');
  });
});

describe('F40: "商家说已经退了 但我没收到" keeps the seller deadline', () => {
  it('the check is not before the deadline nor before the refund window quoted; "还没到" a day on does not escalate', () => {
    const d = sentOnSeller();
    const deadline = pending(d).find((f) => f.kind === 'rung_check')!.dueAt;
    d.say('商家说已经退了 但我没收到');
    const checks = pending(d).filter((f) => f.kind === 'rung_check');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((f) => f.dueAt >= deadline)).toBe(true);
    d.say('进度');
    expect(d.last().text).toContain('确认对方说的退款到账没有');
    app.clock.t = new Date(app.now().getTime() + hours(25));
    d.say('还没到');
    expect(d.activeCase()!.state.rung).toBe(0);
  });
});

describe('F40: the reminder for a claimed refund', () => {
  it('asks whether that refund arrived (and for the 退款凭证), not "你给商家的处理期限到了"', () => {
    h = harness('2025-11-17 10:00');
    h.ladderCase();
    h.send({ choice: 'r:sent' });
    h.send({ text: '商家说已经退了 但我没收到' });
    h.at('2025-11-25 10:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    const text = h.followUpMessages().at(-1)!.text;
    expect(text).toContain('退款凭证');
    expect(text).not.toContain('处理期限');
  });
});

describe('F4/F51: refunds said in words, with their amount', () => {
  it('"刚刚退款到账了 全额" closes as 全额退款 of the amount paid, never "商家说已经退款"', () => {
    const d = sentOnSeller();
    const r = allText(d.say('刚刚退款到账了 全额'));
    expect(r).not.toContain('说已经退款');
    const c = d.app.engine.repo.getCase(d.log.length ? (d.app.db.prepare('SELECT id FROM cases ORDER BY id DESC').get() as { id: number }).id : 0)!;
    expect(c.status).not.toBe('open');
    expect(c.refundedAmount).toBe(100);
  });

  it('"退回来了 100块全回来了" closes as full 100', () => {
    const d = sentOnSeller();
    const r = allText(d.say('退回来了 100块全回来了'));
    expect(r).not.toContain('说已经退款');
    const c = d.app.engine.repo.getCase((d.app.db.prepare('SELECT id FROM cases ORDER BY id DESC').get() as { id: number }).id)!;
    expect(c.refundedAmount).toBe(100);
    expect(c.outcome).toBe('full');
  });

  it('"全额" / "全部退了" answering "退回了多少钱？" is the amount paid', () => {
    for (const said of ['全额', '全部退了']) {
      const d = sentOnSeller();
      d.say('退了');
      expect(d.activeCase()!.state.awaitingRefundAmount).toBe(true);
      d.say(said);
      const c = d.app.engine.repo.getCase((d.app.db.prepare('SELECT id FROM cases ORDER BY id DESC').get() as { id: number }).id)!;
      expect(c.refundedAmount, said).toBe(100);
      expect(c.outcome, said).toBe('full');
    }
  });

  it('"退了112 商家扣了8块手续费" on a 120元 case: 112 back, 8 still owed — not "商家说已经退款"', () => {
    const d = sentOnSeller('not_received', { amount: { text: '120元' } });
    const r = allText(d.say('退了112 商家扣了8块手续费'));
    expect(r).not.toContain('说已经退款');
    expect(d.activeCase()!.facts.refundedSoFar).toBe(112);
  });

  it('刷不了, at the reversal check: "退回来了 100块全回来了" → closed, full 100', () => {
    const d = sentOnSeller('payment_failed');
    const r = allText(d.say('退回来了 100块全回来了'));
    expect(r).not.toContain('说已经退款');
    const c = d.app.engine.repo.getCase((d.app.db.prepare('SELECT id FROM cases ORDER BY id DESC').get() as { id: number }).id)!;
    expect(c.refundedAmount).toBe(100);
  });
});

describe('F44: the bill\'s numbers after 无此订单', () => {
  it('交易单号 / 商户单号 typed are recorded and the ready reply re-issued with them', () => {
    const d = sentOnSeller();
    d.say('商家说查不到我的订单');
    const r = d.say('交易单号 4200001234202611290000111122 商户单号 XL202611291234');
    const text = allText(r);
    expect(text).not.toContain('没看懂');
    expect(text).toContain('4200001234202611290000111122');
    expect(text).toContain('XL202611291234');
    expect(text).not.toContain('【交易单号】');
    const f = d.activeCase()!.facts;
    expect(f.txnId).toBe('4200001234202611290000111122');
    expect(f.merchantOrderNo).toBe('XL202611291234');
  });
});

describe('F46: a question about the platform and WeChat at once', () => {
  it('"平台申诉和微信投诉可以同时进行吗 我怕平台拖时间" gets a plain answer, nothing recorded', () => {
    const d = sentOnSeller();
    const text = allText(d.say('平台申诉和微信投诉可以同时进行吗 我怕平台拖时间'));
    expect(text).toContain('同时');
    expect(text).toContain('撤回');
    expect(text).not.toContain('没看懂');
    expect(d.activeCase()!.state.replies ?? []).toHaveLength(0);
  });
});

describe('F30/F37/F41: coming back and reminder controls in words', () => {
  it('"你好 我又来了 那个商家还是没退" after the deadline: greeted, the deadline passed, the next rung', () => {
    const d = sentOnSeller();
    app.clock.t = new Date(app.now().getTime() + hours(75));
    const text = allText(d.say('你好 我又来了 那个商家还是没退'));
    expect(text).toContain('你好');
    expect(text).toContain('期限已过');
    expect(d.activeCase()!.state.rung).toBe(1);
  });

  it('"好 那我现在去平台申诉" opens the platform rung', () => {
    const d = sentOnSeller();
    d.say('好 那我现在去平台申诉');
    expect(d.activeCase()!.state.rung).toBe(1);
    expect(d.last().text).toContain('平台申诉');
  });

  it('"别再提醒我了" = 不再提醒', () => {
    const d = sentOnSeller();
    const text = allText(d.say('别再提醒我了'));
    expect(text).not.toContain('没看懂');
    expect(d.activeCase()!.state.remindersOff).toBe(true);
    expect(pending(d)).toHaveLength(0);
  });
});

describe('F29: "过两天再提醒我吧" answering a reminder about another case', () => {
  it('snoozes that case\'s reminder ~2 days; nothing recorded as a seller promise on either case', () => {
    h = harness('2025-11-17 10:00');
    const first = h.ladderCase({ facts: { amount: 98 } });
    h.send({ choice: 'r:sent' });
    const second = h.ladderCase({ scenario: 'double_charge', facts: { amount: 55, extraAmount: 50, chargeCount: 2 } });
    h.at('2025-11-19 17:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    h.at('2025-11-19 18:00');
    const said = texts(h.send({ text: '过两天再提醒我吧' }));
    expect(said).not.toContain('承诺');
    expect(h.caseOf(first).state.replies ?? []).toHaveLength(0);
    expect(h.caseOf(second).state.replies ?? []).toHaveLength(0);
    expect(h.followUps(second)).toHaveLength(0);
    const due = h.followUps(first).filter((f) => f.kind === 'rung_check');
    expect(due).toHaveLength(1);
    const days = (due[0].dueAt - h.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(1.5);
    expect(days).toBeLessThan(2.7);
  });
});
