// Real complaints (issue 13): the fixed split, the loader, and entities that refuse to guess.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReal, REAL_DIR, evaluateReal } from '../../src/nlu/evaluate.js';
import { parseAmount } from '../../src/nlu/amount.js';
import { parsePaymentMethod } from '../../src/nlu/payment.js';
import { parseOrderId } from '../../src/nlu/order.js';
import { parseCount } from '../../src/nlu/count.js';
import { parseWhen } from '../../src/nlu/time.js';
import { understand, ASK_THRESHOLD, LOW_CONFIDENCE } from '../../src/nlu/understand.js';
import { chooseThreshold, ratesAt } from '../../src/nlu/train/train.js';
import { loadModel } from '../../src/nlu/model.js';

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-11-21T10:00:00+08:00');
const nluFixture = (f: string) => fileURLToPath(new URL(`../fixtures/nlu/${f}`, import.meta.url));

describe('real complaints split', () => {
  const split = JSON.parse(readFileSync(join(REAL_DIR, 'test-split.json'), 'utf8')) as { testLines: number[]; testTexts: string[] };
  const lines = readFileSync(join(REAL_DIR, 'complaints.jsonl'), 'utf8').split('\n').filter((l) => l.trim());

  it('lists about a third of complaints.jsonl as the fixed test part, by line and text', () => {
    expect(split.testTexts.length).toBe(54);
    expect(Math.abs(split.testTexts.length - lines.length / 3)).toBeLessThan(2);
    split.testLines.forEach((n, i) => expect((JSON.parse(lines[n - 1]) as { text: string }).text).toBe(split.testTexts[i]));
  });

  it('loadReal puts exactly the listed texts in the test part', () => {
    // Only complaints.jsonl: other files (collected.jsonl) are split by hash, tested below.
    const dir = mkdtempSync(join(tmpdir(), 'real-split-'));
    copyFileSync(join(REAL_DIR, 'complaints.jsonl'), join(dir, 'complaints.jsonl'));
    copyFileSync(join(REAL_DIR, 'test-split.json'), join(dir, 'test-split.json'));
    const r = loadReal(dir);
    expect(new Set(r.test.map((m) => m.text))).toEqual(new Set(split.testTexts));
    expect(r.train.length + r.test.length).toBe(lines.length);
    expect(r.train.some((m) => split.testTexts.includes(m.text))).toBe(false);
    // With every file: the listed texts are all in the test part, none in the train part.
    const all = loadReal();
    const testTexts = new Set(all.test.map((m) => m.text));
    for (const t of split.testTexts) expect(testTexts.has(t)).toBe(true);
    expect(all.train.some((m) => testTexts.has(m.text))).toBe(false);
  });

  it('no test-part text (listed or hashed) is in any training file', () => {
    const training = ['train.jsonl', 'train-written.tsv', 'train-vocab.tsv'].map((f) => readFileSync(nluFixture(f), 'utf8')).join('\n');
    for (const t of loadReal().test.map((m) => m.text)) {
      const firstLine = t.split('\n')[0];
      // Short titles ("用不了了") can occur inside any text; longer lines must not.
      if (firstLine.length >= 10) expect(training.includes(firstLine), firstLine).toBe(false);
      expect(training.includes(t), t).toBe(false);
    }
  });

  it('tolerates extra files in the same format (collected.jsonl), missing now/alt, and duplicates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'real-'));
    copyFileSync(join(REAL_DIR, 'complaints.jsonl'), join(dir, 'complaints.jsonl'));
    copyFileSync(join(REAL_DIR, 'test-split.json'), join(dir, 'test-split.json'));
    const extra = Array.from({ length: 30 }, (_, i) => ({ text: `付了${i + 10}元，卡密一直没发`, source: 'https://example.org/t', scenario: 'not_received', entities: { amount: i + 10 } }));
    const dup = JSON.parse(lines[0]) as object;
    writeFileSync(join(dir, 'collected.jsonl'), [...extra, dup].map((m) => JSON.stringify(m)).join('\n') + '\n\n');
    const r = loadReal(dir);
    expect(r.train.length + r.test.length).toBe(lines.length + 30);
    const extraTest = r.test.filter((m) => m.source === 'https://example.org/t');
    expect(extraTest.length).toBeGreaterThan(3);
    expect(extraTest.length).toBeLessThan(20);
    for (const m of [...r.train, ...r.test]) {
      expect(typeof m.now).toBe('string');
      expect(Array.isArray(m.alt)).toBe(true);
    }
    // The split of an extra file does not depend on the order of its lines.
    writeFileSync(join(dir, 'collected.jsonl'), [...extra].reverse().map((m) => JSON.stringify(m)).join('\n') + '\n');
    expect(new Set(loadReal(dir).test.filter((m) => m.source === 'https://example.org/t').map((m) => m.text))).toEqual(new Set(extraTest.map((m) => m.text)));
  });
});

