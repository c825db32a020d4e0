import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../adapters/qq/pacer.js';

function fakeClock() {
  const c = { t: 1_000_000, slept: [] as number[] };
  return {
    c,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.slept.push(ms);
      c.t += ms;
    },
  };
}

describe('Pacer', () => {
  it('starts tasks at least the interval plus jitter apart, in order', async () => {
    const { c, now, sleep } = fakeClock();
    const rolls = [0, 0.5, 0.99];
    const p = new Pacer({ intervalMs: 500, jitterMs: 200, now, sleep, random: () => rolls.shift() ?? 0 });
    const starts: [string, number][] = [];
    await Promise.all(['a', 'b', 'c', 'd'].map((x) => p.run(async () => void starts.push([x, c.t]))));
    expect(starts.map((s) => s[0])).toEqual(['a', 'b', 'c', 'd']);
    const gaps = starts.slice(1).map((s, i) => s[1] - starts[i][1]);
    expect(gaps).toEqual([500, 600, 698]);
  });

  it('does not wait when the last send is long past', async () => {
    const { c, now, sleep } = fakeClock();
    const p = new Pacer({ intervalMs: 500, now, sleep });
    await p.run(async () => undefined);
    c.t += 10_000;
    await p.run(async () => undefined);
    expect(c.slept).toEqual([]);
  });

  it('a failed task rejects its caller but does not stop the queue', async () => {
    const { now, sleep } = fakeClock();
    const p = new Pacer({ intervalMs: 10, now, sleep });
    const bad = p.run(async () => {
      throw new Error('kicked');
    });
    const good = p.run(async () => 'ok');
    await expect(bad).rejects.toThrow('kicked');
    await expect(good).resolves.toBe('ok');
  });
});
