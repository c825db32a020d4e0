// Exploratory testing, explore3 (round 6), coach3: 检查语气 against the case (F43), a private transfer
// (F32), a child's payment (F33), a key the user leaked (F54), an old purchase (F52), the 黑猫 text
// (F42), the operator finder (F7), 没用，看下一步 twice (F8), deleting one's records in words (F21).
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { ScenarioId } from '../../src/types.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

/** A fresh case of `scenario` on its first rung (the seller). */
function onLadder(scenario: ScenarioId = 'not_received', overrides: Record<string, { text?: string; choice?: string }> = {}): Driver {
  app?.close();
  app = makeApp();
  const d = new Driver(app);
  d.press(`s:${scenario}`);
  answerIntake(d, overrides);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
  return d;
}

const ids = (d: Driver) => d.last().choices?.map((c) => c.id) ?? [];
const allText = (r: { text: string; document?: { body: string } }[]) => r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');

describe('F43: 检查语气 checks a draft against the case', () => {
  const draft = '老板你好，我买的点券一直没到，麻烦尽快退我500块，我已经报警了，律师函也准备好了，不退的话你们平台会被查封';

  it('a polite draft asking 500 on a 120 case, claiming 报警/律师函 not done and threatening 查封 is flagged; the rewrite asks 120', () => {
    const d = onLadder('not_received', { amount: { text: '120元' } });
    d.say('检查语气');
    const r = d.say(draft);
    const text = r[0].text;
    expect(text).not.toContain('语气没问题');
    expect(text).toContain('500');
    expect(text).toContain('120元');
    expect(text).toContain('已经报警了');
    expect(text).toContain('律师函');
    expect(text).toContain('确实做了才写');
    expect(text).toContain('查封');
    const body = r[0].document?.body ?? '';
    expect(body).toContain('120');
    expect(body).not.toContain('500');
    expect(body).not.toMatch(/报警了|律师函|查封/);
  });

  it('the same sum as paid and no claims: 可以发', () => {
    const d = onLadder('not_received', { amount: { text: '120元' } });
    d.say('检查语气');
    d.say('老板你好，我买的点券一直没到，麻烦在12月2日前退我120元，逾期我会向平台申诉。');
    expect(d.last().text).toContain('语气没问题');
  });
});

describe('F43: claims checked against the steps the case took', () => {
  it('我已经报警了 is no finding once the police step was taken; 我会报警 (a plan) never is', async () => {
    const { ruleTone } = await import('../../src/coaching/tone.js');
    const codes = (draft: string, police: boolean) => ruleTone(draft, { amount: 120, paid: 120, done: { police, court: false } }).findings.map((f) => f.code);
    expect(codes('我已经报警了，受案回执稍后提供。', false)).toContain('claim');
    expect(codes('我已经报警了，受案回执稍后提供。', true)).not.toContain('claim');
    expect(codes('如仍不处理，我会报警。', false)).not.toContain('claim');
    expect(codes('请退我120元。', false)).toEqual([]);
  });
});

describe('F42: the 黑猫 text is public: no order number in its body', () => {
  it('the body leaves the order number out; the intro says where it goes (a non-public field)', () => {
    const d = onLadder('not_received', { orderId: { text: 'XL202611291234' } });
    d.press(d.choice('r:next'));
    d.press(d.choice('r:next'));
    const r = d.press(d.choice('k:bc'));
    expect(r[0].document?.body).toContain('投诉问题');
    expect(r[0].document?.body).not.toContain('XL202611291234');
    expect(r[0].text).toContain('XL202611291234');
    expect(r[0].text).toContain('不公开');
  });
});

describe('F8: 没用，看下一步 on two steps in a row', () => {
  const later = (s: number) => (app.clock.t = new Date(app.clock.t.getTime() + s * 1000));

  it('"2" typed on step 1 and again on step 2 (after reading it) moves twice; the label typed twice too', () => {
    const d = onLadder();
    d.say('2');
    expect(d.activeCase()!.state.rung).toBe(1);
    later(5);
    d.say('2');
    expect(d.last().text).not.toContain('已经处理过了');
    expect(d.activeCase()!.state.rung).toBe(2);
    const e = onLadder();
    e.say('没用，看下一步');
    later(5);
    e.say('没用，看下一步');
    expect(e.log.some((r) => r.text.includes('已经处理过了'))).toBe(false);
    expect(e.activeCase()!.state.rung).toBe(2);
  });

  it('the same number sent twice at once (too soon to read the new step) still counts once', () => {
    const d = onLadder();
    d.say('2');
    const r = d.say('2');
    expect(allText(r)).toContain('已经处理过了');
    expect(d.activeCase()!.state.rung).toBe(1);
  });
});

describe('F21: deleting one\'s records in words', () => {
  it('"把我的记录全部删掉" on a step offers the 删除我的数据 confirmation', () => {
    const d = onLadder();
    d.say('把我的记录全部删掉');
    expect(d.last().text).not.toContain('没看懂');
    expect(ids(d).some((id) => id.startsWith('d:'))).toBe(true);
  });
  it('"商家把聊天记录删了" is no request to delete the user\'s data', () => {
    const d = onLadder();
    d.say('商家把聊天记录删了');
    expect(ids(d).some((id) => id.startsWith('d:'))).toBe(false);
  });
});

