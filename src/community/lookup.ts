// 查商家 / /check: a merchant's page — status (listed since and why; or removed, when and why),
// verified reports in the last 30 days and in total, open cases naming it, and the outcomes of
// closed cases (anonymous counters, shown only from K_ANONYMITY closed cases on, so nobody can be
// recognised). Admins also see reported-only and removed merchants and pending reports.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { formatAmount } from '../flow/format.js';
import type { Blacklist, LookupResult } from './blacklist.js';
import { only } from './commands.js';
import { Desk, type DeskPort } from './desk.js';
import type { OutcomeRow } from './store/cases.js';

/** Closed cases needed before outcome figures are shown. */
export const K_ANONYMITY = 5;

export interface LookupDeps extends DeskPort {
  blacklist: Pick<Blacklist, 'lookup'>;
}

export function registerLookup(router: Router, deps: LookupDeps): void {
  router.command(only('check'), (ctx, cmd) => check(new Desk(deps, ctx), deps, cmd.arg), { order: ORDER.FEATURE, chats: 'both' });
}

function check(d: Desk, deps: LookupDeps, query: string): true {
  if (!query) return d.say(t('bl.check.usage'));
  const admin = d.isAdmin && !d.group;
  const r = deps.blacklist.lookup(query, d.now, admin);
  if (!r) return d.say(t('bl.check.none', { query: query.slice(0, 50) }));
  return d.say(page(d, r, admin) + t('bl.check.footer'));
}

function via(r: LookupResult): string {
  const name = r.merchant.name;
  if (r.match.distance > 0) return t('bl.check.via.fuzzy', { name });
  if (r.match.via === 'pinyin') return t('bl.check.via.pinyin', { name });
  if (r.match.via === 'domain') return t('bl.check.via.domain');
  if (r.match.via === 'number') return t('bl.check.via.number');
  return '';
}

function page(d: Desk, r: LookupResult, admin: boolean): string {
  const m = r.merchant;
  const reports = r.reports.n ? t('bl.check.reports', { n: r.reports.n, recent: r.recentReports }) : '';
  const common = { name: m.name, reports, cases: r.openCases, via: via(r), others: r.others.length ? t('bl.check.others', { names: r.others.join('、') }) : '' };
  let body: string;
  if (m.status === 'blacklisted') body = t('bl.check.listed', { ...common, since: d.date(m.listedAt), reason: m.reason ?? '' });
  else if (m.status === 'removed')
    body = t('bl.check.removed', { ...common, at: d.date(m.removedAt ?? m.updatedAt), why: m.removedReason ?? t('bl.check.removed.no_reason') });
  else if (r.reports.n) body = t('bl.check.reported', { ...common, reports_n: r.reports.n, recent: r.recentReports, first: d.date(r.reports.first), last: d.date(r.reports.last) });
  else body = t('bl.check.unlisted', common);
  if (admin) body += t('bl.check.admin', { id: m.id, pending: r.pendingReports });
  return body + outcomes(r.outcomes);
}

/** The outcome figures, or a note that there are too few closed cases to show any. */
export function outcomes(rows: readonly OutcomeRow[]): string {
  const by = (o: string) => rows.filter((r) => r.outcome === o).reduce((n, r) => n + r.n, 0);
  const full = by('full');
  const partial = by('partial');
  const none = by('none');
  const closed = full + partial + none;
  if (closed < K_ANONYMITY) return closed ? t('bl.check.outcomes.few', { k: K_ANONYMITY }) : '';
  const refunded = rows.reduce((s, r) => s + (r.outcome === 'full' || r.outcome === 'partial' ? r.refunded : 0), 0);
  const rungs = new Map<string, number>();
  for (const r of rows) if ((r.outcome === 'full' || r.outcome === 'partial') && r.rung) rungs.set(r.rung, (rungs.get(r.rung) ?? 0) + r.n);
  const where = [...rungs.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([rung, n]) => t('bl.check.outcomes.rung', { rung: t(`bl.rung.${rung}`), n }))
    .join('，');
  return t('bl.check.outcomes', { closed, full, partial, none, refunded: formatAmount(Math.round(refunded * 100) / 100), where: where ? t('bl.check.outcomes.where', { where }) : '' });
}
