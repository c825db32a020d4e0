// Fresh-eyes review of session 7 (/work/wt/data/r7/REVIEW7.md): each test failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

function onSellerRung(overrides: Record<string, { text?: string; choice?: string }> = {}): Driver {
  app = makeApp();
  const d = new Driver(app);
  d.press('s:not_received');
  answerIntake(d, { amount: { text: '100元' }, ...overrides });
  d.press('e:done');
  d.press('r:sent');
  return d;
}

describe('review R11: the seller says all was refunded, the user got nothing', () => {
  for (const said of ['商家说都退了 但我一分钱没收到', '平台说已经退了 商家也说都退了 可我一分没收到']) {
    it(`"${said}" does not close the case as a double refund`, () => {
      const d = onSellerRung();
      const r = d.say(said).map((x) => x.text).join('\n');
      expect(r).not.toContain('多收的');
      expect(d.activeCase()?.status).toBe('open');
    });
  }
});

describe('review R19 / R12: the seller\'s claim and a buyer who knows the seller', () => {
  it('"商家说我已经用过了 但我根本没收到" at 到账了吗 is no admission of use', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    for (const a of ['小年卡盟', '星辰点卡店', '王者点券', '跳过', '100', '支付宝', '昨天', '即时']) d.say(a);
    expect(d.activeCase()!.state.q).toBe('goodsState');
    d.say('商家说我已经用过了 但我根本没收到');
    const c = d.activeCase()!;
    expect(c.facts.goodsState).not.toBe('used');
    expect(c.state.stage).toBe('intake');
    expect(d.log.map((x) => x.text).join('\n')).not.toContain('谢谢你如实说');
  });

  it('"我是卖家的老客户了，这次买的点卡一直没到账" is a buyer\'s story, not a seller\'s voice', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('我是卖家的老客户了，这次买的点卡一直没到账').map((x) => x.text).join('\n');
    expect(r).not.toContain('卖家这边能帮的不多');
  });
});

describe('review R8: part arrived, the rest said as what is missing', () => {
  it('"只到了1000点 还差500点" on 150元 → 50元 owed (1000 of 1500 arrived), not 75元', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { amount: { text: '150' }, goodsState: { choice: 'a:partial' }, arrivedPart: { text: '只到了1000点 还差500点' } });
    d.press('e:done');
    const body = d.log.map((r) => r.document?.body ?? '').join('\n');
    expect(body).toContain('50元');
    expect(body).not.toContain('75元');
  });
});

describe('review R1: a 身份证号 written in groups, full-width or after letters', () => {
  for (const id of ['1101 0119 9001 0112 34', '110101-19900101-1234', '１１０１０１１９９００１０１１２３４', 'sfz110101199001011234']) {
    it(`"${id}" typed at 卖家叫什么？ is never stored whole`, () => {
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      d.say('小年卡盟');
      d.say(id);
      const stored = JSON.stringify(d.activeCase()!.facts);
      expect(stored).not.toMatch(/0119\s*9001|19900101/);
    });
  }
});

describe('review R6/R7: the seller\'s words pasted as they came', () => {
  it('"你自己填错账号了，不关我们的事" is the seller\'s blame, not the user\'s confession', () => {
    const d = onSellerRung();
    const r = d.say('你自己填错账号了，不关我们的事').map((x) => x.text + '\n' + (x.document?.body ?? '')).join('\n');
    expect(r).not.toContain('是我自己的失误');
    expect(r).not.toContain('谢谢你说实话');
  });
  it('"我们联系不上上游" is the shop\'s voice, not the user\'s own words', () => {
    const d = onSellerRung();
    const r = d.say('我们联系不上上游').map((x) => x.text).join('\n');
    expect(r).not.toContain('不是对方的回复');
  });
});

describe('review R3/R4/R5/R9/R13: facts read where they are not', () => {
  const atQ = (d: Driver, answers: string[]) => {
    d.press('s:not_received');
    for (const a of answers) d.say(a);
  };
  it('R3: "王者 10点" at 买的是什么 keeps the item whole and invents no payment time', () => {
    app = makeApp();
    const d = new Driver(app);
    atQ(d, ['小年卡盟', '星辰点卡', '王者 10点']);
    expect(d.activeCase()!.facts.paidAt).toBeUndefined();
  });
  it('R9: "微信里" at 订单号 is where the number is, not the payment channel', () => {
    app = makeApp();
    const d = new Driver(app);
    atQ(d, ['小年卡盟', '星辰点卡', '王者点券', '微信里']);
    expect(d.activeCase()!.facts.paymentMethod).toBeUndefined();
  });
  it('R13: "不知道订单号在哪看" is a question, not 没有订单号', () => {
    app = makeApp();
    const d = new Driver(app);
    atQ(d, ['小年卡盟', '星辰点卡', '王者点券', '不知道订单号在哪看']);
    expect(d.activeCase()!.facts.orderId).toBeUndefined();
    expect(d.activeCase()!.state.q).toBe('orderId');
  });
  it('R4: "还好钱没被扣" in a 刷不了 story is not 钱已经扣了', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('在卡盟充值时页面一直转圈然后显示支付失败，还好钱没被扣，订单也没生成');
    expect(r.at(-1)!.text).not.toContain('钱已经扣了');
  });
  it('R5: "用余额300买的" is no balance left on the site', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('卡盟跑路了网站打不开，我用余额300买的点卡没到账');
    expect(r.at(-1)!.text).not.toContain('余额还剩');
  });
});

describe('review R16: goods clawed back are no recovered account', () => {
  it('"买的话费充值卡被卖家收回了 卡号还在我这" is not read as 账号被找回', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('买的话费充值卡被卖家收回了 卡号还在我这');
    expect(r.at(-1)!.text).not.toContain('账号被找回');
  });
  it('"上周在游侠卡盟买了个原神号…结果昨天被原号主找回了" still is', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('上周在游侠卡盟买了个原神号 花了四百五 结果昨天被原号主找回了');
    expect(r.at(-1)!.text).toContain('找回');
  });
});

describe('review R2/R10: order numbers and the other side\'s account', () => {
  it('R2: an order number after 订单 / 订单号是 is never masked as a 身份证号', async () => {
    const { maskIdCards } = await import('../../src/privacy/personal.js');
    expect(maskIdCards('我的订单320511202311051234没到账')).toContain('320511202311051234');
    expect(maskIdCards('订单号是320511202311051234')).toContain('320511202311051234');
    expect(maskIdCards('身份证320511202311051234')).not.toContain('320511202311051234');
  });
  it('R10: the seller\'s bank card (对方银行卡…) is not refused as the user\'s own number', async () => {
    const { carriesPersonalNumber } = await import('../../src/privacy/personal.js');
    expect(carriesPersonalNumber('对方银行卡6222021234567890123 户名张三')).toBe(false);
    expect(carriesPersonalNumber('我的银行卡6222021234567890123')).toBe(true);
  });
});

describe('a card key told in the first message (session 7, trying the bot as a new user)', () => {
  it('is kept masked as the answer to 卡密是多少？ (not asked again) and never whole', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('气死我了！！！在那个什么七七卡盟买了个steam充值卡 200块 卡密HK7Q M2XP 9RZT 4WBA 一输进去就说已经被使用了');
    expect(r.at(-1)!.text).toContain('HK7Q****4WBA');
    d.press('u:yes');
    expect(d.activeCase()!.facts.cardKey).toBe('HK7Q****4WBA');
    expect(JSON.stringify(d.activeCase()!.facts)).not.toContain('M2XP');
    const asked = answerIntake(d);
    expect(asked).not.toContain('cardKey');
  });
});
