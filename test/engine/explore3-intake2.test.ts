// Exploratory test 3 (data/r6/FINDINGS-explore3.md), intake part 2: a wrong scenario said at a text
// question, self-corrections inside one message, names in the first message, questions back and
// pauses at a question, two corrections in a row, a double charge on two channels. Each test failed
// before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

const all = (r: { text?: string }[]) => r.map((x) => x.text ?? '').join('\n');

function started(scenario = 's:not_received'): Driver {
  app = makeApp();
  const d = new Driver(app);
  d.press(scenario);
  return d;
}

describe('explore3 F35: the wrong scenario said at a text question', () => {
  it('"不对 我选错了 不是没到账 是卡密用不了" at 买的是什么？ offers the switch; the switch keeps the answers and asks the item', () => {
    const d = started();
    d.say('小年卡盟');
    d.say('星辰点卡店');
    expect(d.activeCase()!.state.q).toBe('item');
    const r = d.say('不对 我选错了 不是没到账 是卡密用不了');
    expect(d.activeCase()!.facts.item).toBeUndefined();
    expect(all(r)).toContain('卡密已被使用/无效');
    d.press(d.choice('k:sw:card_used'));
    const c = d.activeCase()!;
    expect(c.scenario).toBe('card_used');
    expect(c.facts.platform).toBe('小年卡盟');
    expect(c.facts.merchant).toBe('星辰点卡店');
    expect(c.state.q).toBe('item');
  });

  it('"我选错了" with no scenario named is not stored as the item: the scenarios are offered', () => {
    const d = started();
    d.say('小年卡盟');
    d.say('星辰点卡店');
    const r = d.say('不对 我选错了');
    const c = d.activeCase()!;
    expect(c.facts.item).toBeUndefined();
    expect(c.state.q).toBe('item');
    expect(r.flatMap((x) => x.choices ?? []).some((x) => x.id === 'k:sw:card_used')).toBe(true);
  });
});

describe('explore3 F38: self-corrections inside one message', () => {
  const STORY =
    '我跟你说 这事气死我了 上个月28号 不对 是这个月28号 我在星辰卡盟买了个腾讯视频年卡 一开始写的100 不对 我看了账单是50 用的支付宝 结果给我个卡密 兑换说无效 找客服 客服说我输错了 我都输了十几遍了 后来干脆不理我了';

  it('the story takes the corrected values: 50元 and 11月28日 (this month), not 100元 and 10月28日', () => {
    app = makeApp({}, new Date('2026-11-30T03:00:00Z'));
    const d = new Driver(app);
    const r = all(d.say(STORY));
    expect(r).toContain('50元');
    expect(r).not.toContain('100元');
    expect(r).toContain('11月28日');
    expect(r).not.toContain('10月28日');
  });

  it('"不对 是50块 11月28号" at the confirmation updates both the amount and the date', () => {
    app = makeApp({}, new Date('2026-11-30T03:00:00Z'));
    const d = new Driver(app);
    d.say('在小年卡盟买的点券没到账 100 支付宝 11月27号');
    const r = all(d.say('不对 是50块 11月28号'));
    expect(r).toContain('50元');
    expect(r).not.toContain('100元');
    expect(r).toContain('11月28日');
  });

  it('at the amount question "100 不对 是50" is 50; at the time question "上个月28号 不对 是这个月28号" is this month', () => {
    app = makeApp({}, new Date('2026-11-30T03:00:00Z'));
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { amount: { text: '100 不对 是50' }, paidAt: { text: '上个月28号 不对 是这个月28号' } });
    const c = d.activeCase()!;
    expect(c.facts.amount).toBe(50);
    expect(c.facts.paidAt).toBe('2026-11-28');
  });
});

describe('explore3 F45: where to find the order number', () => {
  for (const q of ['订单号在哪看啊？', '在哪里能看到订单号', '订单号去哪找', '我不知道什么是订单号']) {
    it(`"${q}" gets the explanation and keeps the question open without a strike`, () => {
      const d = started();
      d.say('小年卡盟');
      d.say('星辰点卡店');
      d.say('王者荣耀点券600');
      expect(d.activeCase()!.state.q).toBe('orderId');
      const r = all(d.say(q));
      expect(r).toContain('我的订单');
      expect(r).not.toContain('没法识别');
      d.say(q);
      d.say(q);
      const c = d.activeCase()!;
      expect(c.state.q).toBe('orderId');
      expect(c.state.reasks).toBe(0);
      expect('orderId' in c.facts).toBe(false);
    });
  }
});

