// The routing table: how an inbound finds the code that answers it.
//
// The engine knows no feature. Everything that answers a user — the built-in menus and
// commands (builtins.ts), the case flow, free-text understanding, the blacklist and community
// features — registers routes here, and the engine walks the table once per inbound.
//
// ── Route kinds ───────────────────────────────────────────────────────────────────────────
//   router.command(match, handle, opts)   match(text) → { name, arg? } | undefined. Tried only when
//                                         the inbound carries no (decoded) choice.
//   router.choice(kind, handle, opts)     the decoded choice (choices.ts) has this kind; the
//                                         handler receives the typed payload.
//   router.pending(ns, handle, opts)      the user has per-user state under `ns` (ctx.ext): a
//                                         sub-dialogue waiting for an answer. The handler
//                                         receives that state.
//   router.text(handle, opts)             any inbound at all (free text, attachments, choices
//                                         nobody claimed): fallbacks such as understanding or
//                                         group chatter handlers.
//
// ── Order ─────────────────────────────────────────────────────────────────────────────────
// One list, sorted by `opts.order` (default 0), ties in registration order. For each route
// whose key matches, the handler runs; `true` (or no return value) means "answered, stop";
// `false` means "not mine, go on". A handler may change state and still return false (e.g. a
// sub-dialogue dropping itself when the user moved on). In private chats the last route
// (ORDER.CASE, builtins.ts) always answers: the active case's step, or the menu.
//
// ── Example (a feature module) ────────────────────────────────────────────────────────────
//   export function registerAlerts(router: Router, deps: AlertDeps): void {
//     router.command(matchAlertCommand, (ctx, cmd) => { …; ctx.reply({ text: t('…') }); }, { order: ORDER.FEATURE, chats: 'both' });
//     router.choice('blacklist', (ctx, c) => (c.op === 'cj' ? join(ctx, c.id!) : false), { order: ORDER.FEATURE });
//     router.pending<Draft>('alerts', (ctx, draft) => (ctx.choice ? (ctx.ext.set('alerts', undefined), false) : answer(ctx, draft)), { order: ORDER.FEATURE });
//   }
//
// Orders in use (keep features between them):
//   -100  the engine's own confirmations (close / delete)            ORDER.CONFIRM
//    -50  built-in commands and menu choices (start, help, …)        ORDER.BUILTIN
//      0  default (Engine.use hooks)                                 ORDER.DEFAULT
//     10  community features (blacklist: choices, commands, dialogue) ORDER.FEATURE
//    100  free-text understanding                                    ORDER.UNDERSTANDING
//    200  built-in group answers ("continue in private")             ORDER.GROUP_FALLBACK
//   1000  the active case's step, or the menu (private; answers all)  ORDER.CASE
//
// ── Chats ─────────────────────────────────────────────────────────────────────────────────
// `opts.chats`: 'private' (default), 'group' or 'both'. Group turns have no session
// transaction of their own: a group message nobody answers is rolled back (it writes nothing),
// so a group route must reply for its writes to stay.
import type { Inbound, Reply, ScenarioId } from '../types.js';
import type { Facts } from '../flow/types.js';
import type { FlowEvent, Outcome } from '../flow/events.js';
import type { CaseRow, UserRow } from './repo.js';
import type { ChoiceKind, ChoiceOf, ChoiceValue } from './choices.js';

/**
 * What a handler sees of one inbound and what it may do in reply. Everything is scoped to the
 * current transaction: writes made through it (and through the stores a feature was given)
 * commit together with the reply, or not at all.
 */
export interface TurnContext {
  /** The inbound as the adapter decoded it (platform, chat, raw text, raw choice id, attachments). */
  inbound: Inbound;
  /** The sender; in groups too (created on first contact). */
  user: UserRow;
  /** The active case (private chats only; may be closed only transiently). */
  active: CaseRow | undefined;
  /** The text with anything that looks like a card key masked. Use this, never inbound.text. */
  text: string;
  /**
   * The choice pressed — or typed as its number or label — decoded by choices.ts. Undefined when
   * there was none *or* when the id did not decode (forged, garbled, stale format): such a
   * press is treated as unexpected input.
   */
  choice: ChoiceValue | undefined;
  /** The encoded id of `choice` (what the step's choice events carry). */
  choiceId: string | undefined;
  /** The turn's clock reading (the injected clock; one value for the whole turn). */
  now: Date;
  /** Queues a reply to this chat; sent through the outbox after the transaction commits. */
  reply(r: Reply): void;
  // Case operations (private chats only; in a group they do nothing):
  /** Starts a new case, optionally pre-filled, and runs its first step. */
  startCase(scenario: ScenarioId, facts?: Facts, prefix?: string): void;
  /** Runs one step on the active case (no-op without one). */
  stepActive(event: FlowEvent): void;
  /** Runs one step on a given case of this user (e.g. a follow-up answer about another case). */
  stepCase(c: CaseRow, event: FlowEvent): void;
  /** Makes a case (or none) the active one; drops the engine's own pending confirmation. */
  setActive(caseId: number | null): void;
  /** Closes a case (audited, follow-ups cancelled) and replies with the closing message and menu. */
  closeCase(c: CaseRow, outcome: Outcome, refunded?: number): void;
  /** Deletes everything about the user; the turn's replies still go out, nothing else is saved. */
  deleteAccount(): void;
  /**
   * Per-user state, one entry per namespace, saved with the session in the same transaction
   * (in groups: read and written directly). set(ns, undefined) removes the entry. The entries
   * survive case switches and closing; pending routes are keyed by these namespaces.
   */
  ext: { get<T>(ns: string): T | undefined; set(ns: string, value: unknown): void };
}

