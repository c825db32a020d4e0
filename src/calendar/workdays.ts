// Working days by the official Chinese calendar (法定节假日 and 调休 make-up days). The calendar in
// use (holidays.ts) answers from the operator's override file, then chinese-days, then the statutory
// rule for a year neither covers. main/app installs the override at start (useHolidayCalendar).
import { addDays } from 'date-fns';
import { inZone, localDay, wallClock } from '../time/zone.js';
import { HolidayCalendar, type YearInfo } from './holidays.js';

let active = new HolidayCalendar();

/** Installs the calendar deadlines are counted with (the app does this once at start). */
export function useHolidayCalendar(cal: HolidayCalendar): void {
  active = cal;
}

export function holidayCalendar(): HolidayCalendar {
  return active;
}

/** Whether a local calendar day (YYYY-MM-DD) is a working day. */
export function isWorkdayYmd(ymd: string): boolean {
  return active.isWorkday(ymd);
}

/** Whether a local calendar day is a public holiday (not merely a weekend). */
export function isPublicHolidayYmd(ymd: string): boolean {
  return active.isPublicHoliday(ymd);
}

/**
 * The moment `n` working days after `from`, in `zone`: the same local time of day on the
 * n-th working day after from's local date.
 */
export function addWorkdays(from: Date, n: number, zone: string): Date {
  let d = inZone(from, zone);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkdayYmd(localDay(d, zone))) left--;
  }
  return new Date(d.getTime());
}

/** `at` itself when its local day is a working day, else the same local time on the next working day. */
export function onOrAfterWorkday(at: Date, zone: string): Date {
  let d = inZone(at, zone);
  while (!isWorkdayYmd(localDay(d, zone))) d = addDays(d, 1);
  return new Date(d.getTime());
}

/** Local calendar date in zone as YYYY-MM-DD. */
export function localYmd(at: Date, zone: string): string {
  return localDay(at, zone);
}

/**
 * Years between `from` and `to` (local dates, both included) whose schedule is an estimate
 * (statutory days only, 调休 not published): a deadline counted across them may move.
 */
export function estimatedYears(from: Date, to: Date, zone: string): YearInfo[] {
  const a = wallClock(from, zone).year;
  const b = wallClock(to, zone).year;
  const out: YearInfo[] = [];
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) {
    const info = active.yearInfo(y);
    if (!info.official) out.push(info);
  }
  return out;
}
