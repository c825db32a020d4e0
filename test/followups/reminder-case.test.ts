// Tester round 3 F22: words typed right after a reminder about case #1, while case #2 is active,
// answer the reminder — case #2 is never closed by them. Test first-failing.
import { afterEach, describe, expect, it } from 'vitest';
import { harness, texts, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.app.close());

describe('a reminder about another case', () => {
  it('typed words after it go to the case it asked about (and say so); the active case is left alone', () => {
    h = harness('2025-11-17 10:00');
    const first = h.ladderCase({ facts: { amount: 98 } });
    h.send({ choice: 'r:sent' });
    const second = h.ladderCase({ scenario: 'double_charge', facts: { amount: 55, extraAmount: 50, chargeCount: 2 } });
    expect(h.app.engine.repo.getCase(second)!.status).toBe('open');
    h.at('2025-11-19 17:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    h.at('2025-11-19 18:00');
    const said = texts(h.send({ text: '退了 但是只退了八十 说扣了手续费' }));
    expect(said).toContain(`案件 #${first}`);
    h.send({ text: '80' });
    expect(h.caseOf(second).status).toBe('open');
    expect(h.caseOf(first).outcome).not.toBe('full');
  });
});

describe('a part refund reported at the check (F23)', () => {
  it('the rest is claimed with a fresh wait: no deadline already past, 已发送 offered again, and pressing it schedules a new check', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase({ facts: { amount: 98 } });
    h.send({ choice: 'r:sent' });
    h.at('2025-11-19 17:00');
    h.app.scheduler.fireDue();
    h.at('2025-11-19 18:00');
    h.send({ choice: `f:${id}:refunded` });
    const shown = h.send({ text: '80' });
    const said = texts(shown);
    expect(said).toContain('还差18元');
    expect(said).not.toContain('到 11月19日 17:00 为止');
    expect(shown.flatMap((d) => d.reply.choices ?? []).map((c) => c.id)).toContain('r:sent');
    h.send({ choice: 'r:sent' });
    const checks = h.followUps(id).filter((f) => f.kind === 'rung_check');
    expect(checks.length).toBe(1);
    expect(checks[0].dueAt).toBeGreaterThan(h.now().getTime());
  });
});

describe('review H2: the switch waits while the active case or the engine asked something', () => {
  it('the sum for closing case #2 stays with case #2 when case #1\'s check fires meanwhile', () => {
    h = harness('2025-11-17 10:00');
    const first = h.ladderCase({ facts: { amount: 98 } });
    h.send({ choice: 'r:sent' });
    h.at('2025-11-19 16:58');
    const second = h.ladderCase({ scenario: 'double_charge', facts: { amount: 55, extraAmount: 55, chargeCount: 2 } });
    const a = h.send({ text: '结案' });
    h.send({ choice: a.flatMap((d) => d.reply.choices ?? []).map((c) => c.id).find((x) => x.includes('partial'))! });
    h.at('2025-11-19 17:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    h.at('2025-11-19 17:01');
    const r = texts(h.send({ text: '30' }));
    expect(r).not.toContain(`案件 #${first}`);
    expect(h.caseOf(first).status).toBe('open');
    expect(h.caseOf(second).status === 'closed' || h.caseOf(second).refundedAmount === 30 || r.includes('30')).toBe(true);
  });
});

describe('review L4: words not understood after the deadline', () => {
  it('say the deadline has passed, not 正在计时', () => {
    h = harness('2025-11-17 10:00');
    h.ladderCase({ facts: { amount: 98 } });
    h.send({ choice: 'r:sent' });
    const early = texts(h.send({ text: '嗯嗯 好吧 哈哈' }));
    expect(early).toContain('正在计时');
    h.at('2025-11-20 12:00');
    const late = texts(h.send({ text: '嗯嗯 好吧 哈哈' }));
    expect(late).not.toContain('正在计时');
    expect(late).toContain('期限已经过了');
  });
});
