// 审核: an admin works through pending reports — approve (with an undo), approve and list (asks the
// reason, then previews the warning broadcast), reject (asks the reason; the reporter is told
// with a next step), ask the reporter for more, skip. An admin's prompt waits until answered or
// cancelled (取消 / the 取消 button): while it is open, any text — even one starting with a command
// word — is the answer, so this route sits before the built-in commands.
import { ORDER, type Router } from '../engine/routes.js';
import { t } from '../i18n/index.js';
import { formatAmount } from '../flow/format.js';
import { only } from './commands.js';
import { ADMIN_STEPS, bl, Desk, NS, type Notifier, type State } from './desk.js';
import { listMerchant, snapshot, type MerchantsDeps } from './merchants.js';
import type { ReportRow } from './store/merchants.js';
import type { ReplyFile } from '../types.js';

export interface ReviewDeps extends MerchantsDeps {
  notify: Notifier;
}

const OPS = new Set(['ap', 'ab', 'rj', 'sk', 'ua', 'mo', 'px', 'at', 'fl']);
/** Before the built-in commands (-50): an open admin prompt takes the text as its answer. */
export const PROMPT_ORDER = ORDER.BUILTIN - 1;
const CANCEL = /^(取消|算了|退出|\/cancel)$/i;

export function registerReview(router: Router, deps: ReviewDeps): void {
  const opts = { order: ORDER.FEATURE };
  router.command(only('review'), (ctx) => new Review(deps, new Desk(deps, ctx)).next(0), opts);
  router.choice('blacklist', (ctx, c) => (OPS.has(c.op) ? new Review(deps, new Desk(deps, ctx)).press(c.op, c.id ?? 0) : false), opts);
  router.pending<State>(
    NS,
    (ctx, s) => {
      if (!ADMIN_STEPS.has(s.step) || s.step === 'add_same' || ctx.choice) return false;
      const text = ctx.text.trim();
      if (!text) return false;
      const r = new Review(deps, new Desk(deps, ctx));
      if (!r.d.isAdmin) {
        r.d.setState(undefined);
        return r.d.say(t('bl.admin.refused'));
      }
      if (CANCEL.test(text)) return r.cancelPrompt();
      const answer = text.slice(0, 300);
      if (s.step === 'more_info') return r.askMore(s.reportId!, answer);
      return s.step === 'reject_reason' ? r.reject(s.reportId!, answer) : r.approve(s.reportId!, answer);
    },
    { order: PROMPT_ORDER },
  );
}

const FILE_KINDS: ReadonlySet<string> = new Set(['photo', 'document', 'video', 'audio', 'other']);
const fileKind = (k: string): ReplyFile['kind'] => (FILE_KINDS.has(k) ? (k as ReplyFile['kind']) : 'other');

class Review {
  constructor(
    private readonly deps: ReviewDeps,
    readonly d: Desk,
  ) {}

  next(afterId: number): true {
    const store = this.deps.blacklist.store;
    const r = store.nextPending(afterId) ?? (afterId ? store.nextPending(0) : undefined);
    if (!r) return this.d.say(t('bl.review.empty'));
    const others = store.pendingLike(r, r.merchantId ?? this.deps.blacklist.resolve(r.merchantText) ?? null);
    return this.d.say(this.card(r, others), [
      { id: bl({ kind: 'blacklist', op: 'ap', id: r.id }), label: t('bl.review.approve') },
      { id: bl({ kind: 'blacklist', op: 'ab', id: r.id }), label: t('bl.review.approve_list') },
      { id: bl({ kind: 'blacklist', op: 'rj', id: r.id }), label: t('bl.review.reject') },
      { id: bl({ kind: 'blacklist', op: 'sk', id: r.id }), label: t('bl.review.skip') },
      ...(others.length ? [{ id: bl({ kind: 'blacklist', op: 'at', id: r.id }), label: t('bl.review.approve_all', { n: others.length + 1 }) }] : []),
      ...(store.reportFileCount(r.id) ? [{ id: bl({ kind: 'blacklist', op: 'fl', id: r.id }), label: t('bl.review.files') }] : []),
    ]);
  }

