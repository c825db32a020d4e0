import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { testConfig } from '../../src/config.js';
import { rungDueAt, sellerDeadline } from '../../src/flow/ladder.js';
import { HolidayCalendar } from '../../src/calendar/holidays.js';
import { installCalendar, unofficialYearsAhead } from '../../src/calendar/setup.js';
import { useHolidayCalendar } from '../../src/calendar/workdays.js';
import { HolidaysFileError } from '../../src/calendar/override.js';

const Z = 'Asia/Shanghai';
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const timings = testConfig();

afterEach(() => {
  useHolidayCalendar(new HolidayCalendar());
  vi.useRealTimers();
});

describe('the seller deadline (date + 17:00)', () => {
  it('moves off 元旦 2027 to the next working day, Monday 1/4', () => {
    expect(sellerDeadline(bj('2026-12-30 10:00'), timings, Z)).toEqual(bj('2027-01-04 17:00'));
  });

  it('moves off a holiday the package knows (国庆 2026) and off the Spring Festival by rule (2027)', () => {
    // 9/29 + 48 h = 10/1 → the holiday runs 10/1–10/7 → 10/8 (Thursday).
    expect(sellerDeadline(bj('2026-09-29 10:00'), timings, Z)).toEqual(bj('2026-10-08 17:00'));
    // 2/4 + 48 h = 2/6 (正月初一) → 2/9.
    expect(sellerDeadline(bj('2027-02-04 10:00'), timings, Z)).toEqual(bj('2027-02-09 17:00'));
  });

  it('stays put on an ordinary day, and on a plain weekend (only public holidays move it)', () => {
    expect(sellerDeadline(bj('2026-11-23 10:00'), timings, Z)).toEqual(bj('2026-11-25 17:00'));
    expect(sellerDeadline(bj('2026-11-26 10:00'), timings, Z)).toEqual(bj('2026-11-28 17:00'));
  });
});

describe('the time a rung check is announced is the time it is sent', () => {
  it('a platform complaint sent at 07:55 is asked about at 09:00, not 07:55', () => {
    expect(rungDueAt('platform', bj('2026-11-23 07:55'), timings, Z)).toEqual(bj('2026-11-30 09:00'));
    expect(rungDueAt('platform', bj('2026-11-23 10:30'), timings, Z)).toEqual(bj('2026-11-30 10:30'));
    // 22:40 → the next morning.
    expect(rungDueAt('regulator', bj('2026-11-23 22:40'), timings, Z)).toEqual(bj('2026-12-03 09:00'));
    // No quiet hours: the time stays.
    expect(rungDueAt('platform', bj('2026-11-23 07:55'), { ...timings, QUIET_HOURS_START: 0, QUIET_HOURS_END: 0 }, Z)).toEqual(bj('2026-11-30 07:55'));
  });
});

describe('the look-ahead warning', () => {
  const logger = () => {
    const lines: { level: number; msg: string; years?: number[]; sources?: string[] }[] = [];
    const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
    return { log, warnings: () => lines.filter((l) => l.level === 40) };
  };

  it('warns at start when the next 60 days reach a year without a published schedule, naming the source', () => {
    const { log, warnings } = logger();
    installCalendar({ zone: Z, now: () => bj('2026-11-05 10:00'), log }).stop();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ years: [2027], sources: ['rule'] });
    expect(warnings()[0].msg).toContain('statutory rule');
  });

  it('in the terminal chat (stderr on the user screen) it is logged at debug, so the default log level shows nothing', () => {
    const { log, warnings } = logger();
    installCalendar({ zone: Z, now: () => bj('2026-11-05 10:00'), log, level: 'debug' }).stop();
    expect(warnings()).toHaveLength(0);
  });

  it('is quiet while the next 60 days stay in a covered year', () => {
    const { log, warnings } = logger();
    installCalendar({ zone: Z, now: () => bj('2026-10-01 10:00'), log }).stop();
    expect(warnings()).toHaveLength(0);
    expect(unofficialYearsAhead(bj('2026-11-01 00:00'), Z)).toEqual([]); // 12/31 is 60 days on
    expect(unofficialYearsAhead(bj('2026-11-02 12:00'), Z).map((y) => y.year)).toEqual([2027]);
  });

  it('checks again every day', () => {
    vi.useFakeTimers();
    let now = bj('2026-10-01 10:00');
    const { log, warnings } = logger();
    const watch = installCalendar({ zone: Z, now: () => now, log });
    expect(warnings()).toHaveLength(0);
    now = bj('2026-11-10 10:00');
    vi.advanceTimersByTime(86_400_000);
    expect(warnings()).toHaveLength(1);
    watch.stop();
  });

  it('names the override file when it holds the year with statutory days only; an official entry silences it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookahead-'));
    const write = (official: boolean) => {
      const p = join(dir, `h-${official}.json`);
      writeFileSync(p, JSON.stringify({ years: [{ year: 2027, source: 'test notice', official, holidays: [{ date: '2027-01-01', name: '元旦' }] }] }));
      return p;
    };
    let l = logger();
    installCalendar({ file: write(false), zone: Z, now: () => bj('2026-12-01 10:00'), log: l.log }).stop();
    expect(l.warnings()[0]).toMatchObject({ years: [2027], sources: ['override'] });
    l = logger();
    installCalendar({ file: write(true), zone: Z, now: () => bj('2026-12-01 10:00'), log: l.log }).stop();
    expect(l.warnings()).toHaveLength(0);
  });

  it('a bad HOLIDAYS_FILE stops createApp-time installation with the file named', () => {
    const { log } = logger();
    expect(() => installCalendar({ file: '/nonexistent/holidays.yaml', zone: Z, now: () => new Date(), log })).toThrow(HolidaysFileError);
  });
});
