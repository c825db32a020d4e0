import { describe, expect, it } from 'vitest';
import { afterQuietHours, inQuietHours, laterSameDay } from '../../src/calendar/quiet.js';

const Z = 'Asia/Shanghai';
const Q = { start: 21, end: 9 };
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

describe('quiet hours', () => {
  it('are 21:00–09:00 local by default', () => {
    expect(inQuietHours(bj('2025-11-20 20:59'), Z, Q)).toBe(false);
    expect(inQuietHours(bj('2025-11-20 21:00'), Z, Q)).toBe(true);
    expect(inQuietHours(bj('2025-11-21 08:59'), Z, Q)).toBe(true);
    expect(inQuietHours(bj('2025-11-21 09:00'), Z, Q)).toBe(false);
  });

  it('use the zone, not UTC', () => {
    // 13:30 UTC is 21:30 in Beijing but 14:30 in Berlin (winter).
    const at = new Date('2025-11-20T13:30:00Z');
    expect(inQuietHours(at, Z, Q)).toBe(true);
    expect(inQuietHours(at, 'Europe/Berlin', Q)).toBe(false);
  });

  it('push a night-time moment to the next morning', () => {
    expect(afterQuietHours(bj('2025-11-20 23:30'), Z, Q)).toEqual(bj('2025-11-21 09:00'));
    expect(afterQuietHours(bj('2025-11-21 02:00'), Z, Q)).toEqual(bj('2025-11-21 09:00'));
    expect(afterQuietHours(bj('2025-11-21 14:00'), Z, Q)).toEqual(bj('2025-11-21 14:00'));
  });

  it('are off when start equals end, and work without wrapping midnight', () => {
    expect(inQuietHours(bj('2025-11-21 03:00'), Z, { start: 0, end: 0 })).toBe(false);
    const q = { start: 1, end: 6 };
    expect(inQuietHours(bj('2025-11-21 00:30'), Z, q)).toBe(false);
    expect(inQuietHours(bj('2025-11-21 05:59'), Z, q)).toBe(true);
    expect(afterQuietHours(bj('2025-11-21 02:00'), Z, q)).toEqual(bj('2025-11-21 06:00'));
  });

  it('keep "明天再提醒" on the next day even when asked late at night', () => {
    expect(laterSameDay(bj('2025-11-20 14:00'), 1, Z, Q)).toEqual(bj('2025-11-21 14:00'));
    expect(laterSameDay(bj('2025-11-20 22:30'), 1, Z, Q)).toEqual(bj('2025-11-21 20:00'));
    expect(laterSameDay(bj('2025-11-20 07:00'), 3, Z, Q)).toEqual(bj('2025-11-23 09:00'));
  });
});
