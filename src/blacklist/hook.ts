// The engine hook for merchant lookups, reports, alerts, collective complaints and admin work.
// Admin rights come from ADMIN_IDS (platform:id) and are checked on every command and every
// button press, never taken from group roles or names. Button ids: { kind: 'blacklist' } in
// src/engine/choices.ts ("bl:…"). Registered on the routing table by registerBlacklist.
import type { Config } from '../config.js';
import type { DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Repo } from '../engine/repo.js';
import { ORDER, type Router, type TurnContext } from '../engine/routes.js';
import { encodeChoice, type ChoiceOf } from '../engine/choices.js';
import { t } from '../i18n/index.js';
import { formatAmount } from '../flow/format.js';
import { parseAmount } from '../nlu/amount.js';
import type { Choice, Platform, Reply } from '../types.js';
import type { Broadcaster } from '../broadcast/broadcaster.js';
import { summary } from '../broadcast/broadcaster.js';
import { ADMIN_COMMANDS, matchBlCommand, type BlCommand } from './commands.js';
import { classifyIdentifier } from './normalize.js';
import { caseMerchantText, type Blacklist } from './service.js';
import type { MerchantRow, ReportRow } from './store.js';

export const NS = 'blacklist';
/** A half-finished report or admin prompt is forgotten after this long. */
const STATE_TTL_MS = 15 * 60_000;
export const MAX_BROADCAST_CHARS = 1000;

type Step = 'r_merchant' | 'r_what' | 'r_amount' | 'r_evidence' | 'r_confirm' | 'reject_reason' | 'list_reason';

interface ReportDraft {
  merchant?: string;
  what?: string;
  amount?: number | null;
  evidence?: number;
}

interface State {
  step: Step;
  at: number;
  draft?: ReportDraft;
  reportId?: number;
}

/** What the blacklist features use (a narrow port, not the App). */
export interface HookDeps {
  /** For the few raw queries left (evidence count, alert opt-in, a user's chat). */
  db: DB;
  outbox: Outbox;
  /** Cases and the audit log. */
  cases: Pick<Repo, 'audit' | 'casesOf' | 'getCase'>;
  config: Pick<Config, 'BOT_TIMEZONE' | 'REPORTS_PER_DAY' | 'TELEGRAM_BROADCAST_PER_SECOND' | 'TELEGRAM_GROUP_PER_MINUTE'>;
  blacklist: Blacklist;
  broadcaster: Pick<Broadcaster, 'store' | 'kick' | 'tally'>;
  admins: ReadonlySet<string>;
}

/**
 * Registers the blacklist's routes (order ORDER.FEATURE): its buttons, its commands (private
 * and group) and its report / admin sub-dialogue (pending state under NS).
 */
export function registerBlacklist(router: Router, deps: HookDeps): void {
  const opts = { order: ORDER.FEATURE, chats: 'both' } as const;
  // Buttons are only ever offered in private chats; in a group one is swallowed.
  router.choice('blacklist', (ctx, c) => ctx.inbound.chatKind === 'group' || new Turn(deps, ctx).press(c), opts);
  router.command(matchBlCommand, (ctx, cmd) => new Turn(deps, ctx).onCommand(cmd), opts);
  router.pending<State>(NS, (ctx, s) => new Turn(deps, ctx).onPending(s), { order: ORDER.FEATURE });
}

const bl = (c: ChoiceOf<'blacklist'>): string => encodeChoice(c);

class Turn {
  private readonly app: Pick<HookDeps, 'db' | 'outbox' | 'config'>;
  private readonly bl: Blacklist;

  constructor(
    private readonly deps: HookDeps,
    private readonly ctx: TurnContext,
  ) {
    this.app = deps;
    this.bl = deps.blacklist;
  }

  private get isAdmin(): boolean {
    return this.deps.admins.has(`${this.ctx.inbound.platform}:${this.ctx.inbound.userId}`);
  }

  private get group(): boolean {
    return this.ctx.inbound.chatKind === 'group';
  }

  private say(text: string, choices?: Choice[]): true {
    this.ctx.reply(choices?.length ? { text, choices } : { text });
    return true;
  }

