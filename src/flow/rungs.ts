// The ladder stage: one rung shown at a time with its ready-to-send text; 已发送 schedules the
// check, follow-up answers (from reminders) move along the ladder or snooze, and a refund closes.
import { addDays } from 'date-fns';
import { COACH_REPLY_KINDS, decodeChoice, type ChoiceValue } from '../engine/choices.js';
import { respectRemindersOff, windowSchedules } from '../followups/effects.js';
import { afterQuietHours, laterSameDay } from '../calendar/quiet.js';
import { atLocal } from '../time/zone.js';
import { GREETING, parseAnswer } from './answers.js';
import { applicableRungs, rungDueAt, rungReply } from './ladder.js';
import { alreadySent } from './resent.js';
import { amount, choice, datetime, deadline, join, msg, withPrefix, type ChoiceMsg, type ReplyMsg, type Text } from './message.js';
import type { CaseState, SellerReplyEvent } from './state.js';
import type { Effect, FlowEvent, StepInput, StepResult } from './events.js';
import type { Facts, RungId } from './types.js';
import { CN_DAYS, FULL_BACK, NOTHING_YET, REMIND_ME } from './rung-words.js';
export { FULL_BACK, REMIND_ME } from './rung-words.js';

/**
 * 刷不了 (issue 12 item 3): a charge for a failed payment is usually returned automatically within
 * REVERSAL_DAYS (typical). Said once, above the first intake question, with the request for the
 * bill's 交易单号 and time; a check-in is scheduled for the end of that window, keyed to the appeal
 * rung (payment: 支付渠道申诉) so it outlives the platform rung's own check. Nothing waits on it:
 * the questions, the checklist and the ladder go on as in every flow.
 */
export function withReversalNotice(i: StepInput, r: StepResult): StepResult {
  if (i.flow.id !== 'payment_failed' || r.state.reversalUntil !== undefined || i.facts.reversalPending !== undefined) return r;
  if (r.state.stage !== 'intake' && r.state.stage !== 'evidence') return r;
  // Counted from the debit when its time is known (from the first message), else from now until it is.
  const due = reversalDue(i, r.facts.paidAt) ?? afterQuietHours(addDays(i.now, i.timings.REVERSAL_DAYS), i.zone, quietOf(i));
  if (due.getTime() <= i.now.getTime()) return withPrefixReply({ ...r, facts: { ...r.facts, reversalPending: false }, state: { ...r.state, reversalDone: true } }, msg('reversal.past', { days: i.timings.REVERSAL_DAYS }));
  const notice = join(
    [msg('reversal.typical', { days: i.timings.REVERSAL_DAYS }), msg('reversal.ask_intake'), msg('reversal.checkin_intake', { checkAt: datetime(due, i.zone, i.now) })],
    '\n\n',
  );
  const state: CaseState = { ...r.state, reversalUntil: due.getTime() };
  const { effects } = withPrefixReply(r, notice);
  return { facts: { ...r.facts, reversalPending: true }, state, effects: [...reversalCheck(i, { ...r.facts, reversalPending: true }, state), ...effects] };
}

/** The end of the typical reversal window counted from the debit (a day alone: its noon), or undefined. */
function reversalDue(i: StepInput, paidAt: unknown): Date | undefined {
  if (typeof paidAt !== 'string' || !paidAt) return undefined;
  const [y, m, d] = paidAt.slice(0, 10).split('-').map(Number);
  const start = paidAt.includes('T') ? new Date(paidAt) : atLocal(i.zone, y, m, d, 12, 0);
  if (Number.isNaN(start.getTime())) return undefined;
  return afterQuietHours(addDays(start, i.timings.REVERSAL_DAYS), i.zone, quietOf(i));
}

