// The choice codec: every button id the bot ever shows is built (encodeChoice) and read back
// (decodeChoice) here, and only here.
//
// A button id travels to the platform and comes back verbatim (Telegram callback_data, QQ
// numbered choices, the session's `lastChoices`), so it is untrusted input: a forged, garbled or
// stale id must not reach a locale lookup or a database query in a form nobody planned for.
// decodeChoice returns `undefined` for anything that is not exactly one of the shapes below; the
// engine then treats the press as unexpected input (the current question is asked again, or the
// menu offered) — never an exception.
//
// Encoded ids are short ASCII (Telegram allows 64 bytes of callback_data) and identical to the
// ids used before the codec existed, so stored sessions and buttons in old messages keep working:
//
//   m:<command>          menu entry, same as typing the command        { kind: 'menu', action }
//   s:<scenario>         start a case of this scenario                  { kind: 'scenario', scenario }
//   c:<caseId>           switch to this case                            { kind: 'case', caseId }
//   f:<caseId>:<answer>  answer to a fired follow-up about that case    { kind: 'followup', caseId, answer }
//   f:<answer>           the same answer as the step sees it (no case)  { kind: 'followup', answer }
//   x:<outcome>[:ok]     how a case ended (close dialogue; :ok confirms)  { kind: 'close', outcome, sure? }
//   d:yes | d:no         confirm / cancel deleting all data             { kind: 'delete', confirm }
//   a:<option>           an option of a choice question                 { kind: 'answer', option }
//   q:skip               skip the current question                      { kind: 'skip' }
//   e:<item>[:off] | e:done  evidence checklist (tick / untick)          { kind: 'evidence', item, off? } | { kind: 'evidence_done' }
//   r:sent|next|resume[:<n>]  ladder controls; 下一步 carries its step     { kind: 'rung', op, at? }
//   u:yes|no|none, u:s:<sc>   free-text understanding confirmation (none: 都不是)           { kind: 'understand', … }
//   bl:<op>[:<id>[:go|no]]  merchant blacklist / community features     { kind: 'blacklist', op, id?, go? }
//   k:<op>[:<arg>]       coaching (issue 12): what the other side said,  { kind: 'coach', op, arg? }
//                        黑猫/collective texts, finding the operator, switching scenario, 刷不了
//   v:yes | v:no         accept / refuse a correction to a confirmed fact { kind: 'fix', accept }
//
// Adding a kind: extend ChoiceValue, add a case to encodeChoice and a branch to decodeChoice,
// and a garbled example to test/engine/choices.test.ts (every kind is tested there).
import { SCENARIOS, type ScenarioId } from '../types.js';
import { OUTCOMES, type Outcome, type RungId } from '../flow/types.js';
import { COMMAND_NAMES, type CommandName } from './commands.js';

export const RUNG_IDS: readonly RungId[] = ['seller', 'platform', 'payment', 'regulator', 'police', 'court'];

/** Answers to a rung check; each consumes the reminder it answers. */
export const RUNG_CHECK_ANSWERS = ['refunded', 'not_yet', 'refused', 'replied'] as const;
/** Reminder controls. */
export const REMINDER_CONTROLS = ['snooze1', 'snooze3', 'stop', 'resume'] as const;
export type FollowUpAnswer = (typeof RUNG_CHECK_ANSWERS)[number] | (typeof REMINDER_CONTROLS)[number] | `to_${RungId}`;

/** Blacklist button operations; the ones in BL_ID_OPS carry a numeric id, `bc` also go/no. */
export const BL_OPS = ['rc', 'rn', 'rs', 'rx', 'rw', 'cj', 'cy', 'cn', 'ap', 'ab', 'rj', 'sk', 'bc', 'px', 'nm', 'lp', 'sp', 'ua', 'cr', 'mo', 'sm', 'at', 'fl'] as const;
export type BlOp = (typeof BL_OPS)[number];
const BL_ID_OPS: ReadonlySet<BlOp> = new Set(['rc', 'rw', 'cj', 'cy', 'ap', 'ab', 'rj', 'sk', 'bc', 'lp', 'sp', 'ua', 'cr', 'mo', 'sm', 'at', 'fl']);

