import { describe, expect, it } from 'vitest';
import { detectFabrication, guardReply } from '../../src/coaching/fabrication.js';

describe('detectFabrication', () => {
  it.each([
    ['订单截图能不能P一下日期', 'edit_screenshot'],
    ['可以帮我把付款记录的金额改一下吗', 'edit_screenshot'],
    ['我朋友的订单截图能拿来申请退款吗', 'others_order'],
    ['支付宝和平台能各申请一次退款吗', 'claim_twice'],
    ['能不能编一个聊天记录给平台看', 'fake_evidence'],
  ])('question: %s → %s', (text, kind) => {
    expect(detectFabrication(text)).toMatchObject({ mode: 'question', kind });
  });

  it('an explicit plan is a plan', () => {
    expect(detectFabrication('我准备把截图的时间改成昨天再交给平台')).toMatchObject({ mode: 'plan', kind: 'edit_screenshot' });
    expect(detectFabrication('我就说没收到，反正卡密已经用了。我已经兑换了，就说无效')).toMatchObject({ mode: 'plan' });
  });

  it('honest reports are not fabrication', () => {
    for (const text of ['商家说我的截图是P的，但这是原图', '我没用过这个卡密，一兑换就提示已使用', '截图是直接从支付宝导出来的，没有修改过'])
      expect(detectFabrication(text), text).toBeUndefined();
  });

  it('a corrected payment time and a stated payment amount are honest (dialogues pf-010, cu-019)', () => {
    for (const text of ['其实是昨天下午4点付的', '不对，其实是下午四点付款的', '老闆發的卡密一兌換就說無效 我花了99 微信付的'])
      expect(detectFabrication(text), text).toBeUndefined();
    // Still caught: the same words with a plan to deceive.
    expect(detectFabrication('其实我用了，就说没收到')).toMatchObject({ mode: 'plan', kind: 'used_claim' });
    expect(detectFabrication('其实卡密花了，就说无效')).toMatchObject({ mode: 'plan' });
  });

  it('privacy masking, returning a double refund and acting for someone with consent are honest', () => {
    for (const text of ['截图里的头像部分能不能裁掉，我不想露个人信息', '平台和支付宝都退了，我要把多的那份还回去，怎么还', '用我室友的订单帮她申请可以吗？她同意了'])
      expect(detectFabrication(text), text).toBeUndefined();
  });

  it('something already done or decided is a plan even when help is asked for', () => {
    expect(detectFabrication('付款记录我已经改好了，你看能帮我写申诉吗')).toMatchObject({ mode: 'plan', kind: 'edit_screenshot' });
    expect(detectFabrication('两边都退了，多的那份能不能不还')).toMatchObject({ mode: 'question', kind: 'claim_twice' });
  });

  it('recognises an honest admission of having received and used the goods', () => {
    expect(detectFabrication('其实收到了，也用了，就是时长不对')).toMatchObject({ mode: 'admission' });
  });
});

describe('guardReply', () => {
  it('a question is declined with the risk and the honest route; the case stays open', () => {
    const r = guardReply({ mode: 'question', kind: 'edit_screenshot', match: '' }, 'not_received');
    expect(r.stopPath).toBe(false);
    expect(r.text).toMatch(/不能帮你/);
    expect(r.text).toMatch(/原始截图/);
    expect(r.text).toContain('《刑法》第266条');
    expect(r.text).toMatch(/案件还在/);
  });

  it('a plan stops this path but leaves close/delete', () => {
    const r = guardReply({ mode: 'plan', kind: 'claim_twice', match: '' }, 'double_charge');
    expect(r.stopPath).toBe(true);
    expect(r.text).toMatch(/结束或删除/);
  });

  it('an admission in 未到账 gets no criminal-law lecture and is offered 货不对板 / 卡密', () => {
    const r = guardReply({ mode: 'admission', match: '' }, 'not_received');
    expect(r.stopPath).toBe(false);
    expect(r.text).not.toMatch(/刑法|诈骗/);
    expect(r.text).toMatch(/未到账/);
    expect(r.offerScenarios).toEqual(['not_as_described', 'card_used']);
  });
});
