import { describe, expect, it } from 'vitest';
import { yesNo } from '../../src/dialogue/yesno.js';

const YES = [
  '对', '对的', '对啊', '对呀', '对对对', '对头', '是', '是的', '是啊', '是滴', '是呀', '嗯', '嗯嗯', '恩恩', '嗯呢', '嗯对', '好', '好的', '好滴',
  '好嘞', '好吧', '可以', '行', '行吧', '没错', '没错啊', '没问题', '不错', '正确', '确认', '對', '對的', '是的沒錯', '没毛病', 'ok', 'OK', 'Ok的',
  'okay', 'yes', 'Yes', 'YES', 'y', 'Y', 'yeah', 'yep', 'sure', '👍', '👍🏻', '👌', '✅', '✔️', '对，开始', '好的谢谢', '是的。', '对!!', '  嗯  ', 'ｏｋ',
  '对对', '好了', '行了', '继续',
];
const NO = [
  '不对', '不是', '错了', '不', '不。', 'no', 'No', 'NO', 'nope', 'n', '否', '不對', '不是的', '不是這樣', '不太对', '好像不对', '搞错了', '说错了',
  '不正确', '👎', '❌', '不对，我自己选', '不用了', '不追了', '算了', '不要', '不不不', '没有',
];
const UNKNOWN = ['', '对吗？', '是吗', '对了', '好像是', '不回复', '不确定', '不清楚', '我想想', '好久了', 'nothing', 'yesterday', '是微信付的', '金额是200', '行不行'];

describe('yesNo', () => {
  it.each(YES)('%j is yes', (s) => expect(yesNo(s)).toEqual({ answer: 'yes', rest: '' }));
  it.each(NO)('%j is no', (s) => expect(yesNo(s)).toEqual({ answer: 'no', rest: '' }));
  it.each(UNKNOWN)('%j is unknown', (s) => expect(yesNo(s).answer).toBe('unknown'));

  it.each([
    ['不对，是微信付的', 'no', '是微信付的'],
    ['不对 是微信付的', 'no', '是微信付的'],
    ['不对是微信付的', 'no', '是微信付的'],
    ['不對，是微信付的', 'no', '是微信付的'],
    ['不是微信，是支付宝', 'no', '支付宝'],
    ['不是微信是支付宝', 'no', '支付宝'],
    ['不对 金额是150', 'no', '金额是150'],
    ['错了，应该是200块', 'no', '应该是200块'],
    ['no, 200', 'no', '200'],
    ['对，不过金额是200元', 'yes', '金额是200元'],
    ['对 但是是昨天付的', 'yes', '是昨天付的'],
    ['嗯 金额198', 'yes', '金额198'],
    ['没有，第一次兑换就报错', 'no', '第一次兑换就报错'],
    ['金额是200', 'unknown', '金额是200'],
    ['对了，金额是200', 'unknown', '金额是200'],
    ['是微信付的', 'unknown', '是微信付的'],
  ])('%j → %s, rest %j', (s, answer, rest) => expect(yesNo(s)).toEqual({ answer, rest }));

  it('keeps Latin case in the rest', () => expect(yesNo('不对，平台是 XiaoNian').rest).toBe('平台是 XiaoNian'));
});
