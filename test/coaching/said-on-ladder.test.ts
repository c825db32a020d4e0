// What users type on the ladder in their own words (exploratory testing, session 5): a refund the
// seller claims but that has not arrived, a deadline that passed in silence, "还没退" after 已发送.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

function toLadder(d: Driver): void {
  d.press('s:not_received');
  answerIntake(d);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
}

describe('the other side in the user\'s words', () => {
  it('"商家说已经退了 但我没收到啊": no cheer and no "how much came back?" — the claim is recorded and checked later', () => {
    for (const text of ['商家说已经退了 但我没收到啊', '商家说退了，让我等三个工作日']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d);
      d.say(text);
      const c = d.activeCase()!;
      expect(c.state.awaitingRefundAmount ?? false, text).toBe(false);
      expect(d.log.some((r) => r.text.includes('太好了')), text).toBe(false);
      expect(c.state.replies?.at(-1), text).toMatchObject({ kind: 'refunded' });
      expect(c.status).toBe('open');
    }
  });

  it('at "how much came back?" nothing yet (没收到 / 0 / 还没到账) goes back to the step, never a loop', () => {
    for (const text of ['没收到', '0', '一分都没收到', '还没到账', '钱还没到']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d);
      d.press('k:rf');
      expect(d.activeCase()!.state.awaitingRefundAmount).toBe(true);
      d.say(text);
      const c = d.activeCase()!;
      expect(c.state.awaitingRefundAmount ?? false, text).toBe(false);
      expect(c.status, text).toBe('open');
      expect(d.last().text, text).not.toContain('没法识别');
    }
  });

  it('"过期了 商家没理我" is no reply (the next step), not the seller saying 已过售后期', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.press(d.choice('r:sent'));
    const rung = d.activeCase()!.state.rung;
    d.say('过期了 商家没理我');
    const c = d.activeCase()!;
    expect(c.state.replies?.at(-1)).toMatchObject({ kind: 'no_reply' });
    expect(c.facts.noRefundNotice ?? null).toBeNull();
    expect(c.state.rung).toBe(rung + 1);
  });

  it('"还没退" after 已发送: before the deadline, still waiting (said plainly, with the way on); after it, the next step', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.press(d.choice('r:sent'));
    const rung = d.activeCase()!.state.rung;
    d.say('还没退');
    expect(d.last().text).not.toContain('没看懂');
    expect(d.activeCase()!.state.rung).toBe(rung);
    expect(d.log.at(-1)!.choices?.some((c) => c.id.startsWith('r:next'))).toBe(true);
    // A week later the seller's deadline has passed: "到期了还是没退" moves on.
    app.clock.t = new Date(app.clock.t.getTime() + 7 * 86_400_000);
    d.say('到期了还是没退');
    expect(d.activeCase()!.state.rung).toBe(rung + 1);
  });

  it('"他说是上游的问题 让我再等等" is coached as 找上游 — no scam warning without a word of what scammers ask for', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    for (const text of ['他说是上游的问题 让我再等等', '她说是通道的问题 让我再等等']) {
      const r = d.say(text);
      expect(r.map((x) => x.text).join('\n'), text).not.toContain('假客服');
    }
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'blame_upstream' });
  });

  it('"他说让我再等等" is a promise of later (a check tomorrow), not 我没看懂', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.say('他说让我再等等');
    expect(d.last().text).not.toContain('没看懂');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'promised_later' });
  });

  it('a scam sign typed on a step (商家发了个退款链接让我点) gets the warning, never the 已发送 button; what the seller sent is not 已发送', () => {
    for (const text of ['商家发了个退款链接让我点', '客服发了个退款链接']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d);
      const r = d.say(text);
      expect(r.map((x) => x.text).join('\n'), text).toContain('假客服退款');
      expect(d.activeCase()!.state.rungSentAt, text).toBeUndefined();
    }
    for (const text of ['商家发了卡密 但是用不了', '商家发了一个新的卡密给我']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d);
      d.say(text);
      expect(d.activeCase()!.state.rungSentAt, text).toBeUndefined();
      expect(d.last().text, text).not.toContain('已开始计时');
    }
  });

  it('新案件 with a case open, then the new story in words: it is read for the new case, not handed to the old one', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    const first = d.activeCase()!.id;
    d.say('新案件');
    d.say('前天买的steam卡密显示已被使用 100块 支付宝');
    expect(d.last().text).toContain('我理解为');
    expect(d.activeCase()!.id).toBe(first);
    expect(d.activeCase()!.state.replies ?? []).toEqual([]);
    d.say('对');
    const c = d.activeCase()!;
    expect(c.id).not.toBe(first);
    expect(c.scenario).toBe('card_used');
    expect(c.facts.amount).toBe(100);
  });

  it('questions about the user\'s own evidence get an answer and leave the step where it was: cropping or masking is fine (no fraud lecture), deleted chat has a way back', () => {
    for (const [text, want] of [
      ['截图我裁剪了一下 只留了订单部分 可以吗', '原图'],
      ['我把截图里的手机号打了码 可以吗', '原图'],
      ['截图太长了 我截成了两张 可以吗', '原图'],
      ['聊天记录被我删了一部分 怎么办', '聊天记录'],
    ] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d);
      const rung = d.activeCase()!.state.rung;
      const r = d.say(text);
      const all = r.map((x) => x.text).join('\n');
      expect(all, text).not.toContain('诈骗');
      expect(all, text).not.toContain('没看懂');
      expect(all, text).toContain(want);
      const c = d.activeCase()!;
      expect(c.state.rung, text).toBe(rung);
      expect(c.state.replies ?? [], text).toEqual([]);
      expect(c.state.stage, text).toBe('ladder');
    }
    // Changing what a screenshot shows is still refused.
    app.close();
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    expect(d.say('截图上的时间我改一下可以吗').map((x) => x.text).join('\n')).toContain('不能帮你做');
  });

  it('the goods arrived after all (商家给我补发了 已经到账了, 点券到了, 已经到了 不用了): offered to close as resolved, never 已发送 / 退到余额 / a switch of scenario', () => {
    for (const text of ['商家给我补发了 已经到账了', '点券到了', '已经到了 不用了', '补发了']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d);
      const r = d.say(text);
      const all = r.map((x) => x.text).join('\n');
      const c = d.activeCase()!;
      expect(c.state.rungSentAt, text).toBeUndefined();
      expect(c.state.replies ?? [], text).toEqual([]);
      expect(all, text).not.toMatch(/余额|改为|已开始计时|没看懂/);
      expect(d.last().choices?.map((x) => x.id), text).toContain('x:delivered');
      d.press('x:delivered');
      expect(d.activeCase(), text).toBeUndefined();
      expect(d.last().text, text).toContain('已结案：商家已发货/补发');
    }
  });

  it('at 结案 the goods arriving is said in words and closes as resolved', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.say('结案');
    expect(d.last().choices?.map((x) => x.id)).toContain('x:delivered');
    d.say('商家给我补发了 已经到账了');
    expect(d.activeCase()).toBeUndefined();
    expect(d.log.at(-1)!.text).toContain('已结案：商家已发货/补发');
  });

  it('the checklist in words: 都有 / 除了X都有 / 1到3 / A和B都有 tick; 去掉X / 3点错了 / 其实没有X untick, from the letters too', () => {
    const atChecklist = () => {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d);
      expect(d.activeCase()!.state.stage).toBe('evidence');
      return d;
    };
    const ticked = (d: Driver) => Object.keys(d.activeCase()!.state.evidence).sort();
    let d = atChecklist();
    const all = d.last().choices!.filter((c) => /^e:[a-z_]+$/.test(c.id) && c.id !== 'e:done').map((c) => c.id.slice(2)).sort();
    d.say('都有');
    expect(ticked(d)).toEqual(all);
    d = atChecklist();
    d.say('除了发货承诺都有');
    expect(ticked(d)).toEqual(all.filter((x) => x !== 'promise_shot'));
    d = atChecklist();
    d.say('1到3');
    expect(ticked(d)).toHaveLength(3);
    d = atChecklist();
    d.say('订单截图和支付记录都有');
    expect(ticked(d)).toHaveLength(2);
    d.say('去掉支付记录');
    expect(ticked(d)).toHaveLength(1);
    d.say('3');
    const three = ticked(d);
    d.say('3点错了 其实没有聊天记录');
    expect(ticked(d)).toHaveLength(three.length - 1);
    expect(d.activeCase()!.facts.paidAt).not.toMatch(/T19:00/);
    d.press('e:done');
    const letters = d.log.map((r) => r.document?.body ?? '').join('\n');
    expect(letters).not.toMatch(/聊天记录|付款记录截图/);
  });

  it('商家跑路: 500 topped up, 200 left of that same money — the letters claim the 200 left, not the 500 (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d, { amount: { text: '500' }, balance: { text: '200' }, balanceIsPayment: { choice: 'a:yes' } });
    d.press('e:done');
    const letters = d.log.map((r) => r.document?.body ?? '').join('\n');
    expect(letters).toContain('未用完的余额200元');
    expect(letters).not.toMatch(/退还货款500元/);
  });

  it('结案 as 放弃 or 未退款 asks once before closing (a case closed cannot be reopened); 先不结案 keeps it', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    const id = d.activeCase()!.id;
    d.say('结案');
    d.press('x:abandoned');
    expect(d.activeCase()?.id).toBe(id);
    expect(d.last().text).toContain('确定');
    d.say('先不结案');
    expect(d.activeCase()?.status).toBe('open');
    d.say('结案');
    d.say('没退');
    expect(d.activeCase()?.id).toBe(id);
    d.press('x:none:ok');
    expect(d.activeCase()).toBeUndefined();
    expect(d.last().text).toContain(`案件 #${id} 已结案：未退款`);
  });

  it('检查语气: the rewrite claims only the evidence ticked (none ticked: a gap to fill); a card key\'s digits are no figure; 去你们店里闹 is a threat', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d);
    d.say('检查语气');
    const r = d.say('你个骗子 三天不给我退钱我就去你们店里闹 卡密是H674Ci8Em5UMkaC9 你自己看');
    const text = r.map((x) => x.text).join('\n');
    const body = r.map((x) => x.document?.body ?? '').join('\n');
    expect(body).not.toContain('订单、付款记录、问题截图');
    expect(body).toContain('【');
    expect(text).not.toContain('674');
    expect(text).toContain('店里闹');
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    answerIntake(e);
    e.press(e.choice('e:order_shot'));
    e.press('e:done');
    e.say('检查语气');
    const body2 = e.say('骗子 赶紧退钱').map((x) => x.document?.body ?? '').join('\n');
    expect(body2).toContain('订单截图');
    expect(body2).not.toContain('付款记录、问题截图');
  });

  it('刷不了: the typical reversal window counts from the debit, not from now; a debit older than the window is said to be past it, with no wait', () => {
    // The injected clock is 2026-11-20 16:00 Shanghai; REVERSAL_DAYS is 3.
    app = makeApp();
    const d = new Driver(app);
    d.press('s:payment_failed');
    answerIntake(d, { paidAt: { text: '11月10日' } });
    const c = d.activeCase()!;
    expect(c.facts.reversalPending).toBe(false);
    expect(d.log.map((r) => r.text).join('\n')).toContain('已经过了');
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:payment_failed');
    answerIntake(e, { paidAt: { text: '昨天下午3点' } });
    const c2 = e.activeCase()!;
    expect(c2.facts.reversalPending).toBe(true);
    // Three days from the debit (11-19 15:00), not from now.
    expect(c2.state.reversalUntil).toBeLessThan(new Date('2026-11-23T00:00:00+08:00').getTime());
  });

  it('导出 lists what the other side answered (the user\'s words kept) and the evidence kind in Chinese, never an internal code', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press(d.choice('e:order_shot'));
    d.press('e:done');
    d.say('商家说 你这个单子我们这边查不到 你是不是记错平台了');
    const doc = d.say('导出').map((r) => r.document?.body ?? '').join('\n');
    expect(doc).toContain('你这个单子我们这边查不到');
    expect(doc).toContain('说无此订单');
    expect(doc).toContain('已勾选');
    expect(doc).not.toContain('（tick）');
  });

  it('at 结案 "退了120 商家扣了8块手续费" is a part of 128 (the rest offered), "退了130" is asked about — not coached as a seller reply', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { amount: { text: '128' } });
    d.press('e:done');
    d.say('结案');
    d.say('退了120 商家扣了8块手续费');
    expect(d.last().text).toContain('还差8元');
    expect(d.activeCase()!.state.replies ?? []).toEqual([]);
    app.close();
    app = makeApp();
    const e = new Driver(app);
    toLadder(e);
    e.say('结案');
    e.say('退了130');
    expect(e.last().text).toMatch(/比.*多|超过/);
  });

  it('"你好" on coming back is welcomed with where the case stands (intake question or step), never 没法识别 / 我没看懂', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used');
    d.say('蓝鲸卡盟');
    const q = d.activeCase()!.state.q;
    const r = d.say('你好');
    expect(r.map((x) => x.text).join('')).toContain('欢迎回来');
    expect(d.activeCase()!.state.q).toBe(q);
    expect(d.activeCase()!.state.reasks).toBe(0);
    app.close();
    app = makeApp();
    const e = new Driver(app);
    toLadder(e);
    const r2 = e.say('在吗');
    expect(r2.map((x) => x.text).join('')).toContain('欢迎回来');
    expect(r2.map((x) => x.text).join('')).not.toContain('没看懂');
  });

  it('未到账 with only a part arrived (只到了300点券): the letters ask for the rest or a proportional refund, not all the money back', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { goodsState: { text: '只到了300点券' } });
    expect(d.activeCase()!.facts.goodsState).toBe('partial');
    d.press('e:done');
    const letters = d.log.map((r) => r.document?.body ?? '').join('\n');
    expect(letters).toContain('补发未到账的部分');
    expect(letters).not.toContain('请退还全部货款');
  });
});
