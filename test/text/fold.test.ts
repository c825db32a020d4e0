import { describe, it, expect } from 'vitest';
import { fold, foldKey, foldWidth, toSimplified, stripPunctuation } from '../../src/text/fold.js';

describe('text folding pipeline (src/text/fold.ts)', () => {
  it('folds width, script, dashes and case', () => {
    expect(fold('支付寶沒到帳，訂單號ＡＢ１２３—Ｘ')).toBe('支付宝没到帐,订单号ab123-x');
  });
  it('keeps case when asked and leaves simplified words alone', () => {
    expect(fold('ＡＢ序列号', { lowerCase: false })).toBe('AB序列号');
  });
  it('builds comparison keys without punctuation or spaces', () => {
    expect(foldKey('小年 卡盟！')).toBe('小年卡盟');
    expect(foldKey('XiaoNian-卡盟')).toBe('xiaonian卡盟');
    expect(stripPunctuation('a, b。c')).toBe('abc');
  });
  it('exposes each step', () => {
    expect(foldWidth('１２３')).toBe('123');
    expect(toSimplified('訂單')).toBe('订单');
    expect(toSimplified('abc')).toBe('abc');
  });
});
