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

  it('what the seller, the platform or a page said, a partial or refused refund, withdrawing an appeal and two orders are honest (exploratory testing)', () => {
    for (const text of [
      '客服就说系统问题 让我等三天', '我跟客服说了没到账 他就说让我等', '我就说了一句没到账他就把我拉黑了', '页面转圈圈然后就说支付失败',
      '他就说已经发货了', '老板就说让我找上游', '平台就说要等5个工作日', '商家就说卡密没问题', '然后他就说退到余额',
      '反正他也不回 我就直接投诉了', '那我就说实话 我没截图', '？？？我没编造啊 客服就是这么说的',
      '商家退了50 还差100 我还要申请吗', '商家已经退款了 但是只退了一半 剩下的还要继续投诉吗',
      '支付宝已经退款到账了 还要去平台撤销申诉吗', '退款到账了 还要去撤销12315投诉吗',
      '我上个月已经申请过一次退款了被拒 这次还能再申请吗', '两个订单都没到账 各退一次可以吗',
    ]) expect(detectFabrication(text), text).toBeUndefined();
    // Still caught: the user's own plan or question to deceive beside what someone said.
    expect(detectFabrication('客服说要截图，我就说没收到行不行')).toMatchObject({ mode: 'question' });
    expect(detectFabrication('商家退了一份，支付宝也退了一份，多的不还可以吗')).toMatchObject({ mode: 'question', kind: 'claim_twice' });
  });

  it("the other side's line reported with its subject dropped (说没有这个订单？？, 说已经发货了) is honest; 说没收到 as the user's own claim is still asked about", () => {
    for (const text of ['说没有这个订单？？', '说没这个订单', '又说查不到这笔订单', '说已经发货了？？', '说系统问题让我等', '一直说不给退']) {
      expect(detectFabrication(text), text).toBeUndefined();
    }
    expect(detectFabrication('说没收到行不行')).toMatchObject({ mode: 'question' });
    expect(detectFabrication('就说没到账可以吗')).toMatchObject({ mode: 'question' });
  });

  it('"说是…" — what the seller or the page said, subject dropped — is reported speech: 说是三天内, 说是卡密错误, 联系了 说没货了 (exploratory testing, round 2)', () => {
    for (const text of ['反正不对', '反正就是不对', '说是三天内', '说是王者点券', '说是卡密错误', '说是系统延迟', '说是永久会员', '说是', '联系了 说没货了', '说没货了']) {
      expect(detectFabrication(text), text).toBeUndefined();
    }
    expect(detectFabrication('就说是没收到')).toMatchObject({ mode: 'question' });
    expect(detectFabrication('说是没收到货行不行')).toMatchObject({ mode: 'question' });
  });

  it('requests to fake evidence beside such context are still caught (review)', () => {
    for (const text of ['客服说要付款截图，你帮我P一张付款成功的截图', '商家说没收到付款，我能不能把转账记录的时间改一下', '他说查不到订单，我拿朋友的订单截图去申请行不行',
      '申诉被拒了，我想把截图的金额改大一点再申请', '还差50没退，我把金额改成200再申请可以吗', '说实话，我想P一张图', '撤销申诉后，用改过的截图重新申诉可以吗',
      '我有两个订单，用另一个订单的截图冒充这个', '反正他不回，我就改一下截图里的金额', '他回复说不退，怎么做个假的聊天记录', '拒绝了，那我就伪造证据',
      '只退了一半，另一半我去银行那边再拒付一次，两边都拿']) {
      expect(detectFabrication(text), text).toBeDefined();
    }
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

  it('with no case open, a question does not say the case is still there', () => {
    const r = guardReply({ mode: 'question', kind: 'fake_evidence', match: '' }, 'not_received', {}, false);
    expect(r.text).not.toContain('案件还在');
    expect(r.text).toContain('正规的做法');
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
