// fix8a (explore4 F12, F17, F21, F24, F26, F35, F36): the user's own words on a rung — first-person
// statements, plans, worries, questions and commands — are never recorded as the other side's reply
// nor written into a letter. Each test drives the real engine.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, GOOD, makeApp } from '../helpers.js';
import type { ScenarioId } from '../../src/types.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

/** A fresh case of `scenario` on its first rung (the seller); its text marked 已发送 when `sent`. */
function onSeller(scenario: ScenarioId = 'not_received', sent = true): Driver {
  app?.close();
  app = makeApp();
  const d = new Driver(app);
  d.press(`s:${scenario}`);
  answerIntake(d);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
  if (sent) d.press(d.choice('r:sent'));
  return d;
}

const allText = (r: { text: string; document?: { body: string } }[]) => r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');
const replies = (d: Driver) => d.activeCase()!.state.replies?.length ?? 0;
const ids = (d: Driver) => d.last().choices?.map((c) => c.id) ?? [];
const checks = (d: Driver) =>
  d.app.db.prepare(`SELECT kind, due_at AS dueAt FROM follow_ups WHERE case_id = ? AND status = 'pending' AND kind = 'rung_check'`).all(d.activeCase()!.id) as { kind: string; dueAt: number }[];

/** Nothing recorded as the other side's answer: no reply kept, no seller words in the answer, same rung. */
function nothingRecorded(d: Driver, r: string, before: number, rung = 0): void {
  expect(replies(d), r).toBe(before);
  expect(d.activeCase()!.state.rung, r).toBe(rung);
  expect(r).not.toContain('已把对方的回复记在案件里');
  expect(r).not.toMatch(/商家说“|商家明确拒绝|商家不回复|商家答应/);
}

describe('F21: "是我自己把游戏id填错了 充到别人号上了" on the seller rung', () => {
  it('is the user’s own mistake: nothing recorded, no "没有收到" demand, what can be tried, 结案 offered', () => {
    const d = onSeller();
    const before = replies(d);
    const r = allText(d.say('我刚发现 是我自己把游戏id填错了 充到别人号上了'));
    nothingRecorded(d, r, before);
    expect(r).not.toContain('没有收到可用的商品');
    expect(r).toContain('填错');
    expect(r).toMatch(/撤回|追回/);
    expect(ids(d)).toContain('m:close');
  });
});

describe('F26: the user’s own statements in a card-key case', () => {
  it('"其实我也不确定是不是我自己输错了": how to check the key, nothing recorded', () => {
    const d = onSeller('card_used');
    const before = replies(d);
    const r = allText(d.say('其实我也不确定是不是我自己输错了'));
    nothingRecorded(d, r, before);
    expect(r).toMatch(/0|O/);
    expect(r).toContain('再试');
  });

  it('"其实订单截图我删了 只有支付记录": the payment record and the order page are enough, not "无此订单"', () => {
    const d = onSeller('card_used');
    const before = replies(d);
    const r = allText(d.say('其实订单截图我删了 只有支付记录'));
    nothingRecorded(d, r, before);
    expect(r).not.toContain('无此订单');
    expect(r).toContain('支付记录');
    expect(r).toContain('订单页');
  });

  it('"其实我第一次兑换成功了 第二次才报错": the key worked once — "从未兑换过" is dropped and 结案 offered', () => {
    const d = onSeller('card_used');
    const r = allText(d.say('其实我第一次兑换成功了 第二次才报错'));
    expect(r).not.toContain('没看懂');
    expect(d.activeCase()!.facts.redeemedBefore).not.toBe('never');
    expect(ids(d)).toContain('m:close');
  });
});

describe('F36: remarks about sending the letter, before it is sent', () => {
  it('"我已经发过去了" is the user’s 已发送: the timer starts, nothing recorded', () => {
    const d = onSeller('not_received', false);
    const r = allText(d.say('我已经发过去了'));
    expect(d.activeCase()!.state.rungSentAt).toBeDefined();
    nothingRecorded(d, r, 0);
    expect(checks(d).length).toBe(1);
  });

  it('"我明天再发" is the user’s plan: nothing recorded, no promise, no deadline', () => {
    const d = onSeller('not_received', false);
    const r = allText(d.say('我明天再发'));
    nothingRecorded(d, r, 0);
    expect(d.activeCase()!.state.rungSentAt).toBeUndefined();
    expect(r).toContain('已发送');
  });

  it('"我不敢发 怕他拉黑我" is a worry: answered, nothing recorded, the case stays', () => {
    const d = onSeller('not_received', false);
    const r = allText(d.say('我不敢发 怕他拉黑我'));
    nothingRecorded(d, r, 0);
    expect(r).toContain('拉黑');
    expect(r).toContain('平台');
  });
});

