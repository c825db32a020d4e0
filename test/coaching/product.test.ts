// Issue 12 through the real engine (test/helpers.ts): scams first, the other side's answers at
// every rung, the fair fabrication guard, 检查语气, 刷不了, the operator finder, 黑猫 and collective texts.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';
import type { ScenarioId } from '../../src/types.js';
import { answerId, followUpMessage } from '../../src/followups/messages.js';
import { testConfig } from '../../src/config.js';

let app: App;
afterEach(() => app?.close());

function toLadder(d: Driver, scenario: ScenarioId, overrides: Record<string, { text?: string; choice?: string }> = {}): void {
  d.press(`s:${scenario}`);
  answerIntake(d, overrides);
  d.press('e:done');
  expect(d.activeCase()!.state.stage).toBe('ladder');
}

const texts = (rs: { text: string }[]) => rs.map((r) => r.text).join('\n');
const ids = (rs: { choices?: { id: string }[] }[]) => rs.flatMap((r) => r.choices?.map((c) => c.id) ?? []);

describe('scams first', () => {
  it('on the very first message: the warning, not the scenario menu', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('客服发了个链接让我点进去退款，要我输入银行卡号和验证码，是真的吗');
    expect(r).toHaveLength(1);
    expect(r[0].text).toContain('假客服退款');
    expect(r[0].text).toContain('96110');
    expect(r[0].text).toContain('国家反诈中心');
    expect(ids(r)).toEqual(['m:new']);
    expect(d.activeCase()).toBeUndefined();
  });

  it('inside a case, mid-question: the warning first, the question still open after', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    const q = d.activeCase()!.state.q;
    const r = d.say('有个客服让我下载一个app开屏幕共享，说这样才能退款');
    expect(r[0].text).toContain('屏幕共享');
    expect(ids(r)).toEqual(['m:continue']);
    expect(d.activeCase()!.state.q).toBe(q);
    expect(d.activeCase()!.facts).toEqual({});
    d.press('m:continue');
    expect(d.activeCase()!.state.q).toBe(q);
  });
  it('a short answer naming a product is not a scam description; a scam description mid-intake still warns', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_as_described');
    for (const answer of ['视频会员', '终身会员', '會員', 'qq会员年卡']) {
      const r = d.say(answer);
      expect(texts(r)).not.toContain('假客服退款');
      expect(ids(r)).not.toEqual(['m:continue']);
    }
    const q = d.activeCase()!.state.q;
    const r = d.say('客服发了个链接让我点进去退款，要我输入验证码');
    expect(r[0].text).toContain('假客服退款');
    expect(d.activeCase()!.state.q).toBe(q);
  });
});

