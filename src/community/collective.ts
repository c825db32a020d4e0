// 集体投诉: users with open cases against the same merchant agree to be counted together; the
// admin exports what was agreed (amounts, dates, scenarios — never who).
import type { Repo } from '../engine/repo.js';
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { formatAmount } from '../flow/format.js';
import { caseMerchantText, type Blacklist } from './blacklist.js';
import { only } from './commands.js';
import { bl, Desk, type DeskPort, type Notifier } from './desk.js';
import type { NoticeStore } from './store/notices.js';

/** At most this many notices are written in one turn or one background step (issue 14: bounded work). */
export const NOTICE_BATCH = 20;

export interface CollectiveDeps extends DeskPort {
  cases: Pick<Repo, 'audit' | 'casesOf' | 'getCase'>;
  blacklist: Pick<Blacklist, 'store' | 'group' | 'countsIn' | 'ownOpenIn' | 'consentedCasesIn'>;
  notices: CollectiveNotices;
}

/**
 * The notices to users who agreed earlier, written as a queued job in bounded steps: the join's own
 * turn writes the first batch (a small group hears at once), the background step the rest. Each
 * earlier consenter gets one notice per join with the counts at the moment of that join.
 */
export class CollectiveNotices {
  constructor(
    private readonly store: NoticeStore,
    private readonly notify: Notifier,
    private readonly syncCases: () => void,
  ) {}

  queue(keys: readonly string[], merchant: string, joiner: number, total: number, agreed: number, now: Date): number {
    return this.store.queue(keys, merchant, joiner, total, agreed, now);
  }

  /** Writes at most `limit` notices of one job; returns how many it wrote. */
  step(jobId: number, limit: number, now: Date): number {
    const job = this.store.job(jobId);
    if (!job) return 0;
    this.syncCases();
    const users = this.store.recipients(job.keys, job.afterUser, limit);
    let written = 0;
    for (const userId of users) {
      if (userId === job.joiner) continue;
      this.notify.user(userId, t('bl.collective.notice', { merchant: job.merchant, total: job.total, agreed: job.agreed }), now);
      written++;
    }
    if (users.length < limit) this.store.done(job.id);
    else this.store.advance(job.id, users[users.length - 1]);
    return written;
  }

  /** Background step: at most `budget` recipients over the oldest jobs (each step advances or ends its job). */
  drain(budget: number, now: Date): number {
    let written = 0;
    for (let left = budget, id = this.store.oldest(); id !== undefined && left > 0; id = this.store.oldest()) {
      const n = Math.min(left, NOTICE_BATCH);
      written += this.step(id, n, now);
      left -= n;
    }
    return written;
  }
}

export function registerCollective(router: Router, deps: CollectiveDeps): void {
  const opts = { order: ORDER.FEATURE };
  router.command(
    only('join', 'leave', 'export'),
    (ctx, cmd) => {
      const c = new Collective(deps, new Desk(deps, ctx));
      return cmd.name === 'join' ? c.pick() : cmd.name === 'leave' ? c.leave() : c.export(cmd.arg);
    },
    opts,
  );
  router.choice(
    'blacklist',
    (ctx, c) => {
      if (c.op !== 'cj' && c.op !== 'cy' && c.op !== 'cn') return false;
      const col = new Collective(deps, new Desk(deps, ctx));
      return c.op === 'cj' ? col.consent(c.id ?? 0) : c.op === 'cy' ? col.join(c.id ?? 0) : col.d.say(t('bl.collective.declined'));
    },
    opts,
  );
}

class Collective {
  constructor(
    private readonly deps: CollectiveDeps,
    readonly d: Desk,
  ) {}

  pick(): true {
    const cases = this.deps.cases.casesOf(this.d.userId).filter((c) => c.status === 'open' && c.state.stage !== 'declined' && caseMerchantText(c.facts));
    if (!cases.length) return this.d.say(t('bl.collective.none'));
    return this.d.say(
      t('bl.collective.pick'),
      cases.slice(0, 8).map((c) => ({ id: bl({ kind: 'blacklist', op: 'cj', id: c.id }), label: t('bl.collective.case', { id: c.id, merchant: caseMerchantText(c.facts)!.slice(0, 30) }) })),
    );
  }

  leave(): true {
    const n = this.deps.blacklist.store.withdrawConsents(this.d.userId);
    this.d.audit('collective_left', null, { cases: n });
    return this.d.say(t('bl.collective.left', { n }));
  }

