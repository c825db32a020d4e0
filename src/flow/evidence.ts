// The evidence stage: ticking checklist items, files sent, and moving on to the ladder.
import { decodeChoice } from '../engine/choices.js';
import { respectRemindersOff, windowSchedules } from '../followups/effects.js';
import { choice, msg } from './message.js';
import { evidenceChoices, evidenceReply } from './replies.js';
import { showRung } from './rungs.js';
import type { CaseState } from './state.js';
import type { Effect, StepInput, StepResult } from './events.js';

/** One event while the checklist is open. */
export function evidence(i: StepInput): StepResult {
  const { flow, facts, state, event } = i;
  const c = event.type === 'choice' ? decodeChoice(event.id) : undefined;
  if (c?.kind === 'evidence_done') {
    const r = showRung(i, facts, { ...state, rung: 0 }, msg('evidence.to_ladder'));
    return { ...r, effects: [...respectRemindersOff(windowSchedules(i, r.state, true), r.state), ...r.effects] };
  }
  if (c?.kind === 'evidence' && c.off && flow.evidence.some((e) => e.id === c.item)) {
    // Ticked by mistake: taken back, from the letters too.
    const rest = { ...state.evidence };
    delete rest[c.item];
    const s: CaseState = { ...state, evidence: rest };
    const effects: Effect[] = state.evidence[c.item] ? [{ type: 'evidence_off', item: c.item }] : [];
    return { facts, state: s, effects: [...effects, { type: 'reply', reply: { text: msg('evidence.unticked', { item: msg(`ev.${c.item}.short`) }), choices: evidenceChoices(flow, s) } }] };
  }
  if (c?.kind === 'evidence' && flow.evidence.some((e) => e.id === c.item)) {
    const s: CaseState = { ...state, evidence: { ...state.evidence, [c.item]: { at: i.now.getTime(), kind: 'tick' } } };
    // A short acknowledgement with the same buttons (same numbers), not the whole list again.
    const reply = { text: msg('evidence.ticked', { item: msg(`ev.${c.item}.short`) }), choices: evidenceChoices(flow, s) };
    const effects: Effect[] = state.evidence[c.item] ? [] : [{ type: 'evidence', item: c.item, kind: 'tick' }];
    return { facts, state: s.evidence === state.evidence ? state : { ...s, evidence: state.evidence[c.item] ? state.evidence : s.evidence }, effects: [...effects, { type: 'reply', reply }] };
  }
  if (event.type === 'attachments') {
    // A file is recorded as it is; which checklist item it proves is the user's call.
    const effects: Effect[] = event.items.map((a): Effect => ({ type: 'evidence', item: null, kind: a.kind, ref: a.ref }));
    const open = flow.evidence.filter((e) => !state.evidence[e.id]);
    effects.push({
      type: 'reply',
      reply: {
        text: msg(open.length ? 'evidence.recorded_which' : 'evidence.recorded', { n: event.items.length, item: msg('ev.extra') }),
        choices: [...open.map((e) => choice({ kind: 'evidence', item: e.id }, msg('evidence.is', { item: msg(`ev.${e.id}.short`) }))), choice({ kind: 'evidence_done' }, msg('choice.evidence_done'))],
      },
    });
    return { facts, state, effects };
  }
  return { facts, state, effects: [{ type: 'reply', reply: evidenceReply(flow, state, event.type === 'text' ? msg('evidence.unclear') : undefined) }] };
}
