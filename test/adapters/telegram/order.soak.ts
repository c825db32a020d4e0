// The long fault-injection run (npm run soak): the longer version of order.test.ts — more chats,
// more messages, replies written in waves while retries wait, nearly half the sends failing with
// 429, 5xx or a dropped connection — bounded by a wall-clock budget. Prints out-of-order, lost and
// doubled deliveries; every chat must get its messages in the order written, each once.
import { expect, it } from 'vitest';
import { describeOrder, runOrder } from './order-run.js';

const BUDGET_MS = Number(process.env.ORDER_SOAK_MS ?? 240_000);

it(
  '1,000 chats under 45 % injected faults: no message out of order, lost or sent twice',
  async () => {
    const r = await runOrder({ chats: 1_000, backlog: 10, waves: 10, waveShare: 0.5, faultRate: 0.45, concurrency: 4, seed: 1414, budgetMs: BUDGET_MS });
    console.log(`fault-injection run: ${describeOrder(r)}; no kills in this run (repeats per kill: see the kill -9 run)`);
    expect(r.faults['429'] + r.faults['5xx'] + r.faults.reset).toBeGreaterThan(1_000);
    expect(r.outOfOrder).toBe(0);
    expect(r.twice).toBe(0);
    expect(r.lost).toBe(0);
    expect(r.failed).toBe(0);
    expect(r.timedOut).toBe(false); // everything out within the budget
  },
  BUDGET_MS + 60_000,
);
