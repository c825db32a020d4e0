// Facts as the user reads them.
import { wallClock } from '../time/zone.js';
import { has, t } from '../i18n/index.js';
import { estimatedYears } from '../calendar/workdays.js';

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

let clock: () => Date = () => new Date();

/** The clock that decides which year is "this year" (the app installs its injected clock). */
export function useClockForDates(now: () => Date): void {
  clock = now;
}

/**
 * The wall-clock fields of an instant in a zone. The zone offset plus UTC getters costs ~2 µs;
 * date-fns format with a TZDate ~25 µs, which shows up in the scheduler's per-batch budget.
 */
function local(at: Date | string, zone: string) {
  if (typeof at === 'string' && DAY_ONLY.test(at)) {
    const [y, m, day] = at.split('-').map(Number);
    return { y, M: m, d: day, HH: '', mm: '', dow: new Date(Date.UTC(y, m - 1, day)).getUTCDay(), dayOnly: 1 };
  }
  const l = wallClock(at, zone);
  return { y: l.year, M: l.month, d: l.day, HH: pad(l.hour), mm: pad(l.minute), dow: l.weekday, dayOnly: 0 };
}

/** The local year of `now` in zone; cached per minute (every zone offset is a whole number of minutes). */
let cached = { zone: '', minute: NaN, year: 0 };
function yearOf(now: Date, zone: string): number {
  const minute = Math.floor(now.getTime() / 60_000);
  if (cached.minute === minute && cached.zone === zone) return cached.year;
  const year = wallClock(now, zone).year;
  cached = { zone, minute, year };
  return year;
}

/** The key, with "_y" (the year written out) when the date is not in the current year. */
const keyFor = (base: string, year: number, zone: string, now?: Date) => (year === yearOf(now ?? clock(), zone) ? base : `${base}_y`);

/** "11月25日 17:00"; a day stored without a time (YYYY-MM-DD) reads "11月25日"; another year's date "2027年1月4日 17:00". */
export function formatDateTime(at: Date | string, zone: string, now?: Date): string {
  const l = local(at, zone);
  return t(keyFor(l.dayOnly ? 'fmt.date' : 'fmt.datetime', l.y, zone, now), l);
}

/** "11月25日" (another year: "2027年1月4日") */
export function formatDate(at: Date | string, zone: string, now?: Date): string {
  const l = local(at, zone);
  return t(keyFor('fmt.date', l.y, zone, now), l);
}

/** "11月25日（周二）" (another year: "2027年1月4日（周一）") */
export function formatDay(at: Date | string, zone: string, now?: Date): string {
  const l = local(at, zone);
  return t(keyFor('fmt.day', l.y, zone, now), { ...l, w: t(`fmt.weekday.${l.dow}`) });
}

/**
 * A deadline counted in working days, as the user is told it: formatDateTime, plus — once — a note
 * when the count runs through a year whose 调休 is not published yet (its dates are an estimate).
 */
export function formatDeadline(due: Date, zone: string, now?: Date): string {
  const from = now ?? clock();
  const years = estimatedYears(from, due, zone).map((y) => y.year);
  const text = formatDateTime(due, zone, from);
  return years.length ? text + t('cal.estimated', { years: years.join('、') }) : text;
}

export function formatAmount(n: number): string {
  return t('fmt.amount', { n: Number.isInteger(n) ? n : n.toFixed(2) });
}

export function questionLabel(flowId: string, questionId: string): string {
  const specific = `label.${flowId}.${questionId}`;
  return has(specific) ? t(specific) : t(`label.${questionId}`);
}