  consent(caseId: number): true {
    const c = this.deps.cases.getCase(caseId);
    if (!c || c.userId !== this.d.userId || c.status !== 'open') return this.d.say(t('bl.collective.stale'));
    return this.d.say(t('bl.collective.consent'), [
      { id: bl({ kind: 'blacklist', op: 'cy', id: caseId }), label: t('bl.collective.yes') },
      { id: bl({ kind: 'blacklist', op: 'cn' }), label: t('bl.collective.no') },
    ]);
  }

  join(caseId: number): true {
    const bls = this.deps.blacklist;
    const c = this.deps.cases.getCase(caseId);
    const merchant = c && caseMerchantText(c.facts);
    if (!c || !merchant || c.userId !== this.d.userId || c.status !== 'open') return this.d.say(t('bl.collective.stale'));
    const g = bls.group(merchant);
    bls.store.consent(c.id, this.d.userId, g.merchantId !== undefined ? `m:${g.merchantId}` : (g.keys[0] ?? merchant), this.d.now);
    this.d.audit('collective_joined', `case:${c.id}`);
    // Indexed counts (the joiner's own case and consent included), not a list of every case.
    const counts = bls.countsIn(g.keys);
    const name = this.merchantName(g.merchantId, merchant);
    // Everyone else who agreed hears how many are affected now: the first batch in this turn, the rest
    // from the background step (CollectiveNotices), so this turn's work does not grow with the group.
    const agreed = Math.max(counts.agreedUsers, 1);
    const job = this.deps.notices.queue(g.keys, name, this.d.userId, counts.open, agreed, this.d.now);
    this.deps.notices.step(job, NOTICE_BATCH, this.d.now);
    return this.d.say(
      t('bl.collective.joined', {
        merchant: name,
        // Other users' cases only: the joiner's own cases (this one and any other) are not "others".
        others: Math.max(counts.open - bls.ownOpenIn(g.keys, this.d.userId), 0),
        agreed: agreed - 1,
      }),
    );
  }

  private merchantName(merchantId: number | undefined, fallback: string): string {
    return merchantId !== undefined ? (this.deps.blacklist.store.merchant(merchantId)?.name ?? fallback) : fallback;
  }

  export(arg: string): true {
    if (this.d.group) return this.d.say(t('bl.admin.private'));
    if (!arg) return this.d.say(t('bl.collective.export.usage'));
    const bls = this.deps.blacklist;
    const g = bls.group(arg);
    const name = this.merchantName(g.merchantId, arg);
    // Counts and the agreed cases each in one indexed query: O(group), no read per case.
    const counts = bls.countsIn(g.keys);
    const others = counts.open - counts.openAgreed;
    const rows = bls.consentedCasesIn(g.keys);
    this.d.audit('collective_exported', g.merchantId !== undefined ? `merchant:${g.merchantId}` : null, { cases: rows.length });
    if (!rows.length) return this.d.say(t('bl.collective.export.none', { merchant: name, others }));
    let total = 0;
    const paidTimes: number[] = [];
    const lines = rows.map((c, i) => {
      const amount = typeof c.amount === 'number' ? c.amount : null;
      if (amount !== null) total += amount;
      const paidMs = typeof c.paidAt === 'string' ? Date.parse(c.paidAt) : NaN;
      if (!Number.isNaN(paidMs)) paidTimes.push(paidMs);
      return t('bl.collective.export.line', {
        n: i + 1,
        scenario: t(`scenario.${c.scenario}`),
        amount: amount === null ? t('fact.unknown') : formatAmount(amount),
        paidAt: Number.isNaN(paidMs) ? t('fact.unknown') : this.d.date(paidMs),
      });
    });
    paidTimes.sort((a, b) => a - b);
    const from = paidTimes.length ? this.d.date(paidTimes[0]) : undefined;
    const to = paidTimes.length ? this.d.date(paidTimes[paidTimes.length - 1]) : undefined;
    const body = t('bl.collective.export.body', {
      merchant: name,
      count: rows.length,
      total: Math.round(total * 100) / 100,
      dates: !from ? t('fact.unknown') : from === to ? from : t('bl.collective.export.range', { from, to }),
      others,
      lines: lines.join('\n'),
    });
    this.d.ctx.reply({ text: t('bl.collective.export.intro'), document: { title: t('bl.collective.export.title', { merchant: name }), body } });
    return true;
  }
}
