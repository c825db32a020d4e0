// Exploratory test 3: a sentence typed at a name question is not stored as the name (checkName).
import { describe, expect, it } from 'vitest';
import { checkName } from '../../src/dialogue/values.js';

const merchant = (text: string) => checkName(text, { allowDigits: true, name: true });

describe('explore3: names typed as sentences', () => {
  it.each<[string, string]>([
    ['就是那個網站的客服 QQ號是 2837465512', 'QQ 2837465512'],
    ['卖家vx是 yx_shop888', '微信 yx_shop888'],
    ['他微信是 yx_shop888', '微信 yx_shop888'],
    ['不知道 qq 88776655', 'QQ 88776655'],
    ['我说了就是垃圾卡盟 网站名字就叫这个', '垃圾卡盟'],
    ['垃圾卡盟', '垃圾卡盟'],
    ['星辰点卡店', '星辰点卡店'],
  ])('%j → %s', (text, value) => expect(merchant(text)).toEqual({ ok: true, value }));

  it('a name beside the id is kept whole', () => {
    const r = merchant('星辰点卡店 QQ 12345678');
    expect(r.ok && r.value).toContain('星辰点卡店');
  });

  it.each<[string, string]>([
    ['不知道 就是网页上的客服', 'vague'],
    ['不知道叫啥', 'unknown'],
    ['不知道叫什么名字', 'unknown'],
    ['SB商家', 'insult'],
    ['骗子客服', 'insult'],
    ['跟上一单一样', 'same_as_before'],
    ['同一家', 'same_as_before'],
    ['和上次一样', 'same_as_before'],
  ])('%j is not a name (%s)', (text, reason) => expect(merchant(text)).toEqual({ ok: false, reason }));
});
