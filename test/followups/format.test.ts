import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { formatDateTime } from '../../src/flow/format.js';

describe('formatDateTime (the cheap formatter flows and follow-ups share)', () => {
  it('writes what date-fns writes with a TZDate, in any zone, across midnight, year ends and DST changes', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const start = Date.parse('2025-03-01T00:00:00Z');
    for (const zone of zones) {
      for (let i = 0; i < 400; i++) {
        const at = new Date(start + i * 22 * 3600_000 + i * 7 * 60_000);
        expect(formatDateTime(at, zone)).toBe(format(new TZDate(at.getTime(), zone), 'M月d日 HH:mm'));
      }
    }
    expect(formatDateTime('2025-12-31T16:05:00Z', 'Asia/Shanghai')).toBe('1月1日 00:05');
    expect(formatDateTime('2025-12-31', 'Asia/Shanghai')).toBe('12月31日');
  });
});
