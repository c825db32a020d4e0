// Merchant blacklist, reports, collective complaints and admin broadcasts, plugged into the engine.
import type { Config } from '../config.js';
import { parseAdminIds } from '../config.js';
import type { App } from '../app.js';
import { Broadcaster } from '../broadcast/broadcaster.js';
import { blacklistHook } from './hook.js';
import { Blacklist } from './service.js';

export { Blacklist } from './service.js';
export { MerchantIndex } from './matcher.js';
export { queryKeys, nameKeys, domainKeys } from './normalize.js';

export const HOOK_ORDER = 10;

export interface BlacklistModule {
  blacklist: Blacklist;
  broadcaster: Broadcaster;
}

/** Builds the blacklist (its index read from the database) and registers its hook on the engine. */
export function installBlacklist(app: Omit<App, 'blacklist' | 'broadcaster'>, config: Config = app.config): BlacklistModule {
  const blacklist = new Blacklist(app.db);
  const broadcaster = new Broadcaster(app);
  // After hooks of default order, before free-text understanding (100), which takes any text.
  app.engine.use(blacklistHook({ app, blacklist, broadcaster, admins: parseAdminIds(config.ADMIN_IDS) }), HOOK_ORDER);
  return { blacklist, broadcaster };
}
