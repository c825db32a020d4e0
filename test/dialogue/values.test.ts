import { describe, expect, it } from 'vitest';
import { extractCardKey, findCardKeys, looksLikeCardKey, withoutCardKeys } from '../../src/dialogue/cardkey.js';
import { checkName, extractAmount, extractName, extractOrderId } from '../../src/dialogue/values.js';
import { maskCardKey } from '../../src/privacy/mask.js';

describe('card keys', () => {
  it.each<[string, string]>([
    ['卡密是 K7PX9M2QW4ZR2345 谢谢', 'K7PX9M2QW4ZR2345'],
    ['卡密：K7PX9M2QW4ZR2345', 'K7PX9M2QW4ZR2345'],
    ['卡密K7PX9M2QW4ZR2345', 'K7PX9M2QW4ZR2345'],
    ['卡號 STMX-7Q2W-9KLP-4RT8', 'STMX7Q2W9KLP4RT8'],
    ['卡号 STMX-7Q2W-9KLP-4RT8', 'STMX7Q2W9KLP4RT8'],
    ['K7PX 9M2Q W4ZR 2345', 'K7PX9M2QW4ZR2345'],
    ['Ｋ７ＰＸ９Ｍ２ＱＷ４ＺＲ２３４５', 'K7PX9M2QW4ZR2345'],
    ['这个 ABCD1234EFGH5678 兑换不了', 'ABCD1234EFGH5678'],
    ['激活码 8821 4410 9932', '882144109932'],
    ['ABCD1234EFGH5678', 'ABCD1234EFGH5678'],
    ['Q3ZT7K', 'Q3ZT7K'],
  ])('%j → %s', (text, compact) => {
    expect(extractCardKey(text)?.compact).toBe(compact);
  });

  it('an already masked key (the engine masks at entry) is found as masked', () => {
    expect(extractCardKey('卡密：K7PX****2345 提示已被使用')).toMatchObject({ compact: 'K7PX****2345', masked: true });
    expect(extractCardKey('K7PX****2345')).toMatchObject({ masked: true });
  });

  it('masks to first 4 + last 4 with the privacy helper', () => {
    expect(maskCardKey(extractCardKey('卡密是 K7PX9M2QW4ZR2345 谢谢')!.compact)).toBe('K7PX****2345');
  });

  it.each(['订单号 202611201530123456', 'KM20261118', '100元', '我的QQ 123456789', '王者荣耀点券600', '手机 13812345678', 'iPhone 15 Pro', '100 200 300', '好的'])(
    '%j has no card key',
    (text) => expect(findCardKeys(text)).toEqual([]),
  );

  it.each<[string, boolean]>([
    ['K7PX9M2QW4ZR2345', true], ['K7PX****2345', true], ['STMX-7Q2W-9KLP-4RT8', true], ['ABCD1234EFGH5678', true],
    ['202611201530123456', false], ['KM20261118', false], ['T2026111800123', false], ['hello', false], ['ABCDEFGHIJKLMN', false],
  ])('looksLikeCardKey(%j) = %s', (token, yes) => expect(looksLikeCardKey(token)).toBe(yes));

  it('labelled short keys count', () => expect(looksLikeCardKey('88886666', true)).toBe(true));

  it('withoutCardKeys takes the key out and leaves the rest', () => {
    expect(withoutCardKeys('卡密 K7PX****2345 提示已被使用')).not.toMatch(/2345/);
    expect(withoutCardKeys('卡密 K7PX****2345 提示已被使用')).toContain('提示已被使用');
    expect(withoutCardKeys('付了200元')).toBe('付了200元');
  });
});

describe('a card key is never an amount or an order number', () => {
  it.each([
    '卡密 K7PX9M2QW4ZR2345 提示已被使用',
    '卡密：K7PX****2345 提示已被使用',
    '卡密是 K7PX9M2QW4ZR2345 谢谢',
    'K7PX 9M2Q W4ZR 2345',
    '卡号 STMX-7Q2W-9KLP-4RT8',
    '卡密 88886666 用不了',
  ])('%j', (text) => {
    expect(extractAmount(text)).toBeUndefined();
    expect(extractOrderId(text)).toBeUndefined();
  });

  it('the real amount beside a key is still read', () => {
    expect(extractAmount('卡密 K7PX****2345 付了198元')).toBe(198);
    expect(extractAmount('花了100块 卡密K7PX9M2QW4ZR2345')).toBe(100);
  });

  it.each<[string, number]>([
    ['金额是200', 200], ['200', 200], ['200块', 200], ['两百', 200], ['¥99.5', 99.5], ['付了一百二', 120], ['198元谢谢', 198], ['应该是128', 128],
  ])('%j → %s', (text, n) => expect(extractAmount(text)).toBe(n));

  it('an order number next to a key', () => {
    expect(extractOrderId('订单号 202611201530123456 卡密 ABCD1234EFGH5678')).toBe('202611201530123456');
  });
});

