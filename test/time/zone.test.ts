import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { atLocal, inZone, isTimeZone, localDay, wallClock } from '../../src/time/zone.js';

// Instants around New York's DST change (2026-03-08) and Shanghai (no DST), checked against date-fns.
const INSTANTS = ['2026-03-08T06:59:00Z', '2026-03-08T07:01:00Z', '2026-11-20T15:59:00Z', '2026-11-20T16:00:00Z', '2026-12-31T23:30:00Z'];
const ZONES = ['Asia/Shanghai', 'America/New_York', 'UTC'];

describe('time zone helper', () => {
  it('reads the wall clock of an instant as date-fns does', () => {
    for (const zone of ZONES) {
      for (const at of INSTANTS) {
        const w = wallClock(at, zone);
        const expected = format(new Date(at), 'yyyy-M-d-H-m-e', { in: tz(zone) }).split('-').map(Number);
        expect([w.year, w.month, w.day, w.hour, w.minute, w.weekday + 1], `${at} in ${zone}`).toEqual(expected);
        expect(localDay(at, zone)).toBe(format(new Date(at), 'yyyy-MM-dd', { in: tz(zone) }));
        expect(inZone(at, zone).getHours()).toBe(w.hour);
      }
    }
  });

  it('turns a local wall-clock time into the instant', () => {
    expect(atLocal('Asia/Shanghai', 2026, 11, 21, 0, 0).toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(atLocal('America/New_York', 2026, 3, 8, 12, 0).toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(atLocal('America/New_York', 2026, 3, 7, 12, 0).toISOString()).toBe('2026-03-07T17:00:00.000Z');
  });

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
