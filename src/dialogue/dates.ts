// When something happened, with the sense checks the conversation needs: a date that would be
// in the future is reported as such (so the question is asked again with the reason, and
// "2026年12月1日" is understood rather than refused), and a date the user gave without a year
// that falls in another year is flagged so it can be shown with its year.
// Past dates are read by the project's parser (src/nlu/time.ts, chrono-node zh + colloquial
// forms); future ones by chrono-node directly, evaluated in the user's zone.
import * as chrono from 'chrono-node';
import * as zh from 'chrono-node/zh';
import { parseWhenDetailed } from '../nlu/time.js';
import { atLocal, inZone, wallClock } from '../time/zone.js';
import { localYmd } from '../calendar/workdays.js';
import { withoutCardKeys } from './cardkey.js';
import { fold } from './fold.js';

export interface DateReading {
  date: Date;
  /** 'day' when only a day (or a part of one: 下午) was named; then `value` is YYYY-MM-DD. */
  precision: 'minute' | 'day';
  /** The stored form: YYYY-MM-DD (day precision) or an ISO instant. */
  value: string;
  /** Later than now (beyond a few minutes' slack): ask again, saying the time has not come yet. */
  future: boolean;
  /** Not in the current year (in the zone): show it with its year. */
  otherYear: boolean;
  /** The user named no year and one was chosen (the latest past occurrence): worth showing the year. */
  yearGuessed: boolean;
  /** Named without a year, a few days ahead ("12.1" on 11月30日): likely a slip of the month. */
  slip?: true;
}

const SLACK_MS = 10 * 60_000;
const WEEKS_AGO = /(?:大概|大约|差不多)?\s*(\d|一|两|二|三|四)\s*(?:个)?(?:周|星期|礼拜)(?:以)?前/;
const HOUR = /\d{1,2}\s*[点:：时]|[一二两三四五六七八九十]+\s*点/;
const PART_OF_DAY = /(?:早上|早晨|上午|中午|下午|傍晚|晚上|夜里|半夜|凌晨)(?:的时候|左右)?/g;
const FUTURE_WORDS = /明天|后天|大后天|明早|明晚|下周|下星期|下礼拜|下个月|明年|tomorrow|next (?:week|month|year)/i;
const YEAR_WORDS = /\d{4}\s*年|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|去年|前年|今年|明年|上个月|本月|这个月|昨天|前天|今天|刚才|刚刚|[天周]前|小时前|分钟前|上周|上星期|礼拜/;

function yearIn(d: Date, zone: string): number {
  return wallClock(d, zone).year;
}

function reading(date: Date, precision: 'minute' | 'day', now: Date, zone: string, future: boolean, yearGuessed: boolean): DateReading {
  return {
    date,
    precision,
    value: precision === 'day' ? localYmd(date, zone) : date.toISOString(),
    future,
    otherYear: yearIn(date, zone) !== yearIn(now, zone),
    yearGuessed,
  };
}

/** Characters some time expression needs (digits, units, relative days, parts of the day; simplified and traditional). */
const DATE_CHARS = /[0-9０-９年月日号號点點时時分秒天周週期礼禮拜昨今明前后後刚剛午晚早凌晨钟鐘半宵夜]/;

/** A future date the text names explicitly (with its year, or 明天/下周…), read by chrono-node in `zone`. */
function futureDate(s: string, now: Date, zone: string): { date: Date; precision: 'minute' | 'day' } | undefined {
  const w = inZone(now, zone);
  // chrono reads the reference's machine-local fields: give it the zone's wall clock.
  const ref = new Date(w.getFullYear(), w.getMonth(), w.getDate(), w.getHours(), w.getMinutes());
  let results = zh.hans.parse(s, ref);
  if (!results.length && /[a-z]/i.test(s)) results = chrono.en.casual.parse(s, ref);
  for (const r of results) {
    const st = r.start;
    if (!st.isCertain('year') && !FUTURE_WORDS.test(s)) continue;
    const date = atLocal(zone, st.get('year') ?? w.getFullYear(), st.get('month') ?? 1, st.get('day') ?? 1, st.get('hour') ?? 12, st.get('minute') ?? 0);
    if (date.getTime() > now.getTime() + SLACK_MS) return { date: new Date(date.getTime()), precision: st.isCertain('hour') ? 'minute' : 'day' };
  }
  return undefined;
}

