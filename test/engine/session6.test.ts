// Session 6: problems found trying the bot as a new user; each test failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { matchAbandon } from '../../src/engine/abandon.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

describe('session 6', () => {
  it('a sum told before the scenario is known is kept when the next message tells the problem in other words', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('我在星空卡盟买了100的话费');
    expect(d.activeCase()).toBeUndefined();
    d.say('钱付了以后一直没给我充上，都一天了');
    const last = d.last();
    if (!d.activeCase()) {
      expect(last.text).toContain('100');
      d.press(last.choices![0].id);
    }
    expect(d.activeCase()!.facts.amount).toBe(100);
  });

  it('订阅提醒 in the middle of a case says what it is (merchant warnings; case reminders come anyway) and asks the question again', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    const q = d.activeCase()!.state.q;
    const r = d.say('订阅提醒');
    const all = r.map((x) => x.text).join('\n');
    expect(all).toContain('商家预警');
    expect(all).toMatch(/案件.*提醒/);
    expect(r.length).toBeGreaterThan(1);
    expect(d.activeCase()!.state.q).toBe(q);
  });
});

describe('session 6: the checklist', () => {
  it('numbers run 1, 2, 3… down the checklist as shown (grouped), and button N ticks the line numbered N', () => {
    for (const s of ['not_received', 'double_charge', 'card_used', 'merchant_vanished', 'payment_failed', 'not_as_described']) {
      app = makeApp();
      const d = new Driver(app);
      d.press(`s:${s}`);
      answerIntake(d);
      const shown = d.say('证据').map((x) => x.text).join('\n');
      const nums = [...shown.matchAll(/^(\d+)\. ⬜/gm)].map((m) => Number(m[1]));
      expect(nums.length, s).toBeGreaterThan(3);
      expect(nums, s).toEqual(nums.map((_, i) => i + 1));
      const fourth = d.last().choices![3].id;
      const after = d.press(fourth).map((x) => x.text).join('\n');
      const again = d.say('证据').map((x) => x.text).join('\n');
      expect(again, `${s} ${after}`).toMatch(/^4\. ✅/m);
      app.close();
    }
  });

  it('证据 in the middle of the questions shows the list to read, says ticking comes after, and asks the question again (its buttons were refused)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used');
    const q = d.activeCase()!.state.q;
    const r = d.say('证据');
    expect(r[0].text).toContain('订单截图');
    expect(r[0].choices ?? []).toEqual([]);
    expect(r.map((x) => x.text).join('\n')).toContain('答完');
    expect(d.activeCase()!.state.q).toBe(q);
    expect(r.length).toBeGreaterThan(1);
  });
});

describe('session 6: tester round 3 (explore3)', () => {
  it('F11: correcting a fact on the ladder ("金额改成60") is offered as a correction, never refused as editing evidence', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    answerIntake(d);
    d.press('e:done');
    const r = d.say('金额改成60');
    const all = r.map((x) => x.text).join('\n');
    expect(all).not.toMatch(/不能帮你|刑法|虚构/);
    expect(all).toContain('60');
    d.say('对');
    expect(d.activeCase()!.facts.amount).toBe(60);
    // Editing evidence is still refused.
    const e = d.say('我把截图上的金额改成60行吗').map((x) => x.text).join('\n');
    expect(e).toMatch(/不能帮你/);
  });

  it('F12: a double charge corrected from 50 to 55 each carries the extra debit along; 其实一共扣了三次 is offered as the count', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    answerIntake(d, { amount: { text: '50' }, extraAmount: { text: '50' } });
    d.press('e:done');
    expect(d.activeCase()!.facts.extraAmount).toBe(50);
    d.say('不对不对 我看错了 每次是55不是50');
    d.say('对');
    expect(d.activeCase()!.facts.amount).toBe(55);
    expect(d.activeCase()!.facts.extraAmount).toBe(55);
    const r = d.say('等等 其实一共扣了三次').map((x) => x.text).join('\n');
    expect(r).toContain('扣款次数');
    d.say('对');
    expect(d.activeCase()!.facts.chargeCount).toBe(3);
  });
});

describe('session 6: no dead end when none of the six fits', () => {
  it('F26: buyer\'s remorse gets a plain answer (no seven-day return for digital goods, from the law table) and 都不是 ends the loop', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('我在卡盟买了个爱奇艺年卡激活码 兑换成功了 但是我后悔了 发现淘宝更便宜 能退吗');
    const all = r.map((x) => x.text).join('\n');
    expect(all).toContain('七日无理由');
    expect(all).toContain('《消费者权益保护法》第25条');
    expect(d.activeCase()).toBeUndefined();
    const r2 = d.say('都不是');
    expect(r2.map((x) => x.text).join('\n')).toContain('协商');
    expect(r2[r2.length - 1].text).not.toContain('请选一个');
    expect(d.activeCase()).toBeUndefined();
  });

  it('F18: "你能保证我的钱一定能退回来吗" is answered (no promise) before the scenarios', () => {
    app = makeApp();
    const d = new Driver(app);
    const all = d.say('你能保证我的钱一定能退回来吗').map((x) => x.text).join('\n');
    expect(all).toContain('不能保证');
  });
});

