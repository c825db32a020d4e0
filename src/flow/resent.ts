// 已发送 / 发过了 on a step already marked sent (review L3): the letter went out at rungSentAt, and
// its wait runs from then. Saying it again — typically after the check asked "商家退款了吗？" —
// keeps that deadline: no fresh wait from now. Past the deadline the result is asked for, with the
// step's own buttons; within it, the deadline is said again.
import { rungDueAt } from './ladder.js';
import { choice, datetime, msg } from './message.js';
import type { StepInput, StepResult } from './events.js';
import type { RungId } from './types.js';

export function alreadySent(i: StepInput, rungs: readonly RungId[]): StepResult | undefined {
  const { facts, state } = i;
  const rung = rungs[Math.min(state.rung, rungs.length - 1)];
  if (!state.rungSentAt || !rung) return undefined;
  const sentAt = new Date(state.rungSentAt);
  const due = rungDueAt(rung, sentAt, i.timings, i.zone);
  if (!due) return undefined;
  const params = { sent: datetime(sentAt, i.zone, i.now), due: datetime(due, i.zone, i.now) };
  if (due.getTime() > i.now.getTime()) {
    return { facts, state, effects: [{ type: 'reply', reply: { text: msg('rung.sent_already', params) } }] };
  }
  return {
    facts,
    state,
    effects: [
      {
        type: 'reply',
        reply: {
          text: msg('rung.sent_already_due', params),
          // The step's own buttons, as after 已发送 (rungs.ts markSent): on, what they said, closed.
          choices: [
            ...(state.rung + 1 < rungs.length ? [choice({ kind: 'rung', op: 'next', at: state.rung }, msg('choice.next_rung'))] : []),
            ...(rung === 'seller' || rung === 'platform' || rung === 'payment' ? [choice({ kind: 'coach', op: 'said' }, msg(`coach.said.button.${rung}`))] : []),
            choice({ kind: 'menu', action: 'close' }, msg('choice.close')),
          ],
        },
      },
    ],
  };
}
