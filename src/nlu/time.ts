// When something happened: chrono-node's Chinese (simplified) parser, evaluated in an
// IANA zone regardless of the machine's TZ, plus a few colloquial forms chrono misses
// (刚才, N分钟前/半小时前, 上个月15号, 18号, 11.18, 11/18). Every result is taken to be
// in the past: a date that lands in the future is moved back by the part that was
// implied (a year, a month, a week or a day).
import * as chrono from 'chrono-node';
import * as zh from 'chrono-node/zh';
import { atLocal, offsetMinutes, wallClock } from '../time/zone.js';
import { normalize } from './normalize.js';
import { parseChineseNumber } from './normalize.js';

/** Offset of `zone` from UTC in minutes at `at` (e.g. 480 for Asia/Shanghai); kept for callers of this module. */
export const zoneOffsetMinutes = (zone: string, at: Date): number => offsetMinutes(zone, at);

/** Wall-clock fields of `at` in `zone` (through the one time-zone helper, src/time/zone.ts). */
function wall(at: Date, zone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const w = wallClock(at, zone);
  return { y: w.year, mo: w.month, d: w.day, h: w.hour, mi: w.minute };
}

/** The instant of a wall-clock time in `zone`. */
function fromWall(y: number, mo: number, d: number, h: number, mi: number, zone: string): Date {
  return atLocal(zone, y, mo, d, h, mi);
}

// Small tolerance so "刚才"/"现在" and clock skew don't count as future.
const FUTURE_SLACK_MS = 5 * 60_000;

type Implied = 'year' | 'month' | 'week' | 'day' | 'none';

function pushBack(date: Date, implied: Implied, now: Date, zone: string): Date {
  if (date.getTime() <= now.getTime() + FUTURE_SLACK_MS) return date;
  const w = wall(date, zone);
  switch (implied) {
    case 'year':
      return fromWall(w.y - 1, w.mo, w.d, w.h, w.mi, zone);
    case 'month': {
      const mo = w.mo === 1 ? 12 : w.mo - 1;
      const y = w.mo === 1 ? w.y - 1 : w.y;
      return fromWall(y, mo, w.d, w.h, w.mi, zone);
    }
    case 'week':
      return fromWall(w.y, w.mo, w.d - 7, w.h, w.mi, zone);
    case 'day':
      return fromWall(w.y, w.mo, w.d - 1, w.h, w.mi, zone);
    default:
      return date;
  }
}

const NUM = '(\\d+|[零〇一二两三四五六七八九十百]+|半)';
const AGO = new RegExp(`${NUM}\\s*(?:个)?\\s*(?:多)?\\s*(分钟|分|小时|钟头|个小时)\\s*(?:之前|以前|前)`);
const JUST_NOW = /刚才|刚刚|方才|刚(?=(?:充|付|买|下单|支付|扣))|just now|a moment ago/;
// "上个月15号", "上月15", "上个月的十五"; "这个月3号", "本月的3号" (a day number not followed by a unit).
const DAY_NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:[号日]|(?![\\d一二三四五六七八九十百千万.个次笔元块份张单天周年月点:：%几多来左右a-zA-Z]))';
const LAST_MONTH_DAY = new RegExp(`上(?:个)?月\\s*的?\\s*${DAY_NUM}`);
const THIS_MONTH_DAY = new RegExp(`(?:这个?|本)月\\s*的?\\s*${DAY_NUM}`);
// "11月的18": the 的 between a month and its day is dropped so the month-day parsers see 11月18.
const MONTH_DE_DAY = /([\d一二三四五六七八九十]月)\s*的\s*(?=(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:[号日]|(?![\d一二三四五六七八九十百千万.个次笔元块份张单天周年月点:：%几多来左右a-zA-Z])))/g;
const BARE_DAY = /(?<![月\d.\/\-])(\d{1,2})\s*号(?!码)/;
const DOTTED = /(?<![\d.v])(?<!(?:版本|版本号|版|version|ver)\s{0,3})(1[0-2]|0?[1-9])\s*[./]\s*([12]\d|3[01]|0?[1-9])(?![\d.%])(?!\s*(?:元|块|rmb|k|w|版|的版本|正式版|测试版|beta|release))/;

const PERIOD = '(?:早上|上午|中午|下午|傍晚|晚上|夜里|凌晨|今早|今晚|昨晚)';
const BARE_CN_CLOCK = /^[零一二两三四五六七八九十]+[点时]$/;
const CLOCK_CONTEXT_BEFORE = new RegExp(`(?:${PERIOD}|天|日|号|大概|大约|约|在|是|到|于|\\s)$`);

