import { describe, it, expect } from 'vitest';
import { parsePaymentMethod } from '../../src/nlu/payment.js';

describe('parsePaymentMethod', () => {
  it.each([
    ['用支付宝付的', 'alipay'],
    ['alipay', 'alipay'],
    ['ZFB转的', 'alipay'],
    ['花呗付的', 'alipay'],
    ['支付寶', 'alipay'],
    ['微信支付', 'wechat'],
    ['wx付款', 'wechat'],
    ['VX扫码', 'wechat'],
    ['paid with WeChat', 'wechat'],
    ['QQ钱包', 'qq_wallet'],
    ['财付通扣的', 'qq_wallet'],
    ['银行卡', 'bank'],
    ['信用卡被扣了', 'bank'],
    ['储蓄卡', 'bank'],
    ['网银支付', 'bank'],
    ['招商银行', 'bank'],
    ['余额', 'balance'],
    ['平台余额', 'balance'],
    ['用余额买的', 'balance'],
  ])('%s → %s', (text, want) => {
    expect(parsePaymentMethod(text)).toBe(want);
  });

  it('支付宝余额 is alipay, not platform balance', () => {
    expect(parsePaymentMethod('支付宝余额付的')).toBe('alipay');
    expect(parsePaymentMethod('微信零钱')).toBe('wechat');
  });

  it('first mention wins', () => {
    expect(parsePaymentMethod('用微信付的，支付宝那边没动')).toBe('wechat');
  });

  it('returns undefined when no channel is named', () => {
    expect(parsePaymentMethod('余额不足，付不了')).toBeUndefined();
    expect(parsePaymentMethod('卡密用不了')).toBeUndefined();
    expect(parsePaymentMethod('')).toBeUndefined();
  });
});
