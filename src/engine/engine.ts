// The engine: one SQLite transaction per inbound — dedupe → load session → route → step →
// apply effects → save session → outbox. It knows no platform (adapters hand it Inbounds and
// deliver the Deliveries it returns) and no feature: what answers an inbound is looked up in
// the routing table (routes.ts), where the built-ins (builtins.ts) and features register.
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { scrubWal, type DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Delivery, Inbound, Platform, Reply, ScenarioId } from '../types.js';
import type { Flow, Facts } from '../flow/types.js';
import { initialState } from '../flow/state.js';
import { step } from '../flow/step.js';
import type { Effect, FlowEvent, Outcome } from '../flow/events.js';
import type { PlatformOutcomes } from '../flow/ladder.js';
import { maskSecretsInText } from '../privacy/mask.js';
import { sanitizeInbound } from '../privacy/inbound.js';
import { InboundGate, type Verdict } from '../limits/gate.js';
import { t } from '../i18n/index.js';
import { decodeChoice, encodeChoice } from './choices.js';
import { caseList, menu } from './menus.js';
import { renderReply } from './render.js';
import { Repo, type CaseRow, type UserRow } from './repo.js';
import { Router, type RouteOptions, type TurnContext } from './routes.js';
import { registerBuiltins } from './builtins.js';
import { directExt, loadSession, sessionExt, ENGINE_NS, SESSION_VERSION, type Session } from './session.js';
import { channelsAnswer, numberedChoices, resolveChoice } from './resolve.js';
import { isStaleTap, rememberTap, shownAgain } from './taps.js';
import { whichOneText } from '../dialogue/index.js';
import { clearCommandMemo, matchCommand } from './commands.js';
import { clearFoldMemo } from '../text/fold.js';

/** A route of the simplest kind: sees every inbound at its place in the table (see routes.ts). */
export type Hook = (ctx: TurnContext) => boolean;
export type { TurnContext } from './routes.js';

/** Thrown to roll back a group message nobody answered. */
const IGNORED = Symbol('ignored');

export interface EngineDeps {
  db: DB;
  outbox: Outbox;
  config: Config;
  now: () => Date;
  /** The scenario flows (flows/index.ts), passed in by app.ts. */
  flows: Readonly<Record<ScenarioId, Flow>>;
  /** Where the engine reports what it could not do (unreadable stored state, a WAL scrub that failed). */
  log?: Pick<Logger, 'warn'>;
  /** A scam sign in typed text (src/coaching, wired by app.ts): such a text is never taken as a button. */
  isScam?: (text: string) => boolean;
}

export class Engine {
  readonly repo: Repo;
  /** The routing table; features register here (app.ts wires them). */
  readonly router = new Router();
  private readonly proactive = new Map<Platform, boolean>();
  /** Per-user bounds (rate, length) checked where every inbound enters (src/limits). */
  private readonly gate: InboundGate;
  /** Set when a turn deleted a user's data: after the commit the WAL is checkpointed and truncated. */
  private deletedData = false;
  /**
   * Runs a function in a transaction (a savepoint when one is open): better-sqlite3's wrapper,
   * built once rather than per message (building it costs more than its BEGIN and COMMIT calls).
   */
  private readonly inTx: <T>(fn: () => T) => T;

  constructor(private readonly d: EngineDeps) {
    this.repo = new Repo(d.db, (p) => d.log?.warn({ err: p.err, what: p.what, subject: p.subject }, 'stored state unreadable; replaced by a safe state'));
    this.gate = new InboundGate(d.config);
    this.inTx = d.db.transaction((fn: () => unknown) => fn()) as <T>(fn: () => T) => T;
    registerBuiltins(this.router, { repo: this.repo, config: d.config, flows: d.flows });
  }

  /** Declares whether a platform can send unprompted; if not, such messages wait for the user's next message. */
  setProactive(platform: Platform, proactive: boolean): void {
    this.proactive.set(platform, proactive);
  }