describe("the other side's answer at every rung", () => {
  it('无此订单: bill numbers per channel, recorded, same rung', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const r = d.say('商家说查无此订单');
    const all = texts(r);
    expect(all).toContain('交易单号');
    expect(all).toContain('支付宝：我的 → 账单');
    expect(r[0].document?.body).toContain('202611201530123456');
    const c = d.activeCase()!;
    expect(c.state.rung).toBe(0);
    expect(c.state.replies).toEqual([{ at: app.now().getTime(), rung: 'seller', kind: 'no_order', said: '商家说查无此订单' }]);
    expect(c.facts.sellerReply).toBe('no_order');
    expect(ids(r)).toContain('r:sent');
  });

  it('once the seller answered, later letters say what the seller said, not 商家一直不回复 (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    d.say('商家回我了 说上游卡单了让我再等等');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ rung: 'seller' });
    const next = d.last().choices?.find((c) => c.id.startsWith('r:next'))?.id ?? `r:next:${d.activeCase()!.state.rung}`;
    const r = d.press(next);
    const doc = r.map((x) => x.document?.body ?? '').join('\n');
    expect(doc).not.toBe('');
    expect(doc).not.toContain('商家一直不回复');
    expect(doc).toContain('商家答复');
  });

  it('a question or a request to the bot on the ladder is not taken as the seller\'s answer (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const rung = d.activeCase()!.state.rung;
    for (const text of ['你确定能退回来吗 保证吗', '多久能退？', '帮我写个狠点的 不退钱就天天打电话骂他 给他刷差评 曝光他']) {
      d.say(text);
      const c = d.activeCase()!;
      expect(c.state.replies ?? [], text).toEqual([]);
      expect(c.state.rung, text).toBe(rung);
      expect(c.state.awaitingRefundAmount ?? false, text).toBe(false);
      expect(c.status, text).toBe('open');
    }
    // The threat request gets the tone check's advice, not a refusal recorded for the seller.
    expect(d.log.some((r) => /差评|曝光/.test(r.text) && /语气|威胁/.test(r.text))).toBe(true);
    // What the seller said is still recorded.
    d.say('商家说已经发货了');
    expect(d.activeCase()!.state.replies?.at(-1)).toMatchObject({ kind: 'already_delivered' });
  });

  it('继续 after "how much came back?" shows the step again and a number typed next is its button, not a refund (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    d.press('k:rf');
    expect(d.activeCase()!.state.awaitingRefundAmount).toBe(true);
    d.say('继续');
    expect(d.activeCase()!.state.awaitingRefundAmount ?? false).toBe(false);
    d.say('1');
    expect(d.activeCase()!.status).toBe('open');
  });

  it('a part of the money back after 已退款 keeps the case open for the rest instead of closing it (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    d.press('k:rf');
    d.say('50');
    expect(d.activeCase()!.status).toBe('open');
    expect(d.activeCase()!.facts.refundedSoFar).toBe(50);
    expect(d.last().text).toContain('还差');
  });

  it('"多久能退？" / "能退吗" on the ladder get a plain answer with the step\'s buttons, not 我没看懂 (exploratory testing)', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    for (const q of ['多久能退？', '能退吗', '到底什么时候能退回来']) {
      d.say(q);
      expect(d.last().text, q).not.toContain('我没看懂');
      expect(d.last().text, q).toContain('看下一步');
      expect(d.last().text, q).not.toMatch(/一定|保证能/);
      expect(d.last().choices?.some((c) => c.id.startsWith('r:next')), q).toBe(true);
    }
  });

  it('a seller\'s answer reported with a question to the bot is still recorded (review)', () => {
    for (const [text, kind] of [['不给退，怎么办？', 'refused'], ['直接把我拉黑了 怎么办啊', 'no_reply'], ['已经退款了，多久到账？', 'refunded'], ['只给退余额，可以吗', 'balance_only'], ['过了售后期不给退了吗？', 'after_sale_expired']] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      toLadder(d, 'not_received');
      d.say(text);
      expect(d.activeCase()!.state.replies?.at(-1)?.kind, text).toBe(kind);
    }
  });

  it('已发货 by button: delivery record asked for, ready text, facts set for the law table', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    expect(ids([d.last()])).toContain('k:said');
    const picker = d.press('k:said');
    expect(ids(picker)).toContain('k:sr:already_delivered');
    const r = d.press('k:sr:already_delivered');
    expect(texts(r)).toContain('发货记录');
    expect(r[0].document?.body).toContain('兑换时间');
    const c = d.activeCase()!;
    expect(c.state.replies?.[0]).toMatchObject({ kind: 'already_delivered', rung: 'seller' });
    expect(c.state.replies?.[0].said).toBeUndefined();
    expect(c.facts.sellerClaimsDelivered).toBe(true);
  });

  it('partial offer: accept, the part arrives, the remainder stays on the ladder; the rest closes it', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const r = d.say('商家说只能退50');
    expect(texts(r)).toContain('还价');
    expect(r[0].document?.body).toContain('你提出退50元');
    expect(d.activeCase()!.facts.offerAmount).toBe(50);
    expect(ids(r)).toEqual(expect.arrayContaining(['k:pa', 'k:pc']));
    const a = d.press('k:pa');
    expect(a[0].text).toContain('先收下50元');
    expect(a[0].text).toContain('剩余的50元');
    d.press('k:rf');
    const got = d.say('50元');
    expect(got[0].text).toContain('还差50元');
    const c = d.activeCase()!;
    expect(c.status).toBe('open');
    expect(c.state.stage).toBe('ladder');
    expect(c.facts.refundedSoFar).toBe(50);
    d.say('商家已经退款了');
    d.say('50');
    const closed = app.engine.repo.getCase(c.id)!;
    expect(closed.status).toBe('closed');
    expect(closed.outcome).toBe('full');
    expect(closed.refundedAmount).toBe(100);
  });

  it('refused / no reply: the next rung with its text; promised later: a check tomorrow', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const r = d.say('商家拒绝退款');
    expect(texts(r)).toContain('拒绝的聊天截图');
    expect(d.activeCase()!.state.rung).toBe(1);
    expect(r[r.length - 1].document).toBeDefined();
    d.say('平台说明天给我处理');
    const c = d.activeCase()!;
    expect(c.state.rung).toBe(1);
    expect(c.state.replies?.map((x) => [x.rung, x.kind])).toEqual([
      ['seller', 'refused'],
      ['platform', 'promised_later'],
    ]);
    const f = app.engine.repo.followUpsFor(c.id).filter((x) => x.kind === 'rung_check');
    expect(f).toHaveLength(1);
    expect(f[0].rung).toBe('platform');
    d.say('还是已读不回');
    expect(d.activeCase()!.state.rung).toBe(2);
  });

  it('找上游, 退到余额, 过了售后期: coached with ready texts, same rung', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'card_used');
    for (const [said, word, kind] of [
      ['商家让我去找上游', '交付责任在你方', 'blame_upstream'],
      ['商家说只能退到余额', '原路退回', 'balance_only'],
      ['商家说过了售后期不退', '卡密首次使用即无效', 'after_sale_expired'],
    ] as const) {
      const r = d.say(said);
      expect(r[0].document?.body).toContain(word);
      expect(r[0].document?.body).not.toMatch(/\{\w+\}/);
      expect(d.activeCase()!.state.replies?.at(-1)?.kind).toBe(kind);
    }
    expect(d.activeCase()!.state.rung).toBe(0);
    expect(d.activeCase()!.facts.noRefundNotice).toBe(true);
  });

  it('refunded: how much, then closed', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const r = d.say('商家已经退款了');
    expect(texts(r)).toContain('退回了多少钱');
    const c = d.activeCase()!;
    d.say('100');
    expect(app.engine.repo.getCase(c.id)!.outcome).toBe('full');
  });

  it('the reminder button 商家回复了 asks what was said', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const c = d.activeCase()!;
    d.press('r:sent');
    app.db.prepare(`UPDATE follow_ups SET status = 'fired', fired_at = ? WHERE case_id = ? AND kind = 'rung_check'`).run(app.now().getTime(), c.id);
    const r = d.press(`f:${c.id}:replied`);
    expect(ids(r)).toContain('k:sr:no_order');
    d.press('k:sr:no_reply');
    expect(d.activeCase()!.state.rung).toBe(1);
  });
});

