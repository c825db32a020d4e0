// Exploratory testing, explore4 (round 7), the intake findings fixed in fix8c: F41 (the user's ID
// number at the seller question), F33 (side questions at free-text questions), F28 (several facts in
// one name answer), F1 (a story at the seller question), F29 (是X不是Y), F10 (a sum that looks like a
// year), F27 (上上周五, 12.1), F9 (the confirmation), F30, F8, F3, F11.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

/** A fresh app on the findings' day (2026-11-30, 21:00 Beijing). */
function fresh(): Driver {
  app?.close();
  app = makeApp({}, new Date('2026-11-30T13:00:00Z'));
  return new Driver(app);
}

const texts = (r: { text: string; document?: { body: string } }[]) => r.map((x) => `${x.text}\n${x.document?.body ?? ''}`).join('\n');

/** 开始 → 新案件 → 未到账, at 在哪个平台… */
function toPlatform(d: Driver): void {
  d.say('开始');
  d.say('1');
  d.say('1');
}

describe('F41: the user\'s own ID number at the seller question', () => {
  it('is never stored as the seller (nor anywhere whole); the reason is said and the question asked again', () => {
    const d = fresh();
    toPlatform(d);
    d.say('小年卡盟');
    const r = texts(d.say('商家电话13812345678 我的身份证110101199001011234'));
    expect(r).toContain('身份证');
    expect(r).toContain('卖家（商家）叫什么');
    expect(d.activeCase()!.facts.merchant).toBeUndefined();
    expect(d.activeCase()!.state.q).toBe('merchant');
    // Nothing in the database holds the number whole.
    const tables = (app.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((x) => x.name);
    for (const tname of tables) {
      const rows = app.db.prepare(`SELECT * FROM "${tname}"`).all();
      expect(JSON.stringify(rows)).not.toContain('110101199001011234');
    }
    // The seller's phone alone is the seller's contact.
    d.say('商家电话13812345678');
    expect(d.activeCase()!.facts.merchant).toBe('电话 13812345678');
  });

  it('a bank card number or the user\'s own phone at a name question is refused too', () => {
    const d = fresh();
    toPlatform(d);
    d.say('小年卡盟');
    d.say('我的手机号13900001111');
    expect(d.activeCase()!.facts.merchant).toBeUndefined();
    d.say('星辰点卡店 银行卡号6222021234567890123');
    expect(d.activeCase()!.facts.merchant).toBeUndefined();
  });
});

describe('F33: side questions at a free-text question', () => {
  it.each([
    ['收费吗', 'platform', 0],
    ['能退吗', 'merchant', 1],
    ['要多久才能退', 'item', 2],
    ['你是机器人吗', 'item', 2],
    ['会不会泄露我的信息', 'item', 2],
  ])('"%s" at %s is answered, not stored; the question stays with no strike', (said, q, before) => {
    const d = fresh();
    toPlatform(d);
    for (const a of ['小年卡盟', '星辰点卡店'].slice(0, before)) d.say(a);
    const r = d.say(said).at(-1)!.text;
    expect(r).toContain('接着问');
    const c = d.activeCase()!;
    expect(c.facts[q]).toBeUndefined();
    expect(c.state.q).toBe(q);
    expect(c.state.reasks).toBe(0);
  });
});

describe('F28: several facts in one answer at the seller question', () => {
  it('the name is the seller; order number, sum and channel are kept and not asked', () => {
    const d = fresh();
    toPlatform(d);
    d.say('小年卡盟');
    const r = d.say('星辰点卡店 订单号XN20261129777 付了128 微信').at(-1)!.text;
    expect(r).toContain('先记下了');
    const c = d.activeCase()!;
    expect(c.facts).toMatchObject({ merchant: '星辰点卡店', orderId: 'XN20261129777', amount: 128, paymentMethod: 'wechat' });
    const asked = answerIntake(d);
    expect(asked).not.toContain('orderId');
    expect(asked).not.toContain('amount');
    expect(asked).not.toContain('paymentMethod');
  });

  it('a name with its contact stays whole ("星辰点卡店 QQ 12345678")', () => {
    const d = fresh();
    toPlatform(d);
    d.say('小年卡盟');
    d.say('星辰点卡店 QQ 12345678');
    expect(d.activeCase()!.facts.merchant).toBe('星辰点卡店 QQ 12345678');
    expect(d.activeCase()!.facts.paymentMethod).toBeUndefined();
  });
});

describe('F1: a story typed at the seller question', () => {
  it('is not stored as the seller; its sum and channel are kept; the name is asked again', () => {
    const d = fresh();
    toPlatform(d);
    d.say('小鹿卡盟');
    const r = d.say('我昨天在他家充了120的点券 微信付的 到现在都没到账 客服也不回').at(-1)!.text;
    expect(r).toContain('经过');
    const c = d.activeCase()!;
    expect(c.facts.merchant).toBeUndefined();
    expect(c.state.q).toBe('merchant');
    expect(c.facts).toMatchObject({ amount: 120, paymentMethod: 'wechat' });
  });
});

describe('F29: "是X不是Y"', () => {
  it('as a correction of an answered name, X is the new name', () => {
    const d = fresh();
    toPlatform(d);
    for (const a of ['小年卡盟', '星辰点卡店', '王者点券', '跳过', '128']) d.say(a);
    d.press('a:alipay');
    d.say('昨天');
    d.press('a:instant');
    const r = texts(d.say('不对 商家名字写错了 是星辰数码不是星辰点卡店'));
    expect(r).toContain('星辰数码');
    expect(r).not.toContain('星辰数码不是');
    d.say('对');
    expect(d.activeCase()!.facts.merchant).toBe('星辰数码');
  });

  it('at a name question, the affirmed name is the answer', () => {
    const d = fresh();
    toPlatform(d);
    d.say('是小年卡盟不是小鹿卡盟');
    d.say('不是星辰点卡店 是星辰数码');
    expect(d.activeCase()!.facts).toMatchObject({ platform: '小年卡盟', merchant: '星辰数码' });
  });
});

describe('F10: a sum that looks like a year', () => {
  it.each(['2000', '1999', '2020'])('"%s" at 付了多少钱？ is the amount', (said) => {
    const d = fresh();
    toPlatform(d);
    for (const a of ['小年卡盟', '星辰点卡店', '点券', '跳过']) d.say(a);
    expect(d.activeCase()!.state.q).toBe('amount');
    d.say(said);
    expect(d.activeCase()!.facts.amount).toBe(Number(said));
  });
});

describe('F27: payment times', () => {
  function toPaidAt(d: Driver): void {
    toPlatform(d);
    for (const a of ['小年卡盟', '星辰点卡店', '点券', '跳过', '68']) d.say(a);
    d.press('a:alipay');
    expect(d.activeCase()!.state.q).toBe('paidAt');
  }

  it('"上上周五晚上" is the Friday two weeks back', () => {
    const d = fresh();
    toPaidAt(d);
    d.say('上上周五晚上');
    expect(d.activeCase()!.facts.paidAt).toBe('2026-11-20');
  });

  it('"12.1" on 11月30日 is not a year back: asked again, saying the day has not come', () => {
    const d = fresh();
    toPaidAt(d);
    const r = d.say('12.1').at(-1)!.text;
    expect(r).toContain('还没到');
    expect(r).toContain('月份');
    expect(d.activeCase()!.facts.paidAt).toBeUndefined();
  });
});

describe('F9: answers at "我理解为…对吗？" that are not corrections', () => {
  const story = '上周在游侠卡盟买了个原神号 花了四百五 支付宝 当时能登 号也是对的 结果昨天被原号主找回了 密码改了 我登不上了 卖家说售后只包三天 现在不管了';

  it('a bare "6" asks again (1 or 2), the sum stays 450', () => {
    const d = fresh();
    d.say(story);
    const r = d.say('6').at(-1)!.text;
    expect(r).toContain('请回 1');
    expect(r).toContain('450元');
    expect(r).not.toContain('6元');
  });

  it('"不对 是账号被找回了 上周买的" (what the line says) is answered as changing nothing, with how to correct an item', () => {
    const d = fresh();
    d.say(story);
    const r = d.say('不对 是账号被找回了 上周买的').at(-1)!.text;
    expect(r).toContain('没有改动');
    expect(r).toContain('450元');
  });

  it('"卖家vx是 yx_shop888" is the seller, the channel stays 支付宝; the account is the item', () => {
    const d = fresh();
    d.say(story);
    const r = d.say('卖家vx是 yx_shop888').at(-1)!.text;
    expect(r).toContain('支付宝');
    expect(r).not.toContain('微信支付');
    d.say('对');
    expect(d.activeCase()!.facts).toMatchObject({ paymentMethod: 'alipay', amount: 450, merchant: '微信 yx_shop888', item: '原神账号' });
  });
});

describe('F30: an angry first message', () => {
  it('"DNF点券" from the first message is the item; a 卡盟 name at 买的是什么 is refused as the platform', () => {
    const d = fresh();
    d.say('TMD 垃圾卡盟！！！！充了500块钱的DNF点券 TMD一个小时了还没到 客服死了吗 SB商家');
    d.say('对');
    expect(d.activeCase()!.facts.item).toBe('DNF点券');
    const e = fresh();
    toPlatform(e);
    e.say('垃圾卡盟');
    e.say('垃圾卡盟');
    const r = e.say('我说了就是垃圾卡盟 网站名字就叫这个').at(-1)!.text;
    expect(r).toContain('平台');
    expect(e.activeCase()!.facts.item).toBeUndefined();
  });
});

describe('F8: 货不对板 told in the first message', () => {
  it('item and what arrived are taken from the story (shown in the confirmation), not asked again', () => {
    const d = fresh();
    const r = d.say('在云端卡盟花了88买爱奇艺黄金会员年卡 结果给我的是7天体验卡 昨天晚上买的 微信付款').at(-1)!.text;
    expect(r).toContain('爱奇艺黄金会员年卡');
    expect(r).toContain('7天体验卡');
    d.say('对');
    const asked = answerIntake(d, { merchant: { text: '云端数码' } });
    expect(asked).not.toContain('item');
    expect(asked).not.toContain('promised');
    expect(asked).not.toContain('received');
    expect(d.activeCase()!.facts).toMatchObject({ item: '爱奇艺黄金会员年卡', promised: '爱奇艺黄金会员年卡', received: '7天体验卡' });
  });

  it('"上面说了 7天体验卡" stores the fact, not the chatter', () => {
    const d = fresh();
    d.say('开始');
    d.say('1');
    d.say('6');
    answerIntake(d, { promised: { text: '上面说了 年卡12个月' }, received: { text: '我说了就是7天体验卡' } });
    expect(d.activeCase()!.facts).toMatchObject({ promised: '年卡12个月', received: '7天体验卡' });
  });
});

describe('F3: typing 继续 after 进度', () => {
  it('shows the open question again without "没法识别" and without a strike', () => {
    const d = fresh();
    toPlatform(d);
    for (const a of ['小年卡盟', '星辰点卡店', '点券', '跳过', 'abc']) d.say(a);
    expect(d.activeCase()!.state.reasks).toBe(1);
    d.say('进度');
    const r = d.say('继续').at(-1)!;
    expect(r.text).toContain('付了多少钱');
    expect(r.text).not.toContain('没法识别');
    expect(d.activeCase()!.state.reasks).toBe(1);
    d.say('120');
    expect(d.activeCase()!.facts.amount).toBe(120);
  });
});

describe('F11: a private transfer told first', () => {
  it('"对" opens the case with the story\'s facts (2000元, 微信, 11月20日, 蓝月卡盟), which are not asked again', () => {
    const d = fresh();
    d.say('卖家让我加他微信私下转账 说便宜 我转了两千 说好发steam余额卡 然后就把我删了 在蓝月卡盟认识的 11月20号晚上');
    d.say('对');
    const asked = answerIntake(d, { merchant: { text: '微信号 wxid_abc123 昵称叫阿龙' } });
    for (const q of ['platform', 'amount', 'paymentMethod', 'paidAt']) expect(asked).not.toContain(q);
    expect(d.activeCase()!.facts).toMatchObject({ platform: '蓝月卡盟', amount: 2000, paymentMethod: 'wechat', paidAt: '2026-11-20' });
  });

  it('picked by hand: 2000 and 微信转账 are taken at their questions', () => {
    const d = fresh();
    d.say('开始');
    d.say('1');
    d.say('4');
    answerIntake(d, { amount: { text: '2000' }, paymentMethod: { text: '微信转账' } });
    expect(d.activeCase()!.facts).toMatchObject({ amount: 2000, paymentMethod: 'wechat' });
  });
});

describe('F28 (edges): an item with its face value stays whole', () => {
  it('"移动话费 100元" at 买的是什么 is the item, not the sum paid', () => {
    const d = fresh();
    toPlatform(d);
    d.say('小年卡盟');
    d.say('星辰点卡店');
    d.say('移动话费 100元');
    expect(d.activeCase()!.facts.item).toBe('移动话费 100元');
    expect(d.activeCase()!.facts.amount).toBeUndefined();
  });

  it('"星辰点卡店 128元 支付宝 昨天晚上8点" keeps the sum, channel and time', () => {
    const d = fresh();
    toPlatform(d);
    d.say('小年卡盟');
    d.say('星辰点卡店 128元 支付宝 昨天晚上8点');
    expect(d.activeCase()!.facts).toMatchObject({ merchant: '星辰点卡店', amount: 128, paymentMethod: 'alipay', paidAt: '2026-11-29T12:00:00.000Z' });
  });
});

describe('F1 (first message): "客服也不回" is the seller\'s answer so far', () => {
  it('is shown in the confirmation and 商家态度 is not asked again', () => {
    const d = fresh();
    expect(d.say('昨天在小鹿卡盟充了120的点券 微信付的 到现在都没到账 客服也不回').at(-1)!.text).toContain('商家不回复');
    d.say('对');
    const asked = answerIntake(d);
    expect(asked).not.toContain('sellerContact');
    expect(d.activeCase()!.facts.sellerContact).toBe('no_reply');
  });
});

describe('F1 (edge): a story at the platform question that names the platform', () => {
  it('"在小年卡盟买的点券 没到账 付了100" answers 平台 with 小年卡盟 and keeps the sum', () => {
    const d = fresh();
    toPlatform(d);
    d.say('在小年卡盟买的点券 没到账 付了100');
    expect(d.activeCase()!.facts).toMatchObject({ platform: '小年卡盟', amount: 100 });
    expect(d.activeCase()!.state.q).toBe('merchant');
  });
});

describe('F41 (detector): which numbers are masked as an ID', async () => {
  const { maskIdCards, carriesPersonalNumber } = await import('../../src/privacy/personal.js');
  it('a 身份证号 is masked; order numbers, phones and card-key error texts are not', () => {
    expect(maskIdCards('我的身份证110101199001011234')).toBe('我的身份证1101**********1234');
    expect(maskIdCards('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdCards('202611201530123456')).toBe('202611201530123456');
    expect(maskIdCards('订单号110101199001011234')).toBe('订单号110101199001011234');
    expect(maskIdCards('13812345678')).toBe('13812345678');
    expect(carriesPersonalNumber('卡号AB12****GH78已被使用')).toBe(false);
    expect(carriesPersonalNumber('商家电话13812345678')).toBe(false);
    expect(carriesPersonalNumber('我的手机13812345678')).toBe(true);
  });
});