/**
 * Reads a time the user gave (card keys removed first). Undefined when none is named.
 * - "2026年12月1日" on 2026-11-29 → 2026-12-01, future: true (ask again with reask.why.future).
 * - "12月25日" on 2026-11-29 → 2025-12-25 (the latest past one), otherYear: true, yearGuessed: true;
 *   "12月1日" / "12.1" there → 2026-12-01, future: true (up to SLIP_DAYS ahead is a slip, asked again).
 * - "上上周五" → the Friday two weeks back.
 * - "昨天下午五点" → minute precision, future: false, otherYear: false.
 */
export function readDate(text: string, now: Date, zone: string): DateReading | undefined {
  // Every time expression has a digit or one of these characters; most answers (names, products) have
  // none, and skip the two chrono parses below.
  if (!DATE_CHARS.test(text)) return undefined;
  // "10点 一直没给" is 10:00, not 10:01: 一 starting the next word is not a minute.
  let s = fold(withoutCardKeys(text), { lowerCase: false }).replace(/(点|點)\s+一(?=直|下|会|共|样|起|次|点都|个)/g, '$1 ').trim();
  if (!s) return undefined;
  if (TWO_WEEKS_BACK.test(s)) return twoWeeksBack(s, now, zone);
  // "一周前", "大概两个星期前": whole weeks back, a day.
  const weeks = WEEKS_AGO.exec(s);
  if (weeks) {
    const n = /\d/.test(weeks[1]) ? Number(weeks[1]) : ({ 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 } as Record<string, number>)[weeks[1]];
    if (n) return reading(new Date(now.getTime() - n * 7 * 86_400_000), 'day', now, zone, false, false);
  }
  // A part of the day without an hour names the day ("11月18日晚上"); 中午 alone is 12:00.
  const noHour = !HOUR.test(s);
  const noon = noHour && /中午/.test(s);
  if (noHour && PART_OF_DAY.test(s) && s.replace(PART_OF_DAY, '').trim()) {
    const day = readDate(s.replace(PART_OF_DAY, '').trim(), now, zone);
    if (!day || !noon || day.precision !== 'day') return day;
    const [y, m, d] = day.value.slice(0, 10).split('-').map(Number);
    const at = atLocal(zone, y, m, d, 12, 0);
    return reading(new Date(at.getTime()), 'minute', now, zone, at.getTime() > now.getTime() + SLACK_MS, day.yearGuessed);
  }
  const ahead = futureDate(s, now, zone);
  if (ahead) return reading(ahead.date, ahead.precision, now, zone, true, false);
  let past = parseWhenDetailed(s, now, zone);
  // "充了200 11月21号": an amount just before a month is not a year.
  if (past && yearIn(past.date, zone) < 2000) past = parseWhenDetailed(s.replace(/\d+(?=\s+\d{1,2}\s*月)/g, ' '), now, zone);
  if (!past) return undefined;
  const otherYear = yearIn(past.date, zone) !== yearIn(now, zone);
  const guessed = otherYear && !YEAR_WORDS.test(s);
  // "12.1" the day before 12月1日: a slip of the month (or a date still to come), not a year back (explore4 F27).
  if (guessed) {
    const w = wallClock(past.date, zone);
    const thisYear = atLocal(zone, yearIn(now, zone), w.month, w.day, w.hour, w.minute);
    const ahead = thisYear.getTime() - now.getTime();
    if (ahead > SLACK_MS && ahead <= SLIP_DAYS * 86_400_000) return { ...reading(thisYear, past.precision, now, zone, true, false), slip: true };
  }
  return reading(past.date, past.precision, now, zone, false, guessed);
}

/** A date named without a year up to this many days ahead is a slip, asked again — not last year's. */
const SLIP_DAYS = 14;

/** "上上周五", "上上个星期三": the weekday two weeks back (chrono reads it as last week's). */
const TWO_WEEKS_BACK = /上上\s*(?:个)?\s*(?=周|星期|礼拜|週|禮拜)/;

function twoWeeksBack(s: string, now: Date, zone: string): DateReading | undefined {
  const last = readDate(s.replace(TWO_WEEKS_BACK, '上'), now, zone);
  if (!last) return undefined;
  const date = new Date(last.date.getTime() - 7 * 86_400_000);
  return reading(date, last.precision, now, zone, false, false);
}
