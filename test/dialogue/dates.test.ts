import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/dialogue/dates.js';

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-11-29T15:00:00+08:00'); // a Sunday

describe('readDate on 2026-11-29 15:00 Asia/Shanghai', () => {
  it.each<[string, string, boolean, boolean, boolean]>([
    // text, value, future, otherYear, yearGuessed
    ['12月25日', '2025-12-25', false, true, true],
    // A year-less date two days ahead is a slip of the month, asked again — not last year's (explore4 F27).
    ['12月1日', '2026-12-01', true, false, false],
    ['12.1', '2026-12-01', true, false, false],
    ['12月14日', '2025-12-14', false, true, true],
    ['12月25号', '2025-12-25', false, true, true],
    ['2026年12月1日', '2026-12-01', true, false, false],
    ['2026-12-01', '2026-12-01', true, false, false],
    ['2025年12月25日', '2025-12-25', false, true, false],
    ['去年12月25日', '2025-12-25', false, true, false],
    ['2025/12/25', '2025-12-25', false, true, false],
    ['11月20号', '2026-11-20', false, false, false],
    ['11月20日', '2026-11-20', false, false, false],
    ['1月3日', '2026-01-03', false, false, false],
    ['昨天', '2026-11-28', false, false, false],
    ['前天', '2026-11-27', false, false, false],
    ['上周五', '2026-11-27', false, false, false],
    ['上週五', '2026-11-27', false, false, false],
    ['上上周五', '2026-11-20', false, false, false],
    ['上上周五晚上', '2026-11-20', false, false, false],
    ['上上个星期三', '2026-11-18', false, false, false],
    ['三天前', '2026-11-26', false, false, false],
    ['明天', '2026-11-30', true, false, false],
    ['下周一', '2026-12-07', true, false, false],
  ])('%j → %s (future %s, otherYear %s, yearGuessed %s)', (text, value, future, otherYear, yearGuessed) => {
    const r = readDate(text, NOW, ZONE);
    expect(r).toMatchObject({ value, future, otherYear, yearGuessed, precision: 'day' });
  });

  it('a clock time keeps minute precision, in the zone', () => {
    expect(readDate('昨天下午五点左右', NOW, ZONE)).toMatchObject({ value: '2026-11-28T09:00:00.000Z', precision: 'minute', future: false });
    expect(readDate('11月28日晚上8点', NOW, ZONE)).toMatchObject({ value: '2026-11-28T12:00:00.000Z', precision: 'minute' });
    expect(readDate('2026年12月1号下午3点', NOW, ZONE)).toMatchObject({ value: '2026-12-01T07:00:00.000Z', future: true });
  });

  it.each(['好久了', '不记得了', '卡密 K7PX9M2QW4ZR2345', '200元', ''])('%j names no time', (text) => expect(readDate(text, NOW, ZONE)).toBeUndefined());

  it('early January: a December date is last year, shown with its year', () => {
    const jan = new Date('2027-01-03T10:00:00+08:00');
    expect(readDate('12月30日', jan, ZONE)).toMatchObject({ value: '2026-12-30', otherYear: true, yearGuessed: true, future: false });
    expect(readDate('昨天', new Date('2027-01-01T10:00:00+08:00'), ZONE)).toMatchObject({ value: '2026-12-31', otherYear: true, yearGuessed: false });
  });
});