describe('fair guard against fabrication', () => {
  it('a question is declined with the risk and the honest route; the case stays open', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    for (const q of ['截图可以P一下吗', '能不能在平台和支付宝各申请一次退款，拿两份', '能不能用别人的订单截图改一下', '能帮我把聊天记录截图改一下时间吗']) {
      const r = d.say(q);
      expect(r).toHaveLength(1);
      expect(r[0].text).toContain('不能帮你');
      expect(r[0].text).toContain('正规的做法');
      expect(d.activeCase()!.state.stage).toBe('ladder');
    }
    d.press('m:continue');
    expect(d.last().document).toBeDefined();
  });

  it('an explicit plan stops the path; the user can still close or delete', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const r = d.say('我已经把聊天记录截图的时间改好了，就用这个去申诉');
    expect(texts(r)).toContain('不再指导');
    expect(d.activeCase()!.state.stage).toBe('declined');
    expect(ids(r)).toEqual(expect.arrayContaining(['m:close', 'm:delete']));
    d.press('m:close');
    d.press('x:abandoned');
    d.press('x:abandoned:ok');
    expect(d.activeCase()).toBeUndefined();
  });

  it('an honest "收到了，也用了" in 未到账: why it does not fit, and a switch keeping the facts', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const old = d.activeCase()!;
    const r = d.say('其实我收到了，也用了');
    expect(r[0].text).toContain('不属于“未到账”');
    expect(r[0].text).not.toContain('刑法');
    expect(ids(r)).toEqual(expect.arrayContaining(['k:sw:not_as_described', 'k:sw:card_used']));
    expect(d.activeCase()!.state.stage).toBe('ladder');
    d.press('k:sw:not_as_described');
    const now = d.activeCase()!;
    expect(now.id).not.toBe(old.id);
    expect(now.scenario).toBe('not_as_described');
    expect(now.facts).toMatchObject({ merchant: '星辰点卡店', orderId: '202611201530123456', amount: 100 });
    expect(app.engine.repo.getCase(old.id)!.outcome).toBe('abandoned');
  });
});