  private state(): State | undefined {
    const s = this.ctx.ext.get<State>(NS);
    if (s && this.ctx.now.getTime() - s.at > STATE_TTL_MS) return undefined;
    return s;
  }

  private setState(s: Omit<State, 'at'> | undefined): void {
    this.ctx.ext.set(NS, s ? { ...s, at: this.ctx.now.getTime() } : undefined);
  }

  private audit(action: string, subject: string | null, detail: Record<string, unknown> = {}): void {
    const who = `${this.ctx.inbound.platform}:${this.ctx.inbound.userId}`;
    this.deps.cases.audit(`user:${this.ctx.user.id}`, action, subject, this.isAdmin ? { admin: who, ...detail } : detail, this.ctx.now);
  }

  private date(ms: number | null | undefined): string {
    if (ms === null || ms === undefined) return t('fact.unknown');
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.app.config.BOT_TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
  }

  onCommand(cmd: BlCommand): boolean {
    if (this.group) return this.groupCommand(cmd);
    if (this.state()) this.setState(undefined);
    return this.command(cmd);
  }

  /** A report or admin prompt is waiting for this message. */
  onPending(raw: State): boolean {
    const s = this.state();
    if (!s) {
      if (raw) this.setState(undefined); // expired
      return false;
    }
    if (this.ctx.choice) {
      // A button of something else: the user moved on.
      this.setState(undefined);
      return false;
    }
    const text = this.ctx.text.trim();
    if (!text) return false;
    return this.answer(s, text);
  }

  // — groups: lookups and (un)subscribing; anything personal goes private —

  private groupCommand(cmd: BlCommand): boolean {
    if (ADMIN_COMMANDS.has(cmd.name) && !this.isAdmin) return this.refuse(cmd);
    switch (cmd.name) {
      case 'check':
        return this.check(cmd.arg);
      case 'sub':
        return this.subscribe(true);
      case 'unsub':
        return this.subscribe(false);
      default:
        if (ADMIN_COMMANDS.has(cmd.name)) return this.say(t('bl.admin.private'));
        this.ctx.reply({ text: t('bl.private_only'), openPrivate: { payload: 'bl', label: t('bl.private_only.label') } });
        return true;
    }
  }

  private refuse(cmd: BlCommand): true {
    this.audit('admin_refused', null, { command: cmd.name });
    return this.say(t('bl.admin.refused'));
  }

  // — private commands —

  private command(cmd: BlCommand): boolean {
    if (ADMIN_COMMANDS.has(cmd.name) && !this.isAdmin) return this.refuse(cmd);
    switch (cmd.name) {
      case 'check':
        return this.check(cmd.arg);
      case 'report':
        return this.startReport();
      case 'alerts_on':
      case 'alerts_off':
        return this.alerts(cmd.name === 'alerts_on');
      case 'join':
        return this.collectivePick();
      case 'leave': {
        const n = this.bl.store.withdrawConsents(this.ctx.user.id);
        this.audit('collective_left', null, { cases: n });
        return this.say(t('bl.collective.left', { n }));
      }
      case 'review':
        return this.reviewNext(0);
      case 'add':
        return this.adminAdd(cmd.arg);
      case 'edit':
        return this.adminEdit(cmd.arg);
      case 'remove':
        return this.adminRemove(cmd.arg);
      case 'list':
        return this.adminList();
      case 'sub':
      case 'unsub':
        return this.say(t('bl.sub.group_only'));
      case 'broadcast':
        return this.broadcastDraft(cmd.arg, null);
      case 'status':
        return this.broadcastStatus();
      case 'export':
        return this.collectiveExport(cmd.arg);
    }
  }

  // — lookups —

  private check(query: string): true {
    if (!query) return this.say(t('bl.check.usage'));
    const r = this.bl.lookup(query);
    if (!r) return this.say(t('bl.check.none', { query: query.slice(0, 50) }));
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
        ? t('bl.check.listed', { name: m.name, since: this.date(m.listedAt), reason: m.reason ?? '', reports: r.reports.n, cases: r.openCases, via, others })
        : t('bl.check.reported', { name: m.name, reports: r.reports.n, first: this.date(r.reports.first), last: this.date(r.reports.last), cases: r.openCases, via, others });
    return this.say(body + t('bl.check.footer'));
  }

