// The engine: one SQLite transaction per inbound — dedupe → load → step → save → outbox.
// It knows no platform; adapters hand it Inbounds and deliver the Deliveries it returns.
import type { Config } from '../config.js';
import { scrubWal, type DB } from '../store/db.js';
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import { t } from '../i18n/index.js';
import { FLOWS } from '../../flows/index.js';
import { SCENARIOS, type Choice, type Delivery, type Inbound, type Platform, type Reply, type ScenarioId } from '../types.js';
import { initialState, type CaseState } from '../flow/state.js';
import { step, type Effect, type FlowEvent, type Outcome, evidenceReply } from '../flow/step.js';
import type { Facts } from '../flow/types.js';
import { parseAmount } from '../nlu/amount.js';
import { followUpMessage, RUNG_ANSWERS } from '../followups/messages.js';
import { maskSecretsInText } from '../privacy/mask.js';
import { sanitizeInbound } from '../privacy/inbound.js';
import { InboundGate, type Verdict } from '../limits/gate.js';
import { matchCommand, type Command } from './commands.js';
import { progressText } from './progress.js';
import { exportText } from './export.js';
import { Repo, type CaseRow, type UserRow } from './repo.js';

interface SessionState {
  mode?: 'close' | 'close_amount' | 'confirm_delete';
  closeOutcome?: Outcome;
  lastChoices?: Choice[];
  /** Whether a bare number answers the last choices (false while a free-text question is open). */
  numbered?: boolean;
  /** State kept by hooks, one entry per namespace (see TurnContext.ext). */
  ext?: Record<string, unknown>;
}

/**
 * A hook sees an inbound before the case flow does and may answer it (return true) — how the
 * NLU, merchant lookups, reports and admin commands plug in without the engine knowing them.
 * In groups hooks run first; in private chats after the built-in commands and menus.
 */
export type Hook = (ctx: TurnContext) => boolean;

export interface TurnContext {
  inbound: Inbound;
  /** The sender; in groups too (created on first contact). */
  user: UserRow;
  /** The active open case (private chats only). */
  active: CaseRow | undefined;
  /** The text with anything that looks like a card key masked. */
  text: string;
  /** The choice pressed, or typed as its number/words, if any. */
  choice: string | undefined;
  now: Date;
  db: DB;
  outbox: Outbox;
  reply(r: Reply): void;
  /** Starts a new case, optionally pre-filled, and runs its first step (private only). */
  startCase(scenario: ScenarioId, facts?: Facts, prefix?: string): void;
  /** Runs one step on the active case. */
  stepActive(event: FlowEvent): void;
  /** Per-user state of one hook, saved with the session in the same transaction. */
  ext: { get<T>(ns: string): T | undefined; set(ns: string, value: unknown): void };
}

/** Follow-up answers about a rung's outcome: each consumes the reminder it answers. */
const OUTCOME_ANSWERS = new Set<string>(RUNG_ANSWERS);

/** Thrown to roll back a group message nobody answered. */
const IGNORED = Symbol('ignored');

export class Engine {
  readonly repo: Repo;
  private readonly proactive = new Map<Platform, boolean>();
  private readonly hooks: { hook: Hook; order: number }[] = [];
  private readonly gate: InboundGate;
  /** The session of the user whose inbound is being processed: loaded once, saved once per turn. */
  private sess: { activeCaseId: number | null; state: SessionState; updatedAt: number } | undefined;
  /** The case last stepped in this turn (cleared per turn). */
  private stepped: { id: number; scenario: ScenarioId; state: CaseState } | undefined;

