// Wires the platform-free parts together: config, database, outbox, engine, and the features
// registered on the engine's routing table. The only module that knows them all.
// Adapters receive an App and nothing else.
import type { Config } from './config.js';
import { openDatabase, type DB } from './store/db.js';
import { Outbox } from './store/outbox.js';
import { startCheckpointer, SAFETY_AUTOCHECKPOINT, type Checkpointer } from './store/checkpointer.js';
import { Engine } from './engine/engine.js';
import { InboundBatcher } from './engine/batcher.js';
import { registerUnderstanding } from './engine/understanding.js';
import { registerCoaching } from './coaching/routes.js';
import { detectScam } from './coaching/scam.js';
import { FLOWS } from '../flows/index.js';
import { createLogger, type Logger } from './log.js';
import { createFollowUpScheduler, type FollowUpScheduler } from './followups/firing.js';
import { installCommunity } from './community/index.js';
import type { Blacklist } from './community/blacklist.js';
import type { Broadcaster } from './broadcast/broadcaster.js';
import { installCalendar } from './calendar/setup.js';
import { useClockForDates } from './flow/format.js';
import type { Platform } from './types.js';
import { PlatformOutcomeStore } from './community/store/outcomes.js';
import { groupKey } from './community/match/normalize.js';
import { K_ANONYMITY } from './community/lookup.js';

export interface App {
  config: Config;
  db: DB;
  outbox: Outbox;
  engine: Engine;
  /** engine.handle with group commit (see InboundBatcher): what adapters call. */
  inbound: InboundBatcher;
  /** Fires due follow-ups into the outbox; main.ts starts it, tests call fireDue() with their clock. */
  scheduler: FollowUpScheduler;
  /** Merchant blacklist and lookups (its hook is registered on the engine). */
  blacklist: Blacklist;
  /** Broadcast lanes, progress and summaries; main.ts starts it and adds the Telegram lane. */
  broadcaster: Broadcaster;
  log: Logger;
  /** The injected clock; tests pass their own. */
  now: () => Date;
  close(): void;
}

export interface AppOptions {
  now?: () => Date;
  log?: Logger;
  /** The terminal chat runs with stderr on the same screen: operator warnings meant for the log stay at debug. */
  interactiveTerminal?: boolean;
}

export function createApp(config: Config, opts: AppOptions = {}): App {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const now = opts.now ?? (() => new Date());
  // Holidays (HOLIDAYS_FILE) before anything counts a deadline; warns when a year ahead is estimated.
  useClockForDates(now);
  const calendar = installCalendar({ file: config.HOLIDAYS_FILE, zone: config.BOT_TIMEZONE, now, log, level: opts.interactiveTerminal ? 'debug' : 'warn' });
  const db = openDatabase({ path: config.DATABASE_PATH, synchronous: config.SQLITE_SYNCHRONOUS });
  let checkpointer: Checkpointer | undefined;
  if (config.DATABASE_PATH !== ':memory:' && config.SQLITE_CHECKPOINT_MS > 0) {
    db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT}`);
    checkpointer = startCheckpointer(config.DATABASE_PATH, config.SQLITE_CHECKPOINT_MS, config.SQLITE_SYNCHRONOUS, (e) =>
      log.warn({ err: e }, 'background checkpoint failed'),
    );
  }
  const outbox = new Outbox(db);
  const recovered = outbox.recoverStale();
  if (recovered) log.info({ recovered }, 'outbox rows from an interrupted run put back to pending');
  const engine = new Engine({ db, outbox, config, now, flows: FLOWS, log, isScam: (text) => detectScam(text) !== undefined });
  const canSendProactively = (p: Platform) => engine.canSendProactively(p);
  // Features register on the routing table (src/engine/routes.ts); the order decides who sees what first.
  const { blacklist, broadcaster } = installCommunity({ db, outbox, config, log, now, cases: engine.repo, router: engine.router, canSendProactively });
  // Past outcomes on a case's platform, shown at the matching rung (issue 16 item 2; k-anonymous counters).
  const platformOutcomes = new PlatformOutcomeStore(db, groupKey, () => blacklist.syncCases(), K_ANONYMITY);
  engine.setOutcomeFigures((platform) => platformOutcomes.figures(platform));
  // Coaching (issue 12): scams first, the fabrication guard and 检查语气 before understanding, the other side's answers.
  registerCoaching(engine.router, {
    config,
    flows: FLOWS,
    repo: engine.repo,
    // Collective-complaint consents, read-only through the community blacklist's grouping of the merchant.
    consentingCases: (merchant) => {
      const g = blacklist.group(merchant);
      const open = new Set(blacklist.openCasesIn(g.keys).map((o) => o.caseId));
      return blacklist.consentsIn(g.keys).filter((x) => open.has(x.caseId)).map((x) => x.caseId);
    },
  });
  // Free-text understanding takes any unclaimed text, so it comes after every other feature.
  registerUnderstanding(engine.router, config.BOT_TIMEZONE, FLOWS);
  engine.maintenance();
  const scheduler = createFollowUpScheduler(db, outbox, config, canSendProactively, now, log, FLOWS);
  const inbound = new InboundBatcher(engine);
  return {
    config,
    db,
    outbox,
    engine,
    inbound,
    scheduler,
    blacklist,
    broadcaster,
    log,
    now,
    close() {
      void scheduler.stop();
      calendar.stop();
      broadcaster.halt();
      checkpointer?.stop();
      if (db.open) db.close();
    },
  };
}
