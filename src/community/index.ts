// Community features — merchant lookups, reports, alerts, collective complaints, review, merchant
// admin, group subscription, broadcast commands — one module each, registered on the engine's
// routing table over narrow ports. app.ts calls installCommunity; nothing here sees the App.
import type { Config } from '../config.js';
import { parseAdminIds } from '../config.js';
import type { DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import type { Platform } from '../types.js';
import type { Repo } from '../engine/repo.js';
import type { Router } from '../engine/routes.js';
import { Broadcaster } from '../broadcast/broadcaster.js';
import { registerAccess } from './access.js';
import { registerAlerts } from './alerts.js';
import { Blacklist } from './blacklist.js';
import { registerBroadcasts } from './broadcasts.js';
import { CollectiveNotices, NOTICE_BATCH, registerCollective } from './collective.js';
import { Notifier } from './desk.js';
import { registerGroups } from './groups.js';
import { registerLookup } from './lookup.js';
import { registerMerchants } from './merchants.js';
import { registerReports } from './reports.js';
import { registerReview } from './review.js';
import { registerWelcome } from './welcome.js';
import { PeopleStore } from './store/people.js';
import { NoticeStore } from './store/notices.js';

export { Blacklist } from './blacklist.js';
export { MerchantIndex } from './match/matcher.js';
export { queryKeys, nameKeys, domainKeys } from './match/normalize.js';

export interface CommunityDeps {
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

/** How often queued collective-complaint notices are written (a bounded batch each time). */
export const NOTICE_SECONDS = 1;

export interface CommunityModule {
  blacklist: Blacklist;
  broadcaster: Broadcaster;
}

/** Builds the blacklist (its index read from the database) and the broadcaster, and registers every feature's routes. */
export function installCommunity(d: CommunityDeps): CommunityModule {
  const blacklist = new Blacklist(d.db);
  const broadcaster = new Broadcaster({ db: d.db, outbox: d.outbox, config: d.config, log: d.log, now: d.now, canSendProactively: d.canSendProactively });
  const people = new PeopleStore(d.db);
  const notify = new Notifier(people, d.outbox);
  const port = { admins: parseAdminIds(d.config.ADMIN_IDS), cases: d.cases, config: d.config };
  const r = d.router;
  registerAccess(r, port);
  registerWelcome(r, port);
  registerLookup(r, { ...port, blacklist });
  registerReports(r, { ...port, blacklist, people });
  registerAlerts(r, { ...port, people });
  const notices = new CollectiveNotices(new NoticeStore(d.db), notify, () => blacklist.syncCases());
  registerCollective(r, { ...port, blacklist, notices });
  registerReview(r, { ...port, blacklist, broadcaster, notify });
  registerMerchants(r, { ...port, blacklist, broadcaster });
  registerGroups(r, { ...port, store: blacklist.store });
  registerBroadcasts(r, { ...port, outbox: d.outbox, broadcaster, merchants: blacklist.store });
  // Cases written while the bot was down (or before this version) are keyed now, not on the first lookup.
  blacklist.syncCases();
  // Collective-complaint notices beyond a join's first batch: one bounded step a second, off any
  // user's turn; it ends itself once the database is closed (app.close).
  const timer: NodeJS.Timeout = setInterval(() => {
    if (!d.db.open) return clearInterval(timer);
    try {
      notices.drain(NOTICE_BATCH * 5, d.now());
    } catch (err) {
      d.log.warn({ err }, 'collective notices step failed');
    }
  }, NOTICE_SECONDS * 1000);
  timer.unref();
  return { blacklist, broadcaster };
}
