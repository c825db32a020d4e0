import { describe, expect, it } from 'vitest';
import { maskSecretsInText, looksLikeCardKey } from '../../src/privacy/mask.js';
import { fold } from '../../src/privacy/fold.js';

const KEY = 'H674Ci8Em5UMkaC9';
const MASKED = 'H674****kaC9';

describe('card key detector', () => {
  it.each([
    ['bare', KEY],
    ['groups with spaces', 'H674 Ci8E m5UM kaC9'],
    ['groups with dashes', 'H674-Ci8E-m5UM-kaC9'],
    ['groups with spaced dashes', 'H674 - Ci8E - m5UM - kaC9'],
    ['full-width', 'Ｈ６７４Ｃｉ８Ｅｍ５ＵＭｋａＣ９'],
    ['a zero-width space inside', 'H674Ci8E\u200Bm5UMkaC9'],
    ['a leading symbol', `*${KEY}`],
    ['after other words', `订单 ${KEY}`],
    ['glued to Chinese', `…卡是${KEY}`],
    ['uneven random pieces', 'H674Ci8 Em5UMkaC9'],
  ])('%s', (_name, form) => {
    const out = maskSecretsInText(`我买的${form}，已经显示被使用了`);
    expect(out).toContain('****');
    expect(fold(out).text.replace(/[\s-]/g, '')).not.toContain(KEY);
    expect(out.startsWith('我买的')).toBe(true);
    expect(out.endsWith('，已经显示被使用了')).toBe(true);
  });

  it('a key followed by a long digit run is masked, glued or not', () => {
    expect(maskSecretsInText(`${KEY}2026112015301234567890`)).not.toContain(KEY.slice(4, 12));
    expect(maskSecretsInText(`${KEY} 2026112015301234567890`)).toContain(MASKED);
    expect(maskSecretsInText(`${KEY} 2026112015301234567890`)).toContain('2026112015301234567890');
  });

  it('labelled keys are masked even when short or all digits', () => {
    expect(maskSecretsInText('卡密：123456789012345678')).toBe('卡密：1234****5678');
    expect(maskSecretsInText('密码是 884213')).toBe('密码是 88****');
    expect(maskSecretsInText('卡密 ABCD-EFGH-1234-5678 显示已使用')).toBe('卡密 ABCD****5678 显示已使用');
    expect(maskSecretsInText('cdkey: 7XK2P-Q9M4T-ZR8WB')).toBe('cdkey: 7XK2****R8WB');
  });

  it('leaves order numbers, amounts, dates, phone and QQ numbers alone', () => {
    for (const text of [
      '订单号：202611181530123456',
      '单号 KM20261118ABC',
      'DD20261118001 没到账',
      '訂單號：T2026111800123',
      '流水号4200001234202611185566778899',
      '付了2500元，2026-11-18 下的单',
      '我手机13812345678，qq 123456789',
      '在 www.xiaonian123.com 买的',
      'order no. A1B2C3D4E5',
      '两千五，支付宝，昨天下午3点',
    ]) {
      expect(maskSecretsInText(text), text).toBe(text);
    }
  });

  it('an order id with letters right after an order label is left alone', () => {
    for (const text of [
      '订单号KM20261128ABC123',
      '订单号：KM20261128ABC123 还没到账',
      '订单编号 KM20261128ABC123',
      '单号:KM20261128ABC123',
      '交易号 T2026a1128B77c9',
      '交易单号：KM2026X1128Y45Z',
      '商户单号 KM20261128ABC123',
      '商户订单号：KM20261128ABC123',
      '流水号 KM20261128ABC123',
      '訂單號：KM20261128ABC123',
      'order id: KM20261128ABC123',
      'Order No. KM20261128ABC123',
    ]) {
      expect(maskSecretsInText(text), text).toBe(text);
    }
  });

  it('a key is still masked after plain 订单, after a card-key label, or later in the text', () => {
    expect(maskSecretsInText('订单 KM20261128ABC123')).toBe('订单 KM20****C123');
    expect(maskSecretsInText(`订单号123456，卡密${KEY}`)).toBe(`订单号123456，卡密${MASKED}`);
    expect(maskSecretsInText(`订单号KM20261128ABC123，卡密${KEY}`)).toBe(`订单号KM20261128ABC123，卡密${MASKED}`);
    expect(maskSecretsInText(`订单号123456 ${KEY}`)).toBe(`订单号123456 ${MASKED}`);
    expect(maskSecretsInText(`卡号：KM20261128ABC123`)).toBe('卡号：KM20****C123');
    expect(maskSecretsInText(`订单号卡密${KEY}`)).toBe(`订单号卡密${MASKED}`);
  });

  it('an already masked key stays as it is', () => {
    expect(maskSecretsInText(`卡密：${MASKED}`)).toBe(`卡密：${MASKED}`);
    expect(maskSecretsInText(MASKED)).toBe(MASKED);
  });

  it('classifies compact runs', () => {
    expect(looksLikeCardKey('ZXCV9876QWER5432')).toBe(true);
    expect(looksLikeCardKey('ABCDEFGHJ2KLMNPQ')).toBe(true);
    expect(looksLikeCardKey('KM20261118ABC')).toBe(false);
    expect(looksLikeCardKey('202611181530123456')).toBe(false);
    expect(looksLikeCardKey('xiaonianshop2024')).toBe(false);
    // Letters only: random mixed case is a key, camelCase is a word.
    expect(looksLikeCardKey('HkdLsPqWzxYtRmNb')).toBe(true);
    expect(looksLikeCardKey('QWERTYzxcvbnASDF')).toBe(true);
    expect(looksLikeCardKey('runWithCancelNow')).toBe(false);
    expect(looksLikeCardKey('RefundCoachBotHelp')).toBe(false);
  });

  it('finds a key at the end of a long text of short groups', () => {
    const big = `${'说明 ab12 cd34 '.repeat(5_000)}${KEY}`;
    const out = maskSecretsInText(big);
    expect(out.endsWith(MASKED)).toBe(true);
    expect(out.length).toBe(big.length - KEY.length + MASKED.length);
  });
});