/** Filters chrono hits that are not past event times: "现在", "2小时内", "一晚上", "小七点卡". */
function usable(r: chrono.ParsedResult, s: string): boolean {
  const text = r.text.trim();
  if (text.length <= 1 && !/\d/.test(text)) return false;
  if (/^(?:现在|目前|当前|此时|now|today)$/.test(text)) return false;
  if (/(?:内|后|之后|以后|以内)$/.test(text) || /^(?:in|within|after|for)\b/.test(text)) return false;
  const before = s.slice(Math.max(0, r.index - 3), r.index);
  if (/(?:到|直到|截至|截止)$/.test(before)) return false; // "到今天都没到账" is not when it happened
  const next = s.slice(r.index + r.text.length, r.index + r.text.length + 1);
  if (next === '好') return false; // 下午好 / 晚上好 are greetings
  if (/点$/.test(text) && /[券卡数击赞币]/.test(next)) return false; // 1000点券 is not 10:00
  if (/(?:^|[^\d])\d{3,}\s*点/.test(text)) return false;
  if (new RegExp(`^${PERIOD}$`).test(text) && /(?:一|个|整|过了)$/.test(before)) return false;
  if (BARE_CN_CLOCK.test(text)) {
    if (text.endsWith('时')) return false;
    if (!CLOCK_CONTEXT_BEFORE.test(before) && r.index > 0) return false;
  }
  return true;
}

// Holidays people date purchases by; the most recent past occurrence is meant.
const HOLIDAYS: ReadonlyArray<readonly [RegExp, number, number]> = [
  [/元旦/, 1, 1],
  [/五一|劳动节/, 5, 1],
  // Not a product named after the sale ("618活动卡", "双11礼包"; review R15).
  [/(?:618|六一八)(?!(?:活动|大促|限定)?(?:卡|礼包|套餐|版|专属|皮肤|会员卡))/, 6, 18],
  [/国庆(?:节)?(?:那天|当天)/, 10, 1],
  [/(?:双十一|双11)(?!(?:活动|大促|限定)?(?:卡|礼包|套餐|版|专属|皮肤|会员卡))/, 11, 11],
  [/双十二|双12/, 12, 12],
  [/平安夜/, 12, 24],
  [/圣诞(?:节)?/, 12, 25],
];

function num(s: string): number | undefined {
  if (s === '半') return 0.5;
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseNumber(s);
}

/** Returns the instant the text refers to, or undefined when it names no time. */
export function parseWhen(text: string, now: Date, zone: string): Date | undefined {
  return parseWhenNormalized(normalize(text), now, zone);
}

/**
 * How precisely the text named the time: 'minute' when a clock time (or 刚才 / N分钟前)
 * was given, 'day' when only the day (or a part of it: 下午, 晚上) was. With 'day'
 * the time of day in `date` is a default (12:00, or chrono's guess for 下午/晚上),
 * so show the date only.
 */
export type WhenPrecision = 'minute' | 'day';
export interface When {
  date: Date;
  precision: WhenPrecision;
}

/** Like parseWhen, with the precision of what the user said. */
export function parseWhenDetailed(text: string, now: Date, zone: string): When | undefined {
  return parseWhenDetailedNormalized(normalize(text), now, zone);
}

export function parseWhenNormalized(s: string, now: Date, zone: string): Date | undefined {
  return parseWhenDetailedNormalized(s, now, zone)?.date;
}

