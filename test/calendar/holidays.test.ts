import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HolidayCalendar, statutoryHolidays } from '../../src/calendar/holidays.js';
import { HolidaysFileError, loadHolidaysFile } from '../../src/calendar/override.js';
import { addWorkdays, estimatedYears, isWorkdayYmd, useHolidayCalendar } from '../../src/calendar/workdays.js';

const Z = 'Asia/Shanghai';
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

afterEach(() => useHolidayCalendar(new HolidayCalendar()));

describe('statutory holidays by rule (全国年节及纪念日放假办法, 2024)', () => {
  it('2027: 11 days, 除夕 2027-02-05, lunar and solar-term dates from the library', () => {
    expect(Object.fromEntries(statutoryHolidays(2027))).toEqual({
      '2027-01-01': '元旦',
      '2027-02-05': '春节', // 除夕
      '2027-02-06': '春节', // 正月初一
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-04-05': '清明节',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
    });
  });

  it('agrees with the package on the statutory days of the years it covers', () => {
    const cal = new HolidayCalendar();
    for (const year of [2025, 2026]) {
      expect(cal.packageCovers(year)).toBe(true);
      for (const ymd of statutoryHolidays(year).keys()) expect(cal.isWorkday(ymd), ymd).toBe(false);
    }
  });

  it('the package has no 2027 data, so 2027 is decided by rule and is an estimate', () => {
    const cal = new HolidayCalendar();
    expect(cal.yearInfo(2026)).toEqual({ year: 2026, source: 'package', official: true });
    expect(cal.yearInfo(2027)).toEqual({ year: 2027, source: 'rule', official: false });
  });
});

describe('working days beyond the package', () => {
  it('2026-12-31 + 1 working day is Monday 2027-01-04 (元旦, then a weekend)', () => {
    expect(isWorkdayYmd('2026-12-31')).toBe(true);
    expect(isWorkdayYmd('2027-01-01')).toBe(false);
    expect(addWorkdays(bj('2026-12-31 10:00'), 1, Z)).toEqual(bj('2027-01-04 10:00'));
    expect(addWorkdays(bj('2026-12-30 10:00'), 5, Z)).toEqual(bj('2027-01-07 10:00'));
    expect(addWorkdays(bj('2026-12-30 10:00'), 7, Z)).toEqual(bj('2027-01-11 10:00'));
  });

  it('across the 2027 Spring Festival: 2/3 + 3 → 2/10 (2/5 除夕 to 2/8 off)', () => {
    expect(['2027-02-04', '2027-02-09'].map(isWorkdayYmd)).toEqual([true, true]);
    expect(['2027-02-05', '2027-02-08'].map(isWorkdayYmd)).toEqual([false, false]);
    expect(addWorkdays(bj('2027-02-03 15:00'), 3, Z)).toEqual(bj('2027-02-10 15:00'));
  });

  it('across 2027 National Day: 9/30 + 2 → 10/5 (10/1 Friday off, then the weekend)', () => {
    expect(addWorkdays(bj('2027-09-30 10:00'), 2, Z)).toEqual(bj('2027-10-05 10:00'));
  });

  it('in 2030: Spring Festival 2/2–2/5 and National Day 10/1–10/3 (Tue–Thu)', () => {
    expect(addWorkdays(bj('2030-02-01 10:00'), 1, Z)).toEqual(bj('2030-02-06 10:00'));
    expect(addWorkdays(bj('2030-09-30 10:00'), 1, Z)).toEqual(bj('2030-10-04 10:00'));
    expect(isWorkdayYmd('2030-04-05')).toBe(false); // 清明, a Friday
  });

  it('names the estimated years a count runs through', () => {
    expect(estimatedYears(bj('2026-12-30 10:00'), bj('2027-01-07 10:00'), Z)).toEqual([{ year: 2027, source: 'rule', official: false }]);
    expect(estimatedYears(bj('2026-11-30 10:00'), bj('2026-12-07 10:00'), Z)).toEqual([]);
  });
});

describe('the operator override file (HOLIDAYS_FILE)', () => {
  const official2027 = {
    years: [
      {
        year: 2027,
        source: '国务院办公厅关于2027年部分节假日安排的通知（test）',
        official: true,
        holidays: [
          { date: '2027-01-01', name: '元旦' },
          ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
        ],
        workdays: [
          { date: '2027-01-02', name: '元旦调休' },
          { date: '2027-02-20', name: '春节调休' },
        ],
      },
    ],
  };

  it('adding make-up days and bridged days changes the result, and makes the year official', () => {
    useHolidayCalendar(new HolidayCalendar(loadHolidaysFile(file('h.json', JSON.stringify(official2027)))));
    // A Saturday make-up day counts.
    expect(addWorkdays(bj('2026-12-31 10:00'), 1, Z)).toEqual(bj('2027-01-02 10:00'));
    // 2/9–2/11 are now off: 2/3 + 3 → 2/4, 2/12, 2/15.
    expect(addWorkdays(bj('2027-02-03 15:00'), 3, Z)).toEqual(bj('2027-02-15 15:00'));
    expect(estimatedYears(bj('2026-12-30 10:00'), bj('2027-01-07 10:00'), Z)).toEqual([]);
    // Days the file does not list still follow the rule (中秋 2027-09-15).
    expect(isWorkdayYmd('2027-09-15')).toBe(false);
  });

  it('reads YAML; a file of statutory days only keeps the year an estimate', () => {
    const o = loadHolidaysFile(
      file(
        'h.yaml',
        `years:
  - year: 2027
    source: 全国年节及纪念日放假办法（2024年修订）
    official: false
    holidays:
      - { date: 2027-01-01, name: 元旦 }
`,
      ),
    );
    const cal = new HolidayCalendar(o);
    expect(cal.yearInfo(2027)).toMatchObject({ source: 'override', official: false });
    expect(cal.isWorkday('2027-01-01')).toBe(false);
  });

  it('the example file in docs is valid and holds exactly the 2027 statutory days', () => {
    const o = loadHolidaysFile('docs/holidays-2027.example.json');
    const y = o.years.get(2027)!;
    expect(y.official).toBe(false);
    expect(Object.fromEntries(y.holidays)).toEqual(Object.fromEntries(statutoryHolidays(2027)));
    expect(y.workdays.size).toBe(0);
  });

  it('a bad file stops start-up naming the file and the field', () => {
    const bad = { years: [{ ...official2027.years[0], workdays: [{ date: '2027-2-20', name: '春节调休' }, { date: '2028-01-01', name: 'x' }] }] };
    const p = file('bad.json', JSON.stringify(bad));
    expect(() => loadHolidaysFile(p)).toThrow(HolidaysFileError);
    expect(() => loadHolidaysFile(p)).toThrow(/bad\.json[\s\S]*years\.0\.workdays\.0\.date: a date as YYYY-MM-DD[\s\S]*years\.0\.workdays\.1\.date: not in 2027/);
    expect(() => loadHolidaysFile(file('typo.json', '{"years": [{"year": 2027, "source": "x", "offical": true, "holidays": []}]}'))).toThrow(
      /typo\.json[\s\S]*years\.0\.official/,
    );
    expect(() => loadHolidaysFile(file('broken.yaml', 'years: [\n'))).toThrow(/broken\.yaml is not valid YAML/);
    expect(() => loadHolidaysFile(join(dir, 'missing.json'))).toThrow(/missing\.json cannot be read/);
  });
});
