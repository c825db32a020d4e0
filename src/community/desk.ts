// What every community handler does on one turn: know whether the sender is an admin, reply,
// keep the per-user sub-dialogue state (namespace NS), audit, show dates, notify another user.
// A Desk wraps one TurnContext and the few shared ports; feature modules build one per turn.
import type { Config } from '../config.js';
import type { Repo } from '../engine/repo.js';
import type { TurnContext } from '../engine/routes.js';
import { encodeChoice, type ChoiceOf } from '../engine/choices.js';
import { t } from '../i18n/index.js';
import type { Outbox } from '../store/outbox.js';
import type { Choice } from '../types.js';
import type { PeopleStore } from './store/people.js';
import { formatDay } from './dates.js';

export const NS = 'blacklist';
/** A half-finished report is forgotten after this long; an admin's prompt waits until answered or cancelled. */
export const STATE_TTL_MS = 15 * 60_000;

export type Step = 'r_note' | 'r_merchant' | 'r_what' | 'r_amount' | 'r_evidence' | 'r_confirm' | 'reject_reason' | 'list_reason' | 'more_info' | 'add_same';

export interface ReportDraft {
  merchant?: string;
  what?: string;
  amount?: number | null;
  evidence?: number;
  /** Screenshots / files sent during the report (platform references). */
  files?: { kind: string; ref: string }[];
}

export interface State {
  step: Step;
  at: number;
  draft?: ReportDraft;
  reportId?: number;
  /** 拉黑 waiting for "是同一家吗？": the name and reason typed. */
  add?: { name: string; reason: string };
}

/** Steps that are an admin's prompt (kept until answered or cancelled). */
export const ADMIN_STEPS: ReadonlySet<Step> = new Set(['reject_reason', 'list_reason', 'more_info', 'add_same']);

/** The ports every handler may use. */
export interface DeskPort {
  admins: ReadonlySet<string>;
  cases: Pick<Repo, 'audit'>;
  config: Pick<Config, 'BOT_TIMEZONE'>;
}

/** Sends a notice to a user's private chat through the outbox (no chat known: nothing). */
export class Notifier {
  constructor(
    private readonly people: Pick<PeopleStore, 'chatOf'>,
    private readonly outbox: Pick<Outbox, 'enqueue'>,
  ) {}

  user(userId: number, text: string, now: Date): void {
    const chat = this.people.chatOf(userId);
    if (!chat) return;
    this.outbox.enqueue({ platform: chat.platform, chatId: chat.chatId, userId, kind: 'notice', reply: { text } }, now);
  }
}

export const bl = (c: ChoiceOf<'blacklist'>): string => encodeChoice(c);

export class Desk {
  constructor(
    readonly port: DeskPort,
    readonly ctx: TurnContext,
  ) {}

  get isAdmin(): boolean {
    return this.port.admins.has(`${this.ctx.inbound.platform}:${this.ctx.inbound.userId}`);
  }

  get group(): boolean {
    return this.ctx.inbound.chatKind === 'group';
  }

  get userId(): number {
    return this.ctx.user.id;
  }

  get now(): Date {
    return this.ctx.now;
  }

  say(text: string, choices?: Choice[]): true {
    this.ctx.reply(choices?.length ? { text, choices } : { text });
    return true;
  }

  /** The open sub-dialogue, if any; a report left alone for STATE_TTL_MS is dropped. */
  state(): State | undefined {
    const s = this.ctx.ext.get<State>(NS);
    if (s && !ADMIN_STEPS.has(s.step) && this.ctx.now.getTime() - s.at > STATE_TTL_MS) return undefined;
    return s;
  }

  setState(s: Omit<State, 'at'> | undefined): void {
    this.ctx.ext.set(NS, s ? { ...s, at: this.ctx.now.getTime() } : undefined);
  }

  audit(action: string, subject: string | null, detail: Record<string, unknown> = {}): void {
    const who = `${this.ctx.inbound.platform}:${this.ctx.inbound.userId}`;
    this.port.cases.audit(`user:${this.ctx.user.id}`, action, subject, this.isAdmin ? { admin: who, ...detail } : detail, this.ctx.now);
  }

  refuse(command: string): true {
    this.audit('admin_refused', null, { command });
    return this.say(t('bl.admin.refused'));
  }

  date(ms: number | null | undefined): string {
    if (ms === null || ms === undefined) return t('fact.unknown');
    return formatDay(ms, this.port.config.BOT_TIMEZONE, this.ctx.now);
  }
}
