import { afterEach, describe, expect, it } from 'vitest';
import { bj, harness, texts, type Harness } from '../followups/harness.js';

let h: Harness;
afterEach(() => h?.app.close());

const rungCheckAt = (caseId: number, dueLocal: string, rung = 'seller') =>
  h.app.engine.repo.scheduleFollowUp(caseId, h.app.engine.repo.getCase(caseId)!.userId, 'rung_check', rung as never, bj(dueLocal), h.now());

describe('the follow-up scheduler', () => {
  it('fires a due follow-up once: marked fired and its message in the outbox, in one go', () => {
    h = harness('2025-11-20 10:00');
    const id = h.ladderCase();
    rungCheckAt(id, '2025-11-22 17:00');
    expect(h.app.scheduler.fireDue()).toEqual({ fired: 0, skipped: 0 });
    h.at('2025-11-22 17:00');
    expect(h.app.scheduler.fireDue()).toEqual({ fired: 1, skipped: 0 });
    expect(h.app.scheduler.fireDue()).toEqual({ fired: 0, skipped: 0 });
    const [m] = h.followUpMessages();
    expect(h.followUpMessages()).toHaveLength(1);
    expect(m.status).toBe('pending');
    expect(m.text).toContain(`案件 #${id}`);
    expect(m.text).toContain('11月22日 17:00');
    expect(m.choices.map((c) => c.id)).toEqual(['refunded', 'not_yet', 'refused', 'replied', 'snooze1', 'snooze3', 'stop'].map((a) => `f:${id}:${a}`));
    expect(m.choices.map((c) => c.label).slice(0, 4)).toEqual(['已退款', '还没有', '被拒绝', '商家回复了']);
    expect(h.followUps(id, 'fired')).toHaveLength(1);
    expect(h.followUps(id)).toHaveLength(0);
  });

  it('writes nothing when the batch fails half-way (one transaction)', () => {
    h = harness('2025-11-20 10:00');
    const a = h.ladderCase({ user: 'a' });
    const b = h.ladderCase({ user: 'b' });
    rungCheckAt(a, '2025-11-20 09:00');
    rungCheckAt(b, '2025-11-20 09:30');
    const outbox = h.app.outbox as unknown as { enqueue: (...args: unknown[]) => unknown };
    const real = outbox.enqueue.bind(outbox);
    let calls = 0;
    outbox.enqueue = (...args: unknown[]) => {
      if (++calls === 2) throw new Error('disk full');
      return real(...args);
    };
    expect(() => h.app.scheduler.fireDue()).toThrow('disk full');
    expect(h.followUpMessages()).toHaveLength(0);
    expect(h.followUps(a)).toHaveLength(1);
    expect(h.followUps(b)).toHaveLength(1);
    outbox.enqueue = real;
    expect(h.app.scheduler.fireDue().fired).toBe(2);
  });

  it('holds a follow-up due at night until 09:00', () => {
    h = harness('2025-11-20 18:00');
    const id = h.ladderCase();
    rungCheckAt(id, '2025-11-20 22:00');
    h.at('2025-11-20 23:30');
    expect(h.app.scheduler.fireDue().fired).toBe(0);
    h.at('2025-11-21 08:59');
    expect(h.app.scheduler.fireDue().fired).toBe(0);
    expect(h.followUps(id)).toHaveLength(1);
    h.at('2025-11-21 09:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
  });

  it('takes its quiet hours from the config', () => {
    h = harness('2025-11-20 22:00', { QUIET_HOURS_START: 23, QUIET_HOURS_END: 7 });
    const id = h.ladderCase();
    rungCheckAt(id, '2025-11-20 21:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
  });

  it('fires in batches of FOLLOWUP_BATCH, oldest first, and runDue empties the backlog', async () => {
    h = harness('2025-11-20 10:00', { FOLLOWUP_BATCH: 10 });
    const ids = Array.from({ length: 25 }, (_, i) => h.ladderCase({ user: `u${i}` }));
    ids.forEach((id, i) => rungCheckAt(id, `2025-11-20 0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}`));
    expect(h.app.scheduler.fireDue()).toEqual({ fired: 10, skipped: 0 });
    expect(h.followUpMessages()[0].text).toContain(`案件 #${ids[0]}`);
    expect(await h.app.scheduler.runDue()).toBe(15);
    expect(h.followUpMessages()).toHaveLength(25);
  });

  it('skips (sends nothing for) a follow-up whose case moved to another rung or turned reminders off', () => {
    h = harness('2025-11-20 10:00');
    const moved = h.ladderCase({ user: 'a' });
    const off = h.ladderCase({ user: 'b' });
    rungCheckAt(moved, '2025-11-20 09:00', 'seller');
    rungCheckAt(off, '2025-11-20 09:00', 'seller');
    const repo = h.app.engine.repo;
    const m = repo.getCase(moved)!;
    repo.saveCase(moved, m.facts, { ...m.state, rung: 1 }, h.now());
    const o = repo.getCase(off)!;
    repo.saveCase(off, o.facts, { ...o.state, remindersOff: true }, h.now());
    expect(h.app.scheduler.fireDue()).toEqual({ fired: 0, skipped: 2 });
    expect(h.followUpMessages()).toHaveLength(0);
    expect(h.followUps(moved, 'skipped')).toHaveLength(1);
  });

  it('leaves the reminder in the outbox for official QQ and hands it over with the next reply', () => {
    h = harness('2025-11-20 10:00');
    h.app.engine.setProactive('qqofficial', false);
    const id = h.ladderCase({ platform: 'qqofficial', user: 'q1' });
    rungCheckAt(id, '2025-11-20 09:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    const [row] = h.followUpMessages();
    expect(row.platform).toBe('qqofficial');
    // No drainer runs for qqofficial: the row waits…
    expect(row.status).toBe('pending');
    // …until the user writes; the engine's reply carries it, reminder first.
    const out = h.send({ text: '进度' }, { platform: 'qqofficial', user: 'q1' });
    expect(out[0].outboxId).toBe(row.id);
    expect(out[0].reply.text).toContain('商家退款了吗');
    expect(out.length).toBeGreaterThan(1);
    // The session's numbered choices stay those of the engine's own reply on a passive platform.
    // (进度 offers 继续 / 证据 / 结案, so "2" is the evidence list, not the reminder's 还没有.)
    const two = texts(h.send({ text: '2' }, { platform: 'qqofficial', user: 'q1' }));
    expect(two).toContain('证据清单');
    expect(two).not.toContain('期限已过');
    expect(h.followUpMessages()[0].status).toBe('sent');
  });

  it('makes the reminder the current choices on a proactive platform, so typing a number or a label answers it', () => {
    h = harness('2025-11-20 10:00');
    const id = h.ladderCase();
    rungCheckAt(id, '2025-11-20 09:00');
    h.at('2025-11-20 10:01'); // the reminder fires after the user's last message
    h.app.scheduler.fireDue();
    const out = h.send({ text: '2' }); // 2 = 还没有
    expect(texts(out)).toContain('期限已过');
    expect(h.caseOf(id).state.rung).toBe(1);
    // Having answered, the user's next "1" belongs to the bot's latest reply (已发送), not to the
    // reminder (1 = 已退款 there).
    h.at('2025-11-20 10:05');
    const next = texts(h.send({ text: '1' }));
    expect(next).toContain('已开始计时');
    expect(next).not.toContain('退回了多少钱');
  });

  it('runs on its own timer once started and stops cleanly', async () => {
    h = harness('2025-11-20 10:00', { FOLLOWUP_POLL_SECONDS: 1 });
    const id = h.ladderCase();
    rungCheckAt(id, '2025-11-20 09:00');
    h.app.scheduler.start();
    for (let i = 0; i < 50 && h.followUpMessages().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await h.app.scheduler.stop();
    expect(h.followUpMessages()).toHaveLength(1);
    expect(h.followUps(id, 'fired')).toHaveLength(1);
  });
});

describe('quiet hours reach the outbox too', () => {
  it('a reminder fired before 21:00 but still undelivered waits for the morning', async () => {
    const { Drainer } = await import('../../src/delivery/drainer.js');
    h = harness('2025-11-20 20:59');
    const id = h.ladderCase();
    rungCheckAt(id, '2025-11-20 20:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    const sent: string[] = [];
    const sender = { platform: 'terminal' as const, proactive: true, send: async (d: { reply: { text: string } }) => void sent.push(d.reply.text) };
    const log = { warn() {}, error() {}, info() {} } as never;
    const drainer = new Drainer(h.app.outbox, sender, log, { now: h.now });
    h.at('2025-11-20 23:30'); // the drainer was down (offline) until now
    h.app.scheduler.fireDue(); // the scheduler's tick notices the quiet hours
    expect(await drainer.drainOnce()).toBe(0);
    h.at('2025-11-21 09:00');
    h.app.scheduler.fireDue();
    expect(await drainer.drainOnce()).toBe(1);
    expect(sent).toHaveLength(1);
  });
});