  canSendProactively(platform: Platform): boolean {
    return this.proactive.get(platform) ?? true;
  }

  /** Adds a text route seeing private and group inbounds (routes.ts; default order 0). */
  use(hook: Hook, order = 0): void {
    this.router.text(hook, { order, chats: 'both' } satisfies RouteOptions);
  }

  /**
   * Handles one inbound in one transaction. A repeat of an already processed update returns [].
   * In groups only what the bot answers is recorded; other chatter writes nothing.
   */
  handle(inbound: Inbound): Delivery[] {
    try {
      return this.inTx(() => this.process(inbound));
    } finally {
      this.afterCommit();
    }
  }

  /** Several inbounds in one commit (fewer fsyncs); results in the same order. */
  handleBatch(inbounds: readonly Inbound[]): Delivery[][] {
    try {
      return this.inTx(() => inbounds.map((i) => this.process(i)));
    } finally {
      this.afterCommit();
    }
  }

  /** After a commit that deleted a user's data, no freed page or WAL frame may keep it. */
  private afterCommit(): void {
    // The per-turn memos (fold, matchCommand) hold the message's text: forgotten once it is handled.
    clearFoldMemo();
    clearCommandMemo();
    if (!this.deletedData) return;
    this.deletedData = false;
    scrubWal(this.d.db, (err) => this.d.log?.warn({ err }, 'could not truncate the WAL after a deletion'));
  }

  /**
   * Housekeeping, run at start and periodically: expires closed cases, and forgets sent
   * messages and processed update ids after a week (Telegram redelivers for 24 h at most).
   */
  maintenance(): { cases: number; outbox: number; updates: number } {
    const week = new Date(this.d.now().getTime() - 7 * 86_400_000);
    const cases = this.expireClosedCases();
    if (cases) scrubWal(this.d.db, (err) => this.d.log?.warn({ err }, 'could not truncate the WAL after expiring cases'));
    return { cases, outbox: this.d.outbox.prune(week), updates: this.repo.pruneProcessed(week) };
  }

  /** Deletes closed cases older than the retention period. Returns how many. */
  expireClosedCases(): number {
    const now = this.d.now();
    const n = this.repo.deleteClosedBefore(now.getTime() - this.d.config.RETENTION_DAYS * 86_400_000);
    if (n) this.repo.audit(null, 'cases_expired', null, { count: n }, now);
    return n;
  }