  constructor(
    private readonly db: DB,
    private readonly outbox: Outbox,
    private readonly config: Config,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {
    this.repo = new Repo(db);
    this.gate = new InboundGate(config);
  }

  /** Declares whether a platform can send unprompted; if not, such messages wait for the user's next message. */
  setProactive(platform: Platform, proactive: boolean): void {
    this.proactive.set(platform, proactive);
  }

  canSendProactively(platform: Platform): boolean {
    return this.proactive.get(platform) ?? true;
  }

  /** Adds a hook (see Hook). Hooks run by ascending `order`, then in the order added. */
  use(hook: Hook, order = 0): void {
    this.hooks.push({ hook, order });
    this.hooks.sort((a, b) => a.order - b.order);
  }

  /**
   * Handles one inbound in one transaction. A repeat of an already processed update returns [].
   * In groups only what the bot answers (commands, hooks) is recorded; other chatter writes nothing.
   */
  handle(inbound: Inbound): Delivery[] {
    try {
      return this.db.transaction(() => this.process(inbound))();
    } finally {
      this.afterCommit();
    }
  }

  /** Several inbounds in one commit (fewer fsyncs); results in the same order. */
  handleBatch(inbounds: readonly Inbound[]): Delivery[][] {
    try {
      return this.db.transaction(() => inbounds.map((i) => this.process(i)))();
    } finally {
      this.afterCommit();
    }
  }

  /** Set when a turn deleted a user's data: after the commit the WAL is checkpointed and truncated. */
  private deletedData = false;

  private afterCommit(): void {
    if (!this.deletedData) return;
    this.deletedData = false;
    scrubWal(this.db, (err) => this.log.warn({ err }, 'could not truncate the WAL after a deletion'));
  }

  /**
   * Housekeeping, run at start and periodically: expires closed cases, and forgets sent
   * messages and processed update ids after a week (Telegram redelivers for 24 h at most).
   */
  maintenance(): { cases: number; outbox: number; updates: number } {
    const week = new Date(this.now().getTime() - 7 * 86_400_000);
    const cases = this.expireClosedCases();
    const outbox = this.outbox.prune(week);
    const updates = this.repo.pruneProcessed(week);
    if (cases) scrubWal(this.db, (err) => this.log.warn({ err }, 'could not truncate the WAL after expiring cases'));
    return { cases, outbox, updates };
  }

  /** Deletes closed cases older than the retention period. Returns how many. */
  expireClosedCases(): number {
    const cutoff = this.now().getTime() - this.config.RETENTION_DAYS * 86_400_000;
    const n = this.repo.deleteClosedBefore(cutoff);
    if (n) this.repo.audit(null, 'cases_expired', null, { count: n }, this.now());
    return n;
  }

  private process(received: Inbound): Delivery[] {
    // Bounds first (rate, length), then card keys masked in everything the user wrote (src/limits, src/privacy).
    const verdict = this.gate.admit(received, this.now());
    if (verdict !== 'pass') return this.refuse(received, verdict);
    const inbound = sanitizeInbound(received);
    if (inbound.chatKind === 'group') {
      // Most group chatter is not for us: such a message leaves no trace (its savepoint is
      // rolled back, so a busy group costs no writes; a hook must reply for its writes to stay).
      // A repeat of an ignored message is simply ignored again.
      try {
        return this.db.transaction(() => {
          if (!this.repo.markProcessed(inbound.platform, inbound.updateId, this.now())) return [];
          const out = this.processGroup(inbound);
          if (!out.length) throw IGNORED;
          return out;
        })();
      } catch (e) {
        if (e === IGNORED) return [];
        throw e;
      }
    }
    if (!this.repo.markProcessed(inbound.platform, inbound.updateId, this.now())) return [];
    const replies: Reply[] = [];
    const reply = (r: Reply) => replies.push(r);
    const out: Delivery[] = [];
    const chatId = inbound.chatId;

    const user = this.repo.upsertUser(inbound, this.now());
    this.outbox.markReachable(inbound.platform, chatId);
    if (!this.canSendProactively(inbound.platform)) out.push(...this.outbox.claimForChat(inbound.platform, chatId, this.now()));

    const loaded = this.repo.loadSession(user.id);
    const sess = (this.sess = { activeCaseId: loaded.activeCaseId, state: loaded.state as SessionState, updatedAt: loaded.updatedAt });
    this.stepped = undefined;
    let deleted = false;
    try {
      this.dispatch(inbound, user, sess.activeCaseId, sess.state, sess.updatedAt, reply, () => (deleted = this.deletedData = true));
    } finally {
      this.sess = undefined;
    }

    if (deleted) {
      for (const r of replies) out.push(this.outbox.enqueue({ platform: inbound.platform, chatId, kind: 'ephemeral', reply: r }, this.now(), true));
      return out;
    }
    const last = replies[replies.length - 1];
    sess.state = { ...sess.state, lastChoices: last?.choices, numbered: this.numberedChoices(last) };
    this.repo.saveSession(user.id, sess.activeCaseId, sess.state, this.now());
    for (const r of replies) out.push(this.outbox.enqueue({ platform: inbound.platform, chatId, userId: user.id, reply: r }, this.now(), true));
    return out;
  }

  /** An inbound over a bound: in a private chat answered once (too long, slow down); otherwise nothing. */
  private refuse(inbound: Inbound, verdict: Exclude<Verdict, 'pass'>): Delivery[] {
    if (verdict === 'drop' || inbound.chatKind === 'group') return [];
    if (!this.repo.markProcessed(inbound.platform, inbound.updateId, this.now())) return [];
    const text =
      verdict === 'too_long'
        ? t('limits.too_long', { max: this.config.MAX_INPUT_CHARS })
        : t('limits.slow_down', { seconds: this.config.RATE_LIMIT_MUTE_SECONDS });
    return [this.outbox.enqueue({ platform: inbound.platform, chatId: inbound.chatId, reply: { text } }, this.now(), true)];
  }

  private processGroup(inbound: Inbound): Delivery[] {
    const replies: Reply[] = [];
    const reply = (r: Reply) => replies.push(r);
    const user = this.repo.upsertUser(inbound, this.now());
    const text = maskSecretsInText(inbound.text ?? '');
    const handled = this.runHooks(inbound, user, undefined, text, inbound.choice, reply);
    const cmd = handled ? undefined : matchCommand(text);
    if (cmd?.name === 'start' || cmd?.name === 'new' || cmd?.name === 'help') {
      reply({ text: t('group.go_private'), openPrivate: { payload: 'new', label: t('group.open_private') } });
    }
    if (!replies.length) return [];
    // Where nothing can be sent unprompted (official QQ), messages held for this group go out now.
    const held = this.canSendProactively(inbound.platform) ? [] : this.outbox.claimForChat(inbound.platform, inbound.chatId, this.now());
    return [...held, ...replies.map((r) => this.outbox.enqueue({ platform: inbound.platform, chatId: inbound.chatId, reply: r }, this.now(), true))];
  }

  /** A bare number picks a choice unless the case is waiting for a typed answer (an amount, a count…). */
  /**
   * A bare number picks one of the last choices, except when they were only the 跳过 offered with
   * a typed question (an amount, a count, a time…): then "1" is an answer, not a choice.
   */
  private numberedChoices(last: Reply | undefined): boolean {
    if (!last?.choices?.length) return false;
    return !(last.choices.length === 1 && last.choices[0].id === 'q:skip');
  }

  /**
   * The choices the user last saw: a reminder fired after their last message (its choices are
   * rebuilt, not stored, so firing costs no session write), or the engine's own last reply.
   */
  private lastSeenChoices(platform: Platform, userId: number, state: SessionState, sessionUpdatedAt: number): { choices: Choice[]; numbered: boolean } {
    // Where reminders are held for the next reply (official QQ), the user has not seen one yet.
    const fired = this.canSendProactively(platform) ? this.repo.lastFiredFollowUp(userId, sessionUpdatedAt) : undefined;
    if (fired) {
      const reply = followUpMessage({ ...fired, dueAt: new Date(fired.dueAt) }, new Date(fired.firedAt), this.config.BOT_TIMEZONE, this.config);
      if (reply?.choices?.length) return { choices: reply.choices, numbered: true };
    }
    return { choices: state.lastChoices ?? [], numbered: !!state.numbered };
  }

  private resolveChoice(inbound: Inbound, userId: number, state: SessionState, sessionUpdatedAt: number): string | undefined {
    if (inbound.choice) return inbound.choice;
    const text = (inbound.text ?? '').trim();
    // Choices are short labels or numbers; longer text is never a choice (and skips the lookup).
    if (!text || text.length > 24) return undefined;
    const seen = this.lastSeenChoices(inbound.platform, userId, state, sessionUpdatedAt);
    const choices = seen.choices;
    if (!choices.length) return undefined;
    if (seen.numbered && /^\d{1,2}$/.test(text)) {
      const n = Number(text);
      if (n >= 1 && n <= choices.length) return choices[n - 1].id;
    }
    const norm = (s: string) => s.replace(/[\s，,。.！!？?：:（）()「」]/g, '').toLowerCase();
    const hit = choices.find((c) => norm(c.label) === norm(text));
    return hit?.id;
  }

  private dispatch(
    inbound: Inbound,
    user: UserRow,
    activeCaseId: number | null,
    state: SessionState,
    sessionUpdatedAt: number,
    reply: (r: Reply) => void,
    onDeleted: () => void,
  ): void {
    const now = this.now();
    const active = activeCaseId !== null ? this.repo.getCase(activeCaseId) : undefined;
    const text = maskSecretsInText(inbound.text ?? '');
    const choice = this.resolveChoice(inbound, user.id, state, sessionUpdatedAt);
    const cmd: Command | undefined = choice ? undefined : matchCommand(text);

    const setMode = (m: Partial<SessionState>) => {
      const sess = this.session();
      sess.state = { ...m, ext: sess.state.ext };
    };
    const stepCase = (c: CaseRow, event: FlowEvent) => this.runStep(user, c, event, reply);
    const startCase = (scenario: ScenarioId, facts: Facts = {}, prefix?: string) => {
      // At most MAX_OPEN_CASES open at once, said plainly, with the list to close one from.
      const open = this.repo.countOpenCases(user.id);
      if (open >= this.config.MAX_OPEN_CASES) {
        const list = this.caseList(user.id, active?.id);
        return reply({ text: `${t('limits.open_cases', { count: open })}\n\n${list.text}`, choices: list.choices?.filter((c) => c.id !== 'm:new') });
      }
      const c = this.repo.createCase(user.id, scenario, facts, initialState(), now);
      this.repo.audit(`user:${user.id}`, 'case_opened', `case:${c.id}`, { scenario }, now);
      this.setActive(c.id);
      if (prefix) reply({ text: prefix });
      stepCase(c, { type: 'start' });
    };

    // Pending confirmations and sub-dialogues first.
    if (state.mode === 'confirm_delete') {
      if (choice === 'd:yes') {
        this.repo.deleteUser(user.id, now);
        reply({ text: t('delete.done') });
        onDeleted();
        return;
      }
      setMode({});
      if (choice === 'd:no') return reply(this.menu(active, t('delete.cancelled')));
    }
    if (state.mode === 'close' && choice?.startsWith('x:') && active) {
      const outcome = choice.slice(2) as Outcome;
      if (outcome === 'partial' || outcome === 'full') {
        setMode({ mode: 'close_amount', closeOutcome: outcome });
        return reply({ text: t('close.ask_amount') });
      }
      return this.closeCase(user, active, outcome, undefined, reply);
    }
    if (state.mode === 'close_amount' && active && !cmd && !choice) {
      const amount = parseAmount(text);
      if (amount === undefined || amount <= 0) return reply({ text: `${t('reask', { example: t('ex.amount') })}\n${t('close.ask_amount')}` });
      return this.closeCase(user, active, state.closeOutcome ?? 'partial', amount, reply);
    }
    if (state.mode && state.mode !== 'confirm_delete') setMode({});

    // Menu choices and commands.
    const action = choice?.startsWith('m:') ? choice.slice(2) : cmd?.name;
    if (choice?.startsWith('s:')) {
      const id = choice.slice(2) as ScenarioId;
      if ((SCENARIOS as readonly string[]).includes(id)) return startCase(id);
    }
    if (choice?.startsWith('f:')) {
      // A follow-up answer names its case: f:<caseId>:<answer>. It may concern a case that is not the active one.
      const [, id, answer] = choice.split(':');
      const c = this.repo.getCase(Number(id));
      if (c && c.userId === user.id && c.status === 'open' && answer) {
        // An answer about the rung's outcome consumes the reminder it answers: an old or repeated
        // button press cannot move the case again.
        if (OUTCOME_ANSWERS.has(answer) && !this.repo.consumeFiredCheck(c.id, now)) return reply(this.menu(active, t('fu.answered')));
        if (c.id !== active?.id) reply({ text: t('cases.switched', { id: c.id, scenario: t(`scenario.${c.scenario}`) }) });
        this.setActive(c.id);
        return stepCase(c, { type: 'choice', id: `f:${answer}` });
      }
      return reply(this.menu(active, t('fu.stale')));
    }
    if (choice?.startsWith('c:')) {
      const c = this.repo.getCase(Number(choice.slice(2)));
      if (c && c.userId === user.id && c.status === 'open') {
        this.setActive(c.id);
        reply({ text: t('cases.switched', { id: c.id, scenario: t(`scenario.${c.scenario}`) }) });
        return stepCase(c, { type: 'repeat' });
      }
      if (c && c.userId === user.id) return reply(this.menu(active, t('cases.closed', { id: c.id })));
    }
    switch (action) {
      case 'start':
        if (cmd?.arg === 'new') return reply(this.scenarioMenu());
        return reply(this.menu(active, t('welcome')));
      case 'help':
        return reply(this.menu(active, t('help')));
      case 'new':
        return reply(this.scenarioMenu());
      case 'cases':
        return reply(this.caseList(user.id, active?.id));
      case 'progress':
        if (!active) return reply(this.menu(undefined, t('no_active_case')));
        return reply({ text: progressText(active, this.repo.followUpsFor(active.id), this.config.BOT_TIMEZONE, this.config), choices: this.caseChoices() });
      case 'evidence':
        if (!active) return reply(this.menu(undefined, t('no_active_case')));
        return reply(evidenceReply(FLOWS[active.scenario], active.state));
      case 'back':
        if (!active) return reply(this.menu(undefined, t('no_active_case')));
        return stepCase(active, { type: 'back' });
      case 'ladder':
        if (!active) return reply(this.menu(undefined, t('no_active_case')));
        return stepCase(active, { type: 'repeat' });
      case 'continue':
        if (!active) return reply(this.menu(undefined, t('no_active_case')));
        return stepCase(active, { type: 'repeat' });
      case 'close':
        if (!active) return reply(this.menu(undefined, t('no_active_case')));
        setMode({ mode: 'close' });
        return reply({
          text: t('close.ask', { id: active.id }),
          choices: (['full', 'partial', 'none', 'abandoned'] as const).map((o) => ({ id: `x:${o}`, label: t(`outcome.${o}`) })),
        });
      case 'export':
        this.repo.audit(`user:${user.id}`, 'data_exported', null, null, now);
        return reply({ text: t('export.intro'), document: { title: t('export.title'), body: exportText(this.repo, user, this.config.BOT_TIMEZONE) } });
      case 'delete':
        setMode({ mode: 'confirm_delete' });
        return reply({ text: t('delete.confirm'), choices: [{ id: 'd:yes', label: t('delete.yes') }, { id: 'd:no', label: t('delete.no') }] });
    }

    const attachments = inbound.attachments ?? [];
    if (this.runHooks(inbound, user, active, text, choice, reply, startCase, (event) => (active ? stepCase(active, event) : undefined))) return;

    if (active && active.status === 'open') {
      if (attachments.length) return stepCase(active, { type: 'attachments', items: attachments });
      if (choice) return stepCase(active, { type: 'choice', id: choice });
      if (text) return stepCase(active, { type: 'text', text });
      return stepCase(active, { type: 'repeat' });
    }
    if (attachments.length) return reply(this.menu(undefined, t('attachment.no_case')));
    return reply(this.menu(undefined, text ? t('unclear.no_case') : undefined));
  }

  private session(): NonNullable<Engine['sess']> {
    if (!this.sess) throw new Error('no turn in progress');
    return this.sess;
  }

  /** Makes a case the active one, keeping hooks' state and dropping the engine's modes. */
  private setActive(caseId: number | null): void {
    const sess = this.session();
    sess.activeCaseId = caseId;
    sess.state = { ext: sess.state.ext };
  }

  private runHooks(
    inbound: Inbound,
    user: UserRow,
    active: CaseRow | undefined,
    text: string,
    choice: string | undefined,
    reply: (r: Reply) => void,
    startCase: TurnContext['startCase'] = () => undefined,
    stepActive: TurnContext['stepActive'] = () => undefined,
  ): boolean {
    if (!this.hooks.length) return false;
    const now = this.now();
    // In groups there is no turn session: hooks' state is read and written directly.
    const ext: TurnContext['ext'] = this.sess
      ? {
          get: <T>(ns: string) => this.session().state.ext?.[ns] as T | undefined,
          set: (ns, value) => {
            const sess = this.session();
            const next = { ...(sess.state.ext ?? {}), [ns]: value };
            if (value === undefined) delete next[ns];
            sess.state = { ...sess.state, ext: next };
          },
        }
      : {
          get: <T>(ns: string) => (this.repo.loadSession(user.id).state as SessionState).ext?.[ns] as T | undefined,
          set: (ns, value) => {
            const cur = this.repo.loadSession(user.id);
            const st = cur.state as SessionState;
            const next = { ...(st.ext ?? {}), [ns]: value };
            if (value === undefined) delete next[ns];
            this.repo.saveSession(user.id, cur.activeCaseId, { ...st, ext: next }, now);
          },
        };
    const ctx: TurnContext = { inbound, user, active, text, choice, now, db: this.db, outbox: this.outbox, reply, startCase, stepActive, ext };
    return this.hooks.some((h) => h.hook(ctx));
  }

  private runStep(user: UserRow, c: CaseRow, event: FlowEvent, reply: (r: Reply) => void): void {
    const now = this.now();
    const r = step({ flow: FLOWS[c.scenario], facts: c.facts, state: c.state, event, now, zone: this.config.BOT_TIMEZONE, timings: this.config });
    this.repo.saveCase(c.id, r.facts, r.state, now);
    this.stepped = { id: c.id, scenario: c.scenario, state: r.state };
    this.apply(user, { ...c, facts: r.facts, state: r.state }, r.effects, reply);
  }

  private apply(user: UserRow, c: CaseRow, effects: Effect[], reply: (r: Reply) => void): void {
    const now = this.now();
    for (const e of effects) {
      switch (e.type) {
        case 'reply':
          reply(e.reply);
          break;
        case 'schedule':
          this.repo.scheduleFollowUp(c.id, user.id, e.kind, e.rung, e.dueAt, now);
          break;
        case 'cancelFollowUps':
          this.repo.cancelFollowUps(c.id);
          break;
        case 'evidence':
          this.repo.addEvidence(c.id, e.item, e.kind, e.ref, now);
          break;
        case 'close':
          this.closeCase(user, c, e.outcome, e.refunded, reply);
          break;
      }
    }
  }

  private closeCase(user: UserRow, c: CaseRow, outcome: Outcome, refunded: number | undefined, reply: (r: Reply) => void): void {
    const now = this.now();
    this.repo.closeCase(c.id, outcome, refunded, { ...c.state, stage: 'closed' }, now);
    this.repo.cancelFollowUps(c.id);
    this.setActive(null);
    this.repo.audit(`user:${user.id}`, 'case_closed', `case:${c.id}`, { outcome }, now);
    reply(this.menu(undefined, t(`close.done.${outcome}`, { id: c.id, retention: this.config.RETENTION_DAYS })));
  }

  private caseChoices(): Choice[] {
    return [
      { id: 'm:continue', label: t('choice.continue') },
      { id: 'm:evidence', label: t('choice.evidence') },
      { id: 'm:close', label: t('choice.close') },
    ];
  }

  private menu(active: CaseRow | undefined, prefix?: string): Reply {
    const choices: Choice[] = [];
    if (active && active.status === 'open') choices.push({ id: 'm:continue', label: t('choice.continue_case', { id: active.id }) });
    choices.push({ id: 'm:new', label: t('choice.new_case') }, { id: 'm:cases', label: t('choice.my_cases') });
    if (active) choices.push({ id: 'm:progress', label: t('choice.progress') });
    return { text: [prefix, t('menu.commands')].filter(Boolean).join('\n\n'), choices };
  }

  private scenarioMenu(): Reply {
    return { text: t('scenario.ask'), choices: SCENARIOS.map((s) => ({ id: `s:${s}`, label: t(`scenario.${s}`) })) };
  }

  private caseList(userId: number, activeId: number | undefined): Reply {
    const cases = this.repo.casesOf(userId);
    if (!cases.length) return { text: t('cases.none'), choices: [{ id: 'm:new', label: t('choice.new_case') }] };
    const lines = cases.map((c) =>
      t('cases.line', {
        id: c.id,
        scenario: t(`scenario.${c.scenario}`),
        merchant: typeof c.facts.merchant === 'string' ? c.facts.merchant : t('fact.unknown'),
        status: t(`status.${c.status}`),
        mark: c.id === activeId ? t('cases.current') : '',
      }),
    );
    return {
      text: [t('cases.header'), ...lines].join('\n'),
      choices: [
        ...cases.filter((c) => c.status === 'open' && c.id !== activeId).slice(0, 8).map((c) => ({ id: `c:${c.id}`, label: t('cases.switch', { id: c.id, scenario: t(`scenario.${c.scenario}`) }) })),
        { id: 'm:new', label: t('choice.new_case') },
      ],
    };
  }
}