/** `prefix` above the first reply of `r`. */
function withPrefixReply(r: StepResult, prefix: Text): StepResult {
  let shown = false;
  const effects = r.effects.map((e): Effect => {
    if (shown || e.type !== 'reply') return e;
    shown = true;
    return { ...e, reply: { ...e.reply, text: withPrefix(prefix, e.reply.text, '\n\n') } };
  });
  return { ...r, effects };
}

/**
 * 刷不了: the debit's time answered during the intake re-plans the reversal window from it — a debit
 * older than the window needs no wait (said once), a recent one is checked at its own window's end.
 */
export function replanReversal(i: StepInput, r: StepResult): StepResult {
  if (i.flow.id !== 'payment_failed' || r.facts.reversalPending !== true || r.facts.paidAt === i.facts.paidAt) return r;
  const due = reversalDue(i, r.facts.paidAt);
  if (!due) return r;
  if (due.getTime() <= i.now.getTime()) {
    const state: CaseState = { ...r.state, reversalDone: true, reversalUntil: undefined };
    const out = withPrefixReply({ ...r, facts: { ...r.facts, reversalPending: false }, state }, msg('reversal.past', { days: i.timings.REVERSAL_DAYS }));
    return { ...out, effects: [{ type: 'cancelFollowUps' }, ...out.effects] };
  }
  const state: CaseState = { ...r.state, reversalUntil: due.getTime() };
  return { ...r, state, effects: [{ type: 'cancelFollowUps' }, ...reversalCheck(i, r.facts, state), ...r.effects] };
}

/** The appeal rung the reversal window comes before (the ladder's first rung if it has none). */
function appealRung(i: StepInput, facts: Facts): RungId {
  const rungs = applicableRungs(i.flow, facts, i.timings);
  return rungs.includes('payment') ? 'payment' : rungs[0];
}

/** The reversal check-in, (re)scheduled while the window lasts (follow-ups are cancelled on every move). */
function reversalCheck(i: StepInput, facts: Facts, state: CaseState): Effect[] {
  if (facts.reversalPending !== true || state.reversalUntil === undefined || state.remindersOff || state.reversalUntil <= i.now.getTime()) return [];
  return [{ type: 'schedule', kind: 'rung_check', rung: appealRung(i, facts), dueAt: new Date(state.reversalUntil) }];
}

/** The window is over without the money back: to the appeal rung, its text ready (or the current rung if past it). */
function reversalOver(i: StepInput, prefix: Text): StepResult {
  const facts = { ...i.facts, reversalPending: false };
  const state: CaseState = { ...i.state, reversalDone: true };
  const rungs = applicableRungs(i.flow, facts, i.timings);
  const appeal = rungs.indexOf(appealRung(i, facts));
  if (i.state.stage === 'ladder' && appeal > i.state.rung) return moveTo({ ...i, facts }, { ...state, rung: appeal }, prefix);
  if (i.state.stage !== 'ladder') return { facts, state, effects: [{ type: 'reply', reply: { text: prefix } }] };
  return showRung({ ...i, facts }, facts, state, prefix);
}

/** The rung's buttons: the ladder controls plus the coaching offers that fit the rung. */
function rungChoices(i: StepInput, facts: Facts, state: CaseState): ChoiceMsg[] {
  const rungs = applicableRungs(i.flow, facts, i.timings);
  const index = Math.min(state.rung, rungs.length - 1);
  return rungReply(i.flow, rungs, index, facts, i.now, i.timings, i.zone, state, i.outcomes).choices ?? [];
}

/** Shows the case's current rung (clamped to the ladder), `prefix` above it. */
export function showRung(i: StepInput, facts: Facts, state: CaseState, prefix?: Text): StepResult {
  const rungs = applicableRungs(i.flow, facts, i.timings);
  const index = Math.min(state.rung, rungs.length - 1);
  if (facts.reversalPending === true && state.reversalUntil !== undefined && state.reversalUntil > i.now.getTime() && rungs[index] === appealRung(i, facts)) {
    // Not blocking: the appeal can be filed now, but the money may still come back by itself.
    const note = msg('reversal.before_appeal', { checkAt: datetime(new Date(state.reversalUntil), i.zone, i.now) });
    prefix = prefix ? join([prefix, note], '\n\n') : note;
  }
  const reply = rungReply(i.flow, rungs, index, facts, i.now, i.timings, i.zone, state, i.outcomes);
  return { facts, state: { ...state, stage: 'ladder', rung: index }, effects: [{ type: 'reply', reply: { ...reply, text: withPrefix(prefix, reply.text, '\n\n') } }] };
}

