// fix8a (explore4 F17, F39, F40): words answering a reminder, and a reminder asked for before the
// step was sent — on the real engine with a hand-moved clock.
import { afterEach, describe, expect, it } from 'vitest';
import { bj, harness, texts, type Harness } from './harness.js';

let h: Harness;
afterEach(() => h?.app.close());

const checks = (id: number) => h.followUps(id).filter((f) => f.kind === 'rung_check');

/** A case on the seller rung, its text sent on 11-17 10:00; its check (11-19 17:00) fired and shown. */
function reminded(): number {
  h = harness('2025-11-17 10:00');
  const id = h.ladderCase();
  h.send({ choice: 'r:sent' });
  h.at('2025-11-19 17:00');
  expect(h.app.scheduler.fireDue().fired).toBe(1);
  h.at('2025-11-19 18:00');
  return id;
}

describe('F17: "过两天再提醒我吧" while the step is not sent', () => {
  it('reminds to send it, in 进度 and when it fires — never "你给商家的处理期限到了"', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase();
    const r = texts(h.send({ text: '过两天再提醒我吧' }));
    expect(r).toContain('还没发出');
    expect(checks(id)).toHaveLength(1);
    const p = texts(h.send({ text: '进度' }));
    expect(p).not.toContain('商家处理期限');
    expect(p).toContain('提醒你发出这一步的消息');
    h.at('2025-11-19 18:00');
    expect(h.app.scheduler.fireDue().fired).toBe(1);
    const fired = h.followUpMessages().at(-1)!;
    expect(fired.text).toContain('还没发出');
    expect(fired.text).not.toContain('处理期限');
  });

  it('after 已发送 the check is the seller’s deadline again', () => {
    h = harness('2025-11-17 10:00');
    const id = h.ladderCase();
    h.send({ text: '过两天再提醒我吧' });
    h.send({ choice: 'r:sent' });
    const p = texts(h.send({ text: '进度' }));
    expect(p).toContain('商家处理期限');
    expect(checks(id)).toHaveLength(1);
  });
});

describe('F39: snoozing the seller-deadline reminder in words', () => {
  for (const [said, days] of [
    ['三天后再说吧 最近忙', 3],
    ['明天再说', 1],
  ] as const) {
    it(`"${said}" snoozes ${days} day(s): no seller promise recorded`, () => {
      const id = reminded();
      const r = texts(h.send({ text: said }));
      expect(r).not.toContain('商家答应');
      expect(h.caseOf(id).state.replies ?? []).toHaveLength(0);
      const due = checks(id).map((f) => f.dueAt);
      expect(due).toHaveLength(1);
      expect(due[0] - h.now().getTime()).toBeGreaterThan((days - 0.5) * 86_400_000);
      expect(due[0] - h.now().getTime()).toBeLessThan((days + 0.9) * 86_400_000);
    });
  }
});
describe('F40: words answering the seller-deadline reminder', () => {
  it('"没退 我也懒得搞了" offers 放弃 (with the quickest step), not the next step at once', () => {
    const id = reminded();
    const r = texts(h.send({ text: '没退 我也懒得搞了' }));
    expect(r).toContain('放弃');
    expect(h.caseOf(id).state.rung).toBe(0);
  });

  it('"退了五十 剩下的说下周" keeps the 50 received', () => {
    const id = reminded();
    h.send({ text: '退了五十 剩下的说下周' });
    const c = h.app.engine.repo.getCase(id)!;
    expect(c.facts.refundedSoFar).toBe(50);
    expect(c.status).toBe('open');
  });

  it('"还没 他说明天给我弄": the new promise is said, the deadline passed', () => {
    reminded();
    const r = texts(h.send({ text: '还没 他说明天给我弄' }));
    // After the merge with fix8b (F5/F6) the check is set at the later of the promise and a fresh deadline,
    // so the reply names "新的时间" and that date rather than the word 明天.
    expect(r).toMatch(/明天|新的时间/);
    expect(r).toMatch(/期限/);
    expect(bj('2025-11-19 18:00').getTime()).toBe(h.now().getTime());
  });
});
