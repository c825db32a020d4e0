import { describe, expect, it } from 'vitest';
import { RateLimiter, type SendMark } from '../../src/broadcast/limiter.js';

/** A limiter on a simulated clock: sleeping advances it. */
function simulated(perSecond: number, groupPerMinute = 20) {
  const clock = { t: 1_000_000 };
  const limiter = new RateLimiter({
    perSecond,
    groupPerMinute,
    isGroup: (c) => c.startsWith('-'),
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms;
    },
  });
  return { clock, limiter };
}

const maxInWindow = (times: number[], ms = 1000) => {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= ms) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
};

describe('RateLimiter', () => {
  it('spaces sends evenly just under the overall limit, never more than the cap in any second', async () => {
    const { clock, limiter } = simulated(30);
    const starts: number[] = [];
    for (let i = 0; i < 300; i++) {
      expect(await limiter.acquire(String(i))).toEqual({ ok: true });
      starts.push(clock.t);
    }
    const rate = (starts.length - 1) / ((starts.at(-1)! - starts[0]) / 1000);
    expect(rate).toBeGreaterThan(0.95 * 30);
    expect(rate).toBeLessThanOrEqual(30);
    expect(maxInWindow(starts)).toBeLessThanOrEqual(29);
  });

  it('counts other sends (replies) against the same second', async () => {
    const { clock, limiter } = simulated(30);
    for (let i = 0; i < 29; i++) limiter.record(`reply${i}`);
    const t0 = clock.t;
    await limiter.acquire('x');
    expect(clock.t - t0).toBeGreaterThanOrEqual(999);
  });

  it('keeps one chat at one message a second and a group at 20 a minute, deferring rather than waiting', async () => {
    const { clock, limiter } = simulated(1000);
    const starts: number[] = [];
    for (let i = 0; i < 20; i++) {
      expect(await limiter.acquire('-100')).toEqual({ ok: true });
      starts.push(clock.t);
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(1000);
    const permit = await limiter.acquire('-100');
    expect(permit).toEqual({ ok: false, notBefore: starts[0] + 60_000 });
    // Private chats: one a second, waited for (not deferred).
    const t0 = clock.t;
    await limiter.acquire('555');
    await limiter.acquire('555');
    expect(clock.t - t0).toBeGreaterThanOrEqual(1000);
  });

  it('obeys retry_after: nothing starts until the pause is over', async () => {
    const { clock, limiter } = simulated(30);
    await limiter.acquire('a');
    limiter.pause(7000);
    const t0 = clock.t;
    await limiter.acquire('b');
    expect(clock.t - t0).toBeGreaterThanOrEqual(7000);
    expect(limiter.tooMany).toBe(1);
  });
});

describe('RateLimiter, sends in flight', () => {
  it('counts a send still in flight until a second after its answer arrives', async () => {
    const clock = { t: 1_000_000 };
    const t0 = clock.t;
    let marks: SendMark[] = [];
    const limiter: RateLimiter = new RateLimiter({
      perSecond: 30,
      groupPerMinute: 20,
      isGroup: () => false,
      now: () => clock.t,
      sleep: async (ms) => {
        clock.t += ms;
        // The answers to the 30 sends arrive 300 ms after they went out.
        if (clock.t >= t0 + 300 && marks.length) {
          for (const m of marks) limiter.settled(m);
          marks = [];
        }
      },
    });
    marks = Array.from({ length: 30 }, (_, i) => limiter.sending(`reply${i}`));
    expect(await limiter.acquire('x')).toEqual({ ok: true });
    expect(clock.t - t0).toBeGreaterThanOrEqual(1300);
    expect(clock.t - t0).toBeLessThan(1320);
  });
});
