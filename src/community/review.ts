// 审核: an admin works through pending reports — approve, approve and list (asks the reason,
// then previews the warning broadcast), reject (asks the reason, the reporter is told), skip.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { formatAmount } from '../flow/format.js';
import { only } from './commands.js';
import { bl, Desk, NS, type Notifier, type State } from './desk.js';
import { listMerchant, snapshot, type MerchantsDeps } from './merchants.js';
import type { ReportRow } from './store/merchants.js';

export interface ReviewDeps extends MerchantsDeps {
  notify: Notifier;
}

const OPS = new Set(['ap', 'ab', 'rj', 'sk']);

export function registerReview(router: Router, deps: ReviewDeps): void {
  const opts = { order: ORDER.FEATURE };
  router.command(only('review'), (ctx) => new Review(deps, new Desk(deps, ctx)).next(0), opts);
  router.choice('blacklist', (ctx, c) => (OPS.has(c.op) ? new Review(deps, new Desk(deps, ctx)).press(c.op, c.id ?? 0) : false), opts);
  router.pending<State>(
    NS,
    (ctx, s) => {
      const text = ctx.text.trim();
      if (!text || (s.step !== 'reject_reason' && s.step !== 'list_reason')) return false;
      const r = new Review(deps, new Desk(deps, ctx));
      if (!r.d.isAdmin) {
        r.d.setState(undefined);
        return r.d.say(t('bl.admin.refused'));
      }
      return s.step === 'reject_reason' ? r.reject(s.reportId!, text.slice(0, 300)) : r.approve(s.reportId!, text.slice(0, 300));
    },
    opts,
  );
}

class Review {
  constructor(
    private readonly deps: ReviewDeps,
    readonly d: Desk,
  ) {}

  next(afterId: number): true {
    const store = this.deps.blacklist.store;
    const r = store.nextPending(afterId) ?? (afterId ? store.nextPending(0) : undefined);
    if (!r) return this.d.say(t('bl.review.empty'));
    return this.d.say(this.card(r), [
      { id: bl({ kind: 'blacklist', op: 'ap', id: r.id }), label: t('bl.review.approve') },
      { id: bl({ kind: 'blacklist', op: 'ab', id: r.id }), label: t('bl.review.approve_list') },
      { id: bl({ kind: 'blacklist', op: 'rj', id: r.id }), label: t('bl.review.reject') },
      { id: bl({ kind: 'blacklist', op: 'sk', id: r.id }), label: t('bl.review.skip') },
    ]);
  }

  private card(r: ReportRow): string {
    const bls = this.deps.blacklist;
    const mid = r.merchantId ?? bls.resolve(r.merchantText);
    const m = mid !== undefined && mid !== null ? bls.store.merchant(mid) : undefined;
    return t('bl.review.card', {
      id: r.id,
      left: bls.store.pendingCount(),
      merchant: r.merchantText,
      known: m ? t('bl.review.known', { mid: m.id, name: m.name, status: t(`bl.status.${m.status}`) }) : '',
      what: r.what,
      amount: r.amount === null ? t('bl.report.unknown_amount') : formatAmount(r.amount),
      evidence: r.evidenceCount,
      fromCase: t(r.caseId ? 'bl.yes' : 'bl.no'),
      at: this.d.date(r.createdAt),
    });
  }

  press(op: string, id: number): true {
    if (op === 'ap') return this.approve(id, null);
    if (op === 'sk') return this.next(id);
    const r = this.deps.blacklist.store.report(id);
    if (!r || r.status !== 'pending') return this.d.say(t('bl.review.stale'));
    this.d.setState({ step: op === 'ab' ? 'list_reason' : 'reject_reason', reportId: id });
    return this.d.say(t(op === 'ab' ? 'bl.review.ask_list_reason' : 'bl.review.ask_reject'));
  }

  /** Approves a report; with a reason, also lists the merchant and drafts the warning broadcast. */
  approve(reportId: number, listReason: string | null): true {
    const bls = this.deps.blacklist;
    const r = bls.store.report(reportId);
    this.d.setState(undefined);
    if (!r || r.status !== 'pending') return this.d.say(t('bl.review.stale'));
    let m = r.merchantId !== null ? bls.store.merchant(r.merchantId) : undefined;
    if (!m) {
      const found = bls.resolve(r.merchantText);
      m = found !== undefined ? bls.store.merchant(found) : undefined;
    }
    if (!m) {
      m = bls.addMerchant(r.merchantText, 'reported', null, this.d.now);
      this.d.audit('merchant_created', `merchant:${m.id}`, { after: snapshot(m) });
    }
    bls.store.decide(r.id, 'approved', null, m.id, this.d.now);
    this.d.audit('report_approved', `report:${r.id}`, { before: { status: 'pending' }, after: { status: 'approved', merchant: m.id } });
    if (r.userId !== null) this.deps.notify.user(r.userId, t('bl.report.approved_notice', { id: r.id, merchant: r.merchantText }), this.d.now);
    this.d.say(t('bl.review.approved', { id: r.id, merchant: m.name, mid: m.id }));
    if (listReason === null) return this.next(r.id);
    return listMerchant(this.d, this.deps, m, listReason);
  }

  reject(reportId: number, reason: string): true {
    const store = this.deps.blacklist.store;
    const r = store.report(reportId);
    this.d.setState(undefined);
    if (!r || !store.decide(reportId, 'rejected', reason, null, this.d.now)) return this.d.say(t('bl.review.stale'));
    this.d.audit('report_rejected', `report:${r.id}`, { before: { status: 'pending' }, after: { status: 'rejected', reason } });
    if (r.userId !== null) this.deps.notify.user(r.userId, t('bl.report.rejected_notice', { id: r.id, merchant: r.merchantText, reason }), this.d.now);
    this.d.say(t('bl.review.rejected', { id: r.id }));
    return this.next(r.id);
  }
}
