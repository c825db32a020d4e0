// Facts that reached the case but not the letters (exploratory test round 4, session 7); each test
// failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';

let app: ReturnType<typeof makeApp>;
afterEach(() => app?.close());

const docs = (d: Driver) => d.log.map((r) => r.document?.body ?? '').join('\n');

describe('explore4 F7: the 交易单号 of a failed payment', () => {
  it('is shown in 进度 and written into the letters', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('在趣玩卡盟买qb 付款一直转圈 最后显示支付失败 结果wx钱包少了30块 订单也没生成 今天中午12点多');
    d.press('u:yes');
    d.say('跳过');
    d.say('交易单号 4200002345202611301234567890');
    d.say('扣了');
    expect(d.say('进度').map((r) => r.text).join('\n')).toContain('交易单号：4200002345202611301234567890');
    d.press('e:done');
    for (let i = 0; i < 3 && !docs(d).includes('4200002345202611301234567890'); i++) d.press('r:next');
    expect(docs(d)).toContain('交易单号为4200002345202611301234567890');
  });
});

describe('explore4 F2: 多扣了多少钱？ answered "一样"', () => {
  it('is (debits − 1) × the price (55 × 3 debits → 110), not a strike', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:double_charge');
    for (const a of ['快充卡盟', '阿杰话费店', '移动话费55', 'KC20261130002', '55', '微信', '今天下午两点', '3次']) d.say(a);
    expect(d.activeCase()!.state.q).toBe('extraAmount');
    d.say('一样');
    expect(d.activeCase()!.facts.extraAmount).toBe(110);
  });
});

describe('explore4 F18: a top-up left partly as balance, partly spent on an order never delivered', () => {
  it('the story gives the balance (not 平台余额 as the channel); 一部分是 claims the 500 once, never 500 + 300', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('我在龙腾卡盟充值了500块 卡盟跑路了 网站打不开 我有余额300在上面 还有一笔200的订单没到账');
    expect(r.at(-1)!.text).toContain('余额还剩300');
    expect(r.at(-1)!.text).not.toContain('平台余额');
    d.press('u:yes');
    expect(d.activeCase()!.facts.balance).toBe(300);
    expect(d.activeCase()!.facts.paymentMethod).toBeUndefined();
    for (const a of ['跳过', '游戏充值', '跳过', '支付宝', '上周五', '三天前', '打不开了']) d.say(a);
    expect(d.activeCase()!.state.q).toBe('balanceIsPayment');
    d.say('一部分是 500里300还在余额 200买了东西没到');
    expect(d.activeCase()!.facts.balanceIsPayment).toBe('part');
    d.say('不知道');
    d.press('e:done');
    const body = docs(d);
    expect(body).toContain('请退还货款500元');
    expect(body).not.toContain('及平台余额300元');
    expect(body).toContain('其中300元作为余额留在平台内');
  });
});

describe('explore4 F4: a vanished seller\'s letters', () => {
  it('the bank text takes the payee from the statement and claims no step that was not taken; only the platform and 12315 are asked for the seller\'s identity', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d, { merchant: { text: 'QQ 2837465512' }, paymentMethod: { choice: 'a:bank' }, balance: { text: '0' } });
    d.press('e:done');
    const bodies = () => d.log.filter((r) => r.document).map((r) => ({ title: r.document!.title, body: r.document!.body }));
    for (let i = 0; i < 5; i++) d.press('r:next');
    const all = bodies();
    const bank = all.find((x) => x.body.includes('差错处理'))!;
    expect(bank.body).toContain('收款方：【按银行账单上显示的名称填写】');
    expect(bank.body).not.toContain('商家和平台均未处理');
    const platform = all.find((x) => x.body.includes('申诉类型'))!;
    expect(platform.body).toContain('提供商家的真实名称');
    const court = all.find((x) => x.body.includes('诉讼请求'))!;
    expect(court.body).not.toContain('提供商家的真实名称');
    expect(bank.body).not.toContain('提供商家的真实名称');
  });
});

describe('explore4 F16: part of it arrived', () => {
  it('asks how much arrived and names the money still owed in the letter (200元话费到了100, paid 198 → 99元)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { amount: { text: '198' }, goodsState: { choice: 'a:partial' }, arrivedPart: { text: '200元话费到了100' } });
    expect(d.activeCase()!.facts.arrivedPart).toBe('200元话费到了100');
    d.press('e:done');
    expect(docs(d)).toContain('99元');
    expect(docs(d)).toContain('到账情况：200元话费到了100');
  });
});

describe('explore4 F38: asking what the bot keeps', () => {
  it('"你们存了我哪些信息" and "把我的资料导出来给我看看" on a step give the export; 匯出 too', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    for (const t of ['你们存了我哪些信息', '把我的资料导出来给我看看', '匯出']) {
      const r = d.say(t);
      expect(r.some((x) => x.document !== undefined || /导出|记录/.test(x.text)), t).toBe(true);
      expect(r.map((x) => x.text).join('\n'), t).not.toContain('我没看懂');
    }
  });
});