describe('confidence and the engine threshold', () => {
  it('the ask-threshold is the trained one and LOW_CONFIDENCE is the same value', () => {
    expect(ASK_THRESHOLD).toBe(loadModel()?.askThreshold);
    expect(LOW_CONFIDENCE).toBe(ASK_THRESHOLD);
    expect(ASK_THRESHOLD).toBeGreaterThan(0.3);
    expect(ASK_THRESHOLD).toBeLessThan(1);
  });

  it('the ask-threshold holds confident errors down in every source of real text, not only overall', () => {
    const identity = { a: 1, b: 0 }; // calibrate(p) = p
    const pt = (p: number, ok: boolean, group: string) => ({ p, g: 0, ok, exact: ok, group });
    // 100 easy points (no errors) and 50 points of a harder source with 4 errors at 0.75–0.78.
    const easy = Array.from({ length: 100 }, () => pt(0.99, true, 'easy.jsonl'));
    const hard = [...Array.from({ length: 46 }, () => pt(0.9, true, 'hard.jsonl')), ...[0.75, 0.76, 0.77, 0.78].map((p) => pt(p, false, 'hard.jsonl'))];
    // Pooled, 4/150 = 2.7 % already meets 3 % at the lowest threshold; the hard source alone (8 %) does not.
    expect(ratesAt([...easy, ...hard], identity, 0.3).confidentErrors).toBeLessThanOrEqual(0.03);
    const th = chooseThreshold([...easy, ...hard], identity);
    expect(th).toBeGreaterThan(0.76);
    expect(ratesAt(hard, identity, th).confidentErrors).toBeLessThanOrEqual(0.03);
    // A source too small to judge alone (< 40 points) is pooled, not allowed to force the threshold up.
    const tiny = [pt(0.95, false, 'tiny.jsonl'), ...Array.from({ length: 5 }, () => pt(0.99, true, 'tiny.jsonl'))];
    expect(chooseThreshold([...easy, ...tiny], identity)).toBeLessThan(0.95);
  });

  it('evaluateReal counts a confident error only when the bot would not ask', () => {
    const msg = (text: string, scenario: 'not_received' | 'other') => ({ text, now: '2026-11-21T10:00:00+08:00', scenario, alt: [], entities: {} });
    const r = evaluateReal([msg('付了100元，卡密到现在都没发货', 'other'), msg('付了100元，卡密到现在都没发货', 'not_received')], ZONE, 0.5);
    expect(r.exact).toBe(1);
    expect(r.confidentErrors).toBe(1);
    expect(r.correctComplaint).toBe(1);
    expect(r.askedOnCorrect).toBe(0);
    expect(evaluateReal([msg('付了100元，卡密到现在都没发货', 'not_received')], ZONE, 1.01).askedOnCorrect).toBe(1);
  });
});

