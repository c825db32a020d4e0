// The ladder stage: one rung shown at a time with its ready-to-send text; 已发送 schedules the
// check, follow-up answers (from reminders) move along the ladder or snooze, and a refund closes.
import { decodeChoice } from '../engine/choices.js';
import { respectRemindersOff, windowSchedules } from '../followups/effects.js';
import { afterQuietHours, laterSameDay } from '../calendar/quiet.js';
import { parseAnswer } from './answers.js';
import { applicableRungs, rungDueAt, rungReply } from './ladder.js';
import { choice, datetime, deadline, join, msg, withPrefix, type Text } from './message.js';
import type { CaseState } from './state.js';
import type { Effect, StepInput, StepResult } from './events.js';
import type { Facts, RungId } from './types.js';

/** Shows the case's current rung (clamped to the ladder), `prefix` above it. */
export function showRung(i: StepInput, facts: Facts, state: CaseState, prefix?: Text): StepResult {
  const rungs = applicableRungs(i.flow, facts, i.timings);
  const index = Math.min(state.rung, rungs.length - 1);
  const reply = rungReply(i.flow, rungs, index, facts, i.now, i.timings, i.zone, state);
  return { facts, state: { ...state, stage: 'ladder', rung: index }, effects: [{ type: 'reply', reply: { ...reply, text: withPrefix(prefix, reply.text, '\n\n') } }] };
}

/** Moves to another rung: follow-ups of the old one are cancelled, window warnings re-added. */
function moveTo(i: StepInput, state: CaseState, prefix?: Text): StepResult {
  const r = showRung(i, i.facts, { ...state, rungSentAt: undefined }, prefix);
  return { ...r, effects: [{ type: 'cancelFollowUps' }, ...windowSchedules(i, r.state, false), ...r.effects] };
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
      const effects: Effect[] = [{ type: 'cancelFollowUps' }, ...windowSchedules(i, on, true)];
      let due = state.rungSentAt ? rungDueAt(rung, new Date(state.rungSentAt), i.timings, i.zone) : undefined;
      if (due && due.getTime() < i.now.getTime()) due = afterQuietHours(i.now, i.zone, quietOf(i));
      if (due) effects.push({ type: 'schedule', kind: 'rung_check', rung, dueAt: due });
      const text = due ? msg('fup.resumed_next', { due: datetime(due, i.zone) }) : msg('fup.resumed');
      return { facts, state: on, effects: [...effects, { type: 'reply', reply: { text } }] };
    }
    case 'refunded':
      return { facts, state: { ...state, awaitingRefundAmount: true }, effects: [{ type: 'reply', reply: { text: msg('fu.how_much') } }] };
    case 'replied': {
      // A day on, kept inside the hours reminders are sent (as 明天再提醒), so the time said is the time sent.
      const due = laterSameDay(i.now, 1, i.zone, quietOf(i));
      return {
        facts,
        state,
        effects: [
          { type: 'schedule', kind: 'rung_check', rung: rungs[state.rung], dueAt: due },
          { type: 'reply', reply: { text: msg('fu.replied_ack', { due: datetime(due, i.zone) }) } },
        ],
      };
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

/** 已发送: the rung is recorded as sent and its check scheduled. */
function markSent(i: StepInput, rungs: RungId[]): StepResult {
  const { facts, state } = i;
  const rung = rungs[state.rung];
  const due = rungDueAt(rung, i.now, i.timings, i.zone);
  const sentRungs = state.sent?.includes(rung) ? state.sent : [...(state.sent ?? []), rung];
  const sent: CaseState = { ...state, rungSentAt: i.now.getTime(), sent: sentRungs };
  const effects: Effect[] = [{ type: 'cancelFollowUps' }, ...windowSchedules(i, sent, false)];
  if (due && !state.remindersOff) effects.push({ type: 'schedule', kind: 'rung_check', rung, dueAt: due });
  const text = state.remindersOff ? msg('fup.sent_reminders_off') : due ? msg('rung.sent', { due: deadline(due, i.zone, i.now) }) : msg('rung.sent_no_followup');
  effects.push({
    type: 'reply',
    reply: {
      text,
      choices: [
        ...(state.rung + 1 < rungs.length ? [choice({ kind: 'rung', op: 'next' }, msg('choice.next_rung'))] : []),
        choice({ kind: 'menu', action: 'progress' }, msg('choice.progress')),
        // A refund can come any time after sending: closing is one tap away.
        choice({ kind: 'menu', action: 'close' }, msg('choice.close')),
      ],
    },
  });
  return { facts, state: sent, effects };
}

/** One event while the case is on the ladder. */
export function ladder(i: StepInput): StepResult {
  const { facts, state, event } = i;
  const rungs = applicableRungs(i.flow, facts, i.timings);
  if (state.awaitingRefundAmount && event.type === 'text') {
    const r = parseAnswer({ id: 'refunded', kind: 'amount' }, event.text, i.now, i.zone);
    if (!r.ok) return { facts, state, effects: [{ type: 'reply', reply: { text: join([msg('reask', { example: msg('ex.amount') }), msg('fu.how_much')]) } }] };
    const refunded = r.value as number;
    // What was owed: the extra debit for a double charge, otherwise the amount paid.
    const owed = typeof facts.extraAmount === 'number' ? facts.extraAmount : facts.amount;
    const full = typeof owed !== 'number' || refunded >= owed;
    return { facts, state: { ...state, awaitingRefundAmount: false, stage: 'closed' }, effects: [{ type: 'close', outcome: full ? 'full' : 'partial', refunded }] };
  }
  if (event.type === 'choice' && state.awaitingRefundAmount) {
    // Pressing anything else means the user moved on from "how much came back?".
    return ladder({ ...i, state: { ...state, awaitingRefundAmount: false } });
  }
  if (event.type === 'choice') {
    const c = decodeChoice(event.id);
    if (c?.kind === 'rung' && c.op === 'sent') return markSent(i, rungs);
    if (c?.kind === 'rung' && c.op === 'next' && state.rung + 1 < rungs.length) return moveTo(i, { ...state, rung: state.rung + 1 });
    if (c?.kind === 'followup') return followUpAnswer(i, c.answer);
    if (c?.kind === 'rung' && c.op === 'resume') return followUpAnswer(i, 'resume');
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
  const r = showRung(i, facts, state);
  if (event.type === 'start' || event.type === 'repeat') return r;
  // Anything else: say so, with the rung's buttons.
  const shown = r.effects[0];
  return { ...r, effects: [{ type: 'reply', reply: { text: msg('ladder.unclear'), choices: shown.type === 'reply' ? shown.reply.choices : undefined } }] };
}