/**
 * Coaching button operations (src/coaching/routes.ts, src/flow/rungs.ts). `sr` carries a seller-reply
 * kind, `sw` a scenario; the others take no argument.
 *   said: "the other side answered" (pick what was said)   sr: what was said   pa / pc: accept / counter a partial offer
 *   bc: 黑猫投诉 text   co: collective-complaint text   rs: find the operator   rn: nothing found
 *   sw: switch to another scenario keeping the facts   rv: a failed payment's debit did not come back (刷不了)
 *   rf: money came back (asks how much; the case's own answer, not a reminder's)
 */
export const COACH_OPS = ['said', 'sr', 'pa', 'pc', 'bc', 'co', 'rs', 'rn', 'sw', 'rv', 'rf'] as const;
export type CoachOp = (typeof COACH_OPS)[number];
/** Seller-reply kinds a button may carry (src/coaching/sellerReply.ts, without 'other'). */
export const COACH_REPLY_KINDS = ['no_order', 'already_delivered', 'partial_offer', 'balance_only', 'blame_upstream', 'after_sale_expired', 'refunded', 'refused', 'no_reply', 'promised_later'] as const;

export type ChoiceValue =
  | { kind: 'menu'; action: CommandName }
  | { kind: 'scenario'; scenario: ScenarioId }
  | { kind: 'case'; caseId: number }
  | { kind: 'followup'; caseId?: number; answer: FollowUpAnswer }
  | { kind: 'close'; outcome: Outcome; sure?: boolean }
  | { kind: 'delete'; confirm: boolean }
  | { kind: 'answer'; option: string }
  | { kind: 'skip' }
  | { kind: 'evidence'; item: string; off?: boolean }
  | { kind: 'evidence_done' }
  | { kind: 'rung'; op: 'sent' | 'next' | 'resume'; at?: number }
  | { kind: 'understand'; answer: 'yes' | 'no' | 'none' }
  | { kind: 'understand'; answer: 'pick'; scenario: ScenarioId }
  | { kind: 'blacklist'; op: BlOp; id?: number; go?: boolean }
  | { kind: 'coach'; op: CoachOp; arg?: string }
  | { kind: 'fix'; accept: boolean };

export type ChoiceKind = ChoiceValue['kind'];
/** The payload of one kind, e.g. ChoiceOf<'case'> = { kind: 'case'; caseId: number }. */
export type ChoiceOf<K extends ChoiceKind> = Extract<ChoiceValue, { kind: K }>;

/** Ids of options and evidence items: lower-case words (they come from flows/). */
const WORD = /^[a-z][a-z0-9_]{0,39}$/;
/** A database id: a positive integer of at most 12 digits. */
const ID = /^[1-9]\d{0,11}$/;

const isIn = <T extends string>(list: readonly T[], s: string | undefined): s is T => s !== undefined && (list as readonly string[]).includes(s);

function isFollowUpAnswer(s: string | undefined): s is FollowUpAnswer {
  if (s === undefined) return false;
  if (isIn(RUNG_CHECK_ANSWERS, s) || isIn(REMINDER_CONTROLS, s)) return true;
  return s.startsWith('to_') && isIn(RUNG_IDS, s.slice(3));
}

/** The id to put on a button. */
export function encodeChoice(c: ChoiceValue): string {
  switch (c.kind) {
    case 'menu':
      return `m:${c.action}`;
    case 'scenario':
      return `s:${c.scenario}`;
    case 'case':
      return `c:${c.caseId}`;
    case 'followup':
      return c.caseId === undefined ? `f:${c.answer}` : `f:${c.caseId}:${c.answer}`;
    case 'close':
      return c.sure ? `x:${c.outcome}:ok` : `x:${c.outcome}`;
    case 'delete':
      return c.confirm ? 'd:yes' : 'd:no';
    case 'answer':
      return `a:${c.option}`;
    case 'skip':
      return 'q:skip';
    case 'evidence':
      return c.off ? `e:${c.item}:off` : `e:${c.item}`;
    case 'evidence_done':
      return 'e:done';
    case 'rung':
      return c.at === undefined ? `r:${c.op}` : `r:${c.op}:${c.at}`;
    case 'understand':
      return c.answer === 'pick' ? `u:s:${c.scenario}` : `u:${c.answer}`;
    case 'blacklist':
      return ['bl', c.op, ...(c.id === undefined ? [] : [String(c.id)]), ...(c.go === undefined ? [] : [c.go ? 'go' : 'no'])].join(':');
    case 'coach':
      return c.arg === undefined ? `k:${c.op}` : `k:${c.op}:${c.arg}`;
    case 'fix':
      return c.accept ? 'v:yes' : 'v:no';
  }
}

