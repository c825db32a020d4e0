// fix7b: leftovers from the reviews and explore3, each first-failing, on the real engine with a hand-moved clock.
import { afterEach, describe, expect, it } from 'vitest';
import { bj, harness, texts, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.app.close());

const checks = (id: number) => h.followUps(id).filter((f) => f.kind === 'rung_check');

describe('review L3: 发过了 again within the wait', () => {
  it('says the deadline already running instead of restarting it', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase();
    h.send({ choice: 'r:sent' });
    h.at('2025-11-18 10:00');
    const r = texts(h.send({ text: '发过了' }));
    expect(checks(id)).toEqual([expect.objectContaining({ rung: 'seller', dueAt: bj('2025-11-19 17:00').getTime() })]);
    expect(r).toContain('11月19日 17:00');
  });
});

describe('review L3: 发过了 on a step whose check already fired', () => {
  for (const said of ['发过了', '已经发了']) {
    it(`"${said}" keeps the deadline and asks for the result instead of restarting the wait`, () => {
      h = harness('2025-11-17 10:00');
      const id = h.ladderCase();
      h.send({ choice: 'r:sent' });
      h.at('2025-11-19 17:00');
      expect(h.app.scheduler.fireDue().fired).toBe(1);
      h.at('2025-11-19 18:00');
      const before = h.caseOf(id).state.rungSentAt;
      const r = texts(h.send({ text: said }));
      expect(h.caseOf(id).state.rungSentAt).toBe(before);
      // No fresh 48 h wait from now.
      expect(checks(id).some((f) => f.dueAt > bj('2025-11-19 18:00').getTime())).toBe(false);
      expect(r).toContain('11月17日');
      expect(r).not.toContain('11月21日');
      expect(r).toMatch(/回复|退/);
      // The step's own buttons: 没用，看下一步 moves on to the platform.
      h.send({ choice: 'r:next:0' });
      expect(h.caseOf(id).state.rung).toBe(1);
    });
  }
});

describe('导出 lists a reminder at the time it is sent, after quiet hours', () => {
  it('a window warning due at 22:00 is listed at 09:00 the next morning, when the scheduler sends it', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase({ facts: { paidAt: bj('2025-11-16 22:00').toISOString() } });
    h.send({ choice: 'r:sent' });
    const warning = h.followUps(id).find((f) => f.kind === 'window_warning')!;
    expect(warning).toBeDefined();
    const due = new Date(warning.dueAt);
    // The stored moment is at night (the payment's time of day)…
    expect(due.getTime()).toBe(bj(`${due.toISOString().slice(0, 10)} 22:00`).getTime());
    const body = h.send({ text: '导出' }).map((d) => d.reply.document?.body ?? '').join('\n');
    const line = body.split('\n').find((l) => l.includes('提醒') && l.includes('申诉'))!;
    expect(line, body).toBeDefined();
    expect(line).not.toContain('22:00');
    expect(line).toContain('09:00');
    // …and the scheduler indeed sends it at 09:00.
    const day = due.toISOString().slice(0, 10);
    const next = '2025-11-29';
    expect(day).toBe('2025-11-28');
    h.at(`${day} 22:00`);
    expect(h.app.scheduler.fireDue().fired).toBe(0);
    h.at(`${next} 09:00`);
    expect(h.app.scheduler.fireDue().fired).toBeGreaterThan(0);
    expect(line).toContain('11月29日 09:00');
  });
});

describe('F54 leftovers: the check after asking the seller for help with a shared key', () => {
  it('asks whether the seller answered the request, not about a deadline or a refund', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase({ scenario: 'card_used', facts: { redeemedBefore: 'shared', cardKey: 'AB12****GH78' } });
    h.send({ choice: 'r:sent' });
    const due = checks(id)[0];
    expect(due).toBeDefined();
    h.at('2025-11-19 17:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    const m = h.followUpMessages().at(-1)!;
    expect(m.text).not.toContain('期限');
    expect(m.text).not.toContain('退款了吗');
    expect(m.text).toContain('兑换记录');
  });
});
