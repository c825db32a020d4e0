// Honest users are not cheats, and common answers on a rung are read as what they are (exploratory
// testing, explore4): F23 an honest "用过了" at 收到后用过吗？, F25 a correction downward and a second
// order, F15 a seller's voice, F19 a fee deducted from a refund, F22 a double refund, F31 part of
// the goods arrived, F34 刷不了 补单, F14 12315 declining jurisdiction, F37 payment/card rung
// replies, F5/F6 the seller's own wait and words after a passed deadline. Real engine throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, GOOD, makeApp } from '../helpers.js';
import { harness, texts, type Harness } from '../followups/harness.js';
import type { ScenarioId } from '../../src/types.js';

let app: ReturnType<typeof makeApp> | undefined;
let h: Harness | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  h?.app.close();
  h = undefined;
});

const REFUSAL = /不能帮你做|刑法|虚构事实/;
const allText = (r: { text: string; document?: { body: string } }[]) => r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');

function fresh(): Driver {
  app?.close();
  app = makeApp();
  return new Driver(app);
}

/** A fresh case of `scenario` on its first rung, its text marked 已发送. */
function sentOnFirst(scenario: ScenarioId = 'not_received', overrides: Record<string, { text?: string; choice?: string }> = {}): Driver {
  const d = fresh();
  d.press(`s:${scenario}`);
  answerIntake(d, overrides);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
  d.press(d.choice('r:sent'));
  return d;
}

/** Answers intake questions until `q` is pending. */
function intakeUntil(d: Driver, q: string): void {
  for (let i = 0; i < 40; i++) {
    const c = d.activeCase()!;
    if (c.state.q === q) return;
    const a = GOOD[c.state.q!];
    if (a.choice) d.press(a.choice);
    else d.say(a.text!);
  }
  throw new Error(`never asked ${q}`);
}

/** A case on rung `rung` of its ladder (harness, Beijing clock). */
function onRung(scenario: ScenarioId, rung: number, facts = {}): { h: Harness; id: number } {
  h = harness('2026-11-30 15:00');
  const id = h.ladderCase({ scenario, rung, facts });
  return { h, id };
}

describe('F23: an honest "用过了" at 收到后用过吗？请如实选择', () => {
  for (const said of ['其实我用过了', '其实我已经玩了一个礼拜了', '玩了一个礼拜']) {
    it(`"${said}" is the answer (used for a while), said kindly — never the fabrication refusal`, () => {
      const d = fresh();
      d.press('s:not_as_described');
      intakeUntil(d, 'usedAlready');
      const r = allText(d.say(said));
      expect(r).not.toMatch(REFUSAL);
      expect(r).not.toContain('没法识别');
      expect(r).toContain('谢谢你如实说');
      const c = d.activeCase()!;
      expect(c.facts.usedAlready).toBe('in_use');
      expect(c.state.q).not.toBe('usedAlready');
    });
  }

  it('a real request to fake at that question is still declined', () => {
    const d = fresh();
    d.press('s:not_as_described');
    intakeUntil(d, 'usedAlready');
    expect(allText(d.say('我能不能说没用过'))).toMatch(REFUSAL);
    expect(allText(d.say('用过了 但你就写没用过吧'))).toMatch(REFUSAL);
    expect(d.activeCase()!.facts.usedAlready).toBeUndefined();
  });
});

describe('F23 (未到账): the same admission at 到账情况 and on a rung', () => {
  it('"其实我用过了" at 到账了吗 is the answer 收到了，也用了 — the step says what that means, no refusal', () => {
    const d = fresh();
    d.press('s:not_received');
    intakeUntil(d, 'goodsState');
    const r = allText(d.say('其实我用过了'));
    expect(r).not.toMatch(REFUSAL);
    expect(r).toContain('谢谢你如实说');
    expect(d.activeCase()!.facts.goodsState).toBe('used');
    expect(d.last().choices?.map((c) => c.id)).toContain('k:sw:not_as_described');
  });

  it('"其实我已经用过了" on a 未到账 rung: no refusal; 货不对板 / 卡密 offered', () => {
    const d = sentOnFirst();
    const r = allText(d.say('其实我已经用过了'));
    expect(r).not.toMatch(REFUSAL);
    expect(d.last().choices?.map((c) => c.id)).toContain('k:sw:not_as_described');
  });
});