/** Reads a button id back; undefined for anything that is not exactly a shape encodeChoice makes. */
export function decodeChoice(id: string | undefined): ChoiceValue | undefined {
  if (typeof id !== 'string' || id.length > 64) return undefined;
  const parts = id.split(':');
  const [head, a, b, c] = parts;
  const n = parts.length;
  switch (head) {
    case 'm':
      return n === 2 && isIn(COMMAND_NAMES, a) ? { kind: 'menu', action: a } : undefined;
    case 's':
      return n === 2 && isIn(SCENARIOS, a) ? { kind: 'scenario', scenario: a } : undefined;
    case 'c':
      return n === 2 && ID.test(a) ? { kind: 'case', caseId: Number(a) } : undefined;
    case 'f':
      if (n === 2 && isFollowUpAnswer(a)) return { kind: 'followup', answer: a };
      if (n === 3 && ID.test(a) && isFollowUpAnswer(b)) return { kind: 'followup', caseId: Number(a), answer: b };
      return undefined;
    case 'x':
      if (n === 3) return b === 'ok' && isIn(OUTCOMES, a) ? { kind: 'close', outcome: a, sure: true } : undefined;
      return n === 2 && isIn(OUTCOMES, a) ? { kind: 'close', outcome: a } : undefined;
    case 'd':
      return n === 2 && (a === 'yes' || a === 'no') ? { kind: 'delete', confirm: a === 'yes' } : undefined;
    case 'a':
      return n === 2 && WORD.test(a) ? { kind: 'answer', option: a } : undefined;
    case 'q':
      return n === 2 && a === 'skip' ? { kind: 'skip' } : undefined;
    case 'e':
      if (n === 3) return b === 'off' && WORD.test(a) && a !== 'done' ? { kind: 'evidence', item: a, off: true } : undefined;
      if (n !== 2) return undefined;
      if (a === 'done') return { kind: 'evidence_done' };
      return WORD.test(a) ? { kind: 'evidence', item: a } : undefined;
    case 'r':
      if (!(a === 'sent' || a === 'next' || a === 'resume')) return undefined;
      if (n === 2) return { kind: 'rung', op: a };
      return n === 3 && /^(?:0|[1-9]\d{0,2})$/.test(b) ? { kind: 'rung', op: a, at: Number(b) } : undefined;
    case 'u':
      if (n === 2 && (a === 'yes' || a === 'no' || a === 'none')) return { kind: 'understand', answer: a };
      if (n === 3 && a === 's' && isIn(SCENARIOS, b)) return { kind: 'understand', answer: 'pick', scenario: b };
      return undefined;
    case 'bl': {
      if (!isIn(BL_OPS, a)) return undefined;
      if (!BL_ID_OPS.has(a)) return n === 2 ? { kind: 'blacklist', op: a } : undefined;
      if (a === 'bc') return n === 4 && ID.test(b) && (c === 'go' || c === 'no') ? { kind: 'blacklist', op: a, id: Number(b), go: c === 'go' } : undefined;
      return n === 3 && ID.test(b) ? { kind: 'blacklist', op: a, id: Number(b) } : undefined;
    }
    case 'k': {
      if (!isIn(COACH_OPS, a)) return undefined;
      if (a === 'sr') return n === 3 && isIn(COACH_REPLY_KINDS, b) ? { kind: 'coach', op: a, arg: b } : undefined;
      if (a === 'sw') return n === 3 && isIn(SCENARIOS, b) ? { kind: 'coach', op: a, arg: b } : undefined;
      return n === 2 ? { kind: 'coach', op: a } : undefined;
    }
    case 'v':
      return n === 2 && (a === 'yes' || a === 'no') ? { kind: 'fix', accept: a === 'yes' } : undefined;
    default:
      return undefined;
  }
}

/** Shorthand for building a button: `button({ kind: 'menu', action: 'new' }, label)`. */
export function button(c: ChoiceValue, label: string): { id: string; label: string } {
  return { id: encodeChoice(c), label };
}