export function parseWhenDetailedNormalized(s: string, now: Date, zone: string): When | undefined {
  s = s.replace(MONTH_DE_DAY, '$1');
  // 1. Relative minutes/hours: chrono's zh "N小时前" is unreliable, do it here.
  const ago = AGO.exec(s);
  if (ago) {
    const n = num(ago[1]);
    if (n !== undefined) {
      const minutes = ago[2] === '分钟' || ago[2] === '分' ? n : n * 60;
      return { date: new Date(now.getTime() - minutes * 60_000), precision: 'minute' };
    }
  }

  // chrono's Chinese casual parsers (昨天, 3天前, 上周五) read the reference date's
  // machine-local fields, so hand it a Date whose local fields are the zone's wall
  // clock and read back wall-clock components, which fromWall() places in `zone`.
  const w = wall(now, zone);
  const ref = new Date(w.y, w.mo - 1, w.d, w.h, w.mi, now.getUTCSeconds());
  let results = zh.hans.parse(s, ref);
  if (results.length === 0 && /[a-z]/.test(s)) results = chrono.en.casual.parse(s, ref);
  // Past events only: a hit that stays in the future ("明天再说") is not when it happened.
  const first = results.find((r) => usable(r, s) && !isFuture(r, now, zone));
  const chronoHasDate =
    first !== undefined && (first.start.isCertain('day') || first.start.isCertain('weekday'));

  const lm = LAST_MONTH_DAY.exec(s);
  const tm = lm ? null : THIS_MONTH_DAY.exec(s);
  const dotted = DOTTED.exec(s);
  const holiday = HOLIDAYS.find(([re]) => re.test(s));
  const chronoHasMonth = first !== undefined && first.start.isCertain('month');
  if (first && chronoHasDate && !lm && !tm && !dotted && !(holiday && !chronoHasMonth)) {
    return { date: fromChrono(first, now, zone), precision: first.start.isCertain('hour') ? 'minute' : 'day' };
  }

  // Dates chrono misses; a clock time chrono found elsewhere in the text is kept.
  const anchor = lm ?? tm ?? dotted;
  const clockResults = anchor ? zh.hans.parse(s.slice(anchor.index + anchor[0].length), ref) : results;
  const timed = clockResults.find((r) => r.start.isCertain('hour'));
  const clock = timed ? { h: timed.start.get('hour') ?? 0, mi: timed.start.get('minute') ?? 0 } : undefined;
  const n = w;
  if (lm) {
    const d = num(lm[1]);
    if (d !== undefined && d >= 1 && d <= 31) {
      const t = clock ?? { h: 12, mi: 0 };
      const mo = n.mo === 1 ? 12 : n.mo - 1;
      return { date: fromWall(n.mo === 1 ? n.y - 1 : n.y, mo, d, t.h, t.mi, zone), precision: clock ? 'minute' : 'day' };
    }
  }
  if (tm) {
    const d = num(tm[1]);
    // This month's day; one still to come is not when something happened (never pushed back a month).
    if (d !== undefined && d >= 1 && d <= 31) {
      const t = clock ?? { h: 12, mi: 0 };
      const date = fromWall(n.y, n.mo, d, t.h, t.mi, zone);
      if (clock ? date.getTime() <= now.getTime() + FUTURE_SLACK_MS : d <= n.d) return { date, precision: clock ? 'minute' : 'day' };
      return undefined;
    }
  }
  if (dotted) {
    const mo = Number(dotted[1]);
    const d = Number(dotted[2]);
    const t = clock ?? { h: 12, mi: 0 };
    return { date: pushBack(fromWall(n.y, mo, d, t.h, t.mi, zone), 'year', now, zone), precision: clock ? 'minute' : 'day' };
  }
  const bare = BARE_DAY.exec(s);
  if (bare) {
    const d = Number(bare[1]);
    if (d >= 1 && d <= 31) {
      const t = clock ?? { h: 12, mi: 0 };
      return { date: pushBack(fromWall(n.y, n.mo, d, t.h, t.mi, zone), 'month', now, zone), precision: clock ? 'minute' : 'day' };
    }
  }
  if (holiday) {
    const [, mo, d] = holiday;
    const date = pushBack(fromWall(n.y, mo, d, clock?.h ?? 12, clock?.mi ?? 0, zone), 'year', now, zone);
    return { date, precision: clock ? 'minute' : 'day' };
  }
  // A month that starts a period ("从9月开始", "9月以来") is not when something happened.
  if (first && !first.start.isCertain('day') && !first.start.isCertain('weekday') && !first.start.isCertain('hour')) {
    const after = s.slice(first.index + first.text.length, first.index + first.text.length + 4);
    const before = s.slice(Math.max(0, first.index - 2), first.index);
    if (/^\s*(?:份)?(?:开始|起|以来|以后|之后|至今|到现在)/.test(after) || /(?:从|自)\s*$/.test(before)) return JUST_NOW.test(s) ? { date: now, precision: 'minute' } : undefined;
    // A month with no day ("三月份买的", "11月份", "三月中旬") names no date: chrono would fill in
    // today's day of the month (issue 13). The dialogue asks for the day when it needs one.
    if (first.start.isCertain('month')) return JUST_NOW.test(s) ? { date: now, precision: 'minute' } : undefined;
  }
  if (first) {
    const d = fromChrono(first, now, zone);
    if (d.getTime() <= now.getTime() + FUTURE_SLACK_MS) return { date: d, precision: first.start.isCertain('hour') ? 'minute' : 'day' };
  }
  if (JUST_NOW.test(s)) return { date: now, precision: 'minute' };
  return undefined;
}

function isFuture(r: chrono.ParsedResult, now: Date, zone: string): boolean {
  return fromChrono(r, now, zone).getTime() > now.getTime() + FUTURE_SLACK_MS;
}

function fromChrono(first: chrono.ParsedResult, now: Date, zone: string): Date {
  const start = first.start;
  const date = fromWall(
    start.get('year') ?? 1970,
    start.get('month') ?? 1,
    start.get('day') ?? 1,
    start.get('hour') ?? 12,
    start.get('minute') ?? 0,
    zone,
  );
  let implied: Implied = 'none';
  if (start.isCertain('year')) implied = 'none';
  else if (start.isCertain('month')) implied = 'year';
  else if (start.isCertain('day')) implied = 'month';
  else if (start.isCertain('weekday')) implied = 'week';
  else if (start.isCertain('hour')) implied = 'day';
  return pushBack(date, implied, now, zone);
}
