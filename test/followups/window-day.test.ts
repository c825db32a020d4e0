// explore4 F38: a payment day stored without an hour gives a window warning with a closing day, not an
// invented 12:00. First-failing.
import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.app.close());

describe('window warning for a payment day with no hour', () => {
  it('names the closing day, with no time of day', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase({ facts: { paidAt: '2025-11-16' } });
    h.send({ choice: 'r:sent' });
    const warning = h.followUps(id).find((f) => f.kind === 'window_warning');
    expect(warning).toBeDefined();
    const due = new Date(warning!.dueAt + 3600_000);
    h.at(new Date(due.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16));
    h.app.scheduler.fireDue();
    const text = h.followUpMessages().map((m) => m.text).join('\n');
    expect(text).toContain('申诉期大约在');
    expect(text).not.toMatch(/申诉期大约在[^，。]*\d{1,2}:\d{2}/);
  });
});
