// Delivery under crashes and faults (issue 14):
//   1. repeats per SIGKILL under load: the kill -9 machinery of the crash test
//      (test/followups/crash-lab.ts) — a child running the real scheduler and drainer, killed at
//      random moments while follow-ups are due — a short run of 20 kills; target: at most
//      DELIVERY_CONCURRENCY repeats in any one kill, none lost
//   2. out-of-order deliveries under injected 429 / 5xx / connection resets: the real grammY Bot and
//      drainer against the fake Bot API on 127.0.0.1 (test/adapters/telegram/order-run.ts); target 0
// DELIVERY_KILLS, DELIVERY_PER_LIFE override part 1's size. `npm run soak` runs both longer.
import { loadavg } from 'node:os';
import { DEFAULT_CONCURRENCY } from '../src/delivery/drainer.js';
import { describeCrash, runCrash } from '../test/followups/crash-lab.js';
import { describeOrder, runOrder } from '../test/adapters/telegram/order-run.js';

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main(): Promise<void> {
  console.log(`load average at start (1/5/15 min): ${load()}`);
  const kills = Number(process.env.DELIVERY_KILLS ?? 20);
  // Four times the concurrency due before each life: every kill meets a drainer with all slots busy.
  const perLife = Number(process.env.DELIVERY_PER_LIFE ?? DEFAULT_CONCURRENCY * 4);
  const c = await runCrash({ kills, perLife, concurrency: DEFAULT_CONCURRENCY });
  console.log(`\n${describeCrash(c)}`);
  console.log(`  repeats per SIGKILL under load: max ${c.maxPerKill}, mean ${c.meanPerKill.toFixed(2)}   target max ≤ ${c.concurrency} (DELIVERY_CONCURRENCY)   ${verdict(c.maxPerKill <= c.concurrency)}`);
  console.log(`  follow-ups lost: ${c.lost}   target 0   ${verdict(c.lost === 0 && c.lastLifeClean)}`);
  console.log(`  load average after: ${load()}`);

  const o = await runOrder({ chats: 100, backlog: 5, waves: 3, waveShare: 0.5, faultRate: 0.3, concurrency: DEFAULT_CONCURRENCY, seed: 14, budgetMs: 120_000 });
  console.log(`\norder under faults: ${describeOrder(o)}`);
  console.log(`  out-of-order deliveries: ${o.outOfOrder}   target 0   ${verdict(o.outOfOrder === 0)}`);
  console.log(`  lost ${o.lost}, twice ${o.twice}   target 0, 0   ${verdict(o.lost === 0 && o.twice === 0 && o.left === 0)}`);
  console.log(`  load average at end: ${load()}`);
}

await main();
