import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { SCENARIOS } from '../../src/types.js';
import { FLOWS } from '../../flows/index.js';
import type { App } from '../../src/app.js';

let app: App;
afterEach(() => app?.close());

describe('every scenario end to end', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: intake → assessment → evidence → whole ladder → closed`, () => {
      app = makeApp();
      const d = new Driver(app);
      d.say('开始');
      d.press(d.choice('m:new'));
      d.press(`s:${scenario}`);
      const asked = answerIntake(d);
      // Every question the flow declares (that applies) was asked exactly once.
      const facts = d.activeCase()!.facts;
      const expected = FLOWS[scenario].questions.filter((q) => !q.when || q.when(facts)).map((q) => q.id);
      expect(new Set(asked)).toEqual(new Set(expected));
      expect(asked.length).toBe(expected.length);

      const c = d.activeCase()!;
      expect(c.state.stage).toBe('evidence');
      const texts = d.log.map((r) => r.text).join('\n');
      expect(texts).toContain('【初步判断】');
      expect(texts).toContain('不构成法律意见');
      // Tick one item by button, one by sending a screenshot.
      d.press(d.choice('e:'));
      d.send([{ kind: 'photo', ref: 'file-abc-123' }]);
      // The file is recorded as sent; the user says which item it proves.
      expect(d.activeCase()!.state.evidence).toSatisfy((ev: object) => Object.keys(ev).length === 1);
      expect(app.db.prepare(`SELECT kind, file_ref, item FROM evidence WHERE file_ref = 'file-abc-123'`).get()).toEqual({ kind: 'photo', file_ref: 'file-abc-123', item: null });
      d.press(d.choice('e:'));
      expect(d.activeCase()!.state.evidence).toSatisfy((ev: object) => Object.keys(ev).length === 2);
      d.press('e:done');
      expect(d.activeCase()!.state.stage).toBe('ladder');
      // 刷不了 (issue 12 item 3): the typical automatic reversal was said once, with the first question;
      // the ladder is not held up by it.
      if (scenario === 'payment_failed') {
        expect(texts).toContain('通常几天内会自动退回');
        expect(d.last().text).not.toContain('通常几天内会自动退回');
      }

      // Walk every rung: each has a ready-to-send document filled with the case facts.
      let rungs = 0;
      for (;;) {
        const r = d.last();
        expect(r.document?.body).toBeTruthy();
        expect(r.document!.body).toContain('星辰点卡店');
        expect(r.document!.body).not.toMatch(/\{\w+\}/);
        expect(r.document!.body).not.toContain('【待补充】');
        rungs++;
        const next = r.choices?.find((x) => x.id.startsWith('r:next'));
        if (!next) break;
        if (r.choices?.some((x) => x.id === 'r:sent')) {
          d.press('r:sent');
          expect(d.activeCase()!.state.rungSentAt).toBeDefined();
        }
        d.press('r:next');
      }
      expect(rungs).toBeGreaterThanOrEqual(4);
      d.say('结案');
      d.press('x:none');
      d.press('x:none:ok');
      const closed = app.engine.repo.getCase(c.id)!;
      expect(closed.status).toBe('closed');
      expect(closed.outcome).toBe('none');
      const pending = app.db.prepare(`SELECT count(*) n FROM follow_ups WHERE case_id = ? AND status = 'pending'`).get(c.id) as { n: number };
      expect(pending.n).toBe(0);
    });
  }

  it('the checklist opened from the ladder ticks items by button, number and label, and leads back to the step', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    const rung = d.activeCase()!.state.rung;
    d.say('证据');
    d.press('e:order_shot');
    d.say('4');
    d.say('聊天记录');
    const c = d.activeCase()!;
    expect(Object.keys(c.state.evidence).sort()).toEqual(['chat_log', 'no_credit_proof', 'order_shot']);
    expect(c.state.stage).toBe('ladder');
    expect(c.state.rung).toBe(rung);
    expect(d.log.some((r) => r.text.includes('我没看懂'))).toBe(false);
    expect(d.last().choices?.some((x) => x.id === 'm:ladder')).toBe(true);
  });

  it('letters list as evidence only what the user ticked; none ticked leaves a gap to fill', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:order_shot');
    d.press('e:payment_record');
    d.press('e:done');
    const r = d.press(`r:next:${d.activeCase()!.state.rung}`);
    const doc = r.map((x) => x.document?.body ?? '').join('\n');
    expect(doc).toContain('附件：订单截图、支付记录。');
    expect(doc).not.toContain('问题证明');
    app.close();
    app = makeApp();
    const e = new Driver(app);
    e.press('s:not_received');
    answerIntake(e);
    e.press('e:done');
    const r2 = e.press(`r:next:${e.activeCase()!.state.rung}`);
    expect(r2.map((x) => x.document?.body ?? '').join('\n')).toContain('附件：【列出你能提供的材料');
  });

  it('seller message carries facts, request, basis and deadline', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    const doc = d.last().document!;
    expect(doc.body).toContain('202611201530123456');
    expect(doc.body).toContain('100元');
    expect(doc.body).toContain('支付宝');
    expect(doc.body).toContain('请退还全部货款100元');
    expect(doc.body).toMatch(/请于11月2\d日 17:00前处理/);
    expect(doc.body).toContain('《电子商务法》第20条');
  });

  it('12315 complaint lists the fields it requires', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    while (!d.last().document?.title.includes('12315')) d.press('r:next');
    const body = d.last().document!.body;
    for (const field of ['投诉人', '电话', '地址', '被投诉方', '事情经过', '诉求']) expect(body).toContain(field);
  });

  it('police rung appears only when fraud is suspected and the amount warrants it', () => {
    const titles = (amount: string, contact: string) => {
      app?.close();
      app = makeApp();
      const d = new Driver(app);
      d.press('s:not_received');
      answerIntake(d, { amount: { text: amount }, sellerContact: { choice: contact } });
      d.press('e:done');
      const seen: string[] = [];
      for (;;) {
        seen.push(d.last().document!.title);
        if (!d.last().choices?.some((c) => c.id.startsWith('r:next'))) break;
        d.press('r:next');
      }
      return seen;
    };
    expect(titles('2000元', 'a:no_reply')).toContain('报案材料清单');
    expect(titles('50元', 'a:no_reply')).not.toContain('报案材料清单');
    expect(titles('2000元', 'a:stalling')).not.toContain('报案材料清单');
  });

  it('goods already received and used is not 未到账: said plainly with what fits instead, never a fraud warning (final smoke test: an honest answer got 诈骗罪)', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d, { goodsState: { choice: 'a:used' } });
    const c = d.activeCase()!;
    expect(c.state.stage).toBe('declined');
    expect(d.last().text).toContain('不属于“付款后未到账”');
    expect(d.last().text).not.toMatch(/恶意退款|诈骗|《刑法》/);
    expect(d.last().choices?.map((x) => x.id)).toEqual(expect.arrayContaining(['k:sw:not_as_described', 'k:sw:card_used', 'm:back']));
    expect(d.last().document).toBeUndefined();
    // It stays declined: no ladder text is produced afterwards.
    d.say('帮我写投诉');
    expect(d.last().document).toBeUndefined();
  });

  it('declines when the user redeemed the key themselves', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used');
    answerIntake(d, { redeemedBefore: { choice: 'a:me_success' } });
    expect(d.activeCase()!.state.stage).toBe('declined');
    // Redeemed but the goods did not come: 未到账 is offered, keeping the facts; no fraud warning.
    expect(d.last().text).not.toMatch(/诈骗|《刑法》/);
    expect(d.last().choices?.[0].id).toBe('k:sw:not_received');
    // A misclick is not a dead end: 返回 undoes the answer that declined it (exploratory testing).
    expect(d.last().choices?.map((x) => x.id)).toContain('m:back');
    d.press('m:back');
    expect(d.activeCase()!.state.stage).toBe('intake');
    expect(d.activeCase()!.state.q).toBe('redeemedBefore');
    expect(d.activeCase()!.facts.redeemedBefore).toBeUndefined();
    d.press('a:never');
    expect(d.activeCase()!.state.stage).not.toBe('declined');
  });
});

describe('documents say only what was done', () => {
  it('a later complaint names only the steps marked 已发送', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    d.press('r:next'); // skipped the seller without sending
    expect(d.last().document!.body).not.toContain('此前我已');
    d.press('r:sent'); // the platform appeal was sent
    d.press('r:next');
    const body = d.last().document!.body;
    expect(body).toContain('此前我已向平台申诉，问题仍未解决');
    expect(body).not.toContain('联系商家');
  });

  it('an order number that does not exist reads 无, not 待补充', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:payment_failed');
    answerIntake(d, { orderExists: { choice: 'a:none' } });
    d.press('e:done');
    expect(d.last().document!.body).toContain('订单号：无');
  });

  it('a card key pasted without a label inside another answer is masked', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:card_used');
    answerIntake(d, { errorShown: { text: '提示 ZXCV9876QWER5432 已被使用' } });
    const all = JSON.stringify(app.db.prepare('SELECT facts, state FROM cases').all());
    expect(all).not.toContain('ZXCV9876QWER5432');
    expect(String(d.activeCase()!.facts.errorShown)).toContain('ZXCV****5432');
  });
});