describe('scenario on real-style phrasing (written here, not from the test part)', () => {
  it.each([
    ['[跑路/预警] 这家机场老板失联了，节点全挂', 'merchant_vanished'],
    ['你好，请问一下。我买的激活码激活失败，提示无效。可以退款吗？', 'card_used'],
    ['要是再这样还不如直接跑路呢，请问怎么续费', 'other'],
    ['用户支付之后，我们后台怎么设置自动发卡？', 'other'],
  ])('%s → %s', (text, want) => {
    expect(understand(text, NOW, ZONE).scenario).toBe(want);
  });
});

describe('entities that refuse to guess', () => {
  it('reads amounts only in yuan', () => {
    for (const t of ['付了60美元', '充了35刀', 'paid 20 USD', '花了$20', '€15的套餐', '一共100日元']) expect(parseAmount(t), t).toBeUndefined();
    expect(parseAmount('才7毛钱')).toBe(0.7);
    expect(parseAmount('五毛')).toBe(0.5);
    expect(parseAmount('付过60，几十元钱看清一个人')).toBe(60);
  });

  it('takes no amount from vague sums, versions, years, zones, durations, quotas, ids or keys', () => {
    for (const t of ['几十块', '十几块钱', '升级到3.12版本后', '2019买的', '时区GMT+09', '说好30内处理', '客服7*24小时', '质保100万字符', '卡密ABCD-1234-EFGH-5678', '订单号 4673709041116']) {
      expect(parseAmount(t), t).toBeUndefined();
    }
  });

  it('takes no amount from a sum given as "more than N" (300多, 三千多, 100余元, 100来块)', () => {
    for (const t of ['偷偷扣费了3000多元', '余额还有300多', '我在里面还有一千多余额', '花了两千多', '充了100余元', '大概100来块', '出现了73万多的预存话费', '三百多块钱']) {
      expect(parseAmount(t), t).toBeUndefined();
    }
    // An exact sum beside it still counts; 余额 after a number is the balance, not 余 (more than).
    expect(parseAmount('充了2000多，其中一笔是648元')).toBe(648);
    expect(parseAmount('我还有300余额')).toBe(300);
    expect(parseAmount('充了100元多扣了一次')).toBe(100);
    expect(parseAmount('付了300，多扣了50')).toBe(300);
  });

  it('takes no amount from a sum said to be nearly N (近6000元, 将近500块) or a duration written 12+秒', () => {
    for (const t of ['充了近6000元', '将近500块', '接近两千块钱', '满的能到12+秒', '这个时候 ,status =1 ,而status=1 表示订单创建成功']) expect(parseAmount(t), t).toBeUndefined();
    expect(parseAmount('最近100元的那笔订单没到账')).toBe(100);
  });

  it('names no payment channel when two channels were both debited, or for a channel the user could not pay with', () => {
    for (const t of ['我充值话费，银行卡钱都扣了，为什么花呗还欠款', '我游戏苹果冲值，银行卡已经扣款，花呗还要扣', '既有花呗扣款也有银行扣款，扣我两次',
      '为什么就不能用花呗充值了', '花呗不能用来充q币吗', '我为什么不能用花呗充值苹果app']) {
      expect(parsePaymentMethod(t), t).toBeUndefined();
    }
    expect(parsePaymentMethod('用支付宝付的，微信把我拉黑了')).toBe('alipay');
    expect(parsePaymentMethod('支付宝扣了两次款')).toBe('alipay');
    expect(parsePaymentMethod('微信不能用，最后用支付宝付的')).toBe('alipay');
    // A channel said NOT to be debited, or whose payment failed, is no second debit (review).
    expect(parsePaymentMethod('用支付宝付款的，银行卡没扣')).toBe('alipay');
    expect(parsePaymentMethod('微信支付了128，支付宝提示付款失败')).toBe('wechat');
  });

  it('names no payment channel for a product of the channel that is not a payment (花呗积分兑换, 花呗会员, 借呗免息券, 蚂蚁花呗上抽奖)', () => {
    for (const t of ['花呗会员积分兑换优酷视频会员未到账', '为什么用花呗积分对换的两个月优酷会员，app显示的是一个月', '我在蚂蚁花呗上抽奖到优酷会员可是用不了是为什么',
      '借呗免息券兑换失败，我是黄金会员这个是怎么回事', '我不想要这个花呗会员', '支付宝会员积分换的爱奇艺月卡没到']) {
      expect(parsePaymentMethod(t), t).toBeUndefined();
    }
    expect(parsePaymentMethod('花呗付的优酷会员没到账')).toBe('alipay');
    expect(parsePaymentMethod('开了优酷会员，花呗扣了25')).toBe('alipay');
  });

  it('takes no amount from a recurring rate, a saving, a threshold, a hotline or someone else\'s money (real text, round 5)', () => {
    for (const t of ['之后每个月自动续费29.9这个我完全不知情', '支付宝每个月都会从我花呗扣款48元', '会员原价30元一个月,连续包月就是20元一个月', '月费15块，我没开过',
      '就开通了连续包月的,为了省10元', '扣满270才会停止', '满100减20的券用不了', '也给10086打了电话', '甚至有人被盗刷了三千元', '听说很多人充了500都没到']) {
      expect(parseAmount(t), t).toBeUndefined();
    }
    expect(parseAmount('我当时想着一个月花10元,看完月底停掉挺合适的,就下单了')).toBe(10);
    expect(parseAmount('我朋友借了我500不还')).toBe(500);
    expect(parseAmount('扣了两次，每次30')).toBe(30);
    expect(parseAmount('买了一个月会员，扣费扣了两遍，25块一次')).toBe(25);
    expect(parseAmount('29.9买的月卡没到账')).toBe(29.9);
  });

  it('takes no amount from a list price or a list of bare numbers', () => {
    // A recurring rate is not a sum paid for the order (the real labellers' convention, round 5).
    expect(parseAmount('原价68元，活动价开通了连续包月，每月扣25元')).toBeUndefined();
    expect(parseAmount('原价68元，活动价开通了连续包月，扣了25元')).toBe(25);
    expect(parseAmount('标价是99元，我还没买')).toBeUndefined();
    expect(parseAmount('一分钟之内就有很多个648、328的扣款')).toBeUndefined();
    expect(parseAmount('充了648元，又扣了328')).toBe(648);
    expect(parseAmount('一共扣了3笔：68、68、68')).toBe(68);
    expect(parseAmount('充了50、50两次，都没到账')).toBe(50);
  });

  it('names a payment channel only when it is how the user paid', () => {
    expect(parsePaymentMethod('请回复下qq 微信哈，钱收了人去哪里了')).toBeUndefined();
    expect(parsePaymentMethod('我之前的余额去哪里了')).toBeUndefined();
    expect(parsePaymentMethod('充值的余额被清空了')).toBeUndefined();
    expect(parsePaymentMethod('用微信付的')).toBe('wechat');
    expect(parsePaymentMethod('用余额买的')).toBe('balance');
    // 余额 as where a refund or credit goes, or as a balance that is empty, is not how the user paid.
    expect(parsePaymentMethod('不满意可以退款至余额，重新选购')).toBeUndefined();
    expect(parsePaymentMethod('充值金额会保留在余额中')).toBeUndefined();
    expect(parsePaymentMethod('在余额为零的情况下')).toBeUndefined();
    expect(parsePaymentMethod('问了几个问题说我余额不够，然后账户余额变成1.29美元')).toBeUndefined();
    expect(parsePaymentMethod('我充值余额的时候页面卡死了 钱扣了余额没加')).toBeUndefined();
    expect(parsePaymentMethod('从账户余额里扣的款')).toBe('balance');
    for (const t of ['平台余额买的卡密，余额没退回来', '账户余额买的会员，余额被清空了', '站内余额下的单，商家说退款到余额']) expect(parsePaymentMethod(t), t).toBe('balance');
  });

  it('counts debits, not refunds, debits to avoid or a single purchase', () => {
    expect(parseCount('每个人可享受一次原路退款')).toBeUndefined();
    expect(parseCount('立刻解约，避免二次扣费')).toBeUndefined();
    expect(parseCount('扫码支付1次无法生成')).toBeUndefined();
    expect(parseCount('老公说有一笔海外支出')).toBeUndefined();
    expect(parseCount('同一单付了两遍，帮忙退一笔')).toBe(2);
    // A refund after the debits does not cancel their count.
    for (const t of ['被扣了两次退了一次', '扣款2次退款1次', '支付宝被扣两次退回了一次', '扣了两次 退款还没到', '恐怕被扣了两次']) expect(parseCount(t), t).toBe(2);
    expect(parseCount('只扣了一次，但是没到账')).toBe(1);
  });

  it('reads letter-heavy order ids after 订单号/订单编号/单号, not the start of one', () => {
    expect(parseOrderId('订单编号：ABCDEFGH1J 还没到')).toBe('ABCDEFGH1J');
    expect(parseOrderId('单号 sub_1NxA9bCdEf')).toBe('SUB_1NXA9BCDEF');
    expect(parseOrderId('粘贴该202508200124开头的25位订单号')).toBeUndefined();
  });

  it('reads no date from a version number (3.12版本, 版本3.12, v3.12)', () => {
    for (const t of ['用的3.12版本，付款后提示未激活', '版本3.12更新后激活失败', 'v3.12 付款后', '升级到3.12的版本后']) {
      expect(parseWhen(t, NOW, ZONE), t).toBeUndefined();
    }
    expect(parseWhen('11.18号买的', NOW, ZONE)).toBeDefined();
  });

  it('takes no platform from a question about who handles 卡盟 cases', () => {
    expect(understand('请问12315能管卡盟的事吗', NOW, ZONE).entities.platform).toBeUndefined();
    expect(understand('投诉卡盟有用吗', NOW, ZONE).entities.platform).toBeUndefined();
    expect(understand('在星辰卡盟买的点卡没到账', NOW, ZONE).entities.platform).toBe('星辰卡盟');
    expect(understand('我在蝦皮買的Steam序號 輸入後顯示已被使用', NOW, ZONE).entities.platform).toBe('虾皮');
    for (const name of ['万能卡盟', '智能卡盟', '告白卡盟', '查查卡盟']) expect(understand(`在${name}买的东西还没到`, NOW, ZONE).entities.platform).toBe(name);
  });

  it('invents no date from a month that starts a period', () => {
    expect(parseWhen('从9月开始就用不了了', NOW, ZONE)).toBeUndefined();
    // Nor from a month with no day (it would get today's day of the month).
    for (const t of ['今年三月份在卡盟买的年卡', '11月份买的年卡', '三月中旬买的会员']) expect(parseWhen(t, NOW, ZONE), t).toBeUndefined();
    expect(parseWhen('3月15日买的', NOW, ZONE)).toBeDefined();
    expect(parseWhen('9月以来一直连不上', NOW, ZONE)).toBeUndefined();
  });
});

describe('linear time on huge input (issue 14)', () => {
  const chunk = '昨天用支付宝充了100元，订单号KM20261118ABC，3.12版本 7*24 GMT+09 几十块 ';
  const make = (n: number) => chunk.repeat(Math.ceil(n / chunk.length)).slice(0, n);
  const best = (f: () => void) => {
    let t = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      f();
      t = Math.min(t, performance.now() - t0);
    }
    return t;
  };

  it('parseAmount grows about linearly from 100,000 to 1,000,000 characters (quadratic would be ×100)', () => {
    const small = make(100_000);
    const big = make(1_000_000);
    parseAmount(small);
    const tSmall = best(() => parseAmount(small));
    const tBig = best(() => parseAmount(big));
    expect(parseAmount(big)).toBe(100);
    expect(tBig / Math.max(tSmall, 1)).toBeLessThan(35);
  }, 60_000);

  it('understand() on 1,000,000 characters finishes and reads the message', () => {
    const big = make(1_000_000);
    const t0 = performance.now();
    const u = understand(big, NOW, ZONE);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(u.entities.amount).toBe(100);
  }, 60_000);
});
