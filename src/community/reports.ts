// 举报: a user reports a merchant, from one of their cases in one step or through a short
// dialogue (merchant, what happened, amount, evidence, confirm); they may withdraw it while pending.
import type { Config } from '../config.js';
import type { Repo } from '../engine/repo.js';
import { ORDER, type Router } from '../engine/routes.js';
import type { ChoiceOf } from '../engine/choices.js';
import { t } from '../i18n/index.js';
import { formatAmount } from '../flow/format.js';
import { parseAmount } from '../nlu/amount.js';
import type { Choice } from '../types.js';
import { caseMerchantText, type Blacklist } from './blacklist.js';
import { matchBlCommand, only } from './commands.js';
import { matchCommand } from '../engine/commands.js';
import { bl, Desk, NS, type DeskPort, type ReportDraft, type State } from './desk.js';
import { formatMoment } from './dates.js';
import { badName } from './merchants.js';
import { maskPersonal } from './mask.js';
import type { PeopleStore } from './store/people.js';

export interface ReportsDeps extends DeskPort {
  config: Pick<Config, 'BOT_TIMEZONE' | 'REPORTS_PER_DAY'>;
  cases: Pick<Repo, 'audit' | 'casesOf' | 'getCase'>;
  blacklist: Pick<Blacklist, 'store' | 'resolve'>;
  people: Pick<PeopleStore, 'evidenceCount' | 'evidenceFiles'>;
}

const OPS = new Set(['rc', 'rn', 'rs', 'rx', 'rw']);

export function registerReports(router: Router, deps: ReportsDeps): void {
  const opts = { order: ORDER.FEATURE };
  router.choice('blacklist', (ctx, c) => (OPS.has(c.op) ? new Reports(deps, new Desk(deps, ctx)).press(c) : false), opts);
  router.command(only('report'), (ctx) => new Reports(deps, new Desk(deps, ctx)).start(), opts);
  router.pending<State>(
    NS,
    (ctx, s) => {
      const text = ctx.text.trim();
      const files = ctx.inbound.attachments ?? [];
      if (!s.step.startsWith('r_')) return false;
      // Screenshots sent while the report asks for evidence are the evidence.
      if (files.length && s.step === 'r_evidence') return new Reports(deps, new Desk(deps, ctx)).attach(s, files);
      if (!text) return false;
      // After a report filed in one step: the next words are its reason, unless a button or a command (explore4 F12).
      if (s.step === 'r_note') {
        if (ctx.choice || matchCommand(text) || matchBlCommand(text)) return (new Desk(deps, ctx).setState(undefined), false);
        return new Reports(deps, new Desk(deps, ctx)).note(s, text);
      }
      return new Reports(deps, new Desk(deps, ctx)).answer(s, text);
    },
    opts,
  );
}

class Reports {
  constructor(
    private readonly deps: ReportsDeps,
    private readonly d: Desk,
  ) {}

  /** The plain answer when the limit is reached, else undefined. */
  private limit(): string | undefined {
    const max = this.deps.config.REPORTS_PER_DAY;
    const now = this.d.now.getTime();
    const { n, oldest } = this.deps.blacklist.store.reportsSince(this.d.userId, now - 86_400_000);
    if (n < max) return undefined;
    return t('bl.report.limit', { n, max, next: formatMoment((oldest ?? now) + 86_400_000, this.deps.config.BOT_TIMEZONE, this.d.now) });
  }

  start(): true {
    const limited = this.limit();
    if (limited) return this.d.say(limited);
    // A case the bot declined to coach (a fabricated claim) cannot back a report either.
    const cases = this.deps.cases.casesOf(this.d.userId).filter((c) => c.state.stage !== 'declined' && caseMerchantText(c.facts));
    if (!cases.length) return this.askMerchant();
    const choices: Choice[] = cases
      .slice(0, 5)
      .map((c) => ({ id: bl({ kind: 'blacklist', op: 'rc', id: c.id }), label: t('bl.report.from_case', { id: c.id, merchant: caseMerchantText(c.facts)!.slice(0, 30) }) }));
    choices.push({ id: bl({ kind: 'blacklist', op: 'rn' }), label: t('bl.report.other') });
    return this.d.say(t('bl.report.pick'), choices);
  }

  private askMerchant(): true {
    this.d.setState({ step: 'r_merchant', draft: {} });
    return this.d.say(t('bl.report.ask_merchant'));
  }

  private fromCase(caseId: number): true {
    const c = this.deps.cases.getCase(caseId);
    if (!c || c.userId !== this.d.userId) return this.d.say(t('bl.collective.stale'));
    const merchant = caseMerchantText(c.facts);
    if (!merchant) return this.d.say(t('bl.report.no_merchant'), [{ id: bl({ kind: 'blacklist', op: 'rn' }), label: t('bl.report.other') }]);
    const limited = this.limit();
    if (limited) return this.d.say(limited);
    const amount = typeof c.facts.amount === 'number' ? c.facts.amount : null;
    const row = this.file({ merchant, what: t(`scenario.${c.scenario}`), amount, evidence: this.deps.people.evidenceCount(c.id), files: this.deps.people.evidenceFiles(c.id) }, c.id);
    // The reason may follow: it goes to the report, never to the case's step (explore4 F12).
    this.d.setState({ step: 'r_note', reportId: row.id });
    return this.d.say(`${t('bl.report.done', { id: row.id, merchant })}\n\n${t('own.report_note_ask')}`, [{ id: bl({ kind: 'blacklist', op: 'rw', id: row.id }), label: t('bl.report.withdraw') }]);
  }

