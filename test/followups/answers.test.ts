// Follow-ups end to end: engine.handle (terminal platform) + scheduler + outbox, injected clock.
import { afterEach, describe, expect, it } from 'vitest';
import { bj, choiceIds, harness, texts, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.app.close());

const fire = () => h.app.scheduler.fireDue();
const lastMessage = () => h.followUpMessages().at(-1)!;
const checks = (id: number) => h.followUps(id).filter((f) => f.kind === 'rung_check');

/** A case at the seller rung whose 48 h deadline (Wed 11/19 17:00) has just been asked about. */
function atSellerCheck(): number {
  h = harness('2025-11-17 10:00');
  const id = h.ladderCase();
  h.send({ choice: 'r:sent' });
  expect(checks(id)).toEqual([expect.objectContaining({ rung: 'seller', dueAt: bj('2025-11-19 17:00').getTime() })]);
  h.at('2025-11-19 17:00');
  expect(fire().fired).toBe(1);
  h.at('2025-11-19 18:00');
  return id;
}

describe('deadlines by the working-day calendar, end to end', () => {
  it('platform review across the National Day week: sent 9/30, asked 10/14', () => {
    h = harness('2025-09-30 10:00');
    const id = h.ladderCase({ rung: 1 });
    expect(texts(h.send({ choice: 'r:sent' }))).toContain('10月14日 10:00');
    expect(checks(id)).toEqual([expect.objectContaining({ rung: 'platform', dueAt: bj('2025-10-14 10:00').getTime() })]);
    h.at('2025-10-13 20:59');
    expect(fire().fired).toBe(0);
    h.at('2025-10-14 10:00');
    expect(fire().fired).toBe(1);
    expect(lastMessage().text).toContain('平台申诉提交已经 5 个工作日');
  });

  it('payment complaint across Spring Festival: 15 working days from 2/10 is 3/9', () => {
    h = harness('2026-02-10 14:00');
    const id = h.ladderCase({ rung: 2 });
    h.send({ choice: 'r:sent' });
    // 2/11–2/14 (2/14 调休 Saturday), holiday 2/15–2/23, 2/24–2/28 (2/28 调休 Saturday), 3/2–3/6, 3/9.
    expect(checks(id)).toEqual([expect.objectContaining({ rung: 'payment', dueAt: bj('2026-03-09 14:00').getTime() })]);
  });

  it('a deadline on a 调休 Saturday fires that Saturday', () => {
    h = harness('2025-09-30 10:00', { PLATFORM_REVIEW_WORKDAYS: 3 });
    const id = h.ladderCase({ rung: 1 });
    h.send({ choice: 'r:sent' });
    // 10/9 Thu, 10/10 Fri, 10/11 Sat (make-up working day)
    expect(checks(id)[0].dueAt).toBe(bj('2025-10-11 10:00').getTime());
    h.at('2025-10-11 10:00');
    expect(fire().fired).toBe(1);
  });

  it('a follow-up falling due at night waits for the morning, and the time announced is that morning', () => {
    h = harness('2025-11-17 23:10');
    const id = h.ladderCase({ rung: 1 });
    const said = texts(h.send({ choice: 'r:sent' }));
    expect(said).toContain('11月25日 09:00');
    expect(said).not.toContain('23:10');
    expect(checks(id)[0].dueAt).toBe(bj('2025-11-25 09:00').getTime());
    h.at('2025-11-24 23:10');
    expect(fire().fired).toBe(0);
    h.at('2025-11-25 06:00');
    expect(fire().fired).toBe(0);
    h.at('2025-11-25 09:00');
    expect(fire().fired).toBe(1);
  });

  it('进度 lists the coming follow-ups with Chinese dates', () => {
    h = harness('2025-11-17 10:00');
    h.ladderCase({ rung: 1 });
    h.send({ choice: 'r:sent' });
    expect(texts(h.send({ text: '进度' }))).toContain('11月24日（周一）前：平台审核结果');
  });
});