  private process(received: Inbound): Delivery[] {
    clearFoldMemo();
    clearCommandMemo();
    const now = this.d.now();
    // Bounds first (rate, length), then card keys masked in everything the user wrote (src/limits, src/privacy).
    const verdict = this.gate.admit(received, now);
    if (verdict !== 'pass') return this.refuse(received, verdict, now);
    let inbound = sanitizeInbound(received);
    if (inbound.chatKind === 'group') {
      // Most group chatter is not for us: such a message leaves no trace (its savepoint is
      // rolled back, so a busy group costs no writes; a route must reply for its writes to stay).
      try {
        return this.inTx(() => {
          if (!this.repo.markProcessed(inbound.platform, inbound.updateId, now)) return [];
          const out = this.processGroup(inbound, now);
          if (!out.length) throw IGNORED;
          return out;
        });
      } catch (e) {
        if (e === IGNORED) return [];
        throw e;
      }
    }
    if (!this.repo.markProcessed(inbound.platform, inbound.updateId, now)) return [];
    const { platform, chatId } = inbound;
    const out: Delivery[] = [];
    const user = this.repo.upsertUser(inbound, now);
    this.d.outbox.markReachable(platform, chatId);
    if (!this.canSendProactively(platform)) out.push(...this.d.outbox.claimForChat(platform, chatId, now));

    const sess = loadSession(this.repo, user.id, (err) => this.d.log?.warn({ err, what: 'session_state', subject: `session:${user.id}` }, 'stored state unreadable; replaced by a safe state'));
    // A masked word in the answer to "订单号是？" is looked at again with the question as its label: an
    // order-shaped id (KM20261118ABC77) is kept, a key is not (only when something was masked: rare).
    if (inbound.text !== received.text && received.text !== undefined && sess.activeCaseId !== null) {
      const c = this.repo.getCase(sess.activeCaseId);
      if (c?.status === 'open' && c.state.stage === 'intake' && c.state.q === 'orderId') inbound = { ...inbound, text: maskSecretsInText(received.text, { orderAnswer: true }) };
    }
    let resolved = resolveChoice({ repo: this.repo, config: this.d.config, canSendProactively: (p) => this.canSendProactively(p), isScam: this.d.isScam }, inbound, user.id, sess.state, sess.updatedAt);
    if (resolved.ambiguous && sess.activeCaseId !== null) {
      const c = this.repo.getCase(sess.activeCaseId);
      if (c?.status === 'open' && channelsAnswer(this.d.flows[c.scenario], c, inbound.text ?? '')) resolved = {};
    }
    const shown = sess.state.lastChoices ?? [];
    const mem = { done: sess.state.done, lastTap: sess.state.lastTap };
    const stale = isStaleTap(mem, shown, inbound, resolved.id, now);
    // Words typed right after a reminder about another case answer that reminder: the case it asked about
    // becomes the active one, and the user is told ("退了 但是只退了八十" after 案件 #1's check closed case #2).
    const follows = !resolved.id && !resolved.ambiguous && !stale && this.mayAnswerReminder(inbound, sess);
    const { ctx, state } = this.turn(inbound, user, now, stale || resolved.ambiguous ? undefined : resolved.id, sess, follows);
    if (stale) {
      // A double tap or an old button: said once, then the current question again (taps.ts).
      ctx.reply({ text: t('tap.handled') });
      if (ctx.active && ctx.active.status === 'open') ctx.stepCase(ctx.active, { type: 'repeat' });
      else ctx.reply(menu(ctx.active));
    } else if (resolved.ambiguous) {
      ctx.reply({ text: whichOneText(resolved.ambiguous.map((c) => c.label)), choices: resolved.ambiguous });
    } else this.router.dispatch(ctx);

    if (state.deleted) {
      for (const r of state.replies) out.push(this.d.outbox.enqueue({ platform, chatId, kind: 'ephemeral', reply: r }, now, true));
      return out;
    }
    const last = state.replies[state.replies.length - 1];
    const tap = rememberTap(mem, shown, inbound, stale ? undefined : resolved.id, now, stale);
    sess.state = { ...sess.state, lastChoices: last?.choices, numbered: numberedChoices(last), lastTap: tap.lastTap, done: shownAgain(tap, last?.choices ?? []) };
    this.repo.saveSession(user.id, sess.activeCaseId, sess.state, now);
    for (const r of state.replies) out.push(this.d.outbox.enqueue({ platform, chatId, userId: user.id, reply: r }, now, true));
    return out;
  }

  /** Whether typed words may answer a reminder (cheap checks; the case and the follow-up are read in turn()). */
  private mayAnswerReminder(inbound: Inbound, sess: Session): boolean {
    const text = (inbound.text ?? '').trim();
    if (!text || inbound.choice || inbound.chatKind !== 'private' || !this.canSendProactively(inbound.platform)) return false;
    // Not while the engine or a correction waits for an answer of its own (review).
    const pending = sess.state.ext ?? {};
    return pending[ENGINE_NS] === undefined && pending.fix === undefined && !matchCommand(text);
  }

  /**
   * An open case other than the active one that a rung check fired about since the user's last
   * message — not while the active case asks something itself (a question of the intake, 退回了多少钱？).
   */
  private remindedOtherCase(userId: number, sess: Session, active: CaseRow | undefined): { id: number; scenario: ScenarioId } | undefined {
    if (active && active.status === 'open' && (active.state.stage === 'intake' || active.state.awaitingRefundAmount)) return undefined;
    const fired = this.repo.lastFiredFollowUp(userId, sess.updatedAt);
    // Only a reminder that asked something (a rung's check), not a window warning.
    if (!fired || fired.kind !== 'rung_check' || fired.caseId === sess.activeCaseId) return undefined;
    return { id: fired.caseId, scenario: fired.scenario };
  }