/** Moves to another rung: follow-ups of the old one are cancelled, window warnings re-added. */
function moveTo(i: StepInput, state: CaseState, prefix?: Text): StepResult {
  const r = showRung(i, i.facts, { ...state, rungSentAt: undefined }, prefix);
  return { ...r, effects: [{ type: 'cancelFollowUps' }, ...windowSchedules(i, r.state, false), ...reversalCheck(i, r.facts, r.state), ...r.effects] };
}

const quietOf = (i: StepInput) => ({ start: i.timings.QUIET_HOURS_START, end: i.timings.QUIET_HOURS_END });

/** An answer to a reminder (or a reminder control); schedules are dropped while reminders are off. */
export function followUpAnswer(i: StepInput, answer: string): StepResult {
  const r = followUpAnswerRaw(i, answer);
  return { ...r, effects: respectRemindersOff(r.effects, r.state) };
}

function followUpAnswerRaw(i: StepInput, answer: string): StepResult {
  const { facts, state } = i;
  const rungs = applicableRungs(i.flow, facts, i.timings);
  if (facts.reversalPending === true && (answer === 'not_yet' || answer === 'refused')) return reversalOver(i, msg('coach.reversal.over'));
  if (answer.startsWith('to_')) {
    // From a window warning: go straight to that rung, its text ready.
    const target = rungs.indexOf(answer.slice(3) as RungId);
    if (target < 0 || target < state.rung) return showRung(i, facts, state, msg('fup.to_rung.passed'));
    if (target === state.rung) return showRung(i, facts, state, msg('fup.to_rung.done'));
    return moveTo(i, { ...state, rung: target }, msg('fup.to_rung.done'));
  }
  switch (answer) {
    case 'snooze1':
    case 'snooze3': {
      const due = laterSameDay(i.now, answer === 'snooze1' ? 1 : 3, i.zone, quietOf(i));
      return {
        facts,
        state,
        effects: [
          { type: 'schedule', kind: 'rung_check', rung: rungs[Math.min(state.rung, rungs.length - 1)], dueAt: due },
          { type: 'reply', reply: { text: msg('fup.snoozed', { due: datetime(due, i.zone) }) } },
        ],
      };
    }
    case 'stop':
      return {
        facts,
        state: { ...state, remindersOff: true },
        effects: [{ type: 'cancelFollowUps' }, { type: 'reply', reply: { text: msg('fup.stopped'), choices: [choice({ kind: 'rung', op: 'resume' }, msg('fup.resume'))] } }],
      };
    case 'resume': {
      const on: CaseState = { ...state, remindersOff: false };
      const rung = rungs[Math.min(state.rung, rungs.length - 1)];
      const effects: Effect[] = [{ type: 'cancelFollowUps' }, ...windowSchedules(i, on, true), ...reversalCheck(i, facts, on)];
      let due = state.rungSentAt ? rungDueAt(rung, new Date(state.rungSentAt), i.timings, i.zone) : undefined;
      if (due && due.getTime() < i.now.getTime()) due = afterQuietHours(i.now, i.zone, quietOf(i));
      if (due) effects.push({ type: 'schedule', kind: 'rung_check', rung, dueAt: due });
      const text = due ? msg('fup.resumed_next', { due: datetime(due, i.zone) }) : msg('fup.resumed');
      return { facts, state: on, effects: [...effects, { type: 'reply', reply: { text } }] };
    }
    case 'refunded':
      return { facts, state: { ...state, awaitingRefundAmount: true }, effects: [{ type: 'reply', reply: { text: msg('fu.how_much') } }] };
    case 'replied': {
      // A day on, kept inside the hours reminders are sent (as 明天再提醒), so the time said is the time sent;
      // and the question what was said, so the answer can be coached.
      const r = waitADay(i, 'fu.replied_ack');
      return { ...r, effects: [...r.effects, { type: 'reply', reply: saidPicker() }] };
    }
    default: {
      // not_yet / refused: the wait is over — the next rung, text ready.
      if (state.rung + 1 >= rungs.length) {
        return { facts, state, effects: [{ type: 'reply', reply: { text: msg('fu.last_rung'), choices: [choice({ kind: 'menu', action: 'close' }, msg('choice.close'))] } }] };
      }
      return moveTo(i, { ...state, rung: state.rung + 1 }, msg(answer === 'refused' ? 'fu.refused_prefix' : 'fu.not_yet_prefix'));
    }
  }
}