describe('F25: a correction downward and a second order on a rung', () => {
  it('"金额我多说了 其实是100不是120" → the correction is offered, not refused', () => {
    const d = sentOnFirst('not_received', { amount: { text: '120元' } });
    const r = allText(d.say('金额我多说了 其实是100不是120'));
    expect(r).not.toMatch(REFUSAL);
    expect(r).toMatch(/100元/);
    expect(r).toMatch(/改成/);
  });

  it('"其实我还有一张同样的卡也没到账" → a new case is offered for the other order', () => {
    const d = sentOnFirst();
    const r = allText(d.say('其实我还有一张同样的卡也没到账'));
    expect(r).not.toMatch(REFUSAL);
    expect(r).toContain('新案件');
    expect(d.last().choices?.map((c) => c.id)).toContain('m:new');
    expect(d.activeCase()!.state.replies ?? []).toHaveLength(0);
  });

  it('requests to fake stay refused: "帮我改一下截图的时间", "我用过了但是能不能说没收到"', () => {
    const d = sentOnFirst();
    expect(allText(d.say('帮我改一下截图的时间'))).toMatch(REFUSAL);
    expect(allText(d.say('我用过了但是能不能说没收到'))).toMatch(REFUSAL);
    expect(allText(d.say('金额能不能多写一点 写成200'))).toMatch(REFUSAL);
    expect(allText(d.say('我用过了 就说没收到行不行'))).toMatch(REFUSAL);
    expect(allText(d.say('其实我还有一张卡也没到账 能不能把两张的截图P成一张'))).toMatch(REFUSAL);
  });
});

describe('F15: a seller describing a buyer', () => {
  it('is told the bot helps buyers and what a seller can do — never that he plans fraud', () => {
    const d = fresh();
    const r = allText(d.say('我是卖家 有个买家卡密用了还说没到账 找支付宝投诉我 怎么办'));
    expect(r).not.toMatch(REFUSAL);
    expect(r).toContain('帮买家');
    expect(r).toContain('兑换记录');
    expect(r).toContain('发货记录');
  });
});

describe('F19: a fee deducted from the refund', () => {
  it('"他说退款要扣20%手续费" is a part refund (96 of 120), not the advance-fee scam', () => {
    const d = sentOnFirst('not_received', { amount: { text: '120元' } });
    const r = allText(d.say('他说退款要扣20%手续费'));
    expect(r).not.toContain('骗局');
    expect(r).toContain('96元');
    expect(r).toContain('手续费');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'partial_offer' });
    expect(d.activeCase()!.facts.offerAmount).toBe(96);
  });

  for (const [said, offer] of [['商家说退款的话要扣10块钱手续费', 110], ['他说要扣我一半当手续费', 60], ['他说退款得扣两成手续费', 96]] as const) {
    it(`"${said}" → a part refund of ${offer}元`, () => {
      const d = sentOnFirst('not_received', { amount: { text: '120元' } });
      const r = allText(d.say(said));
      expect(r).not.toContain('骗局');
      expect(d.activeCase()!.facts.offerAmount).toBe(offer);
    });
  }

  it('paying a fee first to get a refund is still the scam warning', () => {
    const d = sentOnFirst();
    expect(allText(d.say('客服说退款要先交20%手续费才能退'))).toContain('骗局');
  });
});

describe('F22: refunded twice', () => {
  it('"平台和微信都退款了 收到了两次钱 240块 怎么办" (paid 120): return the extra 120; closed as 120 full, no congratulation', () => {
    const { h, id } = onRung('not_received', 2, { amount: 120, paymentMethod: 'wechat' });
    const r = texts(h.send({ text: '我在平台申诉和微信投诉都退款了 收到了两次钱 240块 怎么办' }));
    expect(r).toContain('谢谢你主动说');
    expect(r).toContain('多收的120元');
    expect(r).not.toContain('很高兴');
    const c = h.caseOf(id);
    expect(c.status).toBe('closed');
    expect(c.outcome).toBe('full');
    expect(c.refundedAmount).toBe(120);
  });
});

