// The one time-zone helper. Instants are stored in UTC; whatever is shown to a user or reasoned
// about in their day (deadlines at 17:00, quiet hours, working days) is read in a zone through
// here, with @date-fns/tz. Other ways (Intl.DateTimeFormat with timeZone, offset arithmetic by
// hand) should not appear elsewhere.
import { TZDate, tzOffset } from '@date-fns/tz';

export { TZDate };

type Instant = Date | number | string;

const ms = (at: Instant): number => (typeof at === 'number' ? at : new Date(at).getTime());

/** The instant as a TZDate in `zone`: its getters (getHours, getDate, …) read the zone's wall clock. */
export function inZone(at: Instant, zone: string): TZDate {
  return new TZDate(ms(at), zone);
}

/** The instant of a wall-clock time in `zone` (month 1–12). */
export function atLocal(zone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, zone).getTime());
}

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
}

/**
 * The wall-clock fields of an instant in `zone`. The zone's offset plus UTC getters (~2 µs)
 * rather than a TZDate's getters (~25 µs): formatting runs per follow-up in the scheduler's batches.
 */
export function wallClock(at: Instant, zone: string): WallClock {
  const t = ms(at);
  const l = new Date(t + tzOffset(zone, new Date(t)) * 60_000);
  return {
    year: l.getUTCFullYear(),
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    weekday: l.getUTCDay(),
  };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(at: Instant, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Whether `zone` is an IANA zone this runtime knows (e.g. Asia/Shanghai). */
export function isTimeZone(zone: string): boolean {
  return !Number.isNaN(tzOffset(zone, new Date()));
}