  // — reports —

  /** The plain answer when the limit is reached, else undefined. */
  private reportLimit(): string | undefined {
    const max = this.app.config.REPORTS_PER_DAY;
    const since = this.ctx.now.getTime() - 86_400_000;
    const { n, oldest } = this.bl.store.reportsSince(this.ctx.user.id, since);
    if (n < max) return undefined;
    const next = new Intl.DateTimeFormat('zh-CN', { timeZone: this.app.config.BOT_TIMEZONE, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
      new Date((oldest ?? this.ctx.now.getTime()) + 86_400_000),
    );
    return t('bl.report.limit', { n, max, next });
  }

  private startReport(): true {
    const limited = this.reportLimit();
    if (limited) return this.say(limited);
    // A case the bot declined to coach (a fabricated claim) cannot back a report either.
    const cases = this.deps.cases.casesOf(this.ctx.user.id).filter((c) => c.state.stage !== 'declined' && caseMerchantText(c.facts));
    if (!cases.length) {
      this.setState({ step: 'r_merchant', draft: {} });
      return this.say(t('bl.report.ask_merchant'));
    }
    const choices: Choice[] = cases.slice(0, 5).map((c) => ({ id: bl({ kind: 'blacklist', op: 'rc', id: c.id }), label: t('bl.report.from_case', { id: c.id, merchant: caseMerchantText(c.facts)!.slice(0, 30) }) }));
    choices.push({ id: bl({ kind: 'blacklist', op: 'rn' }), label: t('bl.report.other') });
    return this.say(t('bl.report.pick'), choices);
  }

  private reportFromCase(caseId: number): true {
    const c = this.deps.cases.getCase(caseId);
    if (!c || c.userId !== this.ctx.user.id) return this.say(t('bl.collective.stale'));
    const merchant = caseMerchantText(c.facts);
    if (!merchant) return this.say(t('bl.report.no_merchant'), [{ id: bl({ kind: 'blacklist', op: 'rn' }), label: t('bl.report.other') }]);
    const limited = this.reportLimit();
    if (limited) return this.say(limited);
    const evidence = this.app.db.prepare(`SELECT count(*) AS n FROM evidence WHERE case_id = ?`).get(c.id) as { n: number };
    const amount = typeof c.facts.amount === 'number' ? c.facts.amount : null;
    return this.submitReport({ merchant, what: t(`scenario.${c.scenario}`), amount, evidence: evidence.n }, c.id);
  }

  private submitReport(d: Required<ReportDraft>, caseId: number | null): true {
    const r = this.bl.store.addReport(
      { userId: this.ctx.user.id, merchantId: this.bl.resolve(d.merchant) ?? null, merchantText: d.merchant, what: d.what, amount: d.amount, evidenceCount: d.evidence, caseId },
      this.ctx.now,
    );
    this.setState(undefined);
    this.audit('report_filed', `report:${r.id}`, caseId ? { case: caseId } : {});
    return this.say(t('bl.report.done', { id: r.id, merchant: d.merchant }), [{ id: bl({ kind: 'blacklist', op: 'rw', id: r.id }), label: t('bl.report.withdraw') }]);
  }

  private answer(s: State, text: string): boolean {
    const d = s.draft ?? {};
    switch (s.step) {
      case 'r_merchant':
        this.setState({ step: 'r_what', draft: { ...d, merchant: text.slice(0, 100) } });
        return this.say(t('bl.report.ask_what'));
      case 'r_what':
        if ([...text].length < 2 || [...text].length > 500) return this.say(t('bl.report.bad_what'));
        this.setState({ step: 'r_amount', draft: { ...d, what: text } });
        return this.say(t('bl.report.ask_amount'));
      case 'r_amount': {
        const skip = /^(跳过|不清楚|不知道|skip)$/i.test(text);
        const amount = skip ? null : parseAmount(text);
        if (amount === undefined || (amount !== null && amount <= 0)) return this.say(t('bl.report.bad_amount'));
        this.setState({ step: 'r_evidence', draft: { ...d, amount } });
        return this.say(t('bl.report.ask_evidence'));
      }
      case 'r_evidence': {
        const m = /^(\d{1,2})\s*(份|个|张|件)?$/.exec(text) ?? (/^(没有|无)$/.test(text) ? ['', '0'] : null);
        if (!m) return this.say(t('bl.report.bad_evidence'));
        const draft = { ...d, evidence: Number(m[1]) };
        this.setState({ step: 'r_confirm', draft });
        return this.say(
          t('bl.report.summary', {
            merchant: draft.merchant,
            what: draft.what,
            amount: draft.amount === null || draft.amount === undefined ? t('bl.report.unknown_amount') : formatAmount(draft.amount),
            evidence: draft.evidence,
          }),
          [
            { id: bl({ kind: 'blacklist', op: 'rs' }), label: t('bl.report.submit') },
            { id: bl({ kind: 'blacklist', op: 'rx' }), label: t('bl.report.cancel') },
          ],
        );
      }
      case 'r_confirm':
        return this.say(t('bl.report.summary', { merchant: d.merchant, what: d.what, amount: d.amount === null || d.amount === undefined ? t('bl.report.unknown_amount') : formatAmount(d.amount), evidence: d.evidence }), [
          { id: bl({ kind: 'blacklist', op: 'rs' }), label: t('bl.report.submit') },
          { id: bl({ kind: 'blacklist', op: 'rx' }), label: t('bl.report.cancel') },
        ]);
      case 'reject_reason':
        if (!this.isAdmin) return this.refuseState();
        return this.reject(s.reportId!, text.slice(0, 300));
      case 'list_reason':
        if (!this.isAdmin) return this.refuseState();
        return this.approve(s.reportId!, text.slice(0, 300));
    }
  }

  private refuseState(): true {
    this.setState(undefined);
    return this.say(t('bl.admin.refused'));
  }

  // — buttons —

  press(c: ChoiceOf<'blacklist'>): boolean {
    const what = c.op;
    const id = c.id ?? 0;
    const adminOnly: string[] = ['ap', 'ab', 'rj', 'sk', 'bc'];
    if (adminOnly.includes(what) && !this.isAdmin) return this.refuse({ name: 'review', arg: '' });
    switch (what) {
      case 'rc':
        return this.reportFromCase(id);
      case 'rn': {
        const limited = this.reportLimit();
        if (limited) return this.say(limited);
        this.setState({ step: 'r_merchant', draft: {} });
        return this.say(t('bl.report.ask_merchant'));
      }
      case 'rs': {
        const s = this.state();
        const d = s?.draft;
        if (s?.step !== 'r_confirm' || !d?.merchant || !d.what || d.evidence === undefined) return this.say(t('bl.report.cancelled'));
        const limited = this.reportLimit();
        if (limited) return this.say(limited);
        return this.submitReport({ merchant: d.merchant, what: d.what, amount: d.amount ?? null, evidence: d.evidence }, null);
      }
      case 'rx':
        this.setState(undefined);
        return this.say(t('bl.report.cancelled'));
      case 'rw': {
        const r = this.bl.store.report(id);
        if (!r || r.userId !== this.ctx.user.id || !this.bl.store.decide(id, 'withdrawn', null, null, this.ctx.now)) return this.say(t('bl.report.not_withdrawable'));
        this.audit('report_withdrawn', `report:${id}`);
        return this.say(t('bl.report.withdrawn', { id }));
      }
      case 'cj':
        return this.collectiveConsent(id);
      case 'cy':
        return this.collectiveJoin(id);
      case 'cn':
        return this.say(t('bl.collective.declined'));
      case 'ap':
        return this.approve(id, null);
      case 'ab': {
        const r = this.bl.store.report(id);
        if (!r || r.status !== 'pending') return this.say(t('bl.review.stale'));
        this.setState({ step: 'list_reason', reportId: id });
        return this.say(t('bl.review.ask_list_reason'));
      }
      case 'rj': {
        const r = this.bl.store.report(id);
        if (!r || r.status !== 'pending') return this.say(t('bl.review.stale'));
        this.setState({ step: 'reject_reason', reportId: id });
        return this.say(t('bl.review.ask_reject'));
      }
      case 'sk':
        return this.reviewNext(id);
      case 'bc':
        return c.go ? this.broadcastGo(id) : this.broadcastCancel(id);
    }
    return false;
  }

  // — alerts —

  private alerts(on: boolean): true {
    this.app.db.prepare(`UPDATE users SET alerts_opt_in = ? WHERE id = ?`).run(on ? 1 : 0, this.ctx.user.id);
    this.audit(on ? 'alerts_on' : 'alerts_off', null);
    return this.say(t(on ? 'bl.alerts.on' : 'bl.alerts.off'));
  }

  // — collective complaints —

  private collectivePick(): true {
    const cases = this.deps.cases.casesOf(this.ctx.user.id).filter((c) => c.status === 'open' && c.state.stage !== 'declined' && caseMerchantText(c.facts));
    if (!cases.length) return this.say(t('bl.collective.none'));
    return this.say(
      t('bl.collective.pick'),
      cases.slice(0, 8).map((c) => ({ id: bl({ kind: 'blacklist', op: 'cj', id: c.id }), label: t('bl.collective.case', { id: c.id, merchant: caseMerchantText(c.facts)!.slice(0, 30) }) })),
    );
  }

  private collectiveConsent(caseId: number): true {
    const c = this.deps.cases.getCase(caseId);
    if (!c || c.userId !== this.ctx.user.id || c.status !== 'open') return this.say(t('bl.collective.stale'));
    return this.say(t('bl.collective.consent'), [
      { id: bl({ kind: 'blacklist', op: 'cy', id: caseId }), label: t('bl.collective.yes') },
      { id: bl({ kind: 'blacklist', op: 'cn' }), label: t('bl.collective.no') },
    ]);
  }

  private collectiveJoin(caseId: number): true {
    const c = this.deps.cases.getCase(caseId);
    const merchant = c && caseMerchantText(c.facts);
    if (!c || !merchant || c.userId !== this.ctx.user.id || c.status !== 'open') return this.say(t('bl.collective.stale'));
    const key = this.bl.merchantKey(merchant);
    this.bl.store.consent(c.id, this.ctx.user.id, key, this.ctx.now);
    this.audit('collective_joined', `case:${c.id}`);
    const open = this.bl.openCasesWithKey(key);
    const openIds = new Set(open.map((o) => o.caseId));
    const consents = this.bl.store.consentsFor(key).filter((x) => openIds.has(x.caseId));
    const agreedUsers = new Set(consents.map((x) => x.userId));
    const name = this.merchantName(key, merchant);
    // Everyone else who agreed hears how many are affected now.
    for (const userId of agreedUsers) {
      if (userId === this.ctx.user.id) continue;
      this.notifyUser(userId, t('bl.collective.notice', { merchant: name, total: open.length, agreed: agreedUsers.size }));
    }
    return this.say(
      t('bl.collective.joined', {
        merchant: name,
        others: open.filter((o) => o.caseId !== c.id).length,
        agreed: [...agreedUsers].filter((u) => u !== this.ctx.user.id).length,
      }),
    );
  }

  private merchantName(key: string, fallback: string): string {
    if (key.startsWith('m:')) return this.bl.store.merchant(Number(key.slice(2)))?.name ?? fallback;
    return fallback;
  }

  private collectiveExport(arg: string): true {
    if (this.group) return this.say(t('bl.admin.private'));
    if (!arg) return this.say(t('bl.collective.export.usage'));
    const key = this.bl.merchantKey(arg);
    const name = this.merchantName(key, arg);
    const open = this.bl.openCasesWithKey(key);
    const consents = this.bl.store.consentsFor(key);
    const consented = new Set(consents.map((x) => x.caseId));
    const others = open.filter((o) => !consented.has(o.caseId)).length;
    const rows = consents.map((x) => this.deps.cases.getCase(x.caseId)).filter((c) => c !== undefined);
    this.audit('collective_exported', key.startsWith('m:') ? `merchant:${key.slice(2)}` : null, { cases: rows.length });
    if (!rows.length) return this.say(t('bl.collective.export.none', { merchant: name, others }));
    let total = 0;
    const dates: string[] = [];
    const lines = rows.map((c, i) => {
      const amount = typeof c.facts.amount === 'number' ? c.facts.amount : null;
      if (amount !== null) total += amount;
      const paid = typeof c.facts.paidAt === 'string' ? this.date(Date.parse(c.facts.paidAt)) : null;
      if (paid) dates.push(paid);
      return t('bl.collective.export.line', {
        n: i + 1,
        scenario: t(`scenario.${c.scenario}`),
        amount: amount === null ? t('fact.unknown') : formatAmount(amount),
        paidAt: paid ?? t('fact.unknown'),
      });
    });
    dates.sort();
    const body = t('bl.collective.export.body', {
      merchant: name,
      count: rows.length,
      total: Math.round(total * 100) / 100,
      from: dates[0] ?? t('fact.unknown'),
      to: dates[dates.length - 1] ?? t('fact.unknown'),
      others,
      lines: lines.join('\n'),
    });
    this.ctx.reply({ text: t('bl.collective.export.intro'), document: { title: t('bl.collective.export.title', { merchant: name }), body } });
    return true;
  }

  // — admin: review —

  private reviewNext(afterId: number): true {
    const r = this.bl.store.nextPending(afterId) ?? (afterId ? this.bl.store.nextPending(0) : undefined);
    if (!r) return this.say(t('bl.review.empty'));
    return this.say(this.card(r), [
      { id: bl({ kind: 'blacklist', op: 'ap', id: r.id }), label: t('bl.review.approve') },
      { id: bl({ kind: 'blacklist', op: 'ab', id: r.id }), label: t('bl.review.approve_list') },
      { id: bl({ kind: 'blacklist', op: 'rj', id: r.id }), label: t('bl.review.reject') },
      { id: bl({ kind: 'blacklist', op: 'sk', id: r.id }), label: t('bl.review.skip') },
    ]);
  }

  private card(r: ReportRow): string {
    const mid = r.merchantId ?? this.bl.resolve(r.merchantText);
    const m = mid !== undefined && mid !== null ? this.bl.store.merchant(mid) : undefined;
    return t('bl.review.card', {
      id: r.id,
      left: this.bl.store.pendingCount(),
      merchant: r.merchantText,
      known: m ? t('bl.review.known', { mid: m.id, name: m.name, status: t(`bl.status.${m.status}`) }) : '',
      what: r.what,
      amount: r.amount === null ? t('bl.report.unknown_amount') : formatAmount(r.amount),
      evidence: r.evidenceCount,
      fromCase: t(r.caseId ? 'bl.yes' : 'bl.no'),
      at: this.date(r.createdAt),
    });
  }

  /** Approves a report; with a reason, also lists the merchant and drafts the warning broadcast. */
  private approve(reportId: number, listReason: string | null): true {
    const r = this.bl.store.report(reportId);
    this.setState(undefined);
    if (!r || r.status !== 'pending') return this.say(t('bl.review.stale'));
    const now = this.ctx.now;
    let m = r.merchantId !== null ? this.bl.store.merchant(r.merchantId) : undefined;
    if (!m) {
      const found = this.bl.resolve(r.merchantText);
      m = found !== undefined ? this.bl.store.merchant(found) : undefined;
    }
    if (!m) {
      m = this.bl.addMerchant(r.merchantText, 'reported', null, now);
      this.audit('merchant_created', `merchant:${m.id}`, { after: snapshot(m) });
    }
    this.bl.store.decide(r.id, 'approved', null, m.id, now);
    this.audit('report_approved', `report:${r.id}`, { before: { status: 'pending' }, after: { status: 'approved', merchant: m.id } });
    if (r.userId !== null) this.notifyUser(r.userId, t('bl.report.approved_notice', { id: r.id, merchant: r.merchantText }));
    this.say(t('bl.review.approved', { id: r.id, merchant: m.name, mid: m.id }));
    if (listReason === null) return this.reviewNext(r.id);
    return this.list(m, listReason);
  }

  private reject(reportId: number, reason: string): true {
    const r = this.bl.store.report(reportId);
    this.setState(undefined);
    if (!r || !this.bl.store.decide(reportId, 'rejected', reason, null, this.ctx.now)) return this.say(t('bl.review.stale'));
    this.audit('report_rejected', `report:${r.id}`, { before: { status: 'pending' }, after: { status: 'rejected', reason } });
    if (r.userId !== null) this.notifyUser(r.userId, t('bl.report.rejected_notice', { id: r.id, merchant: r.merchantText, reason }));
    this.say(t('bl.review.rejected', { id: r.id }));
    return this.reviewNext(r.id);
  }

  /** Lists a merchant (audited) and shows the warning broadcast for confirmation. */
  private list(m: MerchantRow, reason: string): true {
    const before = snapshot(m);
    const after = this.bl.store.updateMerchant(m.id, { status: 'blacklisted', reason }, this.ctx.now)!;
    this.audit('merchant_listed', `merchant:${m.id}`, { before, after: snapshot(after) });
    this.say(t('bl.add.done', { name: after.name, id: after.id, reason }));
    return this.broadcastDraft(t('bl.warning', { name: after.name, reason }), after.id);
  }

  // — admin: entries —

  private adminAdd(arg: string): true {
    const [name, reason] = arg.split(/\s*[|｜]\s*/, 2).map((s) => s?.trim());
    if (!name || !reason) return this.say(t('bl.add.usage'));
    const exact = this.bl.matches(name, 1).find((f) => f.match.distance === 0 && f.match.score >= 100);
    let m = exact?.merchant;
    if (!m) {
      m = this.bl.addMerchant(name.slice(0, 100), 'reported', null, this.ctx.now);
      this.audit('merchant_created', `merchant:${m.id}`, { after: snapshot(m) });
    }
    return this.list(m, reason.slice(0, 300));
  }

  private adminEdit(arg: string): true {
    const m = /^#?(\d+)\s+(名称|原因|标识|删标识|name|reason|ids|unid)\s+([\s\S]+)$/i.exec(arg);
    if (!m) return this.say(t('bl.edit.usage'));
    const id = Number(m[1]);
    const cur = this.bl.store.merchant(id);
    if (!cur) return this.say(t('bl.edit.not_found', { id }));
    const what = m[2].toLowerCase();
    const value = m[3].trim();
    const before = { ...snapshot(cur), ids: this.bl.store.identifiers(id).map((i) => `${i.kind}:${i.value}`) };
    if (what === '名称' || what === 'name') this.bl.store.updateMerchant(id, { name: value.slice(0, 100) }, this.ctx.now);
    else if (what === '原因' || what === 'reason') this.bl.store.updateMerchant(id, { reason: value.slice(0, 300) }, this.ctx.now);
    else if (what === '标识' || what === 'ids') {
      for (const part of value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean)) {
        const c = classifyIdentifier(part);
        this.bl.store.addIdentifier(id, c.kind, c.value.slice(0, 200));
      }
      this.bl.store.updateMerchant(id, {}, this.ctx.now);
    } else {
      this.bl.store.removeIdentifier(id, value);
      this.bl.store.updateMerchant(id, {}, this.ctx.now);
    }
    this.bl.reindex(id);
    const after = this.bl.store.merchant(id)!;
    const ids = this.bl.store.identifiers(id).map((i) => `${i.kind}:${i.value}`);
    this.audit('merchant_edited', `merchant:${id}`, { before, after: { ...snapshot(after), ids } });
    return this.say(t('bl.edit.done', { id, name: after.name, ids: ids.join('，') }));
  }