  /** The reason typed after a one-step report, added to it. */
  note(s: State, text: string): true {
    this.d.setState(undefined);
    if (!s.reportId || !this.deps.blacklist.store.addReportNote(s.reportId, this.d.userId, maskPersonal(text).slice(0, 500))) return this.d.say(t('bl.report.not_withdrawable'));
    return this.d.say(t('own.report_note_added', { id: s.reportId }));
  }

  attach(s: State, files: readonly { kind: string; ref: string }[]): true {
    const d = s.draft ?? {};
    const all = [...(d.files ?? []), ...files.map((f) => ({ kind: f.kind, ref: f.ref }))].slice(0, 20);
    this.d.setState({ step: 'r_evidence', draft: { ...d, files: all } });
    return this.d.say(t('bl.report.files_received', { n: all.length }));
  }

  private submit(r: Omit<Required<ReportDraft>, 'files'> & { files?: ReportDraft['files'] }, caseId: number | null): true {
    const row = this.file(r, caseId);
    return this.d.say(t('bl.report.done', { id: row.id, merchant: r.merchant }), [{ id: bl({ kind: 'blacklist', op: 'rw', id: row.id }), label: t('bl.report.withdraw') }]);
  }

  private file(r: Omit<Required<ReportDraft>, 'files'> & { files?: ReportDraft['files'] }, caseId: number | null) {
    const bls = this.deps.blacklist;
    const row = bls.store.addReport(
      { userId: this.d.userId, merchantId: bls.resolve(r.merchant) ?? null, merchantText: r.merchant, what: r.what, amount: r.amount, evidenceCount: r.evidence, caseId },
      this.d.now,
    );
    if (r.files?.length) bls.store.addReportFiles(row.id, this.d.userId, r.files);
    this.d.setState(undefined);
    this.d.audit('report_filed', `report:${row.id}`, caseId ? { case: caseId } : {});
    return row;
  }

  private summary(d: ReportDraft): true {
    const amount = d.amount === null || d.amount === undefined ? t('bl.report.unknown_amount') : formatAmount(d.amount);
    return this.d.say(t('bl.report.summary', { merchant: d.merchant, what: d.what, amount, evidence: d.evidence }), [
      { id: bl({ kind: 'blacklist', op: 'rs' }), label: t('bl.report.submit') },
      { id: bl({ kind: 'blacklist', op: 'rx' }), label: t('bl.report.cancel') },
    ]);
  }

  answer(s: State, text: string): true {
    const d = s.draft ?? {};
    switch (s.step) {
      case 'r_merchant':
        if (badName(text)) return this.d.say(t('bl.report.bad_merchant'));
        this.d.setState({ step: 'r_what', draft: { ...d, merchant: text.slice(0, 100) } });
        return this.d.say(t('bl.report.ask_what'));
      case 'r_what':
        if ([...text].length < 2 || [...text].length > 500) return this.d.say(t('bl.report.bad_what'));
        this.d.setState({ step: 'r_amount', draft: { ...d, what: maskPersonal(text) } });
        return this.d.say(t('bl.report.ask_amount'));
      case 'r_amount': {
        const skip = /^(跳过|不清楚|不知道|skip)$/i.test(text);
        const amount = skip ? null : parseAmount(text);
        if (amount === undefined || (amount !== null && amount <= 0)) return this.d.say(t('bl.report.bad_amount'));
        this.d.setState({ step: 'r_evidence', draft: { ...d, amount } });
        return this.d.say(t('bl.report.ask_evidence'));
      }
      case 'r_evidence': {
        const sent = d.files?.length ?? 0;
        const done = sent > 0 && /^(好了|好|完成|发完了|就这些|没有了|ok|done)$/i.test(text);
        const m = done ? ['', String(sent)] : (/^(\d{1,2})\s*(份|个|张|件)?$/.exec(text) ?? (/^(没有|无)$/.test(text) ? ['', '0'] : null));
        if (!m) return this.d.say(t(sent ? 'bl.report.files_more' : 'bl.report.bad_evidence', { n: sent }));
        // Files sent are the count; a typed number only when none were sent.
        const draft = { ...d, evidence: sent || Number(m[1]) };
        this.d.setState({ step: 'r_confirm', draft });
        return this.summary(draft);
      }
      default:
        return this.summary(d);
    }
  }

  press(c: ChoiceOf<'blacklist'>): true {
    const id = c.id ?? 0;
    switch (c.op) {
      case 'rc':
        return this.fromCase(id);
      case 'rn': {
        const limited = this.limit();
        return limited ? this.d.say(limited) : this.askMerchant();
      }
      case 'rs': {
        const s = this.d.state();
        const d = s?.draft;
        if (s?.step !== 'r_confirm' || !d?.merchant || !d.what || d.evidence === undefined) return this.d.say(t('bl.report.cancelled'));
        const limited = this.limit();
        if (limited) return this.d.say(limited);
        return this.submit({ merchant: d.merchant, what: d.what, amount: d.amount ?? null, evidence: d.evidence, files: d.files }, null);
      }
      case 'rx':
        if (this.d.state()?.step.startsWith('r_') === false) return this.d.say(t('bl.report.cancelled'));
        this.d.setState(undefined);
        return this.d.say(t('bl.report.cancelled'));
      default: {
        const store = this.deps.blacklist.store;
        const r = store.report(id);
        if (!r || r.userId !== this.d.userId || !store.decide(id, 'withdrawn', null, null, this.d.now)) return this.d.say(t('bl.report.not_withdrawable'));
        this.d.audit('report_withdrawn', `report:${id}`);
        return this.d.say(t('bl.report.withdrawn', { id }));
      }
    }
  }
}