describe('session 6: the checklist opened from the ladder', () => {
  it('F28: typed ticks work there too ("1 2", "都有", "除了聊天记录都有"); other words leave the list', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    expect(d.activeCase()!.state.stage).toBe('ladder');
    d.say('证据');
    d.say('1 2');
    expect(Object.keys(d.activeCase()!.state.evidence).sort()).toEqual(['order_shot', 'payment_record']);
    d.say('除了聊天记录都有');
    const ev = d.activeCase()!.state.evidence;
    expect(Object.keys(ev).length).toBe(4);
    expect(d.activeCase()!.state.stage).toBe('ladder');
    // Something else said: not read as ticks any more.
    d.say('进度');
    d.say('都有');
    expect(Object.keys(d.activeCase()!.state.evidence).length).toBe(4);
  });
});

describe('session 6: giving up in words on the ladder (F34)', () => {
  it('"不想搞了 太麻烦了 才150块 算了" / "算了 不弄了" / "放弃" offer 放弃 with one confirmation; "商家说算了" does not', () => {
    for (const said of ['不想搞了 太麻烦了 才150块 算了', '算了 不弄了', '放弃']) {
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d);
      d.press('e:done');
      const r = d.say(said);
      expect(r[r.length - 1].text, said).toContain('放弃');
      expect(r[r.length - 1].choices?.map((c) => c.label)).toContain('放弃这个案件');
      expect(d.activeCase()!.status).toBe('open');
      d.press(r[r.length - 1].choices![0].id);
      expect(d.activeCase()?.status ?? 'closed', said).not.toBe('open');
      app.close();
    }
    expect(matchAbandon('商家说算了 不退了')).toBeUndefined();
  });
});

describe('session 6: 已发送 typed after 进度 (F49)', () => {
  it('is the step\'s 已发送 (the timer starts), never the other side saying 已发货', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    d.say('进度');
    const all = d.say('已发送').map((x) => x.text).join('\n');
    expect(all).not.toContain('已发货');
    expect(d.activeCase()!.state.rungSentAt).toBeTruthy();
  });
});

describe('session 6: 12315 mediation ended (F50)', () => {
  it('"12315那边回复说调解不成 商家不同意退款 终止调解了" is never refused as editing evidence', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    for (let i = 0; i < 3 && d.activeCase()!.state.rung < 3; i++) {
      const next = d.last().choices!.find((c) => c.id.startsWith('r:next'));
      d.press(next!.id);
    }
    const all = d.say('12315那边回复说调解不成 商家不同意退款 终止调解了').map((x) => x.text).join('\n');
    expect(all).not.toMatch(/不能帮你|刑法|虚构事实/);
  });
});

describe('session 6: asking for a named step (F27)', () => {
  it('"直接给我12315的投诉内容" opens the 12315 step with its text; "给我起诉状" opens the court step when the case has one, or says it has not', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    const r = d.say('别的步骤我都试过了 直接给我12315的投诉内容').map((x) => x.text).join('\n');
    expect(r).not.toContain('我没看懂');
    expect(r).toContain('12315');
    expect(d.activeCase()!.state.rung).toBeGreaterThan(0);
    const r2 = d.say('我要去法院起诉 给我起诉状').map((x) => x.text).join('\n');
    expect(r2).not.toContain('我没看懂');
    expect(r2).toMatch(/起诉|法院/);
  });
});

describe('session 6: the per-turn text memos (speed)', () => {
  it('fold() gives the same answers memoised, and no text stays in the memo once a message is handled', async () => {
    const { fold, foldMemoSize } = await import('../../src/text/fold.js');
    expect(fold('錢扣了ＡＢＣ')).toBe(fold('錢扣了ＡＢＣ'));
    expect(fold('錢扣了ＡＢＣ', { lowerCase: false })).not.toBe(fold('錢扣了ＡＢＣ'));
    app = makeApp();
    const d = new Driver(app);
    d.say('我在星空卡盟买了100的话费 卡密 K7PX-2B9Q-M4RT-2345 没到账');
    expect(foldMemoSize()).toBe(0);
  });
});

describe('session 6: the payment channel wants a police receipt (F14)', () => {
  it('"银行客服说这种要先报警 拿到报案回执才能办" on the payment step says how to get a 受案回执; nothing recorded, the step stays', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d, { paymentMethod: { text: '银行卡' } });
    d.press('e:done');
    for (let i = 0; i < 4; i++) {
      const rungs = d.last().text;
      if (/支付渠道|银行|发卡行/.test(rungs.split('\n')[0] ?? '')) break;
      const next = d.last().choices?.find((c) => c.id.startsWith('r:next'));
      if (!next) break;
      d.press(next.id);
    }
    const before = d.activeCase()!.state.rung;
    const r = d.say('银行客服说这种要先报警 拿到报案回执才能办').map((x) => x.text).join('\n');
    expect(r).toContain('受案回执');
    expect(r).not.toMatch(/商家让你去找上游|已把对方的回复记在案件里/);
    expect(d.activeCase()!.state.rung).toBe(before);
  });
});

describe('session 6: review L2', () => {
  it('"和上次一样" at 买的是什么？ copies the item of the previous case (it said there was none)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    const item = d.activeCase()!.facts.item;
    expect(typeof item).toBe('string');
    d.say('新案件');
    d.press('s:double_charge');
    answerIntake(d, { item: { text: '和上次一样' } });
    expect(d.activeCase()!.facts.item).toBe(item);
  });
});