/** A check a day on (inside reminder hours), said with `key` ({due}). */
function waitADay(i: StepInput, key: string, at?: number): StepResult {
  const rungs = applicableRungs(i.flow, i.facts, i.timings);
  const due = at ? afterQuietHours(new Date(at), i.zone, quietOf(i)) : laterSameDay(i.now, 1, i.zone, quietOf(i));
  return {
    facts: i.facts,
    state: i.state,
    effects: [
      { type: 'schedule', kind: 'rung_check', rung: rungs[Math.min(i.state.rung, rungs.length - 1)], dueAt: due },
      { type: 'reply', reply: { text: msg(key, { due: datetime(due, i.zone) }) } },
    ],
  };
}

/** "What did they say?": one button per kind of answer (coached by src/coaching/routes.ts), or type it. */
export function saidPicker(): ReplyMsg {
  return { text: msg('coach.said.ask'), choices: COACH_REPLY_KINDS.map((k) => choice({ kind: 'coach', op: 'sr', arg: k }, msg(`coach.said.${k}`))) };
}

const owedOf = (facts: Facts): number | undefined => {
  const owed = typeof facts.extraAmount === 'number' ? facts.extraAmount : facts.amount;
  if (typeof owed !== 'number') return undefined;
  return owed - (typeof facts.refundedSoFar === 'number' ? facts.refundedSoFar : 0);
};

/** The other side's answer (issue 12 item 1): recorded on the case, then the step it leads to. */
export function sellerReplied(i: StepInput, e: Extract<FlowEvent, { type: 'seller_reply' }>): StepResult {
  const rungs = applicableRungs(i.flow, i.facts, i.timings);
  const rung = rungs[Math.min(i.state.rung, rungs.length - 1)];
  const said = e.said?.trim().slice(0, 200);
  const rec: SellerReplyEvent = { at: i.now.getTime(), rung, kind: e.kind, ...(said ? { said } : {}) };
  const facts: Facts = { ...i.facts, ...e.facts };
  const state: CaseState = { ...i.state, replies: [...(i.state.replies ?? []), rec] };
  const j: StepInput = { ...i, facts, state };
  if (state.stage !== 'ladder') return { facts, state, effects: [] };
  switch (e.next) {
    case 'next_rung': {
      // Refused or no answer: the next rung, its text ready (the coaching above says when to send it).
      if (state.rung + 1 >= rungs.length) return followUpAnswer(j, 'refused');
      const r = moveTo(j, { ...state, rung: state.rung + 1 }, msg('coach.next_prefix'));
      return { ...r, effects: respectRemindersOff(r.effects, r.state) };
    }
    case 'confirm_refund':
      return followUpAnswer(j, 'refunded');
    case 'wait': {
      // A check at a time said (a swap in a week, a refund's usual window) or a day on.
      const r = waitADay(j, `${e.kind === 'refunded' ? 'coach.refund_claim_ack' : 'coach.promised_ack'}${e.checkAt ? '_at' : ''}`, e.checkAt);
      return { ...r, effects: respectRemindersOff(r.effects, state) };
    }
    case 'same_rung': {
      const extra: ChoiceMsg[] =
        e.kind === 'partial_offer'
          ? [choice({ kind: 'coach', op: 'pa' }, msg('coach.partial.accept')), choice({ kind: 'coach', op: 'pc' }, msg('coach.partial.counter'))]
          : [];
      const due = e.checkAt ? afterQuietHours(new Date(e.checkAt), i.zone, quietOf(i)) : undefined; // a new deadline once the step's passed (explore4 F6)
      const sched: Effect[] = due ? [{ type: 'schedule', kind: 'rung_check', rung, dueAt: due }] : [];
      const text = due ? msg('honest.deadline_passed_new', { due: datetime(due, i.zone) }) : msg('coach.same_rung');
      return { facts, state, effects: respectRemindersOff([...sched, { type: 'reply', reply: { text, choices: [...extra, ...rungChoices(j, facts, state)] } }], state) };
    }
  }
}