describe('explore3 F53: "我得问问他 稍等" at a name question is a pause', () => {
  for (const p of ['我得问问他 稍等', '等一下我问问', '我去问下']) {
    it(`"${p}" keeps the platform question open`, () => {
      const d = started();
      const r = all(d.say(p));
      const c = d.activeCase()!;
      expect(r).toContain('问到了再告诉我');
      expect(c.facts.platform).toBeUndefined();
      expect(c.state.q).toBe('platform');
      expect(c.state.reasks).toBe(0);
    });
  }

  it('the answer passed on next ("他说叫什么话费快充 网址是 hfkc.cn") is the platform', () => {
    const d = started();
    d.say('我得问问他 稍等');
    d.say('他说叫什么话费快充 网址是 hfkc.cn');
    const c = d.activeCase()!;
    expect(c.facts.platform).toBe('话费快充 hfkc.cn');
    expect(c.state.q).toBe('merchant');
  });
});

describe('explore3 F36: a platform or item named clearly in the first message', () => {
  it('"在小年卡盟买的点券没到账 100 支付宝": the platform is in the confirmation and not asked again', () => {
    app = makeApp();
    const d = new Driver(app);
    expect(all(d.say('在小年卡盟买的点券没到账 100 支付宝'))).toContain('小年卡盟');
    d.say('对');
    const c = d.activeCase()!;
    expect(c.facts.platform).toBe('小年卡盟');
    expect(c.state.q).toBe('merchant');
  });

  it('"qb没到账 zfb付了三十 在快乐卡盟": 快乐卡盟 and Q币 are kept; a pointer (一个卡盟) is not a platform', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = all(d.say('qb没到账😭😭😭 zfb付了三十 在快乐卡盟'));
    expect(r).toContain('快乐卡盟');
    expect(r).toContain('Q币');
    d.say('对');
    expect(d.activeCase()!.facts.item).toBe('Q币');
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.say('我在一个卡盟买了话费 50块 没到账');
    e.say('对');
    expect(e.activeCase()!.facts.platform).toBeUndefined();
    expect(e.activeCase()!.state.q).toBe('platform');
  });

  it('a platform that is not clearly one (淘宝) is asked; the platform can be corrected at the confirmation', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('在淘宝买的王者荣耀点券没到账 100 支付宝');
    d.say('对');
    expect(d.activeCase()!.facts.platform).toBeUndefined();
    expect(d.activeCase()!.facts.item).toBe('王者荣耀点券');
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.say('在小年卡盟买的点券没到账 100 支付宝');
    expect(all(e.say('不对 平台是星辰卡盟'))).toContain('星辰卡盟');
    e.say('对');
    expect(e.activeCase()!.facts.platform).toBe('星辰卡盟');
  });

  it('a card key in the first message is never taken as the item or the platform', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = all(d.say('在小年卡盟买的卡密 QB7K9M2QW4ZR2345 显示已被使用 100 支付宝'));
    expect(r).not.toContain('QB7K9M2QW4ZR2345');
    d.say('对');
    const c = d.activeCase()!;
    expect(JSON.stringify(c.facts)).not.toContain('QB7K9M2QW4ZR2345');
    expect(c.facts.item).toBeUndefined();
  });
});

describe('explore3 F5: a second correction while "X改成…吗？" is pending', () => {
  function onLadder(): Driver {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    expect(d.activeCase()!.state.stage).toBe('ladder');
    return d;
  }

  it('both the seller and the item are offered together; 对 changes both', () => {
    const d = onLadder();
    expect(all(d.say('等下 商家写错了 商家是QQ 88776655'))).toContain('商家改成QQ 88776655');
    const r = all(d.say('买的东西也写错了，是王者荣耀点券'));
    expect(r).toContain('QQ 88776655');
    expect(r).toContain('王者荣耀点券');
    expect(r).not.toContain('没看懂');
    d.say('对');
    const c = d.activeCase()!;
    expect(c.facts.merchant).toBe('QQ 88776655');
    expect(c.facts.item).toBe('王者荣耀点券');
  });

  it('不用改 keeps both; a new value for the same fact replaces the waiting one', () => {
    const d = onLadder();
    d.say('商家写错了 商家是QQ 88776655');
    d.say('商品写错了，是王者荣耀点券1200');
    d.press('v:no');
    expect(d.activeCase()!.facts.merchant).toBe('星辰点卡店');
    expect(d.activeCase()!.facts.item).toBe('王者荣耀点券600');
    d.say('商家写错了 商家是QQ 88776655');
    const r = all(d.say('不对 商家是QQ 99887766'));
    expect(r).toContain('QQ 99887766');
    expect(r).not.toContain('88776655');
    d.say('对');
    expect(d.activeCase()!.facts.merchant).toBe('QQ 99887766');
  });
});
