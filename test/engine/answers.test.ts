import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, GOOD, makeApp } from '../helpers.js';
import { SCENARIOS } from '../../src/types.js';
import { FLOWS } from '../../flows/index.js';
import type { App } from '../../src/app.js';

let app: App;
afterEach(() => app?.close());

const BAD_TEXT: Record<string, string> = {
  // Issue 11: "1" while 1. 跳过（不清楚） is shown picks 跳过, so a name question's bad answer is one with no letters.
  text: '😡😡😡',
  order: '？？',
  amount: '很多钱',
  time: '不记得了啊',
  count: '好多好多',
  cardkey: '没有',
  payment: '用手机付的',
  choice: '随便吧',
};

describe('a bad answer at every question', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: each question re-asks with an example, then allows skipping, then marks unknown`, () => {
      app = makeApp();
      const d = new Driver(app);
      d.press(`s:${scenario}`);
      const seen: string[] = [];
      for (let guard = 0; guard < 60; guard++) {
        const c = d.activeCase()!;
        if (c.state.stage !== 'intake') break;
        const q = FLOWS[scenario].questions.find((x) => x.id === c.state.q)!;
        seen.push(q.id);
        d.say(BAD_TEXT[q.kind]);
        const r1 = d.last();
        // Either the plain re-ask, or the reason it was refused followed by the example (never both).
        expect(r1.text, `${q.id} first re-ask`).toMatch(/这个回答我没法识别。例如：|这个回答我没法识别，请从下面的选项里选一个|\n（例如：/);
        // Never an empty example (choice questions have none: they point at the buttons).
        expect(r1.text, `${q.id} empty example`).not.toMatch(/例如：\s*(?:\n|$)/);
        expect(r1.text.includes('没法识别') && /（例如：/.test(r1.text), `${q.id} not both`).toBe(false);
        expect(r1.choices?.some((x) => x.id === 'q:skip')).toBe(true);
        expect(d.activeCase()!.state.reasks).toBe(1);
        d.say(BAD_TEXT[q.kind]);
        expect(d.activeCase()!.state.reasks).toBe(2);
        expect(d.activeCase()!.facts[q.id]).toBeUndefined();
        // Alternate: skip by button, or a third bad answer marks it unknown.
        if (seen.length % 2) d.press('q:skip');
        else d.say(BAD_TEXT[q.kind]);
        expect(d.activeCase()!.facts[q.id], q.id).toBeNull();
      }
      expect(seen.length).toBeGreaterThanOrEqual(9);
      // Unknown facts read as 不清楚 in 进度.
      d.say('进度');
      expect(d.last().text).toContain('不清楚');
    });
  }

  it('parses amounts and times in the forms users write', () => {
    const cases: [string, number][] = [['100元', 100], ['¥100', 100], ['一百块', 100], ['两千五', 2500]];
    for (const [text, value] of cases) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { amount: { text } });
      expect(d.activeCase()!.facts.amount).toBe(value);
    }
  });

  it('a sum given as "more than N" at the amount question asks for the exact figure, and nothing is stored', () => {
    for (const text of ['300多', '两千多块', '100来块']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { amount: { text } });
      expect(d.log.some((r) => r.text.includes('准确金额')), text).toBe(true);
      expect(d.activeCase()!.facts.amount, text).toBeNull();
    }
  });

  it('跳过 typed at a first ask skips the question; it is never stored as a name (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    expect(d.activeCase()!.state.q).toBe('platform');
    d.say('跳过');
    expect(d.activeCase()!.facts.platform).toBeNull();
    expect(d.activeCase()!.state.q).not.toBe('platform');
    d.say('先跳过吧');
    expect(d.activeCase()!.facts.merchant).toBeNull();
  });

  it('times are read in the user zone (Asia/Shanghai) against the injected clock', () => {
    // 2026-11-20T08:00Z is 16:00 on 11月20日 in Shanghai; 昨天下午3点 = 11-19 15:00 +08:00.
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { paidAt: { text: '昨天下午3点' } });
    expect(d.activeCase()!.facts.paidAt).toBe('2026-11-19T07:00:00.000Z');
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    answerIntake(e, { paidAt: { text: '11月18日' } });
    // Only a day was named: the day is kept, with no invented time of day.
    expect(e.activeCase()!.facts.paidAt).toBe('2026-11-18');
    e.say('进度');
    expect(e.last().text).toContain('付款时间：11月18日');
    expect(e.last().text).not.toMatch(/付款时间：11月18日 \d/);
  });

  it('a month without a day (今年三月份, 三月中旬, 上个月) is asked again for the day, never given today\'s day of the month', () => {
    for (const text of ['今年三月份', '大概三月中旬吧', '上个月', '3月底']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { paidAt: { text } });
      expect(d.log.some((r) => r.text.includes('几号')), text).toBe(true);
      expect(d.activeCase()!.facts.paidAt, text).toBeNull();
    }
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    answerIntake(e, { paidAt: { text: '上个月15号' } });
    expect(e.activeCase()!.facts.paidAt).toBe('2026-10-15');
  });

  it('a day said with the month in words (11月的18, 上个月的十五, 这个月3号, 上月15) is read, not refused as month-only (review)', () => {
    // The injected clock is 2026-11-20 16:00 in Shanghai.
    const cases: [string, string][] = [
      ['11月的18', '2026-11-18'],
      ['上个月的十五', '2026-10-15'],
      ['这个月3号', '2026-11-03'],
      ['本月3号', '2026-11-03'],
      ['上月15', '2026-10-15'],
      ['上个月15号左右', '2026-10-15'],
    ];
    for (const [text, want] of cases) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { paidAt: { text } });
      expect(d.activeCase()!.facts.paidAt, text).toBe(want);
    }
  });

  it('a rough sum at the amount question (300左右, 大概300, 约300, 近6000元, 三百出头) asks for the exact figure with why; a sure one (128吧) is taken', () => {
    for (const text of ['300左右', '大概300', '约300块', '差不多三百吧', '近6000元', '将近六千', '三百出头', '200上下']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { amount: { text } });
      expect(d.log.some((r) => r.text.includes('准确金额')), text).toBe(true);
      expect(d.activeCase()!.facts.amount, text).toBeNull();
    }
    // At the amount question a rate or a list price is the answer (first messages leave them out).
    for (const [text, want] of [['128吧', 128], ['应该是68', 68], ['300', 300], ['每个月25', 25], ['29.9一个月', 29.9], ['原价68', 68]] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { amount: { text } });
      expect(d.activeCase()!.facts.amount, text).toBe(want);
    }
  });

  it('重新开始 / 取消 / 退出 / 不弄了 / /cancel typed during the intake offer to give the case up; never stored as a name (exploratory testing)', () => {
    for (const text of ['重新开始', '取消', '退出', '不弄了', '/cancel', '算了']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      d.say(text);
      expect(d.activeCase()!.facts.platform, text).toBeUndefined();
      expect(d.last().text, text).toContain('要放弃这个案件吗');
      expect(d.last().choices?.map((c) => c.label), text).toEqual(['放弃这个案件', '继续填写']);
    }
    // 继续填写 asks the same question again; 放弃这个案件 closes the case as given up.
    d2: {
      app.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      d.say('取消');
      d.say('继续填写');
      expect(d.activeCase()!.state.q).toBe('platform');
      d.say('星辰卡盟');
      expect(d.activeCase()!.facts.platform).toBe('星辰卡盟');
      d.say('不填了');
      const id = d.activeCase()!.id;
      d.say('放弃这个案件');
      expect(d.last().text).toContain(`案件 #${id} 已结案：放弃`);
      expect(d.activeCase()).toBeUndefined();
      break d2;
    }
    // After the intake the words keep their old readers (取消 is not a case command on the ladder).
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    answerIntake(e);
    e.say('取消');
    expect(e.last().text).not.toContain('要放弃这个案件吗');
  });

  it('an order number with letters after its digits (KM20261118ABC77, ORD-7F3K-20261118) is taken at the order question; a card key typed there is refused saying why, and never stored (exploratory testing)', () => {
    for (const [text, want] of [
      ['订单号：KM20261118ABC77', 'KM20261118ABC77'],
      ['KM20261118ABC77', 'KM20261118ABC77'],
      ['单号 JD8812345678A9', 'JD8812345678A9'],
      ['M2026A1118B77', 'M2026A1118B77'],
      ['XY2026BC1118DE', 'XY2026BC1118DE'],
      ['ORD-7F3K-20261118', 'ORD-7F3K-20261118'],
    ] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { orderId: { text } });
      expect(d.activeCase()!.facts.orderId, text).toBe(want);
    }
    app.close();
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { orderId: { text: 'H674Ci8Em5UMkaC9' } });
    expect(d.log.some((r) => r.text.includes('像卡密')), 'says why').toBe(true);
    expect(JSON.stringify(d.activeCase()!.facts)).not.toContain('H674Ci8Em5UMkaC9');
  });

  it('余额宝 / 用余额宝付的 / 零钱通 are Alipay and WeChat, not the platform balance (exploratory testing)', () => {
    for (const [text, want] of [['余额宝', 'alipay'], ['用余额宝付的', 'alipay'], ['零钱通', 'wechat'], ['余额', 'balance']] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { paymentMethod: { text } });
      expect(d.activeCase()!.facts.paymentMethod, text).toBe(want);
    }
  });

  it('the first redemption said relative to the purchase (刚买就兑换了, 买完就兑了, 当天, 同一天) is the payment\'s day; a bare clock time is on that day, never today (exploratory testing)', () => {
    // The injected clock is 2026-11-20 16:00 Shanghai; paid 11月15日 20:00.
    for (const [text, want] of [
      ['刚买就兑换了', '2026-11-15T12:00:00.000Z'],
      ['付完款马上就兑换了', '2026-11-15T12:00:00.000Z'],
      ['买完就兑了', '2026-11-15T12:00:00.000Z'],
      ['当天晚上', '2026-11-15'],
      ['同一天', '2026-11-15'],
      ['晚上9点', '2026-11-15T13:00:00.000Z'],
      ['9点10分', '2026-11-15T13:10:00.000Z'],
      ['昨天', '2026-11-19'],
    ] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:card_used');
      answerIntake(d, { paidAt: { text: '11月15日晚上8点' }, triedAt: { text } });
      expect(d.activeCase()!.facts.triedAt, text).toBe(want);
    }
  });

  it('what the screen said keeps the user\'s words whole: 它说这张卡已经被别人用了 → 这张卡已经被别人用了 (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used');
    answerIntake(d, { errorShown: { text: '它说这张卡已经被别人用了' } });
    expect(d.activeCase()!.facts.errorShown).toBe('这张卡已经被别人用了');
  });

  it('the sum actually paid beats a face value: 100元话费 实付98.5 → 98.5 (exploratory testing)', () => {
    for (const [text, want] of [['100元话费 实付98.5', 98.5], ['面值100 实际付了95元', 95]] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { amount: { text } });
      expect(d.activeCase()!.facts.amount, text).toBe(want);
    }
  });

  it('a promise longer than a day (一周内, 三天内, 商家说三天之内, 承诺两天内到账) is 几天内, never rounded down to 24小时内 (exploratory testing)', () => {
    for (const text of ['一周内', '三天内', '商家说三天之内', '承诺两天内到账', '说是三天内']) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { promisedTime: { text } });
      expect(d.activeCase()!.facts.promisedTime, text).toBe('days');
    }
  });

  it('货不对板: what was promised / received said as "记不清", "反正不对", "和页面上写的不一样" is asked again, never quoted in the letter (exploratory testing)', () => {
    for (const [id, text] of [['promised', '页面截图删了 记不清'], ['received', '不记得了 反正不对'], ['promised', '就是和页面上写的不一样'], ['received', '反正不对']] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_as_described');
      answerIntake(d, { [id]: { text } });
      expect(d.activeCase()!.facts[id] ?? null, text).toBeNull();
    }
    app.close();
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_as_described');
    answerIntake(d, { promised: { text: '年卡' }, received: { text: '月卡，不是年卡' } });
    expect(d.activeCase()!.facts.received).toBe('月卡，不是年卡');
  });

  it('重复扣款: an extra debit larger than the extra debits could take (100元 × 2 → 300) is asked again with why (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    answerIntake(d, { amount: { text: '100' }, chargeCount: { text: '两次' }, extraAmount: { text: '300' } });
    expect(d.log.some((r) => r.text.includes('每笔金额')), 'why').toBe(true);
    expect(d.activeCase()!.facts.extraAmount ?? null).toBeNull();
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:double_charge');
    answerIntake(e, { amount: { text: '100' }, chargeCount: { text: '3次' }, extraAmount: { text: '200' } });
    expect(e.activeCase()!.facts.extraAmount).toBe(200);
  });

  it('稍等 / side questions mid-form are answered without a strike, and the answer that follows lands on the same question (exploratory testing)', () => {
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    for (let k = 0; k < 12 && e.activeCase()!.state.q !== 'amount'; k++) {
      const a = GOOD[e.activeCase()!.state.q!];
      if (a.choice) e.press(a.choice);
      else e.say(a.text!);
    }
    expect(e.activeCase()!.state.q).toBe('amount');
    for (const text of ['稍等 我去翻一下账单', '我找找', '你们收费吗', '你是真人吗', '订单号给你安全吗', '这个能退吗']) {
      const r = e.say(text);
      expect(r.map((x) => x.text).join(''), text).not.toContain('没法识别');
      expect(e.activeCase()!.state.q, text).toBe('amount');
      expect(e.activeCase()!.state.reasks, text).toBe(0);
    }
    e.say('128');
    expect(e.activeCase()!.facts.amount).toBe(128);
  });

  it('a time in the future is refused', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { paidAt: { text: '明天下午3点' } });
    expect(d.log.some((r) => r.text.includes('这个时间还没到'))).toBe(true);
    expect(d.activeCase()!.facts.paidAt).toBeNull();
  });

  it('numbers and option words both select a choice; a bare number answers an amount question', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('开始');
    d.say('1'); // 新案件
    expect(d.last().choices?.[0].id).toBe('s:not_received');
    d.say('重复扣款');
    expect(d.activeCase()!.scenario).toBe('double_charge');
    for (const id of ['platform', 'merchant', 'item', 'orderId']) d.say(GOOD[id].text!);
    d.say('很多');
    expect(d.last().choices?.[0].id).toBe('q:skip');
    d.say('1'); // … yet a bare 1 still means one yuan, not the skip choice
    expect(d.activeCase()!.facts.amount).toBe(1);
  });

  it('返回 goes back to the previous question and forgets its answer', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('小年卡盟');
    d.say('星辰点卡店');
    expect(d.activeCase()!.state.q).toBe('item');
    d.say('返回');
    expect(d.activeCase()!.state.q).toBe('merchant');
    expect(d.activeCase()!.facts.merchant).toBeUndefined();
    d.say('另一家店');
    expect(d.activeCase()!.facts.merchant).toBe('另一家店');
  });
});
