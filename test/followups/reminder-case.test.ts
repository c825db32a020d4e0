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
