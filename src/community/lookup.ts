// 查商家 / /check: what is publicly known about a merchant (private chats and groups).
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import type { Blacklist } from './blacklist.js';
import { only } from './commands.js';
import { Desk, type DeskPort } from './desk.js';

export interface LookupDeps extends DeskPort {
  blacklist: Pick<Blacklist, 'lookup'>;
}

export function registerLookup(router: Router, deps: LookupDeps): void {
  router.command(only('check'), (ctx, cmd) => check(new Desk(deps, ctx), deps, cmd.arg), { order: ORDER.FEATURE, chats: 'both' });
}

function check(d: Desk, deps: LookupDeps, query: string): true {
  if (!query) return d.say(t('bl.check.usage'));
  const r = deps.blacklist.lookup(query);
  if (!r) return d.say(t('bl.check.none', { query: query.slice(0, 50) }));
  const m = r.merchant;
  const via =
    r.match.distance > 0
      ? t('bl.check.via.fuzzy', { name: m.name })
      : r.match.via === 'pinyin'
        ? t('bl.check.via.pinyin', { name: m.name })
        : r.match.via === 'domain'
          ? t('bl.check.via.domain')
          : r.match.via === 'number'
            ? t('bl.check.via.number')
            : '';
  const others = r.others.length ? t('bl.check.others', { names: r.others.join('、') }) : '';
  const body =
    m.status === 'blacklisted'
      ? t('bl.check.listed', { name: m.name, since: d.date(m.listedAt), reason: m.reason ?? '', reports: r.reports.n, cases: r.openCases, via, others })
      : t('bl.check.reported', { name: m.name, reports: r.reports.n, first: d.date(r.reports.first), last: d.date(r.reports.last), cases: r.openCases, via, others });
  return d.say(body + t('bl.check.footer'));
}