describe('F7: the operator finder', () => {
  /** On the 12315 rung with the finder open. */
  function atFinder(): Driver {
    const d = onLadder();
    while (!d.last().choices?.some((c) => c.id === 'k:rs')) d.press(d.choice('r:next'));
    expect(d.activeCase()!.state.rung).toBeGreaterThan(1);
    d.press('k:rs');
    return d;
  }

  it('"收款方写的是 杭州小鹿网络科技有限公司 地址不知道": the company is the name, the address is said to be missing', () => {
    const d = atFinder();
    const r = d.say('支付宝账单上收款方写的是 杭州小鹿网络科技有限公司 地址不知道');
    expect(d.activeCase()!.facts.respondentName).toBe('杭州小鹿网络科技有限公司');
    expect(d.activeCase()!.facts.respondentAddress).toBeUndefined();
    expect(r[0].text).toContain('公示系统');
  });

  it('没用，看下一步 leaves the finder and moves on; 算了 is not asked for a name again', () => {
    const d = atFinder();
    const rung = d.activeCase()!.state.rung;
    d.say('没用，看下一步');
    expect(d.last().text).not.toContain('没认出名称或地址');
    expect(d.activeCase()!.state.rung).toBe(rung + 1);
    const e = atFinder();
    e.say('算了');
    expect(e.last().text).not.toContain('没认出名称或地址');
  });

  it('返回 leaves the finder without moving the case back a rung', () => {
    const d = atFinder();
    const rung = d.activeCase()!.state.rung;
    const r = d.say('返回');
    expect(allText(r)).toContain('不查');
    expect(d.activeCase()!.state.rung).toBe(rung);
    expect(d.last().text).toContain(`第${rung + 1}/`);
  });
});

describe('F52: a purchase older than the platforms\' appeal window', () => {
  it('76 days after paying: the seller and platform steps say the ~15-day window has most likely passed and what still applies', () => {
    const d = onLadder('not_received', { paidAt: { text: '9月15日下午3点' } });
    expect(d.last().text).toContain('申诉期多半已经过了');
    d.press(d.choice('r:next'));
    const text = d.last().text;
    expect(text).toContain('平台申诉');
    expect(text).toMatch(/已经过去\d+天/);
    expect(text).toContain('支付渠道投诉');
  });

  it('bought yesterday: no such note', () => {
    const d = onLadder();
    d.press(d.choice('r:next'));
    expect(d.last().text).not.toContain('多半已经过了');
  });
});

describe('F54: a key the user posted in a group and someone else used', () => {
  it('the answer is 发给过别人/截图外传过; the seller step asks politely, says what happened, claims nothing', () => {
    app?.close();
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used');
    answerIntake(d, { redeemedBefore: { text: '我把卡密截图发到群里问怎么用 然后就被人用了' } });
    const c = d.activeCase()!;
    expect(c.facts.redeemedBefore).toBe('shared');
    d.press('e:done');
    const r = d.last();
    expect(r.text).toContain('商家多半没有过错');
    const body = r.document?.body ?? '';
    expect(body).toContain('发到过群里');
    expect(body).not.toMatch(/依据|退还货款|逾期未处理|更换有效卡密/);
    expect(ids(d).some((id) => id.startsWith('r:next'))).toBe(false);
  });
});

describe('F33: a parent whose child paid without consent', () => {
  it('the first message gets the 未成年人 refund route, not the scenario picker; no law cited', () => {
    app?.close();
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('我儿子才12岁 偷偷用我微信在一个卡盟网站充了1500块的游戏币 东西是到账了 已经被他花光了 这个能退吗');
    const text = allText(r);
    expect(text).toContain('未成年人充值退款');
    expect(text).toContain('年龄证明');
    expect(text).toContain('先别追认');
    expect(text).not.toContain('请选一个最接近的情况');
    expect(text).not.toMatch(/《.*》第\d+条/);
    expect(d.activeCase()).toBeUndefined();
  });

  it('an adult ("我儿子28岁了") or no payment is not this', async () => {
    const { minorPayment } = await import('../../src/coaching/off-route.js');
    expect(minorPayment('我儿子28岁了 帮我在卡盟充了100块话费没到账')).toBe(false);
    expect(minorPayment('我女儿8岁 很喜欢这个游戏')).toBe(false);
    expect(minorPayment('孩子偷偷用我支付宝买了600的点券')).toBe(true);
  });
});

describe('F32: money sent by private transfer to a seller met on a 卡盟', () => {
  it('the story gets the police-first answer: no order number, transfer record, report the account, tell the platform', () => {
    app?.close();
    app = makeApp();
    const d = new Driver(app);
    const text = allText(d.say('卖家让我加他微信私下转账 说便宜 我转了两千 说好发steam余额卡 然后就把我删了 在蓝月卡盟认识的 11月20号晚上'));
    expect(text).toContain('先报警');
    expect(text).toContain('不需要订单号');
    expect(text).toContain('转账记录');
    expect(text).toContain('投诉');
    expect(text).toContain('卡盟平台');
    expect(text).not.toContain('对订单有疑惑');
  });

  it('"没有订单 私下转的" at the order question is its answer; the fact is kept and the steps go to the police, not the platform or 投诉商家', () => {
    app?.close();
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d, { orderId: { text: '没有订单 私下转的' }, amount: { text: '2000元' }, paymentMethod: { choice: 'a:wechat' } });
    const c = d.activeCase()!;
    expect(c.facts.privateTransfer).toBe(true);
    expect(d.log.some((r) => r.text.includes('没法识别'))).toBe(false);
    d.press('e:done');
    const last = d.last();
    expect(last.text).toContain('报警');
    expect(last.text).toContain('不需要订单号');
    expect(last.text).toContain('第1/1步：报警');
    expect(ids(d).some((id) => id.startsWith('r:next'))).toBe(false);
  });
});