describe('F24: small talk and questions about the next step on the seller rung', () => {
  it('"我之前也在别的店被骗过一次" is not "商家说无此订单"', () => {
    const d = onSeller();
    const r = allText(d.say('我之前也在别的店被骗过一次'));
    nothingRecorded(d, r, 0);
    expect(r).not.toContain('无此订单');
    const body = allText(d.say('导出'));
    expect(body).not.toContain('别的店被骗');
  });

  it('"我之前在平台申请过退款 被拒了 现在想投诉微信 可以吗": answered, the payment channel offered — never 商家明确拒绝', () => {
    const d = onSeller();
    const r = allText(d.say('我之前在平台申请过退款 被拒了 现在想投诉微信 可以吗'));
    nothingRecorded(d, r, 0);
    expect(r).toContain('可以');
    expect(r).toContain('驳回');
    // The button (naming the case) opens the payment channel's step.
    expect(ids(d)).toContain(`f:${d.activeCase()!.id}:to_payment`);
    d.press(`f:${d.activeCase()!.id}:to_payment`);
    expect(d.last().text).not.toContain('已经结束或不存在');
    expect(d.last().document?.body ?? '').toContain('投诉');
    expect(d.activeCase()!.state.rung).toBeGreaterThan(0);
    expect(replies(d)).toBe(0);
  });

  it('"直接去微信支付投诉行不行": answered, nothing recorded', () => {
    const d = onSeller();
    const r = allText(d.say('直接去微信支付投诉行不行'));
    nothingRecorded(d, r, 0);
    expect(r).toContain('可以');
    expect(ids(d)).toContain(`f:${d.activeCase()!.id}:to_payment`);
  });

  it('"投诉微信" opens the payment channel’s step', () => {
    const d = onSeller();
    const r = allText(d.say('投诉微信'));
    expect(r).not.toContain('没看懂');
    expect(replies(d)).toBe(0);
    expect(r).toContain('投诉');
    expect(d.activeCase()!.state.rung).toBeGreaterThan(0);
  });
});

describe('F35: a duplicate case to be removed', () => {
  for (const said of ['把案件2删了 那个是我重复开的', '我开重了 删掉这个案件']) {
    it(`"${said}": 放弃 offered for the case, 删除我的数据 explained, nothing recorded`, () => {
      const d = onSeller('not_received', false);
      d.say('新案件');
      d.press('s:not_received');
      answerIntake(d);
      d.press('e:done');
      expect(d.activeCase()!.id).toBe(2);
      const r = allText(d.say(said));
      nothingRecorded(d, r, 0);
      expect(r).toContain('#2');
      expect(r).toContain('删除我的数据');
      expect(ids(d)).toContain('x:abandoned:ok');
      d.press('x:abandoned:ok');
      expect(app.engine.repo.getCase(2)!.status).toBe('closed');
      expect(app.engine.repo.getCase(1)!.status).toBe('open');
    });
  }
});

describe('F12: the reason typed after a one-step 举报', () => {
  it('goes to the report, never into the case', () => {
    const d = onSeller('not_received', false);
    d.say('举报');
    d.press(d.choice('bl:rc'));
    const r = allText(d.say('这个商家收钱不发货 拉黑我 大家小心'));
    nothingRecorded(d, r, 0);
    expect(r).toContain('举报');
    const row = app.db.prepare(`SELECT what FROM merchant_reports ORDER BY id DESC LIMIT 1`).get() as { what: string };
    expect(row.what).toContain('收钱不发货');
  });
});

describe('F17: "过两天再提醒我吧" while the letter is not sent', () => {
  it('sets a reminder to send it, never a seller deadline', () => {
    const d = onSeller('not_received', false);
    const r = allText(d.say('过两天再提醒我吧'));
    expect(r).toContain('还没发出');
    expect(checks(d).length).toBe(1);
    const p = allText(d.say('进度'));
    expect(p).not.toContain('商家处理期限');
  });
});

describe('F24: on the platform rung, "平台驳回了" is the platform’s answer', () => {
  it('"平台驳回了 想投诉微信 可以吗" records the platform’s refusal (not the seller’s) and goes on to the payment channel', () => {
    const d = onSeller();
    d.press(d.choice('r:next'));
    d.press(d.choice('r:sent'));
    expect(d.activeCase()!.state.rung).toBe(1);
    const r = allText(d.say('平台驳回了 想投诉微信 可以吗'));
    expect(r).not.toContain('商家明确拒绝');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ rung: 'platform', kind: 'refused' });
    expect(d.activeCase()!.state.rung).toBe(2);
  });
});

describe('F24: before the platform rung, "平台驳回了" told with a question is not the seller’s refusal', () => {
  it('"平台那边驳回了 能直接投诉微信吗" on the seller rung: answered, payment step offered, nothing recorded', () => {
    const d = onSeller();
    const r = allText(d.say('平台那边驳回了 能直接投诉微信吗'));
    nothingRecorded(d, r, 0);
    expect(r).toContain('驳回');
    expect(ids(d)).toContain(`f:${d.activeCase()!.id}:to_payment`);
  });
});

describe('F36 (also): "他问我要订单截图" is the seller asking for evidence', () => {
  it('coached as a request for evidence, not 我没看懂', () => {
    const d = onSeller();
    const r = allText(d.say('他问我要订单截图'));
    expect(r).not.toContain('没看懂');
    expect(r).toContain('截图');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'evidence_asked' });
  });
});

describe('F21 (intake): the same admission at 到账情况', () => {
  it('is answered (放弃 / 继续填写), nothing stored, no strike', () => {
    app?.close();
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    for (let i = 0; i < 20 && d.activeCase()!.state.q !== 'goodsState'; i++) {
      const a = GOOD[d.activeCase()!.state.q!];
      if (a.choice) d.press(a.choice);
      else d.say(a.text!);
    }
    const r = allText(d.say('其实是我自己把游戏id填错了 充到别人号上了'));
    const c = d.activeCase()!;
    expect(r).not.toContain('没法识别');
    expect(r).toContain('填错');
    expect(c.state.q).toBe('goodsState');
    expect(c.state.reasks).toBe(0);
    expect(c.facts.goodsState).toBeUndefined();
    expect(ids(d)).toContain('x:abandoned:ok');
  });
});

describe('F36 (also): sent, and no answer yet', () => {
  it('"我已经发过去了 他还没回" starts the timer — not "商家不回复" with the case moved on', () => {
    const d = onSeller('not_received', false);
    const r = allText(d.say('我已经发过去了 他还没回'));
    expect(d.activeCase()!.state.rungSentAt).toBeDefined();
    nothingRecorded(d, r, 0);
  });
});
