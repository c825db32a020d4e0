// step() called directly, per scenario: descriptors (keys, params, codec choices) and effects.
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/types.js';
import { law } from '../../src/knowledge/law.js';
import { applicableRungs } from '../../src/flow/ladder.js';
import { renderReply } from '../../src/engine/render.js';
import type { ReplyMsg } from '../../src/flow/message.js';
import { checklistOrder } from '../../src/flow/replies.js';
import { ANSWERS, keysIn, NOW, parts, press, replies, say, TIMINGS, Walk, ZONE } from './walk.js';

/** Rendering works (every key exists, every placeholder filled) and the descriptor is plain JSON. */
function renders(r: ReplyMsg): string {
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  const out = renderReply(r);
  expect(out.text).not.toMatch(/\{\w+\}/);
  return out.text;
}

const VERDICT: Record<string, string> = {
  not_received: 'refundable',
  double_charge: 'refundable',
  card_used: 'refundable',
  merchant_vanished: 'likely',
  payment_failed: 'refundable',
  not_as_described: 'refundable',
};

describe.each(SCENARIOS)('step, %s: intake → assessment → evidence → first rung', (scenario) => {
  it('walks the case with descriptors and effects only', () => {
    const w = new Walk(scenario);

    // Start: the first question, with an example and no buttons (a free-text question).
    const start = w.send({ type: 'start' });
    expect(w.state).toMatchObject({ version: 1, stage: 'intake', q: 'platform', reasks: 0 });
    const firstQuestion = {
      join: [{ key: [`q.${scenario}.platform`, 'q.platform'] }, { key: 'hint.example', params: { example: { key: [`ex.${scenario}.platform`, 'ex.platform', 'ex.kind.text'], else: '' } } }],
      sep: '\n',
    };
    if (scenario === 'payment_failed') {
      // 刷不了 (issue 12 item 3): the typical automatic reversal said once above the first question,
      // the 交易单号 asked for, a check-in scheduled for the window before the appeal rung; nothing waits on it.
      expect(start).toHaveLength(2);
      const reversalDue = new Date(w.state.reversalUntil!);
      expect(start[0]).toEqual({ type: 'schedule', kind: 'rung_check', rung: 'payment', dueAt: reversalDue });
      expect(reversalDue.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(TIMINGS.REVERSAL_DAYS * 86_400_000);
      expect(w.facts.reversalPending).toBe(true);
      const [notice, question] = parts(replies(start)[0].text);
      expect(keysIn(notice)).toEqual(['reversal.typical', 'reversal.ask_intake', 'reversal.checkin_intake']);
      expect(question).toEqual(firstQuestion);
    } else {
      expect(start).toHaveLength(1);
      expect(replies(start)[0]).toEqual({ text: firstQuestion });
    }
    renders(replies(start)[0]);

    // Intake: each answer records a fact and asks the next question (or assesses).
    const asked: string[] = [];
    let last = start;
    while (w.state.stage === 'intake') {
      const q = w.state.q!;
      asked.push(q);
      expect(asked.length).toBeLessThan(20);
      const a = ANSWERS[q];
      const question = w.flow.questions.find((x) => x.id === q)!;
      last = w.send('text' in a ? say(a.text) : press({ kind: 'answer', option: a.option }));
      expect(w.facts[q], `fact ${q}`).not.toBeUndefined();
      expect(w.facts[q]).not.toBeNull();
      if (question.kind === 'choice' || question.kind === 'payment') expect(w.facts[q]).toBe((a as { option: string }).option);
      if (w.state.stage === 'intake') {
        const r = replies(last)[0];
        expect(keysIn(r.text)).toContain(`q.${scenario}.${w.state.q}`);
        renders(r);
      }
    }
    expect(asked.slice(0, 3)).toEqual(['platform', 'merchant', 'item']);
    expect(w.state.history).toEqual(asked);
    expect(w.facts.amount).toBe(100);
    expect(w.facts.paymentMethod).toBe('alipay');
    expect(w.facts.paidAt).toBe('2026-11-17T07:00:00.000Z');
    if (scenario === 'card_used') expect(w.facts.cardKey).not.toContain('1234EFGH5678');

    // Assessment, then the evidence checklist.
    expect(w.state).toMatchObject({ stage: 'evidence', q: null, reasks: 0 });
    expect(last.map((e) => e.type)).toEqual(['reply', 'reply']);
    const [assessment, checklist] = replies(last);
    const lines = parts(assessment.text);
    expect(lines[0]).toEqual({ key: `verdict.${VERDICT[scenario]}` });
    const lawIds = w.flow.assess(w.facts).law;
    expect(lines.filter((l) => typeof l === 'object' && 'key' in l && l.key === 'law.line')).toEqual(
      lawIds.map((id) => ({ key: 'law.line', params: { article: law(id).article, meaning: law(id).meaning } })),
    );
    expect(lines[lines.length - 1]).toEqual({ key: 'law.disclaimer' });
    expect(renders(assessment).length).toBeGreaterThan(20);
    expect(checklist.choices!.map((c) => c.value)).toEqual([
      ...checklistOrder(w.flow).map((id) => ({ kind: 'evidence', item: id })), // in the order shown (grouped)
      { kind: 'evidence_done' },
      { kind: 'coach', op: 'rs' }, // finding the operator, offered once the intake is done (issue 12)
    ]);
    expect(keysIn(checklist.text)).toEqual(expect.arrayContaining(['evidence.header', 'evidence.tips', ...w.flow.evidence.map((e) => `ev.${e.id}`)]));
    renders(checklist);

    // Ticking an item records it and shows the list without that button.
    const first = w.flow.evidence[0].id;
    const tick = w.send(press({ kind: 'evidence', item: first }));
    expect(tick[0]).toEqual({ type: 'evidence', item: first, kind: 'tick' });
    expect(w.state.evidence[first]).toEqual({ at: NOW.getTime(), kind: 'tick' });
    // Issue 11: a ticked item keeps its button and number (marked ✅), so numbers never shift.
    expect(replies(tick)[0].choices!.map((c) => c.value)[0]).toEqual({ kind: 'evidence', item: first });
    expect(renders(replies(tick)[0])).toContain('✅');

    // A photo is recorded as it is (no checklist item), and the user is asked which item it proves.
    const photo = w.send({ type: 'attachments', items: [{ kind: 'photo', ref: 'file-1' }] });
    expect(photo[0]).toEqual({ type: 'evidence', item: null, kind: 'photo', ref: 'file-1' });
    expect(replies(photo)[0].text).toEqual({ key: 'evidence.recorded_which', params: { n: 1, item: { key: 'ev.extra' } } });

    // Done: the first rung, its document and buttons.
    const rungs = applicableRungs(w.flow, w.facts, TIMINGS);
    const done = w.send(press({ kind: 'evidence_done' }));
    expect(w.state).toMatchObject({ stage: 'ladder', rung: 0 });
    for (const e of done.filter((x) => x.type !== 'reply')) expect(e).toMatchObject({ type: 'schedule', kind: 'window_warning' });
    const rung = replies(done)[0];
    const [prefix, body] = parts(rung.text);
    expect(prefix).toEqual({ key: 'evidence.to_ladder' });
    expect(parts(body)[0]).toEqual({ key: 'rung.header', params: { n: 1, total: rungs.length, title: { key: `rung.${rungs[0]}.title` } } });
    expect(rung.document!.title).toEqual({ key: `doc.${rungs[0]}.title` });
    expect(keysIn(rung.document!.body)[0]).toBe(`doc.${rungs[0]}`);
    // The other side's answer is asked beside the seller / platform / payment rungs (issue 12 item 1).
    expect(rung.choices!.map((c) => c.value)).toEqual([
      { kind: 'rung', op: 'sent' },
      { kind: 'rung', op: 'next', at: 0 },
      { kind: 'coach', op: 'said' },
      ...(rungs[0] === 'payment' ? [{ kind: 'coach', op: 'bc' }] : []),
      { kind: 'menu', action: 'evidence' },
      { kind: 'menu', action: 'close' },
    ]);
    const shown = renderReply(rung);
    expect(shown.document!.body).toContain('星辰点卡店');
    expect(shown.document!.body).not.toContain('【待补充】');
    expect(shown.choices!.map((c) => c.id)).toEqual(['r:sent', 'r:next:0', 'k:said', ...(rungs[0] === 'payment' ? ['k:bc'] : []), 'm:evidence', 'm:close']);

    // 已发送: the rung is recorded and its check scheduled.
    const sent = w.send(press({ kind: 'rung', op: 'sent' }));
    expect(w.state.sent).toEqual([rungs[0]]);
    expect(w.state.rungSentAt).toBe(NOW.getTime());
    expect(sent[0]).toEqual({ type: 'cancelFollowUps' });
    const checks = sent.filter((e) => e.type === 'schedule' && e.kind === 'rung_check');
    // 刷不了: the reversal check-in survives the cancel (re-added while the window lasts), then the rung's own check.
    expect(checks.map((e) => (e as { rung: string }).rung)).toEqual(scenario === 'payment_failed' ? ['payment', rungs[0]] : [rungs[0]]);
    const check = checks[checks.length - 1];
    const due = (check as { dueAt: Date }).dueAt;
    expect(due.getTime()).toBeGreaterThan(NOW.getTime());
    const ack = replies(sent)[0];
    expect(ack.text).toEqual({ key: 'rung.sent', params: { due: { fmt: 'deadline', at: due.toISOString(), zone: ZONE, now: NOW.toISOString() } } });
    // The 商家回复了 button stays after 已发送 on the rungs that coach a reply (exploratory testing).
    const said = rungs[0] === 'seller' || rungs[0] === 'platform' || rungs[0] === 'payment' ? [{ kind: 'coach', op: 'said' }] : [];
    expect(ack.choices!.map((c) => c.value)).toEqual([{ kind: 'rung', op: 'next', at: 0 }, ...said, { kind: 'menu', action: 'progress' }, { kind: 'menu', action: 'close' }]);
    renders(ack);
  });
});

describe('step: first-rung deadlines with the fixed clock', () => {
  it('the seller is given until 17:00 two days on; the platform five working days', () => {
    const check = (scenario: 'not_received' | 'merchant_vanished') => {
      const w = new Walk(scenario);
      w.send({ type: 'start' });
      while (w.state.stage === 'intake') {
        const a = ANSWERS[w.state.q!];
        w.send('text' in a ? say(a.text) : press({ kind: 'answer', option: a.option }));
      }
      w.send(press({ kind: 'evidence_done' }));
      const e = w.send(press({ kind: 'rung', op: 'sent' })).find((x) => x.type === 'schedule' && x.kind === 'rung_check');
      return (e as { dueAt: Date }).dueAt.toISOString();
    };
    expect(TIMINGS.SELLER_DEADLINE_HOURS).toBe(48);
    expect(TIMINGS.PLATFORM_REVIEW_WORKDAYS).toBe(5);
    // Wednesday 14:00 + 48 h → Friday 20 November, 17:00 Shanghai.
    expect(check('not_received')).toBe('2026-11-20T09:00:00.000Z');
    // Wednesday + 5 working days → the next Wednesday, 25 November.
    expect(check('merchant_vanished').slice(0, 10)).toBe('2026-11-25');
  });
});

describe('step: answers that are not answers', () => {
  it('a bad amount is asked again with an example and 跳过; the third is recorded as unknown', () => {
    const w = new Walk('not_received');
    w.facts = { platform: 'a', merchant: 'b', item: 'c', orderId: '12345678' };
    w.state = { ...w.state, q: 'amount', history: ['platform', 'merchant', 'item', 'orderId'] };
    const once = replies(w.send(say('很多')))[0];
    expect(w.state.reasks).toBe(1);
    expect(once.text).toEqual({
      join: [{ key: 'reask', params: { example: { key: ['ex.not_received.amount', 'ex.amount', 'ex.kind.amount'], else: '' } } }, { key: ['q.not_received.amount', 'q.amount'] }],
      sep: '\n',
    });
    expect(once.choices).toEqual([{ value: { kind: 'skip' }, label: { key: 'choice.skip' } }]);
    w.send(say('不少'));
    expect(w.state.reasks).toBe(2);
    const third = replies(w.send(say('还是很多')))[0];
    expect(w.facts.amount).toBeNull();
    expect(w.state.q).toBe('paymentMethod');
    expect(keysIn(third.text)[0]).toBe('skipped_auto');
  });

  it('a future payment time says why; 跳过 typed is a skip; 返回 undoes the last answer', () => {
    const w = new Walk('not_received');
    w.facts = { platform: 'a', merchant: 'b', item: 'c', orderId: '12345678', amount: 5, paymentMethod: 'wechat' };
    w.state = { ...w.state, q: 'paidAt', history: ['platform', 'merchant', 'item', 'orderId', 'amount', 'paymentMethod'] };
    expect(keysIn(replies(w.send(say('明天下午')))[0].text)[0]).toBe('reask.why.future');
    w.send(say('不记得了'));
    expect(w.facts.paidAt).toBeNull();
    expect(w.state.q).toBe('promisedTime');
    const back = replies(w.send({ type: 'back' }))[0];
    expect('paidAt' in w.facts).toBe(false);
    expect(w.state).toMatchObject({ stage: 'intake', q: 'paidAt' });
    expect(keysIn(back.text)[0]).toBe('back.done');
  });

  it('a forged answer button re-asks instead of recording it', () => {
    const w = new Walk('not_received');
    w.facts = { platform: 'a', merchant: 'b', item: 'c', orderId: '12345678', amount: 5, paymentMethod: 'wechat', paidAt: '2026-11-17' };
    w.state = { ...w.state, q: 'promisedTime' };
    w.send({ type: 'choice', id: 'a:used' });
    expect('promisedTime' in w.facts).toBe(false);
    expect(w.state.reasks).toBe(1);
    w.send({ type: 'choice', id: 'zz:garbage' });
    expect(w.state.reasks).toBe(2);
  });

  it('goods already used: the case is declined with the law rows, and stays declined', () => {
    const w = new Walk('not_received');
    w.facts = { platform: 'a', merchant: 'b', item: 'c', orderId: '12345678', amount: 5, paymentMethod: 'wechat', paidAt: '2026-11-17', promisedTime: 'instant' };
    w.state = { ...w.state, q: 'goodsState' };
    w.send(press({ kind: 'answer', option: 'used' }));
    w.send(press({ kind: 'answer', option: 'no_reply' }));
    expect(w.state.stage).toBe('declined');
    const again = replies(w.send(say('你好')))[0];
    expect(again.text).toEqual({ key: 'declined.still' });
    expect(again.choices!.map((c) => c.value)).toEqual([{ kind: 'menu', action: 'close' }, { kind: 'menu', action: 'new' }, { kind: 'menu', action: 'delete' }]);
  });
});
