// kill -9 at random moments, many times: no follow-up lost, and a repeat only where the fake
// platform accepted a send the killed process had not yet marked sent — at most the drainer's
// concurrency (config DELIVERY_CONCURRENCY) per kill. `npm test` runs 30 kills
// (crash.test.ts), `npm run soak` 200 (crash.soak.ts); both print lost and repeats per kill.
// The machinery is in crash-lab.ts (shared with bench/crash.bench.ts).
import { expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY } from '../../src/delivery/drainer.js';
import { describeCrash, runCrash } from './crash-lab.js';

/** The child's drainer sends to this many chats at once (each follow-up is to its own chat). */
const CONCURRENCY = DEFAULT_CONCURRENCY;

export function crashSuite(KILLS: number, timeoutMs: number): void {
  it(
    `delivers every follow-up through ${KILLS} kill -9s, repeating at most ${CONCURRENCY} sends caught mid-flight per kill`,
    async () => {
      const r = await runCrash({ kills: KILLS, concurrency: CONCURRENCY });
      console.log(describeCrash(r));

      expect(r.unexpectedExits).toBe(0);
      expect(r.lastLifeClean).toBe(true);
      expect(r.fired).toEqual([{ status: 'fired', n: r.followUps }]);
      expect(r.outbox).toEqual([{ status: 'sent', n: r.followUps }]);
      expect(r.lost).toBe(0); // none lost
      expect(r.distinctRows).toBe(r.followUps); // one message per follow-up, never two rows
      expect(r.withinOneLife).toBe(0); // a repeat only across a crash…
      expect(r.maxPerKill).toBeLessThanOrEqual(CONCURRENCY); // …at most the sends in flight per kill
      expect(r.duplicates).toBeLessThanOrEqual(KILLS * CONCURRENCY);
    },
    timeoutMs,
  );
}