/** A partial offer accepted: written down, the rest stays on the ladder. */
function acceptPartial(i: StepInput): StepResult {
  const offer = typeof i.facts.offerAmount === 'number' ? i.facts.offerAmount : undefined;
  const owed = owedOf(i.facts);
  const facts: Facts = { ...i.facts, partialAccepted: offer ?? true };
  const params = { offer: offer === undefined ? msg('coach.partial.offer_unknown') : amount(offer), remainder: offer !== undefined && owed !== undefined ? amount(Math.max(0, owed - offer)) : msg('coach.partial.rest') };
  const choices = [choice({ kind: 'coach', op: 'rf' }, msg('coach.partial.arrived')), ...rungChoices(i, facts, i.state)];
  return { facts, state: i.state, effects: [{ type: 'reply', reply: { text: msg('coach.partial.accepted', params), choices } }] };
}

/** 已发送: the rung is recorded as sent and its check scheduled. */
function markSent(i: StepInput, rungs: RungId[]): StepResult {
  const { facts, state } = i;
  const rung = rungs[state.rung];
  const due = rungDueAt(rung, i.now, i.timings, i.zone);
  const sentRungs = state.sent?.includes(rung) ? state.sent : [...(state.sent ?? []), rung];
  const sent: CaseState = { ...state, rungSentAt: i.now.getTime(), sent: sentRungs };
  const effects: Effect[] = [{ type: 'cancelFollowUps' }, ...windowSchedules(i, sent, false), ...reversalCheck(i, facts, sent)];
  if (due && !state.remindersOff) effects.push({ type: 'schedule', kind: 'rung_check', rung, dueAt: due });
  const text = state.remindersOff ? msg('fup.sent_reminders_off') : due ? msg('rung.sent', { due: deadline(due, i.zone, i.now) }) : msg('rung.sent_no_followup');
  effects.push({
    type: 'reply',
    reply: {
      text,
      choices: [
        ...(state.rung + 1 < rungs.length ? [choice({ kind: 'rung', op: 'next', at: state.rung }, msg('choice.next_rung'))] : []),
        // The text says "期间对方回复了，也可以随时告诉我": the button for it stays (exploratory testing).
        ...(rung === 'seller' || rung === 'platform' || rung === 'payment' ? [choice({ kind: 'coach', op: 'said' }, msg(`coach.said.button.${rung}`))] : []),
        choice({ kind: 'menu', action: 'progress' }, msg('choice.progress')),
        // A refund can come any time after sending: closing is one tap away.
        choice({ kind: 'menu', action: 'close' }, msg('choice.close')),
      ],
    },
  });
  return { facts, state: sent, effects };
}

