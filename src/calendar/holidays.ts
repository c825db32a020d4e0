// Which days are public holidays and which weekends are make-up working days (调休), from three
// sources in order of precedence:
//   1. the operator's override file (HOLIDAYS_FILE) — a year's State Council notice added without a release;
//   2. the chinese-days package (official schedules it ships, up to the year it was published);
//   3. the statutory rule of 《全国年节及纪念日放假办法》 (as amended 2024) — for a year neither covers.
// The rule gives the statutory days only: 元旦 1 day; 春节 4 days (除夕 and 正月初一至初三); 清明 1 day;
// 劳动节 5月1日–2日; 端午 1 day; 中秋 1 day; 国庆 10月1日–3日. Lunar dates and the 清明 solar term
// come from lunar-javascript. A year known only by rule has no make-up days and no bridged days,
// so it is an estimate; `yearInfo(...).official` says so.
import { createRequire } from 'node:module';
import lunarLib from 'lunar-javascript';

const { Lunar } = lunarLib;

/**
 * chinese-days' data as it publishes it (dist/chinese-days.json: date → "English,中文,days").
 * Its functions are not used: they read "YYYY-MM-DD" as UTC midnight but answer with the process's
 * local date and weekday, so west of UTC every lookup is a day off.
 */
const pkg = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

export type CalendarSource = 'override' | 'package' | 'rule';

/** One year of the override file, parsed. */
export interface OverrideYear {
  year: number;
  /** The notice the dates come from, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  source: string;
  /** True when this is the year's full schedule including 调休; false for statutory days only. */
  official: boolean;
  holidays: Map<string, string>;
  workdays: Map<string, string>;
}

export interface HolidayOverride {
  /** Where it was read from (for logs). */
  file: string;
  years: Map<number, OverrideYear>;
}

export interface YearInfo {
  year: number;
  /** The source deciding the year's holidays (the override when it has the year). */
  source: CalendarSource;
  /** Whether the year's schedule (holidays and 调休) is the published one, not an estimate. */
  official: boolean;
  /** The override's notice, when the override has the year. */
  notice?: string;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const ymdOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function weekend(ymd: string): boolean {
  const dow = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

/** The statutory public holidays of a year by rule: date → name. */
export function statutoryHolidays(year: number): Map<string, string> {
  const out = new Map<string, string>();
  out.set(ymdOf(year, 1, 1), '元旦');
  // 正月初一 of lunar year `year` always falls in January/February of the same Gregorian year.
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
  for (let i = -1; i <= 2; i++) out.set(newYear.next(i).toYmd(), '春节');
  const qingming = Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明'];
  out.set(qingming.toYmd(), '清明节');
  out.set(ymdOf(year, 5, 1), '劳动节');
  out.set(ymdOf(year, 5, 2), '劳动节');
  out.set(Lunar.fromYmd(year, 5, 5).getSolar().toYmd(), '端午节');
  out.set(Lunar.fromYmd(year, 8, 15).getSolar().toYmd(), '中秋节');
  for (let d = 1; d <= 3; d++) out.set(ymdOf(year, 10, d), '国庆节');
  return out;
}

/** The calendar: override → package → rule, decided per day. */
export class HolidayCalendar {
  private readonly coverage = new Map<number, boolean>();
  private readonly rule = new Map<number, Map<string, string>>();

  constructor(readonly override?: HolidayOverride) {}

  /** Whether chinese-days has the year's official schedule (detected from its data: 元旦 is listed). */
  packageCovers(year: number): boolean {
    let c = this.coverage.get(year);
    if (c === undefined) {
      c = ymdOf(year, 1, 1) in pkg.holidays;
      this.coverage.set(year, c);
    }
    return c;
  }

  private ruleDays(year: number): Map<string, string> {
    let r = this.rule.get(year);
    if (!r) {
      r = statutoryHolidays(year);
      this.rule.set(year, r);
    }
    return r;
  }

  /** Which source decides a year, and whether its schedule is the published one. */
  yearInfo(year: number): YearInfo {
    const o = this.override?.years.get(year);
    const pkg = this.packageCovers(year);
    if (o) return { year, source: 'override', official: o.official || pkg, notice: o.source };
    return pkg ? { year, source: 'package', official: true } : { year, source: 'rule', official: false };
  }

  /** A day's status: working or not, and the holiday's name when it is a public holiday. */
  day(ymd: string): { work: boolean; holiday?: string; source: CalendarSource } {
    const year = Number(ymd.slice(0, 4));
    const o = this.override?.years.get(year);
    if (o) {
      const h = o.holidays.get(ymd);
      if (h !== undefined) return { work: false, holiday: h, source: 'override' };
      if (o.workdays.has(ymd)) return { work: true, source: 'override' };
    }
    if (this.packageCovers(year)) {
      const h = pkg.holidays[ymd];
      if (h !== undefined) return { work: false, holiday: h.split(',')[1] ?? h, source: 'package' };
      return { work: ymd in pkg.workdays || !weekend(ymd), source: 'package' };
    }
    const h = this.ruleDays(year).get(ymd);
    if (h !== undefined) return { work: false, holiday: h, source: 'rule' };
    return { work: !weekend(ymd), source: 'rule' };
  }

  isWorkday(ymd: string): boolean {
    return this.day(ymd).work;
  }

  /** A public holiday (not a plain weekend). */
  isPublicHoliday(ymd: string): boolean {
    return this.day(ymd).holiday !== undefined;
  }
}
