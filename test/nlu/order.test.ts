import { describe, it, expect } from 'vitest';
import { parseOrderId } from '../../src/nlu/order.js';

describe('parseOrderId', () => {
  it.each([
    ['订单号：202611181530123456', '202611181530123456'],
    ['订单号 202611181530123456 还没到', '202611181530123456'],
    ['单号 KM20261118ABC', 'KM20261118ABC'],
    ['order no. A1B2C3D4E5', 'A1B2C3D4E5'],
    ['Order #ka99812345', 'KA99812345'],
    ['DD20261118001 没到账', 'DD20261118001'],
    ['订单号是 88776655', '88776655'],
    ['訂單號：T2026111800123', 'T2026111800123'],
    ['流水号4200001234202611185566778899', '4200001234202611185566778899'],
    ['我的单子 202611180000123 一直在处理中', '202611180000123'],
  ])('%s → %s', (text, want) => {
    expect(parseOrderId(text)).toBe(want);
  });

  it('ignores phone numbers, QQ numbers, amounts, dates and card keys', () => {
    expect(parseOrderId('我手机13812345678充了50')).toBeUndefined();
    expect(parseOrderId('qq 123456789')).toBeUndefined();
    expect(parseOrderId('订单100元没到')).toBeUndefined();
    expect(parseOrderId('2026-11-18 下的单')).toBeUndefined();
    expect(parseOrderId('卡密 ABCD-EFGH-1234-5678 显示已使用')).toBeUndefined();
    expect(parseOrderId('卡号 6222021234567890123')).toBeUndefined();
    expect(parseOrderId('没有订单号')).toBeUndefined();
  });
});