describe('F22: 240 at 退回了多少钱？ on a 120 case', () => {
  it('is asked about (a slip or twice), never closed as 全额 240; "收到了两次" then closes as 120 with the return said', () => {
    const { h, id } = onRung('not_received', 2, { amount: 120, paymentMethod: 'wechat' });
    h.send({ text: '微信说已经退款了' });
    expect(h.caseOf(id).state.awaitingRefundAmount).toBe(true);
    const r = texts(h.send({ text: '240' }));
    expect(r).toContain('还多');
    expect(r).not.toContain('很高兴');
    expect(h.caseOf(id).status).toBe('open');
    const r2 = texts(h.send({ text: '是收到了两次' }));
    expect(r2).toContain('多收的120元');
    expect(h.caseOf(id)).toMatchObject({ status: 'closed', outcome: 'full', refundedAmount: 120 });
  });
});

describe('F31: part of the goods arrived', () => {
  it('"到账了一半 另一半还没到" → partial delivery (goodsState), never "已退款"', () => {
    const d = sentOnFirst();
    const r = allText(d.say('到账了一半 另一半还没到'));
    expect(r).not.toContain('已经退款');
    expect(r).not.toContain('没看懂');
    expect(r).toContain('一部分');
    const c = d.activeCase()!;
    expect(c.facts.goodsState).toBe('partial');
    expect((c.state.replies ?? []).map((x) => x.kind)).not.toContain('refunded');
  });
});

describe('F34: 刷不了, the platform completed the order', () => {
  it('"平台给我补单了 qb已经到账了" → resolved, close as 已发货/补发 offered; "钱没退 是q币到了" too', () => {
    const { h, id } = onRung('payment_failed', 1);
    const r = h.send({ text: '平台给我补单了 qb已经到账了' });
    expect(texts(r)).not.toContain('退回了多少钱');
    expect(r.flatMap((x) => x.reply.choices ?? []).map((c) => c.id)).toContain('x:delivered');
    const r2 = texts(h.send({ text: '钱没退 是q币到了' }));
    expect(r2).not.toContain('没法识别');
    expect(r2).not.toContain('没看懂');
    h.send({ text: '结案' });
    const r3 = h.send({ text: '结案' });
    expect(r3.flatMap((x) => x.reply.choices ?? []).map((c) => c.id).join(' ')).toContain('delivered');
    expect(h.caseOf(id).status).toBe('open');
  });
});

describe('F14: 12315 says it is not theirs', () => {
  it('"12315说不归他们管 让我去找网信办" → where to file instead; nothing recorded as the seller\'s', () => {
    const { h, id } = onRung('not_received', 3);
    const r = texts(h.send({ text: '12315说不归他们管 让我去找网信办' }));
    expect(r).not.toContain('商家让你去找上游');
    expect(r).not.toContain('记在案件里');
    expect(r).toContain('所在地');
    expect(h.caseOf(id).state.replies ?? []).toHaveLength(0);
    expect(texts(h.send({ text: '市场监管局说要我去平台所在地投诉' }))).toContain('所在地');
    expect(h.caseOf(id).state.replies ?? []).toHaveLength(0);
  });
});

describe('F37: common replies on the payment and card rungs', () => {
  it('"微信客服说这个要先跟商家协商" → 已协商无果, continue the complaint with the chat screenshots', () => {
    const { h } = onRung('not_received', 2, { paymentMethod: 'wechat' });
    const r = texts(h.send({ text: '微信客服说这个要先跟商家协商' }));
    expect(r).not.toContain('没看懂');
    expect(r).toContain('截图');
  });

  it('"微信那边说商家不是他们的签约商户 管不了" → a personal payee: complain about the receiving account, police', () => {
    const { h } = onRung('not_received', 2, { paymentMethod: 'wechat' });
    const r = texts(h.send({ text: '微信那边说商家不是他们的签约商户 管不了' }));
    expect(r).not.toContain('先找商家或平台');
    expect(r).toContain('个人');
    expect(r).toContain('报警');
  });

  for (const said of ['商家说是我兑换区选错了 要选国服', '客服说卡是好的 让我清一下缓存再试']) {
    it(`card rung "${said}" → try once as told, on a screen recording`, () => {
      const d = sentOnFirst('card_used');
      const r = allText(d.say(said));
      expect(r).not.toContain('没看懂');
      expect(r).toContain('录屏');
      expect(d.activeCase()!.state.rung).toBe(0);
    });
  }
});

