import { describe, it, expect, afterEach } from 'vitest';
import { parseWhen } from '../../src/nlu/time.js';

const zone = 'Asia/Shanghai';
// Saturday 2026-11-21 10:00 in Shanghai.
const now = new Date('2026-11-21T10:00:00+08:00');
const at = (iso: string) => new Date(iso).toISOString();
const when = (t: string, n: Date = now, z: string = zone) => parseWhen(t, n, z)?.toISOString();

describe('parseWhen', () => {
  it.each([
    ['昨天下午3点', '2026-11-20T15:00:00+08:00'],
    ['前天晚上', '2026-11-19T22:00:00+08:00'],
    ['11月18日', '2026-11-18T12:00:00+08:00'],
    ['上周五', '2026-11-13T12:00:00+08:00'],
    ['3天前', '2026-11-18T12:00:00+08:00'],
    ['今天早上', '2026-11-21T06:00:00+08:00'],
    ['2026-11-18 15:30', '2026-11-18T15:30:00+08:00'],
    ['半小时前付的', '2026-11-21T09:30:00+08:00'],
    ['2小时前', '2026-11-21T08:00:00+08:00'],
    ['上个月15号', '2026-10-15T12:00:00+08:00'],
    ['18号买的', '2026-11-18T12:00:00+08:00'],
    ['11.18晚上8点', '2026-11-18T20:00:00+08:00'],
    ['11/18 下午两点', '2026-11-18T14:00:00+08:00'],
    ['昨天下午用支付宝充了100块Q币', '2026-11-20T15:00:00+08:00'],
    ['yesterday 3pm', '2026-11-20T15:00:00+08:00'],
  ])('%s → %s', (text, want) => {
    expect(when(text)).toBe(at(want));
  });

  it('a day with the month in words: 11月的18, 上个月的十五, 上月15, 这个月3号 (a day still to come this month is no date), never a sum or a count', () => {
    expect(when('11月的18号')).toBe(at('2026-11-18T12:00:00+08:00'));
    expect(when('上个月的十五')).toBe(at('2026-10-15T12:00:00+08:00'));
    expect(when('上月15')).toBe(at('2026-10-15T12:00:00+08:00'));
    expect(when('这个月3号晚上8点')).toBe(at('2026-11-03T20:00:00+08:00'));
    expect(when('本月的10号买的')).toBe(at('2026-11-10T12:00:00+08:00'));
    expect(when('这个月25号')).toBeUndefined();
    expect(when('上个月充了100')).toBeUndefined();
    expect(when('上个月3个订单没到')).toBeUndefined();
    expect(when('这个月15块的会员')).toBeUndefined();
  });

  it('刚才 is now', () => {
    expect(when('刚才付的钱')).toBe(now.toISOString());
  });

  it('moves a future date back a year for past events', () => {
    expect(when('12月30日')).toBe(at('2025-12-30T12:00:00+08:00'));
    expect(when('12月30号充的')).toBe(at('2025-12-30T12:00:00+08:00'));
  });

  it('moves a future weekday back a week and a later hour back a day', () => {
    expect(when('星期一')).toBe(at('2026-11-16T12:00:00+08:00'));
    expect(when('下午两点')).toBe(at('2026-11-20T14:00:00+08:00'));
  });

  it('evaluates in the given zone, not the machine zone', () => {
    const ny = 'America/New_York';
    // 2026-11-21 10:00 Shanghai = 2026-11-20 21:00 New York (EST, UTC-5).
    expect(when('昨天下午3点', now, ny)).toBe(at('2026-11-19T15:00:00-05:00'));
  });

  describe('with a different process TZ', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it('gives the same instant', () => {
      process.env.TZ = 'America/Los_Angeles';
      expect(when('昨天下午3点')).toBe(at('2026-11-20T15:00:00+08:00'));
      expect(when('11月18日晚上8点')).toBe(at('2026-11-18T20:00:00+08:00'));
      process.env.TZ = 'UTC';
      expect(when('前天晚上')).toBe(at('2026-11-19T22:00:00+08:00'));
    });
  });

  it('returns undefined when nothing is found', () => {
    expect(when('卡密用不了，客服不回')).toBeUndefined();
    expect(when('充了100元')).toBeUndefined();
  });
});

describe('parseWhenDetailed', () => {
  it('tells a clock time from a day-only mention', async () => {
    const { parseWhenDetailed } = await import('../../src/nlu/time.js');
    expect(parseWhenDetailed('昨天下午3点', now, zone)?.precision).toBe('minute');
    expect(parseWhenDetailed('昨天下午', now, zone)?.precision).toBe('day');
    expect(parseWhenDetailed('11月18日', now, zone)?.precision).toBe('day');
    expect(parseWhenDetailed('11.18晚上8点', now, zone)?.precision).toBe('minute');
    expect(parseWhenDetailed('半小时前', now, zone)?.precision).toBe('minute');
    expect(parseWhenDetailed('刚才', now, zone)?.precision).toBe('minute');
    expect(parseWhenDetailed('没有时间', now, zone)).toBeUndefined();
  });
});
