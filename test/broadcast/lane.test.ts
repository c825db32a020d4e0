// The paced Telegram lane with the real TelegramSender (grammY Bot from createBot): 429s obeyed for
// the whole lane, blocked recipients recorded and skipped, replies never queued behind a broadcast.
import { afterEach, describe, expect, it } from 'vitest';
import { Chatter, harness, type ApiCall, type Harness } from '../adapters/telegram/harness.js';
import { Driver } from '../helpers.js';

let h: Harness;
afterEach(async () => {
  await h?.app.broadcaster.stop();
  h?.close();
});

async function until(what: string, check: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const count = (sql: string) => (h.app.db.prepare(sql).get() as { n: number }).n;

describe('BroadcastLane on Telegram', () => {
  it('obeys retry_after for every send, records blocked users and skips them next time, and summarises', async () => {
    const at = new Map<ApiCall, number>();
    let limited = false;
    h = harness({
      config: { ADMIN_IDS: 'telegram:1' },
      responder: (call) => {
        at.set(call, Date.now());
        if (call.method !== 'sendMessage') return undefined;
        if (String(call.payload.chat_id) === '3003') return { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' };
        if (String(call.payload.chat_id) === '3005' && !limited) {
          limited = true;
          return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
        }
        return undefined;
      },
    });
    const app = h.app;
    const limiter = app.broadcaster.telegramLimiter({ perSecond: 100 });
    h.tg.useBelowRetry(app.broadcaster.addTelegramLane(h.tg.sender, limiter, { idleMs: 20, concurrency: 4 }) as never);
    const admin = new Driver(app, '1', 'telegram');
    for (let id = 3001; id <= 3010; id++) new Driver(app, String(id), 'telegram').say('订阅提醒');
    const warnings = () => h.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('停机维护'));

    admin.say('群发 停机维护通知');
    admin.press('bl:bc:1:go');
    // Replies do not wait for the broadcast: the ordinary drainer never claims its rows.
    expect(await h.tg.drainer.drainOnce()).toBe(0);
    app.broadcaster.lane('telegram')!.start();
    await until('all settled', () => count(`SELECT count(*) AS n FROM outbox WHERE kind = 'broadcast' AND status IN ('pending','sending')`) === 0);

    const byChat = new Map<string, number>();
    for (const c of warnings()) byChat.set(String(c.payload.chat_id), (byChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    // 3003 was tried once (403), 3005 twice (429 then accepted); everyone else once.
    expect([...byChat.entries()].sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => [String(3001 + i), 3001 + i === 3005 ? 2 : 1] as [string, number]),
    );
    const tooMany = warnings().find((c) => String(c.payload.chat_id) === '3005')!;
    const pauseStart = at.get(tooMany)!;
    const during = warnings().filter((c) => at.get(c)! > pauseStart && at.get(c)! < pauseStart + 950);
    expect(during).toEqual([]);
    expect(limiter.tooMany).toBeGreaterThanOrEqual(1);
    expect(app.outbox.isUnreachable('telegram', '3003')).toBe(true);

    app.broadcaster.tick();
    await h.tg.drainer.drainOnce();
    const summary = h.sent('1').at(-1)!.payload.text as string;
    expect(summary).toBe('群发 #1 完成：已发送 9，失败 0，跳过 1（屏蔽/退群/已删除），等待对方下次发消息时送达 0（共 10）。');

    // The next broadcast skips the blocked chat without trying it.
    admin.say('群发 第二条通知');
    expect(admin.last().text).toContain('1 个已知无法送达');
    admin.press('bl:bc:2:go');
    expect(admin.last().text).toContain('共 10 个接收方，跳过 1 个');
    await until('second settled', () => count(`SELECT count(*) AS n FROM outbox WHERE kind = 'broadcast' AND status IN ('pending','sending')`) === 0);
    const second = h.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('第二条通知'));
    expect(second.map((c) => String(c.payload.chat_id)).sort()).toEqual(['3001', '3002', '3004', '3005', '3006', '3007', '3008', '3009', '3010']);
  });

  it('gives a row up after maxAttempts retryable failures, so the broadcast can finish', async () => {
    h = harness({
      config: { ADMIN_IDS: 'telegram:1' },
      responder: (call) => (call.method === 'sendMessage' && String(call.payload.chat_id) === '4002' ? { ok: false, error_code: 502, description: 'Bad Gateway' } : undefined),
      telegram: { autoRetry: { rethrowInternalServerErrors: true } },
    });
    const app = h.app;
    h.tg.useBelowRetry(app.broadcaster.addTelegramLane(h.tg.sender, app.broadcaster.telegramLimiter({ perSecond: 100 }), { idleMs: 20, maxAttempts: 2 }) as never);
    const admin = new Driver(app, '1', 'telegram');
    for (const id of ['4001', '4002']) new Driver(app, id, 'telegram').say('订阅提醒');
    admin.say('群发 测试');
    admin.press('bl:bc:1:go');
    app.broadcaster.lane('telegram')!.start();
    const status = () => app.db.prepare(`SELECT status, attempts FROM outbox WHERE kind = 'broadcast' AND chat_id = '4002'`).get() as { status: string; attempts: number };
    await until('first failure', () => status().status === 'pending' && status().attempts === 1);
    h.clock.now = new Date(h.clock.now.getTime() + 31_000);
    await until('given up', () => status().status === 'failed');
    expect(status().attempts).toBe(2);
    app.broadcaster.tick();
    await h.tg.drainer.drainOnce();
    expect(h.sent('1').at(-1)!.payload.text).toContain('已发送 1，失败 1，跳过 0');
  });

  it('a broadcast stuck behind a platform that is not running does not repeat the same progress every minute', async () => {
    h = harness({ config: { ADMIN_IDS: 'telegram:1' } });
    const app = h.app;
    const admin = new Driver(app, '1', 'telegram');
    new Driver(app, 'q1', 'qq').say('订阅提醒'); // a QQ recipient, but QQ never starts here
    admin.say('群发 测试');
    admin.press('bl:bc:1:go');
    const before = h.sent('1').length;
    for (let i = 0; i < 5; i++) {
      h.clock.now = new Date(h.clock.now.getTime() + 61_000);
      app.broadcaster.tick();
      await h.tg.drainer.drainOnce();
    }
    // Nothing moved since the start message (which said progress would follow): no new message.
    const progress = h.sent('1').slice(before).filter((c) => String(c.payload.text).includes('#1'));
    expect(progress).toHaveLength(0);
    expect(app.db.prepare(`SELECT status FROM broadcasts WHERE id = 1`).get()).toEqual({ status: 'sending' });
  });

  it("a 429's pause holds the broadcast lane, not the replies to users", async () => {
    let limited = false;
    h = harness({
      config: { ADMIN_IDS: 'telegram:1' },
      responder: (call) => {
        if (call.method === 'sendMessage' && String(call.payload.text).includes('停机维护') && !limited) {
          limited = true;
          return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } };
        }
        return undefined;
      },
      // The 429 goes back to the outbox rather than being waited out inside the send.
      telegram: { autoRetry: { maxDelaySeconds: 0 } },
    });
    const app = h.app;
    const limiter = app.broadcaster.telegramLimiter({ perSecond: 100 });
    h.tg.useBelowRetry(app.broadcaster.addTelegramLane(h.tg.sender, limiter, { idleMs: 20 }) as never);
    const admin = new Driver(app, '1', 'telegram');
    for (let id = 5001; id <= 5003; id++) new Driver(app, String(id), 'telegram').say('订阅提醒');
    admin.say('群发 停机维护通知');
    admin.press('bl:bc:1:go');
    app.broadcaster.lane('telegram')!.start();
    await until('the lane paused by a 429', () => limiter.pausedFor > 0);

    // While the lane waits out retry_after, a user's message is answered at once.
    const t0 = Date.now();
    await h.tg.bot.handleUpdate(new Chatter(h.clock, { id: 6001, first_name: 'U' }).text('/start'));
    expect(h.sent(6001).length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(limiter.pausedFor).toBeGreaterThan(0);
    const during = h.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('停机维护'));
    expect(during).toHaveLength(1); // only the send that met the 429
  });
});
