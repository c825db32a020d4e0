// Issue 15: a case worked through at 2026-12-30 10:00 (Beijing), when chinese-days has no 2027 data.
// Every deadline the user sees — the seller letter, the "I'll ask you on …" replies, 进度, the
// reminders and the export — lands on a 2027 working day, carries the year, and says once that
// 2027's 调休 is an estimate.
import { afterEach, describe, expect, it } from 'vitest';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { bj, harness, texts } from './harness.js';
import type { App } from '../../src/app.js';

const NOTE = '（2027年调休安排未公布，按法定节假日估算）';
let app: App & { clock: { t: Date } };
afterEach(() => app?.close());

const pendingChecks = (caseId: number) =>
  (app.db.prepare(`SELECT rung, due_at AS dueAt FROM follow_ups WHERE case_id = ? AND status = 'pending' AND kind = 'rung_check'`).all(caseId) as {
    rung: string;
    dueAt: number;
  }[]);
const countOf = (text: string, part: string) => text.split(part).length - 1;

describe('deadlines seen from 2026-12-30 10:00 (Asia/Shanghai)', () => {
  it('seller 1月4日 (not 元旦), platform review 1月7日, payment 1月21日, 12315 1月11日 — each with its year and the note once', () => {
    app = makeApp({}, bj('2026-12-30 10:00'));
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    const caseId = d.activeCase()!.id;

    // The seller letter: 48 h on is 元旦 (a public holiday) → the next working day, Monday 1/4.
    const seller = d.last();
    expect(seller.document!.body).toContain('请于2027年1月4日 17:00前处理并回复');
    expect(seller.document!.body).not.toContain('1月1日');
    // The letter goes to the seller: no note to the user inside it.
    expect(seller.document!.body).not.toContain('估算');

    const sent = (rung: string) => {
      const text = d.press('r:sent').map((r) => r.text).join('\n');
      expect(d.activeCase()!.state.sent).toContain(rung);
      return text;
    };

    let text = sent('seller');
    // The note closes the sentence, after the date; it does not split "17:00 … 左右".
    expect(text).toContain(`我会问你结果，时间大约是 2027年1月4日 17:00${NOTE}。`);
    expect(text).not.toMatch(/估算）\s*左右/);
    expect(countOf(text, '调休安排未公布')).toBe(1);
    expect(pendingChecks(caseId)).toEqual([{ rung: 'seller', dueAt: bj('2027-01-04 17:00').getTime() }]);

    d.press('r:next');
    text = sent('platform');
    expect(text).toContain(`2027年1月7日 10:00${NOTE}`);
    expect(pendingChecks(caseId)).toEqual([{ rung: 'platform', dueAt: bj('2027-01-07 10:00').getTime() }]);

    d.press('r:next');
    text = sent('payment');
    // 12/31, then 1/4–1/8, 1/11–1/15, 1/18–1/21.
    expect(text).toContain(`2027年1月21日 10:00${NOTE}`);
    expect(pendingChecks(caseId)).toEqual([{ rung: 'payment', dueAt: bj('2027-01-21 10:00').getTime() }]);

    d.press('r:next');
    text = sent('regulator');
    expect(text).toContain(`2027年1月11日 10:00${NOTE}`);
    expect(pendingChecks(caseId)).toEqual([{ rung: 'regulator', dueAt: bj('2027-01-11 10:00').getTime() }]);

    // 进度 lists it with the year and the weekday.
    const progress = d.say('进度').map((r) => r.text).join('\n');
    expect(progress).toContain('2027年1月11日（周一）前');

    // The reminder fires on 1/11 (nothing earlier), and the export made then writes last year's dates with their year.
    app.clock.t = bj('2027-01-11 09:59');
    expect(app.scheduler.fireDue().fired).toBe(0);
    app.clock.t = bj('2027-01-11 10:00');
    expect(app.scheduler.fireDue().fired).toBe(1);
    const exported = d.say('导出').map((r) => [r.text, r.document?.body ?? ''].join('\n')).join('\n');
    expect(exported).toContain('创建于 2026年12月30日 10:00');
  });

  it('the seller reminder on 1/4 names its deadline without a year (it is this year by then)', () => {
    app = makeApp({}, bj('2026-12-30 10:00'));
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    d.press('r:sent');
    app.clock.t = bj('2027-01-04 17:00');
    expect(app.scheduler.fireDue().fired).toBe(1);
    const row = app.db.prepare(`SELECT payload FROM outbox WHERE kind = 'followup'`).get() as { payload: string };
    expect(JSON.parse(row.payload).text).toContain('你给商家的处理期限（1月4日 17:00）到了');
  });
});

describe('the time a reminder is announced is the time it is sent', () => {
  it('a platform complaint sent at 07:55: "11月30日 09:00", and it fires then, not before', () => {
    const h = harness('2026-11-23 07:55');
    try {
      const id = h.ladderCase({ rung: 1 });
      const said = texts(h.send({ choice: 'r:sent' }));
      expect(said).toContain('我会问你结果，时间大约是 11月30日 09:00。');
      expect(said).not.toContain('07:55');
      expect(h.followUps(id).find((f) => f.kind === 'rung_check')!.dueAt).toBe(bj('2026-11-30 09:00').getTime());
      h.at('2026-11-30 08:59');
      expect(h.app.scheduler.fireDue().fired).toBe(0);
      h.at('2026-11-30 09:00');
      expect(h.app.scheduler.fireDue().fired).toBe(1);
    } finally {
      h.app.close();
    }
  });
});