describe('the answer tree of a rung check', () => {
  it('已退款 → asks how much → closes the case as a full refund and cancels what is left', () => {
    const id = atSellerCheck();
    expect(texts(h.send({ choice: `f:${id}:refunded` }))).toContain('退回了多少钱');
    expect(texts(h.send({ text: '100元' }))).toContain('全额退款');
    expect(h.caseOf(id)).toMatchObject({ status: 'closed', outcome: 'full', refundedAmount: 100 });
    expect(h.followUps(id)).toHaveLength(0);
  });

  it('已退款 with less than paid keeps the case open for the rest (issue 11: a part refund offers the remainder); 结案 closes it', () => {
    const id = atSellerCheck();
    h.send({ choice: `f:${id}:refunded` });
    const out = texts(h.send({ text: '30元' }));
    expect(out).toContain('还差');
    expect(out).toContain('结案');
    expect(h.caseOf(id)).toMatchObject({ status: 'open' });
    expect(h.app.engine.repo.getCase(id)!.facts.refundedSoFar).toBe(30);
  });

  it('还没有 → the next rung with its text ready', () => {
    const id = atSellerCheck();
    const out = h.send({ choice: `f:${id}:not_yet` });
    expect(texts(out)).toContain('期限已过');
    expect(out.some((d) => d.reply.document?.body)).toBe(true);
    expect(choiceIds(out)).toContain('r:sent');
    expect(h.caseOf(id).state).toMatchObject({ rung: 1 });
    expect(h.caseOf(id).state.rungSentAt).toBeUndefined();
    expect(checks(id)).toHaveLength(0);
  });

  it('被拒绝 → the next rung, with the refusal acknowledged', () => {
    const id = atSellerCheck();
    const out = h.send({ choice: `f:${id}:refused` });
    expect(texts(out)).toContain('被拒绝也没关系');
    expect(h.caseOf(id).state.rung).toBe(1);
  });

  it('商家回复了 → asks again in a day', () => {
    const id = atSellerCheck();
    expect(texts(h.send({ choice: `f:${id}:replied` }))).toContain('再问你一次');
    expect(checks(id)).toEqual([expect.objectContaining({ rung: 'seller', dueAt: bj('2025-11-20 18:00').getTime() })]);
    expect(h.caseOf(id).state.rung).toBe(0);
    h.at('2025-11-20 18:00');
    expect(fire().fired).toBe(1);
  });

  it('明天再提醒 and 3天后再提醒 re-schedule the same check, one at a time', () => {
    const id = atSellerCheck();
    expect(texts(h.send({ choice: `f:${id}:snooze1` }))).toContain('11月20日 18:00');
    expect(checks(id)).toEqual([expect.objectContaining({ dueAt: bj('2025-11-20 18:00').getTime() })]);
    h.send({ choice: `f:${id}:snooze3` });
    expect(checks(id)).toEqual([expect.objectContaining({ dueAt: bj('2025-11-22 18:00').getTime() })]);
    h.at('2025-11-20 18:00');
    expect(fire().fired).toBe(0);
    h.at('2025-11-22 18:00');
    expect(fire().fired).toBe(1);
    expect(lastMessage().choices[0].id).toBe(`f:${id}:refunded`);
  });

  it('明天再提醒 pressed late at night still means tomorrow, inside the day', () => {
    const id = atSellerCheck();
    h.at('2025-11-19 22:30');
    h.send({ choice: `f:${id}:snooze1` });
    expect(checks(id)[0].dueAt).toBe(bj('2025-11-20 20:00').getTime());
  });

  it('不再提醒 cancels everything for the case and keeps it quiet until 恢复提醒', () => {
    const id = atSellerCheck();
    h.send({ choice: `f:${id}:replied` });
    const out = h.send({ choice: `f:${id}:stop` });
    expect(texts(out)).toContain('不再发提醒');
    expect(choiceIds(out)).toContain('r:resume');
    expect(h.followUps(id)).toHaveLength(0);
    expect(h.caseOf(id).state.remindersOff).toBe(true);
    // Moving on and sending the next rung schedules nothing.
    h.send({ choice: 'r:next' });
    expect(texts(h.send({ choice: 'r:sent' }))).toContain('提醒已关闭');
    expect(h.followUps(id)).toHaveLength(0);
    h.at('2025-12-31 12:00');
    expect(fire().fired).toBe(0);
    // 恢复提醒: the platform check (sent 11/19 18:00 + 5 working days, long past) is due at once.
    h.at('2025-12-01 12:00');
    expect(texts(h.send({ choice: 'r:resume' }))).toContain('提醒已恢复');
    expect(checks(id)).toEqual([expect.objectContaining({ rung: 'platform', dueAt: bj('2025-12-01 12:00').getTime() })]);
    expect(fire().fired).toBe(1);
  });

  it('an answer reaches its own case even when another case is active', () => {
    const a = atSellerCheck();
    const b = h.ladderCase({ facts: { merchant: '另一家店' } });
    const out = h.send({ choice: `f:${a}:not_yet` });
    expect(texts(out)).toContain('期限已过');
    expect(h.caseOf(a).state.rung).toBe(1);
    expect(h.caseOf(b).state.rung).toBe(0);
  });

  it('an answer to a closed case says so and changes nothing', () => {
    const id = atSellerCheck();
    h.send({ text: '结案' });
    h.send({ choice: 'x:none' });
    h.send({ choice: 'x:none:ok' });
    expect(texts(h.send({ choice: `f:${id}:not_yet` }))).toContain('已经结束');
    expect(h.caseOf(id)).toMatchObject({ status: 'closed', outcome: 'none' });
  });
});