  private adminRemove(arg: string): true {
    const m = /^#?(\d+)\s*([\s\S]*)$/.exec(arg.trim());
    if (!m) return this.say(t('bl.remove.usage'));
    const id = Number(m[1]);
    const cur = this.bl.store.merchant(id);
    if (!cur) return this.say(t('bl.edit.not_found', { id }));
    const after = this.bl.store.updateMerchant(id, { status: 'removed' }, this.ctx.now)!;
    this.audit('merchant_removed', `merchant:${id}`, { before: snapshot(cur), after: snapshot(after), reason: m[2].trim() || null });
    return this.say(t('bl.remove.done', { id, name: cur.name }));
  }

  private adminList(): true {
    const n = this.bl.store.listedCount();
    if (!n) return this.say(t('bl.list.empty'));
    const rows = this.bl.store.listed(30);
    this.audit('blacklist_listed', null);
    return this.say(
      [t('bl.list.header', { n, shown: rows.length }), ...rows.map((r) => t('bl.list.line', { id: r.id, name: r.name, reason: r.reason ?? '', since: this.date(r.listedAt) }))].join(
        '\n',
      ),
    );
  }

  private subscribe(on: boolean): true {
    if (!this.group) return this.say(t('bl.sub.group_only'));
    const { platform, chatId } = this.ctx.inbound;
    const changed = on ? this.bl.store.subscribe(platform, chatId, this.ctx.now) : this.bl.store.unsubscribe(platform, chatId);
    this.audit(on ? 'group_subscribed' : 'group_unsubscribed', `chat:${platform}:${chatId}`, { before: { subscribed: on ? !changed : changed }, after: { subscribed: on } });
    return this.say(t(on ? (changed ? 'bl.sub.done' : 'bl.sub.already') : changed ? 'bl.unsub.done' : 'bl.unsub.not'));
  }

