// Child process for the kill -9 test: the delivery half of the bot's start-up as createApp does
// it (open the database, put rows a crash left in 'sending' back to pending), the real scheduler
// firing into the outbox, and a Drainer delivering over HTTP to the parent's fake platform.
// The engine and NLU are left out: they play no part in delivery and would slow each restart.
// Configured by environment: CRASH_DB (database file), CRASH_PORT (fake platform port).
import { request, Agent } from 'node:http';
import { testConfig } from '../../src/config.js';
import { openDatabase } from '../../src/store/db.js';
import { Outbox } from '../../src/store/outbox.js';
import { createLogger } from '../../src/log.js';
import { createFollowUpScheduler } from '../../src/followups/firing.js';
import { FLOWS } from '../../flows/index.js';
import { Drainer } from '../../src/delivery/drainer.js';
import { SendError, type Sender } from '../../src/delivery/sender.js';
import type { Delivery } from '../../src/types.js';

const port = Number(process.env.CRASH_PORT);
const config = testConfig({
  DATABASE_PATH: process.env.CRASH_DB!,
  // No quiet hours: the test must not depend on the time of day it runs at.
  QUIET_HOURS_START: 0,
  QUIET_HOURS_END: 0,
  FOLLOWUP_BATCH: 7,
});
const log = createLogger('silent');
const db = openDatabase({ path: config.DATABASE_PATH, synchronous: config.SQLITE_SYNCHRONOUS });
const outbox = new Outbox(db);
outbox.recoverStale();
const scheduler = createFollowUpScheduler(db, outbox, config, () => true, () => new Date(), log, FLOWS);
const agent = new Agent({ keepAlive: true });

function post(d: Delivery): Promise<void> {
  const body = JSON.stringify({ pid: process.pid, outboxId: d.outboxId, chatId: d.chatId, reply: d.reply });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/send', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new SendError(`HTTP ${res.statusCode}`, { retryAfterMs: 5 }))));
    });
    req.on('error', (e) => reject(new SendError(e.message, { retryAfterMs: 5 })));
    req.end(body);
  });
}

const sender: Sender = { platform: 'telegram', proactive: true, send: post };
const drainer = new Drainer(outbox, sender, log, { batch: 3, idleMs: 3, concurrency: Number(process.env.CRASH_CONCURRENCY ?? config.DELIVERY_CONCURRENCY) });
drainer.start();
// The scheduler's own loop polls every FOLLOWUP_POLL_SECONDS (≥ 1 s); here lives last tens of
// milliseconds, so the same fire path runs on a short timer.
const tick = setInterval(() => {
  void scheduler.runDue().then((n) => n && drainer.kick());
}, 4);
process.stdout.write('ready\n');

process.on('SIGTERM', () => {
  clearInterval(tick);
  void drainer.stop().then(() => {
    db.close();
    process.exit(0);
  });
});
