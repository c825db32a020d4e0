// Wires the platform-free parts together: config, database, outbox, engine.
// Adapters receive an App and nothing else.
import type { Config } from './config.js';
import { openDatabase, type DB } from './store/db.js';
import { Outbox } from './store/outbox.js';
import { Engine } from './engine/engine.js';
import { understandingHook } from './engine/understanding.js';
import { createLogger, type Logger } from './log.js';
import { createFollowUpScheduler, type FollowUpScheduler } from './scheduler/index.js';

export interface App {
  config: Config;
  db: DB;
  outbox: Outbox;
  engine: Engine;
  /** Fires due follow-ups into the outbox; main.ts starts it, tests call fireDue() with their clock. */
  scheduler: FollowUpScheduler;
  log: Logger;
  /** The injected clock; tests pass their own. */
  now: () => Date;
  close(): void;
}

export interface AppOptions {
  now?: () => Date;
  log?: Logger;
}

export function createApp(config: Config, opts: AppOptions = {}): App {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const db = openDatabase({ path: config.DATABASE_PATH, synchronous: config.SQLITE_SYNCHRONOUS });
  const outbox = new Outbox(db);
  const recovered = outbox.recoverStale();
  if (recovered) log.info({ recovered }, 'outbox rows from an interrupted run put back to pending');
  const now = opts.now ?? (() => new Date());
  const engine = new Engine(db, outbox, config, now, log);
  // Free-text understanding takes any unclaimed text, so it runs after every other hook.
  engine.use(understandingHook(config.BOT_TIMEZONE, config), 100);
  engine.expireClosedCases();
  const scheduler = createFollowUpScheduler(db, outbox, config, (p) => engine.canSendProactively(p), now, log);
  return {
    config,
    db,
    outbox,
    engine,
    scheduler,
    log,
    now,
    close() {
      void scheduler.stop();
      if (db.open) db.close();
    },
  };
}