  /** An inbound over a bound: in a private chat answered once (too long, slow down); otherwise nothing. */
  private refuse(inbound: Inbound, verdict: Exclude<Verdict, 'pass'>, now: Date): Delivery[] {
    if (verdict === 'drop' || inbound.chatKind === 'group') return [];
    if (!this.repo.markProcessed(inbound.platform, inbound.updateId, now)) return [];
    const text =
      verdict === 'too_long'
        ? t('limits.too_long', { max: this.d.config.MAX_INPUT_CHARS })
        : t('limits.slow_down', { seconds: this.d.config.RATE_LIMIT_MUTE_SECONDS });
    return [this.d.outbox.enqueue({ platform: inbound.platform, chatId: inbound.chatId, reply: { text } }, now, true)];
  }

  private processGroup(inbound: Inbound, now: Date): Delivery[] {
    const user = this.repo.upsertUser(inbound, now);
    const { ctx, state } = this.turn(inbound, user, now, inbound.choice, undefined);
    this.router.dispatch(ctx);
    if (!state.replies.length) return [];
    const { platform, chatId } = inbound;
    // Where nothing can be sent unprompted (official QQ), messages held for this group go out now.
    const held = this.canSendProactively(platform) ? [] : this.d.outbox.claimForChat(platform, chatId, now);
    return [...held, ...state.replies.map((r) => this.d.outbox.enqueue({ platform, chatId, reply: r }, now, true))];
  }

  /**
   * Builds the TurnContext of one inbound; `state` collects its replies. `sess` is the private
   * session (undefined in groups). `active` is the active case as the turn began.
   */
  private turn(inbound: Inbound, user: UserRow, now: Date, rawChoice: string | undefined, sess: Session | undefined, followsReminder = false) {
    const state = { replies: [] as Reply[], deleted: false };
    const reply = (r: Reply) => void state.replies.push(r);
    let active = sess && sess.activeCaseId !== null ? this.repo.getCase(sess.activeCaseId) : undefined;
    // Words typed right after a reminder about another case answer that reminder: the case it asked about
    // becomes the active one, and the user is told ("退了 但是只退了八十" after 案件 #1's check had closed case #2).
    const reminded = sess && followsReminder ? this.remindedOtherCase(user.id, sess, active) : undefined;
    if (sess && reminded) {
      sess.activeCaseId = reminded.id;
      active = this.repo.getCase(reminded.id);
      reply({ text: t('cases.switched_by_reminder', { id: reminded.id, scenario: t(`scenario.${reminded.scenario}`) }) });
    }
    const choice = decodeChoice(rawChoice);
    const setActive = (caseId: number | null) => {
      if (!sess) return;
      sess.activeCaseId = caseId;
      // Switching cases drops the last choices and the engine's own confirmation; features keep theirs.
      const ext = { ...(sess.state.ext ?? {}) };
      delete ext[ENGINE_NS];
      sess.state = { version: SESSION_VERSION, ext };
    };
    // Case operations belong to private chats; in a group they do nothing.
    const stepCase = (c: CaseRow, event: FlowEvent) => (sess ? this.runStep(ctx, c, event) : undefined);
    const ctx: TurnContext = {
      inbound,
      user,
      active,
      // At the order-number question the answer is labelled by the question (an order-shaped id is kept).
      text: maskSecretsInText(inbound.text ?? '', { orderAnswer: active?.status === 'open' && active.state.stage === 'intake' && active.state.q === 'orderId' }),
      choice,
      choiceId: choice && encodeChoice(choice),
      now,
      reply,
      startCase: (scenario, facts: Facts = {}, prefix) => {
        if (!sess) return;
        // At most MAX_OPEN_CASES open at once, said plainly, with the list to close one from.
        const open = this.repo.countOpenCases(user.id);
        if (open >= this.d.config.MAX_OPEN_CASES) {
          const list = caseList(this.repo.casesOf(user.id), active?.id);
          return reply({ text: `${t('limits.open_cases', { count: open })}\n\n${list.text}`, choices: list.choices?.filter((c) => c.id !== encodeChoice({ kind: 'menu', action: 'new' })) });
        }
        const c = this.repo.createCase(user.id, scenario, facts, initialState(), now);
        this.repo.audit(`user:${user.id}`, 'case_opened', `case:${c.id}`, { scenario }, now);
        setActive(c.id);
        if (prefix) reply({ text: prefix });
        stepCase(c, { type: 'start' });
      },
      stepActive: (event) => (active ? stepCase(active, event) : undefined),
      stepCase,
      setActive,
      closeCase: (c, outcome, refunded) => (sess ? this.closeCase(ctx, c, outcome, refunded) : undefined),
      deleteAccount: () => {
        if (!sess) return;
        this.repo.deleteUser(user.id, now);
        state.deleted = this.deletedData = true;
      },
      ext: sess ? sessionExt(sess) : directExt(this.repo, user.id, now),
    };
    return { ctx, state };
  }

