// A broadcasting process for crash tests and the benchmark: the real App on a database file, the
// real grammY Bot (createBot) pointed at a fake Bot API, the paced lane and the monitor. With
// SEED_RECIPIENTS it first writes that many subscribers (10 % groups) and starts a broadcast
// exactly as the admin's confirm button does; without, it resumes whatever the database holds.
// Prints one JSON line when every broadcast is done, then exits.
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { createBot } from '../../adapters/telegram/index.js';
import { BOT_INFO, TOKEN } from '../adapters/telegram/harness.js';

const env = process.env;
const perSecond = Number(env.PER_SECOND ?? 30);
const seed = Number(env.SEED_RECIPIENTS ?? 0);
const app = createApp(
  testConfig({
    DATABASE_PATH: env.DATABASE_PATH!,
    SQLITE_SYNCHRONOUS: (env.SQLITE_SYNCHRONOUS as 'FULL' | 'NORMAL' | undefined) ?? 'FULL',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: env.API_ROOT!,
    TELEGRAM_BROADCAST_PER_SECOND: perSecond,
    ADMIN_IDS: 'telegram:1',
    BROADCAST_PROGRESS_SECONDS: 3600,
  }),
);

if (seed) {
  const now = new Date();
  app.db.transaction(() => {
    const admin = app.db
      .prepare(`INSERT INTO users (platform, platform_user_id, chat_id, created_at) VALUES ('telegram', '1', '1', ?) RETURNING id`)
      .get(now.getTime()) as { id: number };
    const user = app.db.prepare(`INSERT INTO users (platform, platform_user_id, chat_id, alerts_opt_in, created_at) VALUES ('telegram', ?, ?, 1, ?)`);
    const group = app.db.prepare(`INSERT INTO alert_groups (platform, chat_id, added_at) VALUES ('telegram', ?, ?)`);
    for (let i = 0; i < seed; i++) {
      if (i % 10 === 0) group.run(String(-1_000_000_000 - i), now.getTime());
      else user.run(String(10_000_000 + i), String(10_000_000 + i), now.getTime());
    }
    const b = app.broadcaster.store.createDraft(admin.id, null, '⚠️ 商家预警：测试群发', now);
    app.broadcaster.store.start(b.id, app.outbox, now);
  })();
}

const tg = createBot(app, { botInfo: BOT_INFO, autoRetry: { maxRetryAttempts: 3 } });
const limiter = app.broadcaster.telegramLimiter();
tg.useBelowRetry(app.broadcaster.addTelegramLane(tg.sender, limiter, { idleMs: 50, concurrency: Number(env.CONCURRENCY ?? 16) }) as never);
app.broadcaster.start();
tg.drainer.start();
process.stdout.write(JSON.stringify({ ready: true, pid: process.pid }) + '\n');

const started = Date.now();
// The monitor (app.broadcaster, every second) finishes the broadcast and queues the summary;
// this only watches for the end, cheaply until no broadcast is left.
const timer = setInterval(() => {
  const open = app.db.prepare(`SELECT count(*) AS n FROM broadcasts WHERE status = 'sending'`).get() as { n: number };
  if (open.n) return;
  const left = app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`).get() as { n: number };
  if (left.n === 0) {
    clearInterval(timer);
    const lane = app.broadcaster.lane('telegram')!;
    process.stdout.write(JSON.stringify({ done: true, ms: Date.now() - started, sent: lane.sent, failed: lane.failed, pauses: limiter.tooMany, outbox: app.outbox.counts() }) + '\n');
    void Promise.all([app.broadcaster.stop(), tg.drainer.stop()]).then(() => {
      app.close();
      process.exit(0);
    });
  }
}, 200);