  // — admin: broadcasts —

  private broadcastDraft(text: string, merchantId: number | null): true {
    if (!text.trim()) return this.say(t('bc.usage'));
    if ([...text].length > MAX_BROADCAST_CHARS) return this.say(t('bc.too_long', { max: MAX_BROADCAST_CHARS }));
    const bs = this.deps.broadcaster.store;
    const b = bs.createDraft(this.ctx.user.id, merchantId, text.trim(), this.ctx.now);
    const p = bs.preview();
    this.audit('broadcast_drafted', `broadcast:${b.id}`, { merchant: merchantId });
    const platforms = Object.entries(p.byPlatform)
      .map(([platform, n]) => t('bc.preview.platform', { platform: platformName(platform as Platform), n }))
      .join('，');
    return this.say(t('bc.preview', { id: b.id, text: b.text, groups: p.groups, users: p.users, platforms: platforms || '—', unreachable: p.unreachable }), [
      { id: bl({ kind: 'blacklist', op: 'bc', id: b.id, go: true }), label: t('bc.confirm') },
      { id: bl({ kind: 'blacklist', op: 'bc', id: b.id, go: false }), label: t('bc.cancel') },
    ]);
  }

  private broadcastGo(id: number): true {
    const bs = this.deps.broadcaster.store;
    const b = bs.start(id, this.app.outbox, this.ctx.now);
    if (!b) return this.say(t('bc.stale'));
    this.audit('broadcast_started', `broadcast:${id}`, { before: { status: 'draft' }, after: { status: 'sending', total: b.total, skipped: b.skipped } });
    this.deps.broadcaster.kick();
    return this.say(
      t('bc.started', { id, total: b.total, skipped: b.skipped, rate: this.app.config.TELEGRAM_BROADCAST_PER_SECOND, group: this.app.config.TELEGRAM_GROUP_PER_MINUTE }),
    );
  }

