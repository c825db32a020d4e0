// Working days by the official Chinese calendar (法定节假日 and 调休 make-up days) via chinese-days.
// For a year the package does not cover, Monday–Friday is used and that is logged once.
import chineseDays from 'chinese-days';

const { isWorkday: cdIsWorkday, getDayDetail } = chineseDays;
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

const warnedYears = new Set<number>();
let warn: (year: number) => void = () => {};

/** Lets the app log the fallback once per year. */
export function onCalendarFallback(fn: (year: number) => void): void {
  warn = fn;
}

/** Years the package's holiday table covers, detected from its data (a holiday in the year's first week). */
function covered(year: number): boolean {
  // 元旦 (Jan 1) is a holiday in every covered year; an uncovered year reports it as a plain weekday/weekend.
  try {
    const d = getDayDetail(`${year}-01-01`);
    return /元旦|New Year/i.test(d.name);
  } catch {
    return false;
  }
}
const coverage = new Map<number, boolean>();

/** Whether a local calendar day (YYYY-MM-DD) is a working day. */
export function isWorkdayYmd(ymd: string): boolean {
  const year = Number(ymd.slice(0, 4));
  let c = coverage.get(year);
  if (c === undefined) {
    c = covered(year);
    coverage.set(year, c);
  }
  if (c) return cdIsWorkday(ymd);
  if (!warnedYears.has(year)) {
    warnedYears.add(year);
    warn(year);
  }
  const dow = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

const ymdOf = (d: TZDate): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The moment `n` working days after `from`, in `zone`: the same local time of day on the
 * n-th working day after from's local date.
 */
export function addWorkdays(from: Date, n: number, zone: string): Date {
  let d = new TZDate(from.getTime(), zone);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkdayYmd(ymdOf(d))) left--;
  }
  return new Date(d.getTime());
}

/** Local calendar date in zone as YYYY-MM-DD. */
export function localYmd(at: Date, zone: string): string {
  return ymdOf(new TZDate(at.getTime(), zone));
}