  private card(r: ReportRow, others: readonly ReportRow[]): string {
    const bls = this.deps.blacklist;
    const mid = r.merchantId ?? bls.resolve(r.merchantText) ?? null;
    const m = mid !== null ? bls.store.merchant(mid) : undefined;
    const record = r.userId !== null ? bls.store.reporterRecord(r.userId) : undefined;
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
    }) +
      (others.length ? t('bl.review.others', { ids: others.map((o) => `#${o.id}`).join('、') }) : '') +
      (record ? t('bl.review.record', { filed: record.filed, approved: record.approved }) : '');
  }

  press(op: string, id: number): true {
    if (op === 'ap') return this.approve(id, null);
    if (op === 'sk') return this.next(id);
    if (op === 'ua') return this.undoApproval(id);
    if (op === 'px') return this.cancelPrompt();
    if (op === 'at') return this.approveTogether(id);
    if (op === 'fl') return this.files(id);
    const r = this.deps.blacklist.store.report(id);
    if (!r || r.status !== 'pending') return this.d.say(t('bl.review.stale'));
    const step = op === 'ab' ? 'list_reason' : op === 'mo' ? 'more_info' : 'reject_reason';
    this.d.setState({ step, reportId: id });
    const ask = op === 'ab' ? 'bl.review.ask_list_reason' : op === 'mo' ? 'bl.review.ask_more' : 'bl.review.ask_reject';
    const choices = [{ id: bl({ kind: 'blacklist', op: 'px' }), label: t('bl.review.prompt_cancel') }];
    // Before rejecting, the admin may ask the reporter for more instead.
    if (op === 'rj' && r.userId !== null) choices.unshift({ id: bl({ kind: 'blacklist', op: 'mo', id }), label: t('bl.review.more') });
    return this.d.say(t(ask) + t('bl.review.prompt_hint'), choices);
  }

  /**
   * 查看附件: the report's files forwarded to the admin by reference. A reference works only on the
   * platform that issued it, so an admin elsewhere is told where the files can be seen instead.
   */
  private files(reportId: number): true {
    if (!this.d.isAdmin) return this.d.refuse('review');
    const store = this.deps.blacklist.store;
    const r = store.report(reportId);
    const files = r ? store.reportFiles(r.id) : [];
    if (!r || !files.length) return this.d.say(t('bl.review.files_none', { id: reportId }));
    const here = this.d.ctx.inbound.platform;
    const usable = files.filter((f) => f.platform === here);
    this.d.audit('report_files_viewed', `report:${r.id}`, { files: usable.length });
    if (!usable.length) {
      const where = [...new Set(files.map((f) => f.platform).filter((p) => p !== null))].map((p) => t(`platform.${p}`)).join('、');
      return this.d.say(t('bl.review.files_elsewhere', { id: r.id, n: files.length, where: where || t('fact.unknown') }));
    }
    const text = t('bl.review.files_head', { id: r.id, n: usable.length }) + (usable.length < files.length ? t('bl.review.files_some_elsewhere', { n: files.length - usable.length }) : '');
    this.d.ctx.reply({ text, files: usable.map((f) => ({ kind: fileKind(f.kind), ref: f.ref })) });
    return true;
  }

  cancelPrompt(): true {
    const s = this.d.state();
    this.d.setState(undefined);
    return this.d.say(t(s ? 'bl.review.prompt_cancelled' : 'bl.report.cancelled'));
  }

  /** Approves a report; with a reason, also lists the merchant and drafts the warning broadcast. */
  approve(reportId: number, listReason: string | null, thenNext = true): true {
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
    this.d.say(t('bl.review.approved', { id: r.id, merchant: m.name, mid: m.id }), [{ id: bl({ kind: 'blacklist', op: 'ua', id: r.id }), label: t('bl.review.undo') }]);
    if (listReason !== null) return listMerchant(this.d, this.deps, m, listReason);
    return thenNext ? this.next(r.id) : true;
  }

  /** Approves a report and the other pending reports about the same merchant. */
  private approveTogether(reportId: number): true {
    const store = this.deps.blacklist.store;
    const r = store.report(reportId);
    if (!r || r.status !== 'pending') return this.d.say(t('bl.review.stale'));
    const others = store.pendingLike(r, r.merchantId ?? this.deps.blacklist.resolve(r.merchantText) ?? null);
    for (const o of others) this.approve(o.id, null, false);
    return this.approve(r.id, null);
  }

  /** An approval withdrawn: the report is pending again and no longer counts publicly. */
  private undoApproval(reportId: number): true {
    const store = this.deps.blacklist.store;
    const r = store.report(reportId);
    if (!r || !store.reopen(reportId)) return this.d.say(t('bl.review.not_undoable'));
    this.d.audit('report_approval_withdrawn', `report:${r.id}`, { before: { status: 'approved' }, after: { status: 'pending' } });
    const m = r.merchantId !== null ? store.merchant(r.merchantId) : undefined;
    return this.d.say(t(m?.status === 'blacklisted' ? 'bl.review.undone_listed' : 'bl.review.undone', { id: r.id, name: m?.name ?? r.merchantText, mid: m?.id ?? '' }));
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

  /** Asks the reporter for more (the report stays pending). */
  askMore(reportId: number, question: string): true {
    const r = this.deps.blacklist.store.report(reportId);
    this.d.setState(undefined);
    if (!r || r.status !== 'pending' || r.userId === null) return this.d.say(t('bl.review.stale'));
    this.deps.notify.user(r.userId, t('bl.report.more_notice', { id: r.id, merchant: r.merchantText, question }), this.d.now);
    this.d.audit('report_more_asked', `report:${r.id}`);
    this.d.say(t('bl.review.more_sent', { id: r.id }));
    return this.next(r.id);
  }
}
