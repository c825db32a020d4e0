import { describe, expect, it } from 'vitest';
import { addWorkdays, isWorkdayYmd, localYmd } from '../../src/calendar/workdays.js';

const Z = 'Asia/Shanghai';
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

describe('working days by the official calendar', () => {
  it('knows the National Day week 2025 and its make-up days', () => {
    expect(isWorkdayYmd('2025-09-30')).toBe(true);
    for (const d of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08']) expect(isWorkdayYmd(d)).toBe(false);
    expect(isWorkdayYmd('2025-09-28')).toBe(true); // Sunday, 调休
    expect(isWorkdayYmd('2025-10-11')).toBe(true); // Saturday, 调休
    expect(isWorkdayYmd('2025-10-12')).toBe(false); // plain Sunday
  });

  it('counts 5 working days across National Day: 9/30 → 10/14 (10/11 Saturday counts)', () => {
    // 10/9 Thu, 10/10 Fri, 10/11 Sat (调休), 10/13 Mon, 10/14 Tue
    expect(addWorkdays(bj('2025-09-30 10:00'), 5, Z)).toEqual(bj('2025-10-14 10:00'));
    // Mon–Fri counting would have said 10/7 — a holiday.
  });

  it('counts across Spring Festival 2026: 2/13 + 3 → 2/25', () => {
    // 2/14 Sat is a make-up working day; 2/15–2/23 holiday; then 2/24, 2/25
    expect(isWorkdayYmd('2026-02-14')).toBe(true);
    expect(isWorkdayYmd('2026-02-16')).toBe(false);
    expect(isWorkdayYmd('2026-02-23')).toBe(false);
    expect(addWorkdays(bj('2026-02-13 15:00'), 3, Z)).toEqual(bj('2026-02-25 15:00'));
  });

  it('lands a deadline on a 调休 Saturday', () => {
    const due = addWorkdays(bj('2025-10-10 09:30'), 1, Z);
    expect(due).toEqual(bj('2025-10-11 09:30'));
    expect(new Date(due.getTime() + 8 * 3600_000).getUTCDay()).toBe(6);
  });

  it('reasons about the local date, not the UTC one', () => {
    // 2025-09-30 17:00 UTC is already 10/1 01:00 in Beijing, a holiday: the next working day is 10/9.
    const from = new Date('2025-09-30T17:00:00Z');
    expect(localYmd(from, Z)).toBe('2025-10-01');
    expect(addWorkdays(from, 1, Z)).toEqual(bj('2025-10-09 01:00'));
  });

  it('for a year the package does not cover, counts the statutory holidays (2099: 元旦 a Thursday)', () => {
    expect(isWorkdayYmd('2099-01-01')).toBe(false); // 元旦 by rule
    expect(isWorkdayYmd('2099-01-02')).toBe(true); // Friday
    expect(isWorkdayYmd('2099-01-03')).toBe(false); // Saturday
  });
});