  private broadcastCancel(id: number): true {
    if (!this.deps.broadcaster.store.cancel(id)) return this.say(t('bc.stale'));
    this.audit('broadcast_cancelled', `broadcast:${id}`, { before: { status: 'draft' }, after: { status: 'cancelled' } });
    return this.say(t('bc.cancelled', { id }));
  }

  private broadcastStatus(): true {
    const rows = this.deps.broadcaster.store.recent(5);
    if (!rows.length) return this.say(t('bc.status.none'));
    return this.say(
      rows
        .map((b) =>
          t('bc.status.line', { id: b.id, status: t(`bc.status.${b.status}`), at: this.date(b.startedAt ?? b.createdAt), ...summary(this.deps.broadcaster.tally(b)) }),
        )
        .join('\n'),
    );
  }

  // — helpers —

  /** A message to another user's private chat, through the outbox. */
  private notifyUser(userId: number, text: string): void {
    const u = this.app.db.prepare(`SELECT platform, chat_id AS chatId FROM users WHERE id = ?`).get(userId) as { platform: Platform; chatId: string | null } | undefined;
    if (!u?.chatId) return;
    this.deps.outbox.enqueue({ platform: u.platform, chatId: u.chatId, userId, kind: 'notice', reply: { text } as Reply }, this.ctx.now);
  }
}

function snapshot(m: MerchantRow): Record<string, unknown> {
  return { name: m.name, status: m.status, reason: m.reason, listedAt: m.listedAt };
}

function platformName(p: Platform): string {
  return t(`platform.${p}`);
}