/** What a handler returns: true/void = answered (stop); false = not mine (try the next route). */
export type Handled = boolean | void;

export type ChatScope = 'private' | 'group' | 'both';

export interface RouteOptions {
  /** Position in the table (see the header); default 0. */
  order?: number;
  /** Which chats the route applies to; default 'private'. */
  chats?: ChatScope;
}

/** What a command matcher returns: the command's name and its argument, if any. */
export interface MatchedCommand {
  name: string;
  arg?: string;
}

export const ORDER = { CONFIRM: -100, BUILTIN: -50, DEFAULT: 0, FEATURE: 10, UNDERSTANDING: 100, GROUP_FALLBACK: 200, CASE: 1000 } as const;

type Route =
  | { type: 'command'; match: (text: string) => MatchedCommand | undefined; handle: (ctx: TurnContext, cmd: MatchedCommand) => Handled }
  | { type: 'choice'; kind: ChoiceKind; handle: (ctx: TurnContext, c: ChoiceValue) => Handled }
  | { type: 'pending'; ns: string; handle: (ctx: TurnContext, state: unknown) => Handled }
  | { type: 'text'; handle: (ctx: TurnContext) => Handled };

interface Entry {
  route: Route;
  order: number;
  chats: ChatScope;
  seq: number;
}

export class Router {
  private entries: Entry[] = [];
  private seq = 0;

  /** A command family: `match` recognises the text ("/check x", "查商家 x"), `handle` answers it. */
  command<C extends MatchedCommand>(match: (text: string) => C | undefined, handle: (ctx: TurnContext, cmd: C) => Handled, opts?: RouteOptions): this {
    return this.add({ type: 'command', match, handle: handle as (ctx: TurnContext, cmd: MatchedCommand) => Handled }, opts);
  }

  /** Presses of one choice kind; the handler gets the typed payload. */
  choice<K extends ChoiceKind>(kind: K, handle: (ctx: TurnContext, c: ChoiceOf<K>) => Handled, opts?: RouteOptions): this {
    return this.add({ type: 'choice', kind, handle: handle as (ctx: TurnContext, c: ChoiceValue) => Handled }, opts);
  }

  /** A sub-dialogue: runs while ctx.ext holds state under `ns`; the handler gets that state. */
  pending<S>(ns: string, handle: (ctx: TurnContext, state: S) => Handled, opts?: RouteOptions): this {
    return this.add({ type: 'pending', ns, handle: handle as (ctx: TurnContext, state: unknown) => Handled }, opts);
  }

  /** A fallback offered every inbound that reaches its place in the table. */
  text(handle: (ctx: TurnContext) => Handled, opts?: RouteOptions): this {
    return this.add({ type: 'text', handle }, opts);
  }

  /** Walks the table for one inbound; true if some route answered. */
  dispatch(ctx: TurnContext): boolean {
    const kind = ctx.inbound.chatKind;
    for (const e of this.entries) {
      if (e.chats !== 'both' && e.chats !== kind) continue;
      const r = e.route;
      let handled: Handled = false;
      switch (r.type) {
        case 'command': {
          if (ctx.choice) continue;
          const cmd = r.match(ctx.text);
          if (!cmd) continue;
          handled = r.handle(ctx, cmd);
          break;
        }
        case 'choice':
          if (ctx.choice?.kind !== r.kind) continue;
          handled = r.handle(ctx, ctx.choice);
          break;
        case 'pending': {
          const state = ctx.ext.get(r.ns);
          if (state === undefined) continue;
          handled = r.handle(ctx, state);
          break;
        }
        case 'text':
          handled = r.handle(ctx);
          break;
      }
      if (handled !== false) return true;
    }
    return false;
  }

  private add(route: Route, opts: RouteOptions = {}): this {
    this.entries.push({ route, order: opts.order ?? ORDER.DEFAULT, chats: opts.chats ?? 'private', seq: this.seq++ });
    this.entries.sort((a, b) => a.order - b.order || a.seq - b.seq);
    return this;
  }
}
