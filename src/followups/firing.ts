// Builds the app's follow-up scheduler from the config.
import type { Config } from '../config.js';
import type { DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import type { Platform, ScenarioId } from '../types.js';
import type { Flow } from '../flow/types.js';
import { FollowUpScheduler } from './scheduler.js';

export { FollowUpScheduler } from './scheduler.js';

export function createFollowUpScheduler(
  db: DB,
  outbox: Outbox,
  config: Config,
  proactive: (platform: Platform) => boolean,
  now: () => Date,
  log: Logger,
  flows: Readonly<Record<ScenarioId, Flow>>,
): FollowUpScheduler {
  return new FollowUpScheduler(
    db,
    outbox,
    {
      zone: config.BOT_TIMEZONE,
      quiet: { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END },
      batch: config.FOLLOWUP_BATCH,
      pollMs: config.FOLLOWUP_POLL_SECONDS * 1000,
      timings: config,
      proactive,
      flows,
    },
    now,
    log,
  );
}