describe('检查语气 (/tone)', () => {
  it('flags insults, curses, multiples and police threats, with a calm rewrite; a calm draft passes', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const r = d.say('/tone 你们这些骗子不得好死，赔我十倍，我报警抓你');
    expect(r[0].text).toContain('辱骂');
    expect(r[0].text).toContain('诅咒');
    expect(r[0].text).toContain('多倍');
    expect(r[0].text).toContain('报警当威胁');
    expect(r[0].document?.body).toContain('202611201530123456');
    d.say('检查语气');
    const ok = d.say('你好，订单202611201530123456已付款100元，至今未发货，请于11月22日17:00前退款。');
    expect(ok[0].text).toContain('语气没问题');
    expect(ok[0].document).toBeUndefined();
  });

  it('a figure out of line with the case amount is flagged', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    const r = d.say('/tone 你害我损失上万元，必须马上退款');
    expect(r[0].text).toContain('数额与本案不符');
  });
});

describe('刷不了', () => {
  it('the typical reversal said with the first question (REVERSAL_DAYS), the 交易单号 asked and kept, a check at the window, then the appeal', () => {
    app = makeApp({ REVERSAL_DAYS: 5 });
    const d = new Driver(app);
    const first = d.press('s:payment_failed');
    const notice = texts(first);
    expect(notice).toContain('通常');
    expect(notice).toContain('5天');
    expect(notice).toContain('交易单号');
    // Not blocking: the first intake question is in the same message.
    expect(notice).toContain('哪个平台');
    const c = d.activeCase()!;
    expect(c.state.q).toBe('platform');
    const dueOf = () => app.engine.repo.followUpsFor(c.id).find((x) => x.kind === 'rung_check' && x.rung === 'payment')!.dueAt;
    expect(dueOf() - app.now().getTime()).toBeGreaterThanOrEqual(5 * 86_400_000);
    expect(dueOf() - app.now().getTime()).toBeLessThan(6 * 86_400_000);
    answerIntake(d);
    // The debit's time answered (昨天下午3点): the window is re-counted from it, not from the case's start.
    const due = dueOf();
    const paid = new Date(d.activeCase()!.facts.paidAt as string).getTime();
    expect(due - paid).toBeGreaterThanOrEqual(5 * 86_400_000);
    expect(due - paid).toBeLessThan(6 * 86_400_000);
    d.press('e:done');
    // The ladder as in every flow: the platform rung first, its text ready; the notice is not repeated.
    expect(d.last().document?.title).toBeTruthy();
    expect(texts([d.last()])).not.toContain('通常几天内会自动退回');
    const n = d.say('4200001234202611201234567890');
    expect(n[0].text).toContain('4200001234202611201234567890');
    expect(d.activeCase()!.facts.txnId).toBe('4200001234202611201234567890');
    // 已发送 on the platform rung keeps the reversal check-in.
    d.press('r:sent');
    expect(dueOf()).toBe(due);
    // The check-in fires at the window's end (asking whether the money came back): not back → the appeal rung (支付渠道), its text ready.
    (app as unknown as { clock: { t: Date } }).clock.t = new Date(due);
    expect(app.scheduler.fireDue().fired).toBeGreaterThanOrEqual(1);
    const fired = followUpMessage({ caseId: c.id, kind: 'rung_check', rung: 'payment', dueAt: new Date(due), scenario: 'payment_failed', facts: d.activeCase()!.facts }, app.now(), 'Asia/Shanghai', testConfig());
    expect(fired!.text).toContain('自动退回');
    const notBack = { id: answerId(c.id, 'not_yet') };
    expect(fired!.choices!.map((x) => x.id)).toContain(notBack.id);
    const a = d.press(notBack.id);
    expect(texts(a)).toContain('开始申诉');
    expect(a[a.length - 1].document?.title).toBeTruthy();
    const after = d.activeCase()!;
    expect(after.state.reversalDone).toBe(true);
    expect(after.facts.reversalPending).toBe(false);
    expect(after.state.rung).toBe(1);
  });

  it('the money came back (the check-in answered): how much, then closed', () => {
    app = makeApp();
    const d = new Driver(app);
    expect(texts(d.press('s:payment_failed'))).toContain('3天');
    answerIntake(d);
    d.press('e:done');
    const c = d.activeCase()!;
    (app as unknown as { clock: { t: Date } }).clock.t = new Date(app.engine.repo.followUpsFor(c.id).find((x) => x.kind === 'rung_check' && x.rung === 'payment')!.dueAt);
    expect(app.scheduler.fireDue().fired).toBeGreaterThanOrEqual(1);
    d.press(answerId(c.id, 'refunded'));
    d.say('100元');
    expect(app.engine.repo.getCase(c.id)!.outcome).toBe('full');
  });
});