describe('cancelling', () => {
  it('closing a case cancels its follow-ups; nothing fires later', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase();
    h.send({ choice: 'r:sent' });
    h.send({ text: '结案' });
    h.send({ choice: 'x:abandoned' });
    h.send({ choice: 'x:abandoned:ok' });
    expect(h.followUps(id)).toHaveLength(0);
    expect(h.followUps(id, 'cancelled').map((f) => f.kind).sort()).toEqual(['rung_check', 'window_warning']);
    h.at('2025-11-20 10:00');
    expect(fire()).toEqual({ fired: 0, skipped: 0 });
  });

  it('deleting the user deletes the case and its follow-ups; nothing fires later', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase();
    h.send({ choice: 'r:sent' });
    h.send({ text: '删除我的数据' });
    expect(texts(h.send({ choice: 'd:yes' }))).toContain('已删除');
    expect(h.app.db.prepare(`SELECT count(*) AS n FROM follow_ups WHERE case_id = ?`).get(id)).toEqual({ n: 0 });
    h.at('2025-11-20 10:00');
    expect(fire()).toEqual({ fired: 0, skipped: 0 });
    expect(h.followUpMessages()).toHaveLength(0);
  });
});

describe('warnings before a window closes', () => {
  it('warns 3 days before the 15-day platform appeal window closes, and 现在去平台申诉 jumps there', () => {
    h = harness('2025-11-10 10:00');
    const id = h.ladderCase({ stage: 'evidence', facts: { paidAt: bj('2025-11-05 20:00').toISOString() } });
    h.send({ choice: 'e:done' });
    expect(h.followUps(id)).toEqual([expect.objectContaining({ kind: 'window_warning', rung: 'platform', dueAt: bj('2025-11-17 20:00').getTime() })]);
    h.send({ choice: 'r:sent' }); // seller rung sent; the warning stays
    expect(h.followUps(id).map((f) => f.kind).sort()).toEqual(['rung_check', 'window_warning']);
    // 进度 lists the day the window closes (paid 11/05 + 15 days), not the day of the warning.
    expect(texts(h.send({ text: '进度' }))).toContain('11月20日（周四）前：平台申诉期截止');
    h.at('2025-11-12 17:00');
    expect(fire().fired).toBe(1); // the seller's deadline
    h.at('2025-11-17 20:00');
    expect(fire().fired).toBe(1);
    const m = lastMessage();
    expect(m.text).toContain('11月20日 20:00');
    expect(m.text).toContain('还剩约 3 天');
    expect(m.choices.map((c) => c.id)).toEqual([`f:${id}:to_platform`, `f:${id}:stop`]);
    const out = h.send({ choice: `f:${id}:to_platform` });
    expect(h.caseOf(id).state.rung).toBe(1);
    expect(out.some((d) => d.reply.document?.title)).toBe(true);
    expect(h.followUps(id)).toHaveLength(0); // the seller check is moot now
  });

  it('warns at once when the case reaches the ladder inside the last days of the window', () => {
    h = harness('2025-11-18 10:00');
    const id = h.ladderCase({ stage: 'evidence', facts: { paidAt: bj('2025-11-05 12:00').toISOString() } });
    h.send({ choice: 'e:done' });
    expect(fire().fired).toBe(1);
    expect(lastMessage().text).toContain('还剩约 2 天');
    h.at('2025-11-20 02:00');
    h.ladderCase({ user: 'late', stage: 'evidence', facts: { paidAt: bj('2025-11-05 12:00').toISOString() } });
    h.send({ choice: 'e:done' }, { user: 'late' });
    h.at('2025-11-20 09:00');
    expect(fire().fired).toBe(1);
    expect(lastMessage().text).toContain('还剩不到 1 天');
    expect(h.followUps(id)).toHaveLength(0);
  });

  it('sends no warning once the platform complaint is in', () => {
    h = harness('2025-11-10 10:00');
    const id = h.ladderCase({ stage: 'evidence', facts: { paidAt: bj('2025-11-05 20:00').toISOString() } });
    h.send({ choice: 'e:done' });
    h.send({ choice: 'r:next' });
    h.send({ choice: 'r:sent' });
    expect(h.followUps(id).map((f) => f.kind)).toEqual(['rung_check']);
    h.at('2025-11-17 20:00');
    expect(fire().fired).toBe(1); // the platform review check (11/17 10:00), not a warning
    expect(lastMessage().text).toContain('平台申诉提交已经');
  });

  it('a payment known only to the day counts from local noon, so the warning is not set for 08:00 in the quiet hours (exploratory testing)', () => {
    h = harness('2025-11-10 10:00');
    const id = h.ladderCase({ stage: 'evidence', facts: { paidAt: '2025-11-05' } });
    h.send({ choice: 'e:done' });
    expect(h.followUps(id)).toEqual([expect.objectContaining({ kind: 'window_warning', rung: 'platform', dueAt: bj('2025-11-17 12:00').getTime() })]);
  });

  it('warns about the ~120-day bank-card dispute window when the user paid by card', () => {
    h = harness('2025-11-10 10:00');
    const id = h.ladderCase({ stage: 'evidence', facts: { paymentMethod: 'bank', paidAt: bj('2025-09-01 12:00').toISOString() } });
    h.send({ choice: 'e:done' });
    const w = h.followUps(id).find((f) => f.rung === 'payment')!;
    expect(w).toMatchObject({ kind: 'window_warning', dueAt: bj('2025-12-20 12:00').getTime() });
  });

  it('a full intake through the engine reaches the ladder with the warning scheduled', () => {
    h = harness('2025-11-10 10:00');
    h.send({ choice: 's:not_received' });
    for (const a of ['某某卡盟', '小王数码店', '腾讯视频月卡', '202511090001234', '100元']) h.send({ text: a });
    h.send({ choice: 'a:alipay' });
    h.send({ text: '昨天下午3点' });
    for (const c of ['a:instant', 'a:nothing', 'a:stalling']) h.send({ choice: c });
    h.send({ choice: 'e:done' });
    const id = (h.app.db.prepare(`SELECT id FROM cases`).get() as { id: number }).id;
    expect(h.caseOf(id).state.stage).toBe('ladder');
    expect(h.followUps(id)).toEqual([expect.objectContaining({ kind: 'window_warning', dueAt: bj('2025-11-21 15:00').getTime() })]);
  });
});
