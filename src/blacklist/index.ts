// Merchant blacklist, reports, collective complaints and admin broadcasts: built from narrow
// dependencies and registered on the engine's routing table (app.ts calls installBlacklist).
import type { Config } from '../config.js';
import { parseAdminIds } from '../config.js';
import type { DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import type { Platform } from '../types.js';
import type { Repo } from '../engine/repo.js';
import type { Router } from '../engine/routes.js';
import { Broadcaster } from '../broadcast/broadcaster.js';
import { registerBlacklist } from './hook.js';
import { Blacklist } from './service.js';

export { Blacklist } from './service.js';
export { MerchantIndex } from './matcher.js';
export { queryKeys, nameKeys, domainKeys } from './normalize.js';

export interface BlacklistDeps {
  db: DB;
  outbox: Outbox;
  config: Config;
  log: Logger;
  now: () => Date;
  /** The engine's case and audit store. */
  cases: Pick<Repo, 'audit' | 'casesOf' | 'getCase'>;
  router: Router;
  canSendProactively(platform: Platform): boolean;
}

export interface BlacklistModule {
  blacklist: Blacklist;
  broadcaster: Broadcaster;
}

/** Builds the blacklist (its index read from the database) and the broadcaster, and registers their routes. */
export function installBlacklist(d: BlacklistDeps): BlacklistModule {
  const blacklist = new Blacklist(d.db);
  const broadcaster = new Broadcaster({ db: d.db, outbox: d.outbox, config: d.config, log: d.log, now: d.now, canSendProactively: d.canSendProactively });
  registerBlacklist(d.router, { db: d.db, outbox: d.outbox, cases: d.cases, config: d.config, blacklist, broadcaster, admins: parseAdminIds(d.config.ADMIN_IDS) });
  return { blacklist, broadcaster };
}