  /** Where the step's platform outcome figures come from (the community's anonymous counters; issue 16). */
  private outcomeFigures?: (platform: unknown) => PlatformOutcomes | undefined;

  setOutcomeFigures(f: (platform: unknown) => PlatformOutcomes | undefined): void {
    this.outcomeFigures = f;
  }

  private runStep(ctx: TurnContext, c: CaseRow, event: FlowEvent): void {
    // Only where a rung can be shown (the ladder, or the evidence stage that leads to it).
    const outcomes = c.state.stage === 'ladder' || c.state.stage === 'evidence' ? this.outcomeFigures?.(c.facts.platform) : undefined;
    const r = step({ flow: this.d.flows[c.scenario], facts: c.facts, state: c.state, event, now: ctx.now, zone: this.d.config.BOT_TIMEZONE, timings: this.d.config, outcomes });
    this.repo.saveCase(c.id, r.facts, r.state, ctx.now);
    this.apply(ctx, { ...c, facts: r.facts, state: r.state }, r.effects);
  }

  /** Applies a step's effects, in order, inside the turn's transaction. */
  private apply(ctx: TurnContext, c: CaseRow, effects: Effect[]): void {
    for (const e of effects) {
      switch (e.type) {
        case 'reply':
          ctx.reply(renderReply(e.reply));
          break;
        case 'schedule':
          this.repo.scheduleFollowUp(c.id, ctx.user.id, e.kind, e.rung, e.dueAt, ctx.now);
          break;
        case 'cancelFollowUps':
          this.repo.cancelFollowUps(c.id);
          break;
        case 'evidence':
          this.repo.addEvidence(c.id, e.item, e.kind, e.ref, ctx.now);
          break;
        case 'evidence_off':
          this.repo.removeTick(c.id, e.item);
          break;
        case 'close':
          this.closeCase(ctx, c, e.outcome, e.refunded);
          break;
      }
    }
  }

  private closeCase(ctx: TurnContext, c: CaseRow, outcome: Outcome, refunded: number | undefined): void {
    this.repo.closeCase(c.id, outcome, refunded, { ...c.state, stage: 'closed' }, ctx.now);
    this.repo.cancelFollowUps(c.id);
    ctx.setActive(null);
    this.repo.audit(`user:${ctx.user.id}`, 'case_closed', `case:${c.id}`, { outcome }, ctx.now);
    ctx.reply(menu(undefined, t(`close.done.${outcome}`, { id: c.id, retention: this.d.config.RETENTION_DAYS })));
  }
}
