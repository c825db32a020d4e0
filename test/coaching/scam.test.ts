import { describe, expect, it } from 'vitest';
import { detectScam, scamWarning } from '../../src/coaching/scam.js';

describe('detectScam', () => {
  it.each([
    ['有个自称平台客服的人加我微信，发了个网址让我点进去办理退款', 'refund_link'],
    ['对方让我把银行卡号和手机收到的验证码发给他，说这样才能原路退回', 'card_details'],
    ['客服叫我打开屏幕共享，他帮我操作退款', 'screen_share'],
    ['他说要先下载一个叫XX会议的软件才能给我退款', 'download_app'],
    ['退款要先刷够流水，做三单任务才能解冻', 'task_scam'],
    ['客服说我的账户要先交500保证金才能把钱退回来', 'advance_fee'],
    ['刚才有个打电话来的说是支付宝客服，要给我理赔', 'fake_service'],
  ])('%s → %s', (text, kind) => {
    expect(detectScam(text)?.kind).toBe(kind);
  });

  it('leaves ordinary refund talk alone', () => {
    for (const text of [
      '商家三天没回消息，订单号 A2026112001，怎么退款',
      '我已经在平台订单页申请退款了，多久到账',
      '卡密兑换时提示已被使用',
      '客服说明天给我处理',
      '你说不要点陌生链接、不要告诉别人验证码，我记住了',
      '付款的时候我输了短信验证码，钱扣了但订单显示失败',
      '商家发的卡密是个链接，点进去输入手机号才能看到卡密',
      '商家说要下载他们的app才能兑换',
      '我又重新付了一次，结果扣了两次款',
      '打了95188支付宝客服，说帮我登记了',
      '退款页面一直转圈，提交不了',
      '商家说是平台的问题，平台说是商家的问题',
      '平台多退了我20块，我想退回去',
    ]) expect(detectScam(text), text).toBeUndefined();
  });

  it('knows when details were already given', () => {
    expect(detectScam('我已经把验证码告诉他了，怎么办')?.given).toBe(true);
    expect(detectScam('他要我输入银行卡号和验证码，是真的吗')?.given).toBe(false);
  });

  it('the warning stops first, says what not to do, freezes only when details were given, and says where to report', () => {
    const asked = scamWarning({ kind: 'card_details', match: '', given: false, source: 'rule' });
    expect(asked.startsWith('⚠️')).toBe(true);
    expect(asked).toMatch(/验证码/);
    expect(asked).toMatch(/96110/);
    expect(asked).toMatch(/国家反诈中心/);
    expect(asked).toMatch(/110|派出所/);
    expect(asked).not.toMatch(/冻结/);
    expect(scamWarning({ kind: 'card_details', match: '', given: true, source: 'rule' })).toMatch(/冻结/);
  });
});
