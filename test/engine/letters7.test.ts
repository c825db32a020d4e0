// Facts that reached the case but not the letters (exploratory test round 4, session 7); each test
// failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { Driver, makeApp } from '../helpers.js';

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
