import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { formatDate, formatDateTime, formatDay } from '../../src/flow/format.js';

describe('formatDateTime (the cheap formatter flows and follow-ups share)', () => {
  it('writes what date-fns writes with a TZDate, in any zone, across midnight, year ends and DST changes', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const start = Date.parse('2025-03-01T00:00:00Z');
    for (const zone of zones) {
      for (let i = 0; i < 400; i++) {
        const at = new Date(start + i * 22 * 3600_000 + i * 7 * 60_000);
        // Same year as "now": no year written.
        expect(formatDateTime(at, zone, at)).toBe(format(new TZDate(at.getTime(), zone), 'M月d日 HH:mm'));
        // Another year: the year is written.
        expect(formatDateTime(at, zone, new Date(at.getTime() + 400 * 86_400_000))).toBe(format(new TZDate(at.getTime(), zone), 'yyyy年M月d日 HH:mm'));
      }
    }
    const in2026 = new Date('2026-06-01T00:00:00Z');
    expect(formatDateTime('2025-12-31T16:05:00Z', 'Asia/Shanghai', in2026)).toBe('1月1日 00:05');
    expect(formatDateTime('2025-12-31', 'Asia/Shanghai', in2026)).toBe('2025年12月31日');
  });

  it('writes the year of a date outside the current year (local year, not UTC)', () => {
    const Z = 'Asia/Shanghai';
    const now = new Date('2026-01-10T02:00:00Z');
    // A date from last year.
    expect(formatDateTime('2025-11-20T06:30:00Z', Z, now)).toBe('2025年11月20日 14:30');
    expect(formatDate('2025-11-20T06:30:00Z', Z, now)).toBe('2025年11月20日');
    expect(formatDay('2025-11-20T06:30:00Z', Z, now)).toBe('2025年11月20日（周四）');
    // 2025-12-31 16:30 UTC is already 2026-01-01 in Beijing: this year, no year written.
    expect(formatDateTime('2025-12-31T16:30:00Z', Z, now)).toBe('1月1日 00:30');
    // New Year's Eve in Beijing is 2026-12-31 15:59 UTC; next year begins a minute later.
    const eve = new Date('2026-12-31T15:59:00Z');
    expect(formatDay('2027-01-04T02:00:00Z', Z, eve)).toBe('2027年1月4日（周一）');
    expect(formatDay('2027-01-04T02:00:00Z', Z, new Date('2026-12-31T16:00:00Z'))).toBe('1月4日（周一）');
  });
});
