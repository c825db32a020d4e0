// Round 6 of issue 13 item 4 (amounts that refuse to guess), from the real amount set's dev part
// (test/fixtures/real-amounts): each rule failed before it was added. Sentences are ours, in the
// product's own world.
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/nlu/amount.js';
import { understand } from '../../src/nlu/understand.js';

const NOW = new Date('2026-11-30T12:00:00+08:00');
const story = (t: string) => understand(t, NOW, 'Asia/Shanghai').entities.amount;

describe('amounts, round 6', () => {
  it('a story with no word of money changing hands names no sum paid', () => {
    for (const t of ['为什么我的会员只能买几个月 一百以上就不行', '活动说返100元购物卡 结果只有20天有效期', '客服预估59 结果下来不一样', '这个点卡现在多少钱 50的还有吗']) expect(story(t), t).toBeUndefined();
    // …but a sum paid, a balance, a face value or goods not credited still does.
    expect(story('Q币没到账！！！ 30块钱')).toBe(30);
    expect(story('卡密绑定时提示已被绑定，面值100')).toBe(100);
    expect(story('卡盟跑了 我余额里还有300')).toBe(300);
    // parseAmount() on its own (an answer to 付了多少钱) is not gated.
    expect(parseAmount('100')).toBe(100);
  });

  it('a sum charged on top is not the price paid, unless a debit was taken twice', () => {
    expect(story('买月卡的时候多收了我5块钱')).toBeUndefined();
    expect(story('话费充值平台多扣了我十块钱')).toBeUndefined();
    expect(story('同一单扣了两次，多扣的是88')).toBe(88);
  });

  it('limits, thresholds, red packets, coupons, estimates, day rates and exchange rates are not sums paid', () => {
    for (const t of [
      '充值超过五百元就不能用花呗付了',
      '充值500元以上才送会员 我充了300', // 300 is paid; 500 is the threshold
      '花了钱抽的五元红包没了',
      '付了钱 送的一百元券找不到了',
      '客服说市场价2600 我付了2000', // 2000 is paid
      '机场节点5元/天 扣了我30', // 30 is paid
      '1元能兑换10个钻石 我充了68', // 68 is paid
    ]) {
      const want = /我充了(\d+)|我付了(\d+)|扣了我(\d+)/.exec(t);
      expect(story(t), t).toBe(want ? Number(want[1] ?? want[2] ?? want[3]) : undefined);
    }
  });

  it('rough sums, another currency written after 元, a leading zero and a phone model are left out; 一分钱 is 0.01', () => {
    expect(story('充了120 元左右的点券，没到账')).toBeUndefined();
    expect(story('充了大概300块 一直没到')).toBeUndefined();
    expect(story('前前后后充了个小5k 号被封了')).toBeUndefined();
    expect(story('被扣了1,910元台币')).toBeUndefined();
    expect(story('07年买的账号 被找回了 付了钱的')).toBeUndefined();
    expect(story('买了iPhone 12的会员服务 钱付了没开通')).toBeUndefined();
    expect(story('一分钱抽奖付了 结果重复扣款了')).toBe(0.01);
    expect(story('首月6块 之后每月扣我15 我付了首月')).toBeUndefined();
  });

  it('a list number after a full stop or semicolon is not a sum', () => {
    expect(story('1、卡密没发；2、客服不回；我付了款')).toBeUndefined();
  });
});

describe('amounts, round 6 (second pass)', () => {
  it('a sum the other side asks for is not paid; counts of things are not sums; 第一次 is no second debit', () => {
    expect(story('商家让我再付46才发货 我之前付过款')).toBeUndefined();
    expect(story('客服要我先交200解冻 我已经付了100')).toBe(100);
    expect(story('买了一百包的礼包码 钱付了没发')).toBeUndefined();
    expect(story('第一次在这买 多收了我5块')).toBeUndefined();
  });
});

describe('amounts, round 6 (smoke test)', () => {
  it('a quantity of game currency is what was bought, not the sum paid; a price tier (648那档) is the sum', () => {
    expect(story('在小年卡盟买的王者荣耀点券600 没到账 100 支付宝 昨天下午3点')).toBe(100);
    expect(story('原神创世结晶 648那档 微信付完一直不到')).toBe(648);
    expect(story('王者荣耀点券600 付了60')).toBe(60);
  });
});