describe('finding the operator', () => {
  it('offered after intake; what is found fills the 12315 and court texts', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:merchant_vanished');
    answerIntake(d);
    expect(ids([d.last()])).toContain('k:rs');
    const g = d.press('k:rs');
    expect(g[0].text).toContain('收款方全称');
    expect(g[0].text).toContain('ICP');
    expect(g[0].text).toContain('国家企业信用信息公示系统');
    const s = d.say('名称：深圳市星辰网络科技有限公司\n地址：广东省深圳市南山区科技园路1号\n粤ICP备12345678号-1');
    expect(s[0].text).toContain('深圳市星辰网络科技有限公司');
    const c = d.activeCase()!;
    expect(c.facts).toMatchObject({ respondentName: '深圳市星辰网络科技有限公司', respondentAddress: '广东省深圳市南山区科技园路1号', respondentIcp: '粤ICP备12345678号-1', respondentUnknown: false });
    d.press('e:done');
    const clock = (app as App & { clock: { t: Date } }).clock;
    let found = 0;
    for (let k = 0; k < 8; k++) {
      const r = d.last();
      if (/12315|起诉/.test(r.document?.title ?? '')) {
        found++;
        expect(r.document!.body).toContain('深圳市星辰网络科技有限公司');
        expect(r.document!.body).toContain('广东省深圳市南山区科技园路1号');
        expect(r.document!.body).not.toContain('【待补充】');
        expect(r.choices?.map((x) => x.id)).not.toContain('k:rs');
      }
      if (!r.choices?.some((x) => x.id.startsWith('r:next'))) break;
      // The user acts on the step before moving on: the same 下一步 data within DOUBLE_TAP_MS
      // would be a double tap (src/engine/taps.ts), answered "已经处理过了" with the step repeated.
      clock.t = new Date(clock.t.getTime() + 60_000);
      const step = /第(\d)\/4步/.exec(r.text)?.[1];
      d.press('r:next');
      expect(/第(\d)\/4步/.exec(d.last().text)?.[1]).toBe(String(Number(step) + 1));
    }
    expect(found).toBe(2);
  });

  it('nothing found: the platform domicile, and why the payment rung comes first', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    d.press('k:rs');
    const r = d.press('k:rn');
    expect(texts(r)).toContain('平台的名称和住所地');
    expect(texts(r)).toContain('匿名');
    expect(d.activeCase()!.facts.respondentUnknown).toBe(true);
    for (let k = 0; k < 6 && !/12315/.test(d.last().document?.title ?? ''); k++) d.press('r:next');
    expect(d.last().text).toContain('支付渠道投诉那一步更重要');
    expect(d.last().document!.body).toContain('以平台住所地为准');
  });
});

