// Installs the holiday calendar at start (the override file, if configured) and warns in the log —
// at start and once a day — when the next 60 days reach a year without a published schedule.
// Only the log hears of it: users see the estimate note beside an affected deadline instead.
import type { Logger } from '../log.js';
import { HolidayCalendar, type YearInfo } from './holidays.js';
import { loadHolidaysFile } from './override.js';
import { holidayCalendar, useHolidayCalendar } from './workdays.js';
import { wallClock } from '../time/zone.js';

export const LOOKAHEAD_DAYS = 60;
const DAY = 86_400_000;

/** Years reached within `days` of `now` (local, in zone) that have no published schedule. */
export function unofficialYearsAhead(now: Date, zone: string, cal: HolidayCalendar = holidayCalendar(), days = LOOKAHEAD_DAYS): YearInfo[] {
  const a = wallClock(now, zone).year;
  const b = wallClock(now.getTime() + days * DAY, zone).year;
  const out: YearInfo[] = [];
  for (let y = a; y <= b; y++) {
    const info = cal.yearInfo(y);
    if (!info.official) out.push(info);
  }
  return out;
}

const SOURCE_TEXT: Record<YearInfo['source'], string> = {
  override: 'the HOLIDAYS_FILE entry (statutory days only)',
  package: 'the chinese-days package',
  rule: 'the statutory rule (全国年节及纪念日放假办法, no 调休)',
};

export interface CalendarWatch {
  /** Runs the look-ahead check now; returns the years it warned about. */
  check(): YearInfo[];
  stop(): void;
}

/**
 * Reads HOLIDAYS_FILE (throws HolidaysFileError naming the file and field), installs the
 * calendar, checks the look-ahead once and then every day.
 */
export function installCalendar(opts: {
  file?: string;
  zone: string;
  now: () => Date;
  log: Logger;
  /** Level of the look-ahead warning: 'debug' when the log is the chat user's screen (terminal chat). */
  level?: 'warn' | 'debug';
}): CalendarWatch {
  const override = opts.file ? loadHolidaysFile(opts.file) : undefined;
  const cal = new HolidayCalendar(override);
  useHolidayCalendar(cal);
  if (override) opts.log.info({ file: override.file, years: [...override.years.keys()] }, 'holiday override file loaded');
  const check = (): YearInfo[] => {
    const years = unofficialYearsAhead(opts.now(), opts.zone, cal);
    if (years.length) {
      opts.log[opts.level ?? 'warn'](
        { years: years.map((y) => y.year), sources: years.map((y) => y.source), file: override?.file },
        `holiday calendar: no published schedule for ${years.map((y) => y.year).join(', ')} within the next ${LOOKAHEAD_DAYS} days; ` +
          `deadlines there use ${years.map((y) => SOURCE_TEXT[y.source]).join(' / ')} — add the State Council notice to HOLIDAYS_FILE`,
      );
    }
    return years;
  };
  check();
  const timer = setInterval(check, DAY);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