/** Coaching buttons the step owns (the others are answered in src/coaching/routes.ts). */
function coachChoice(i: StepInput, c: Extract<ChoiceValue, { kind: 'coach' }>): StepResult | undefined {
  switch (c.op) {
    case 'said':
      return { facts: i.facts, state: i.state, effects: [{ type: 'reply', reply: saidPicker() }] };
    case 'pa':
      return acceptPartial(i);
    case 'pc':
      return { facts: i.facts, state: i.state, effects: [{ type: 'reply', reply: { text: msg('coach.partial.countered'), choices: rungChoices(i, i.facts, i.state) } }] };
    case 'rf':
      return followUpAnswer(i, 'refunded');
    case 'rv':
      return i.facts.reversalPending === true ? reversalOver(i, msg('coach.reversal.over')) : undefined;
    default:
      return undefined;
  }
}

/** One event while the case is on the ladder. */
export function ladder(i: StepInput): StepResult {
  const { facts, state, event } = i;
  const rungs = applicableRungs(i.flow, facts, i.timings);
  if (state.awaitingRefundAmount && event.type === 'text') {
    // Nothing has come back yet (没收到, 0, 还没到账): not an amount to ask again — back to the step.
    if (NOTHING_YET.test(event.text.trim())) return showRung(i, facts, { ...state, awaitingRefundAmount: false }, msg('fu.nothing_yet'));
    // "全额", "全部退了": all that was still owed.
    const all = FULL_BACK.test(event.text) && !/\d/.test(event.text) ? owedOf(facts) : undefined;
    const r = all !== undefined ? { ok: true as const, value: all } : parseAnswer({ id: 'refunded', kind: 'amount' }, event.text, i.now, i.zone);
    if (!r.ok) return { facts, state, effects: [{ type: 'reply', reply: { text: join([msg('reask', { example: msg('ex.amount') }), msg('fu.how_much')]) } }] };
    const refunded = r.value as number;
    // What was owed: the extra debit for a double charge, otherwise the amount paid (less part refunds received).
    const owed = owedOf(facts);
    const full = typeof owed !== 'number' || refunded >= owed;
    if (!full) {
      // Part of the money came back (agreed or not): the rest stays on the ladder — closing is the
      // user's call (结案), never a side effect of reporting a part.
      const got = (typeof facts.refundedSoFar === 'number' ? facts.refundedSoFar : 0) + refunded;
      const f: Facts = { ...facts, refundedSoFar: got, partialAccepted: null };
      // The letter changes (已退还…, the rest): sent again, with a fresh wait — the old deadline may be past (explore3 F23).
      return showRung({ ...i, facts: f }, f, { ...state, awaitingRefundAmount: false, rungSentAt: undefined }, msg('coach.partial.received', { refunded: amount(refunded), remainder: amount((owed ?? 0) - refunded) }));
    }
    const total = refunded + (typeof facts.refundedSoFar === 'number' ? facts.refundedSoFar : 0);
    return { facts, state: { ...state, awaitingRefundAmount: false, stage: 'closed' }, effects: [{ type: 'close', outcome: full ? 'full' : 'partial', refunded: total }] };
  }
  if (event.type === 'choice' && state.awaitingRefundAmount) {
    // Pressing anything else means the user moved on from "how much came back?".
    return ladder({ ...i, state: { ...state, awaitingRefundAmount: false } });
  }
  if (event.type === 'choice') {
    const c = decodeChoice(event.id);
    if (c?.kind === 'rung' && c.op === 'sent') return alreadySent(i, rungs) ?? markSent(i, rungs);
    // 下一步 carries the step it was shown on: one from another step (an old message) moves nothing.
    if (c?.kind === 'rung' && c.op === 'next' && c.at !== undefined && c.at !== state.rung) return ladder({ ...i, event: { type: 'repeat' } });
    if (c?.kind === 'rung' && c.op === 'next' && state.rung + 1 < rungs.length) return moveTo(i, { ...state, rung: state.rung + 1 });
    if (c?.kind === 'followup') return followUpAnswer(i, c.answer);
    if (c?.kind === 'rung' && c.op === 'resume') return followUpAnswer(i, 'resume');
    if (c?.kind === 'coach') {
      const r = coachChoice(i, c);
      if (r) return r;
    }
  }
  if (event.type === 'text' && facts.reversalPending === true && state.rung === 0) {
    // 刷不了: the bill's 交易单号, asked with the reversal wait.
    const r = parseAnswer({ id: 'txnId', kind: 'order' }, event.text, i.now, i.zone);
    if (r.ok) {
      const f: Facts = { ...facts, txnId: r.value as string };
      return showRung({ ...i, facts: f }, f, state, msg('coach.reversal.noted', { txn: r.value as string }));
    }
  }
  if (event.type === 'attachments') {
    return {
      facts,
      state,
      effects: [
        ...event.items.map((a): Effect => ({ type: 'evidence', item: null, kind: a.kind, ref: a.ref })),
        { type: 'reply', reply: { text: msg('evidence.recorded', { n: event.items.length, item: msg('ev.extra') }) } },
      ],
    };
  }
  // Showing the step again (继续) leaves "how much came back?": its buttons are on screen now, and a
  // number typed next is one of them, not a refund amount.
  const r = showRung(i, facts, state.awaitingRefundAmount && event.type === 'repeat' ? { ...state, awaitingRefundAmount: false } : state);
  if (event.type === 'start' || event.type === 'repeat') return r;
  // Anything else: say so, with the rung's buttons — a question about when or whether the money comes
  // back gets a plain answer (no promise) instead of 我没看懂.
  const shown = r.effects[0];
  const asksWhen = event.type === 'text' && /多久|什么时候|啥时候|几天|能退吗|能不能退|退得回|能退回|能拿回|要得回/.test(event.text);
  // "两天后提醒我", "明天再提醒": a check on this step that many days on (inside reminder hours).
  const remind = event.type === 'text' ? REMIND_ME.exec(event.text.trim()) : null;
  if (remind && !state.remindersOff) {
    const n = remind[1] ? (/\d/.test(remind[1]) ? Number(remind[1]) : CN_DAYS[remind[1]] ?? 1) : remind[0].includes('后天') ? 2 : remind[0].includes('过两') ? 2 : remind[0].includes('过') ? 3 : 1;
    const due = laterSameDay(i.now, Math.min(Math.max(n, 1), 14), i.zone, quietOf(i));
    // Nothing sent yet (explore4 F17): a reminder to send the step's text, never the seller's deadline.
    const f2 = state.rungSentAt || state.replies?.length ? facts : { ...facts, sendReminderAt: due.toISOString() };
    return { facts: f2, state, effects: [{ type: 'schedule', kind: 'rung_check', rung: rungs[Math.min(state.rung, rungs.length - 1)], dueAt: due }, { type: 'reply', reply: { text: msg(f2 === facts ? 'fup.snoozed' : 'fup.snoozed_unsent', { due: datetime(due, i.zone) }) } }] };
  }
  // "你好" on coming back: the step where the case stands, with a welcome.
  if (event.type === 'text' && GREETING.test(event.text.trim())) return showRung(i, facts, state, msg('ladder.welcome_back'));
  // Sent and still within its wait: 正在计时; its deadline past: say so (review L4).
  const due = state.rungSentAt ? rungDueAt(rungs[Math.min(state.rung, rungs.length - 1)], new Date(state.rungSentAt), i.timings, i.zone) : undefined;
  const unclear = !state.rungSentAt ? 'ladder.unclear' : due && due.getTime() <= i.now.getTime() ? 'ladder.unclear_due' : 'ladder.unclear_sent';
  return { ...r, effects: [{ type: 'reply', reply: { text: msg(asksWhen ? 'ladder.when_refund' : unclear), choices: shown.type === 'reply' ? shown.reply.choices : undefined } }] };
}