describe('parallel pressure', () => {
  it('黑猫投诉 text beside the payment-channel rung, facts filled', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    for (let k = 0; k < 4 && !d.last().choices?.some((x) => x.id === 'k:bc'); k++) d.press('r:next');
    const r = d.press('k:bc');
    const body = r[0].document!.body;
    for (const w of ['投诉标题', '投诉对象', '投诉问题', '投诉要求', '涉诉金额', '星辰点卡店', '小年卡盟', '涉诉金额：100元']) expect(body).toContain(w);
    expect(body).not.toMatch(/\{\w+\}/);
  });

  it('collective text at the 12315 rung only when two consenting cases name the merchant', () => {
    app = makeApp();
    const a = new Driver(app, 'ua');
    const b = new Driver(app, 'ub');
    toLadder(a, 'merchant_vanished');
    toLadder(b, 'merchant_vanished');
    for (let k = 0; k < 6 && !a.last().choices?.some((x) => x.id === 'k:co'); k++) a.press('r:next');
    expect(a.press('k:co')[0].text).toContain('不到两件');
    for (const d of [a, b]) {
      const id = d.activeCase()!.id;
      d.press(`bl:cj:${id}`);
      d.press(`bl:cy:${id}`);
    }
    const r = a.press('k:co');
    expect(r[0].text).toContain('2位用户');
    expect(r[0].document!.body).toContain('星辰点卡店');
    expect(r[0].document!.body).toContain('合计200元');
    expect(r[0].document!.body).not.toContain('202611201530123456');
  });
});

describe('the reversal check reminder and the smaller fixes on main (item 9)', () => {
  it('a fired check during the 刷不了 wait asks whether the money came back', () => {
    const r = followUpMessage(
      { caseId: 7, scenario: 'payment_failed', kind: 'rung_check', rung: 'platform', dueAt: new Date('2026-11-23T08:00:00Z'), facts: { reversalPending: true } },
      new Date('2026-11-23T08:00:00Z'),
      'Asia/Shanghai',
      testConfig(),
    )!;
    expect(r.text).toContain('自动退回');
    expect(r.choices!.map((c) => c.id)).toEqual(expect.arrayContaining(['f:7:refunded', 'f:7:not_yet']));
  });

  it('site down: the platform rung sends to the payment channel; police: threshold in words and 受案回执', () => {
    app = makeApp({ POLICE_SUGGEST_AMOUNT: 100 });
    const d = new Driver(app);
    toLadder(d, 'merchant_vanished', { siteState: { choice: 'a:down' }, othersAffected: { choice: 'a:yes' } });
    const seen: string[] = [];
    for (let k = 0; k < 8; k++) {
      seen.push(d.last().text);
      if (!d.last().choices?.some((x) => x.id.startsWith('r:next'))) break;
      d.press('r:next');
    }
    const all = seen.join('\n');
    expect(all).toContain('网站打不开时');
    expect(all).not.toContain('登录平台 → 我的订单');
    expect(all).toContain('三千元到一万元');
    expect(all).toContain('受案回执');
  });
});

describe('the offered amount', () => {
  it('is the amount after 退, not the amount paid', () => {
    app = makeApp();
    const d = new Driver(app);
    toLadder(d, 'not_received');
    d.say('我付了100元，商家说只能退30元');
    expect(d.activeCase()!.facts.offerAmount).toBe(30);
    expect(d.activeCase()!.state.replies?.[0].kind).toBe('partial_offer');
  });
});

describe('scam check and commands', () => {
  it('a 举报 command describing a scam goes to the report, not the warning', () => {
    app = makeApp();
    const d = new Driver(app);
    const r = d.say('举报 星辰点卡店 客服发链接让我输入银行卡号和验证码');
    expect(r[0].text).not.toContain('假客服退款');
  });
});
