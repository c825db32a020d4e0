// Per-chat order under injected faults: the real grammY Bot and drainer against the fake Bot API on
// 127.0.0.1, answering a share of sends with 429, 500 or a dropped connection. Every chat must
// receive its messages exactly in the order they were written, none lost, none twice — a retry
// holds back the later messages of its chat only.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { testConfig } from '../../../src/config.js';
import { createBot, type TelegramBot } from '../../../adapters/telegram/index.js';
import { FakeBotApi } from './fake-bot-api.js';
import { BOT_INFO, START, TOKEN } from './harness.js';

let fake: FakeBotApi | undefined;
let app: App | undefined;
let tg: TelegramBot | undefined;
afterEach(async () => {
  await tg?.drainer.stop();
  app?.close();
  await fake?.close();
});

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const CHATS = 60;
const QUEUED = 5;

describe('delivery order under faults', () => {
  it('60 chats, 429/5xx/resets injected: every chat gets its messages in the order written, each once', async () => {
    fake = await new FakeBotApi(TOKEN).listen();
    const random = rng(14);
    let faults = 0;
    fake.fault = (call) => {
      if (call.method !== 'sendMessage') return undefined;
      const r = random();
      if (r < 0.12) return ++faults, 429;
      if (r < 0.22) return ++faults, 500;
      if (r < 0.3) return ++faults, 'reset';
      return undefined;
    };
    const clock = { now: new Date(START) };
    app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, DELIVERY_CONCURRENCY: 4 }), { now: () => clock.now });
    tg = createBot(app, {
      botInfo: BOT_INFO,
      client: { apiRoot: fake.root },
      // Failures go back to the outbox at once (no waiting inside auto-retry), so retries are due later.
      autoRetry: { maxRetryAttempts: 0, maxDelaySeconds: 0, rethrowInternalServerErrors: true },
    });
    const chat = (i: number) => String(5000 + i);
    for (let k = 0; k < QUEUED; k++) {
      for (let i = 0; i < CHATS; i++) app.outbox.enqueue({ platform: 'telegram', chatId: chat(i), kind: 'followup', reply: { text: `${chat(i)}#${k}` } }, clock.now);
    }

    await tg.drainer.drainOnce();
    // Replies written now, while some chats wait for a retry: they go out after the older messages.
    await Promise.all(
      Array.from({ length: CHATS }, (_, i) => {
        const d = app!.outbox.enqueue({ platform: 'telegram', chatId: chat(i), reply: { text: `${chat(i)}#${QUEUED}` } }, clock.now, true);
        return tg!.drainer.deliver([d]);
      }),
    );
    const left = () => (app!.db.prepare(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`).get() as { n: number }).n;
    for (let round = 0; round < 200 && left() > 0; round++) {
      clock.now = new Date(clock.now.getTime() + 31_000);
      await tg.drainer.drainOnce();
    }
    expect(left()).toBe(0);

    const got = new Map<string, number[]>();
    for (const c of fake.delivered) {
      const [id, k] = String(c.payload.text).split('#');
      got.set(id, [...(got.get(id) ?? []), Number(k)]);
    }
    let outOfOrder = 0;
    for (const seq of got.values()) for (let j = 1; j < seq.length; j++) if (seq[j] <= seq[j - 1]) outOfOrder++;
    const expected = Array.from({ length: QUEUED + 1 }, (_, k) => k);
    console.log(`order under faults: ${fake.delivered.length} delivered to ${got.size} chats, ${faults} faults injected, ${outOfOrder} out of order`);
    expect(faults).toBeGreaterThan(50);
    expect(outOfOrder).toBe(0);
    expect([...got.keys()].sort()).toEqual(Array.from({ length: CHATS }, (_, i) => chat(i)).sort());
    for (const seq of got.values()) expect(seq).toEqual(expected);
  });
});

describe('delivery queries', () => {
  it("the per-chat order checks walk the chat's index, whatever the backlog", () => {
    const a = createApp(testConfig());
    // The outbox's own statements (better-sqlite3 keeps their SQL in .source), planned by SQLite.
    const outbox = a.outbox as unknown as { earlier(k: string): Record<'claim' | 'held', { source: string }>; claimKindStmt(k: string): { source: string } };
    const { claim, held } = outbox.earlier('reply,followup');
    const drain = outbox.claimKindStmt('reply,followup');
    const plan = (sql: string, params: unknown[]) =>
      (a.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const plans = [plan(claim.source, [1, 'telegram', 'x', 5, 1]), plan(held.source, ['telegram', 'x', 5]), plan(drain.source, [1, 'telegram', 1, 1, 50])];
    a.close();
    for (const p of plans) expect(p).toContain('USING INDEX outbox_chat (platform=? AND chat_id=? AND status=? AND id<?)');
  });
});
