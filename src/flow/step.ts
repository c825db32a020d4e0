// The pure step: (flow, case facts and state, event, now) → (new facts and state, effects).
// No database, no platform, no clock of its own, no locale: replies are message descriptors
// (src/flow/message.ts) that the engine renders after the step (src/engine/render.ts).
// By concern: intake.ts (questions and answers), evidence.ts (checklist), rungs.ts (the ladder
// and follow-up answers), replies.ts (the recurring replies), ladder.ts (rungs and documents).
import { choice, msg } from './message.js';
import { advance, intake, nextQuestion, questionsOf } from './intake.js';
import { evidence } from './evidence.js';
import { decodeChoice } from '../engine/choices.js';
import { ladder, replanReversal, sellerReplied, showRung, withReversalNotice } from './rungs.js';
import { askReply, declinedReply, declineText, evidenceReply } from './replies.js';
import type { CaseState } from './state.js';
import type { StepInput, StepResult } from './events.js';

export type { FlowEvent, Outcome, Effect, StepInput, StepResult } from './events.js';
export { nextQuestion } from './intake.js';
export { askReply, evidenceReply, declineText } from './replies.js';

/** 返回: one rung back, from the first rung to the checklist, or the last answer undone. */
function back(i: StepInput): StepResult {
  const { flow, facts, state } = i;
  if (state.stage === 'ladder' && state.rung > 0) return showRung(i, facts, { ...state, rung: state.rung - 1, rungSentAt: undefined });
  if (state.stage === 'ladder') {
    const s: CaseState = { ...state, stage: 'evidence' };
    return { facts, state: s, effects: [{ type: 'reply', reply: evidenceReply(flow, s) }] };
  }
  const last = state.history[state.history.length - 1];
  const lastQ = last === undefined ? undefined : questionsOf(flow).find((x) => x.id === last);
  if (!lastQ) {
    const q = nextQuestion(flow, facts);
    return { facts, state, effects: [{ type: 'reply', reply: q ? askReply(flow, q, 0, msg('back.none'), facts) : { text: msg('back.none') } }] };
  }
  const f = { ...facts };
  delete f[lastQ.id];
  return {
    facts: f,
    state: { ...state, stage: 'intake', q: lastQ.id, reasks: 0, history: state.history.slice(0, -1) },
    effects: [{ type: 'reply', reply: askReply(flow, lastQ, 0, msg('back.done'), f) }],
  };
}

/** One step of a case. */
export function step(i: StepInput): StepResult {
  if (i.event.type === 'decline') {
    return { facts: i.facts, state: { ...i.state, stage: 'declined', q: null }, effects: [{ type: 'cancelFollowUps' }, { type: 'reply', reply: declinedReply(declineText(i.event.reason)) }] };
  }
  if (i.event.type === 'stop') {
    return { facts: i.facts, state: { ...i.state, stage: 'declined', q: null }, effects: [{ type: 'cancelFollowUps' }, { type: 'reply', reply: declinedReply(msg('declined.path')) }] };
  }
  if (i.event.type === 'facts') {
    // Facts found outside the intake (the operator): merged, then wherever the case is, shown again.
    const facts = { ...i.facts, ...i.event.facts };
    if (i.state.stage === 'declined' || i.state.stage === 'closed' || i.event.quiet) return { facts, state: i.state, effects: [] };
    // A part refund changes the letter (已退还…, the rest): it is sent again, with a fresh wait (explore3 F23).
    const partBack = i.state.stage === 'ladder' && typeof i.event.facts.refundedSoFar === 'number' && i.event.facts.refundedSoFar !== i.facts.refundedSoFar;
    return step({ ...i, facts, state: partBack ? { ...i.state, rungSentAt: undefined } : i.state, event: { type: 'repeat' } });
  }
  if (i.event.type === 'seller_reply') {
    if (i.state.stage === 'declined' || i.state.stage === 'closed') return { facts: i.facts, state: i.state, effects: [] };
    return sellerReplied(i, i.event);
  }
  // 返回 also undoes the answer that made the assessment decline the case (a misclick on 我自己兑换成功过);
  // a case stopped by the fabrication guard or declined otherwise stays so.
  const declinedByAnswer = i.state.stage === 'declined' && i.flow.assess(i.facts).verdict === 'declined' && i.state.history.length > 0;
  if (i.event.type === 'back' && (declinedByAnswer || (i.state.stage !== 'declined' && i.state.stage !== 'closed'))) return back(i);
  switch (i.state.stage) {
    case 'intake':
      // 刷不了: the usual automatic reversal, said once above the first question (not blocking).
      return i.event.type === 'start' ? withReversalNotice(i, intake(i)) : replanReversal(i, intake(i));
    case 'evidence':
      if (i.event.type === 'start') return advance(i.flow, i.facts, i.state);
      return evidence(i);
    case 'ladder': {
      // The checklist opened from the ladder (证据清单): its buttons tick items there too; the
      // reply keeps the checklist's buttons with 回到维权步骤.
      const c = i.event.type === 'choice' ? decodeChoice(i.event.id) : undefined;
      if (c?.kind === 'evidence' || i.event.type === 'ticks') return evidence(i);
      return ladder(i);
    }
    case 'declined':
      return { facts: i.facts, state: i.state, effects: [{ type: 'reply', reply: declinedReply(msg('declined.still')) }] };
    case 'closed':
      return { facts: i.facts, state: i.state, effects: [{ type: 'reply', reply: { text: msg('case.closed_already'), choices: [choice({ kind: 'menu', action: 'new' }, msg('choice.new_case'))] } }] };
  }
}