describe('F5/F6: deadlines said by the seller, words after a passed deadline', () => {
  it('"他说系统维护让我等三天" → the check and the confirmation are three days on, not tomorrow', () => {
    const d = sentOnFirst();
    const now = app!.clock.t.getTime();
    d.say('他说系统维护让我等三天');
    const c = d.activeCase()!;
    const due = app!.db.prepare(`SELECT due_at AS dueAt FROM follow_ups WHERE case_id = ? AND status = 'pending' AND kind = 'rung_check' ORDER BY due_at DESC`).get(c.id) as { dueAt: number };
    expect(due.dueAt - now).toBeGreaterThan(2.5 * 86_400_000);
  });

  it('words after the deadline passed: a new deadline in the reply, and a check scheduled for it', () => {
    const d = sentOnFirst('card_used');
    app!.clock.t = new Date(app!.clock.t.getTime() + 5 * 86_400_000);
    const r = d.say('商家说卡密没问题 是我自己输错了');
    const c = d.activeCase()!;
    const body = r.map((x) => x.document?.body ?? '').join('\n');
    expect(allText(r)).not.toContain('期限不变');
    const pendingChecks = app!.db.prepare(`SELECT due_at AS dueAt FROM follow_ups WHERE case_id = ? AND status = 'pending' AND kind = 'rung_check'`).all(c.id) as { dueAt: number }[];
    expect(pendingChecks.some((x) => x.dueAt > app!.clock.t.getTime())).toBe(true);
    expect(body).toMatch(/前/);
  });

  it('a promise without a time after the deadline passed: the ready text names a new deadline, not the passed one', () => {
    const d = sentOnFirst();
    const c0 = d.activeCase()!;
    const sentAt = c0.state.rungSentAt!;
    app!.clock.t = new Date(app!.clock.t.getTime() + 5 * 86_400_000);
    const r = d.say('商家说再等等 他会处理的');
    const c = d.activeCase()!;
    expect(c.state.replies?.at(-1)).toMatchObject({ kind: 'promised_later' });
    const body = r.map((x) => x.document?.body ?? '').join('\n');
    const old = new Date(sentAt);
    // The old deadline's day (sent + 2 days) is not in the ready text.
    const oldDay = `${new Date(old.getTime() + 8 * 3_600_000 + 2 * 86_400_000).getUTCMonth() + 1}月${new Date(old.getTime() + 8 * 3_600_000 + 2 * 86_400_000).getUTCDate()}日`;
    expect(body).toContain('前');
    expect(body).not.toContain(oldDay);
  });
});

describe('F23: "没用过" stays 没用', () => {
  it('"还没用过" at 收到后用过吗 is 没用, at 到账了吗 not 收到了也用了', () => {
    const d = fresh();
    d.press('s:not_as_described');
    intakeUntil(d, 'usedAlready');
    d.say('还没用过');
    expect(d.activeCase()!.facts.usedAlready).toBe('no');
  });
});

describe('F5: the same excuse again before the promised time', () => {
  it('"还没退 他还是说在维护" a day after "等三天": a stall, the promised time said, no escalation', () => {
    const d = sentOnFirst();
    d.say('他说系统维护让我等三天');
    app!.clock.t = new Date(app!.clock.t.getTime() + 86_400_000);
    const r = allText(d.say('还没退 他还是说在维护'));
    expect(r).toContain('在拖');
    expect(r).not.toContain('没看懂');
    expect(d.activeCase()!.state.rung).toBe(0);
  });
});

describe('F5: the letter right after a promise', () => {
  it('says the seller promised, not "之后没有结果" before any time has passed', () => {
    const d = sentOnFirst();
    d.say('他说系统维护让我等三天');
    const r = d.press('m:continue');
    const body = r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');
    expect(body).toContain('答应稍后处理');
    expect(body).not.toContain('之后没有结果');
  });
});
