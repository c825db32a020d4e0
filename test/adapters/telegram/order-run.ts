// Per-chat order under injected faults, as a reusable run (bench/delivery.bench.ts and
// order.soak.ts; order.test.ts is the small fixed case): the real App, grammY Bot and drainer
// against the fake Bot API on 127.0.0.1, which answers a share of sendMessage calls with 429,
// 500/502/503 or a dropped connection. Messages are written in waves — a backlog first, then
// replies to random chats while the drainer is still working and retries wait — and the clock
// moves on by a random step each round. Counts what each chat received against what was written
// to it: out of order, lost, twice. Bounded by a wall-clock budget.
import { createApp } from '../../../src/app.js';
import { testConfig } from '../../../src/config.js';
import { createBot } from '../../../adapters/telegram/index.js';
import { FakeBotApi } from './fake-bot-api.js';
import { BOT_INFO, START, TOKEN } from './harness.js';

export interface OrderOptions {
  chats: number;
  /** Messages queued per chat before the first drain. */
  backlog: number;
  /** Waves of replies written while the drainer works; each wave writes to `waveShare` of the chats. */
  waves: number;
  waveShare: number;
  /** Share of sendMessage calls that fail (split between 429, 5xx and resets). */
  faultRate: number;
  concurrency: number;
  seed: number;
  /** Wall-clock budget, ms: the run stops there even if rows are left (reported as left). */
  budgetMs: number;
}

export interface OrderResult {
  chats: number;
  written: number;
  delivered: number;
  faults: { '429': number; '5xx': number; reset: number };
  outOfOrder: number;
  lost: number;
  twice: number;
  /** Rows still pending or sending when the run ended, and rows given up (failed). */
  left: number;
  failed: number;
  rounds: number;
  wallMs: number;
  timedOut: boolean;
}

/** A small seeded generator, so a run can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

export function describeOrder(r: OrderResult): string {
  return (
    `${r.chats} chats, ${r.written} messages written, ${r.delivered} delivered in ${r.rounds} drain rounds (${(r.wallMs / 1000).toFixed(1)} s); ` +
    `faults injected: ${r.faults['429']} × 429, ${r.faults['5xx']} × 5xx, ${r.faults.reset} resets; ` +
    `out of order ${r.outOfOrder}, lost ${r.lost}, twice ${r.twice}, left unsent ${r.left}, given up ${r.failed}${r.timedOut ? ' (time budget reached)' : ''}`
  );
}

export async function runOrder(o: OrderOptions): Promise<OrderResult> {
  const started = Date.now();
  const fake = await new FakeBotApi(TOKEN).listen();
  const random = rng(o.seed);
  const faults = { '429': 0, '5xx': 0, reset: 0 };
  fake.fault = (call) => {
    if (call.method !== 'sendMessage') return undefined;
    const r = random();
    if (r >= o.faultRate) return undefined;
    const kind = r / o.faultRate;
    if (kind < 0.4) return faults['429']++, 429;
    if (kind < 0.75) return faults['5xx']++, [500, 502, 503][Math.floor(random() * 3)];
    return faults.reset++, 'reset';
  };
  const clock = { now: new Date(START) };
  const app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, DELIVERY_CONCURRENCY: o.concurrency }), { now: () => clock.now });
  const tg = createBot(app, {
    botInfo: BOT_INFO,
    client: { apiRoot: fake.root },
    // Failures go back to the outbox at once (no waiting inside auto-retry), so retries are due later.
    autoRetry: { maxRetryAttempts: 0, maxDelaySeconds: 0, rethrowInternalServerErrors: true },
  });
  try {
    const chat = (i: number) => String(7000 + i);
    const written = new Map<string, number>();
    const write = (i: number, kind: 'followup' | 'reply', direct: boolean) => {
      const id = chat(i);
      const k = written.get(id) ?? 0;
      written.set(id, k + 1);
      return app.outbox.enqueue({ platform: 'telegram', chatId: id, kind, reply: { text: `${id}#${k}` } }, clock.now, direct);
    };
    for (let k = 0; k < o.backlog; k++) for (let i = 0; i < o.chats; i++) write(i, 'followup', false);

    const left = () => (app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`).get() as { n: number }).n;
    const over = () => Date.now() - started > o.budgetMs;
    let rounds = 0;
    let waves = 0;
    while (!over() && (waves < o.waves || left() > 0)) {
      rounds++;
      const work: Promise<unknown>[] = [tg.drainer.drainOnce()];
      if (waves < o.waves) {
        waves++;
        // Replies to some chats, written and sent the way an adapter sends a turn's replies —
        // while the drain above is still running and retries of those chats may be waiting.
        for (let i = 0; i < o.chats; i++) if (random() < o.waveShare) work.push(tg.drainer.deliver([write(i, 'reply', true)]));
      }
      await Promise.all(work);
      clock.now = new Date(clock.now.getTime() + 1_000 + Math.floor(random() * 30_000));
    }
    const remaining = left();

    const got = new Map<string, number[]>();
    for (const c of fake.delivered) {
      const [id, k] = String(c.payload.text).split('#');
      got.set(id, [...(got.get(id) ?? []), Number(k)]);
    }
    let outOfOrder = 0;
    let lost = 0;
    let twice = 0;
    for (const [id, n] of written) {
      const seq = got.get(id) ?? [];
      for (let j = 1; j < seq.length; j++) if (seq[j] <= seq[j - 1]) outOfOrder++;
      const distinct = new Set(seq);
      twice += seq.length - distinct.size;
      for (let k = 0; k < n; k++) if (!distinct.has(k)) lost++;
    }
    const failed = (app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'failed'`).get() as { n: number }).n;
    return {
      chats: o.chats,
      written: [...written.values()].reduce((a, b) => a + b, 0),
      delivered: fake.delivered.length,
      faults,
      outOfOrder,
      // Rows the time budget left unsent are not lost: they are still in the outbox.
      lost: lost - remaining,
      twice,
      left: remaining,
      failed,
      rounds,
      wallMs: Date.now() - started,
      timedOut: remaining > 0,
    };
  } finally {
    await tg.drainer.stop();
    app.close();
    await fake.close();
  }
}