describe('names', () => {
  it.each<[string, string]>([
    ['小年卡盟', '小年卡盟'],
    ['平台是小年卡盟哦', '小年卡盟'],
    ['平台叫小年卡盟', '小年卡盟'],
    ['就小年卡盟啊', '小年卡盟'],
    ['在小年卡盟买的', '小年卡盟'],
    ['小年卡盟上买的', '小年卡盟'],
    ['是小年卡盟', '小年卡盟'],
    ['网站是 www.xn-kameng.com', 'www.xn-kameng.com'],
    ['商家叫星辰点卡店', '星辰点卡店'],
    ['卖家是星辰点卡店吧', '星辰点卡店'],
    ['一个叫星辰的店', '星辰'],
    ['“星辰点卡店”', '星辰点卡店'],
    ['王者荣耀点券 600', '王者荣耀点券 600'],
    ['移动话费 100元', '移动话费 100元'],
    ['小年卡盟。', '小年卡盟'],
    ['在线课程会员', '在线课程会员'],
    ['小年卡盟😡😡', '小年卡盟'],
    ['👉 小年卡盟', '小年卡盟'],
    ['小年卡盟！！！', '小年卡盟'],
    ['是一个叫星辰的店', '星辰'],
  ])('%j → %s', (text, name) => {
    expect(extractName(text)).toBe(name);
    expect(checkName(text)).toEqual({ ok: true, value: name });
  });

  it.each(['未知', '不知道', '不知道啊', '不清楚', '不记得', '不记得了', '不記得了', '忘了', '忘记了', '记不清', '不晓得', '??', '???', '？？？', 'idk', 'unknown', '平台是不知道'])(
    '%j is unknown',
    (text) => expect(checkName(text)).toEqual({ ok: false, reason: 'unknown' }),
  );

  it.each(['😡😡😡', '🙄', '👍', '...', '123', '666', '—'])('%j has no letters', (text) => expect(checkName(text)).toEqual({ ok: false, reason: 'no_letters' }));
  it.each(['已读不回', '客服已读不回', '跑路了', '被拉黑了', '没到账啊'])('%j where a name is asked is not a name', (text) =>
    expect(checkName(text, { name: true })).toEqual({ ok: false, reason: 'not_a_name' }),
  );
  // A bare yes is no name either, but it is re-asked as such, not as "what happened" (fix7b).
  it.each(['对', '嗯', '好', '好的', '是的'])('%j where a name is asked acknowledges and names nothing', (text) =>
    expect(checkName(text, { name: true })).toEqual({ ok: false, reason: 'acknowledged' }),
  );
  it('names that start like a yes or hold a dispute word stay names; other text questions keep every answer', () => {
    expect(checkName('好好卡盟', { name: true })).toEqual({ ok: true, value: '好好卡盟' });
    expect(checkName('跑路王点卡店', { name: true })).toEqual({ ok: true, value: '跑路王点卡店' });
    expect(checkName('已被使用').ok).toBe(true); // the error a key showed is an answer to its own question
  });

  it('a vague pointer (那个卡盟, 一个网站, 卡盟) is asked again; a contact inside a "don\'t know" is the name; hedges are dropped (exploratory testing)', () => {
    for (const text of ['就那个卡盟啊', '那个卡盟', '一个网站', '某个发卡网', '卡盟', '那家店'])
      expect(checkName(text, { name: true }), text).toEqual({ ok: false, reason: 'vague' });
    expect(checkName('不知道 客服QQ是88776655', { name: true, allowDigits: true })).toEqual({ ok: true, value: 'QQ 88776655' });
    expect(checkName('不清楚，他微信是 kami_shop88', { name: true })).toEqual({ ok: true, value: '微信 kami_shop88' });
    expect(checkName('星月卡盟 网址忘了', { name: true })).toEqual({ ok: true, value: '星月卡盟' });
    expect(checkName('王者点券 大概1280点吧', { name: true })).toEqual({ ok: true, value: '王者点券 1280点' });
    expect(checkName('好像是星辰卡盟吧', { name: true })).toEqual({ ok: true, value: '星辰卡盟' });
    expect(checkName('不知道 好像叫星辰', { name: true })).toEqual({ ok: true, value: '星辰' });
    expect(checkName('看下一步', { name: true })).toEqual({ ok: false, reason: 'unknown' });
    // Names that hold such words stay names.
    expect(checkName('那个卡盟旗舰店', { name: true })).toEqual({ ok: true, value: '那个卡盟旗舰店' });
    expect(checkName('一个网站叫星辰发卡', { name: true })).toEqual({ ok: true, value: '星辰发卡' });
  });

  it('a name with the user\'s chatter around it (七七卡盟啊 刚说了, 叫什么星空卡盟来着, 星空卡盟（已经打不开了）) keeps only the name; role words (网站老板, 客服) are vague (exploratory testing)', () => {
    const cases: [string, string][] = [
      ['七七卡盟啊 刚说了', '七七卡盟'],
      ['七七卡盟，我刚才说过了', '七七卡盟'],
      ['上面说了啊七七卡盟', '七七卡盟'],
      ['七七卡盟 你没看吗', '七七卡盟'],
      ['网站打不开了 叫什么星空卡盟', '星空卡盟'],
      ['叫什么星空卡盟来着', '星空卡盟'],
      ['星空卡盟（已经打不开了）', '星空卡盟'],
      ['星空卡盟 现在打不开了', '星空卡盟'],
      ['朋友推荐的星空卡盟', '星空卡盟'],
      ['就是七七卡盟', '七七卡盟'],
      ['腾讯视频年卡 刚才说了', '腾讯视频年卡'],
    ];
    for (const [text, want] of cases) expect(checkName(text, { name: true }), text).toEqual({ ok: true, value: want });
    for (const text of ['就是网站老板', '网站的客服', '老板', '店主', '那个客服', '卖家'])
      expect(checkName(text, { name: true, allowDigits: true }), text).toEqual({ ok: false, reason: 'vague' });
    // Names holding such words stay names.
    expect(checkName('老板点卡店', { name: true })).toEqual({ ok: true, value: '老板点卡店' });
    expect(checkName('打不开科技', { name: true })).toEqual({ ok: true, value: '打不开科技' });
  });

  it('a merchant may be a QQ number', () => {
    expect(checkName('123456789', { allowDigits: true })).toEqual({ ok: true, value: '123456789' });
    expect(checkName('QQ 123456789')).toEqual({ ok: true, value: 'QQ 123456789' });
    expect(checkName('666', { allowDigits: true })).toEqual({ ok: false, reason: 'no_letters' });
  });
});
