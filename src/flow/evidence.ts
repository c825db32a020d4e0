// The evidence stage: ticking checklist items, files sent, and moving on to the ladder.
import { decodeChoice } from '../engine/choices.js';
import { respectRemindersOff, windowSchedules } from '../followups/effects.js';
import { choice, join, msg } from './message.js';
import { evidenceChoices, evidenceReply } from './replies.js';
import { showRung } from './rungs.js';
import type { CaseState } from './state.js';
import type { Effect, StepInput, StepResult } from './events.js';
import { parseAnswer } from './answers.js';
import { TXN_LABEL } from './intake.js';

/** One event while the checklist is open. */
export function evidence(i: StepInput): StepResult {
  const { flow, facts, state, event } = i;
  if (event.type === 'ticks') {
    // "都有", "除了X都有", "1到3": every tick applied, then one acknowledgement (not one list per item).
    let s = state;
    const effects: Effect[] = [];
    const on: string[] = [];
    const off: string[] = [];
    for (const id of event.ids) {
      const c = decodeChoice(id);
      if (c?.kind !== 'evidence' || !flow.evidence.some((e) => e.id === c.item)) continue;
      if (c.off) {
        if (!s.evidence[c.item]) continue;
        const rest = { ...s.evidence };
        delete rest[c.item];
        s = { ...s, evidence: rest };
        effects.push({ type: 'evidence_off', item: c.item });
        off.push(c.item);
      } else if (!s.evidence[c.item]) {
        s = { ...s, evidence: { ...s.evidence, [c.item]: { at: i.now.getTime(), kind: 'tick' } } };
        effects.push({ type: 'evidence', item: c.item, kind: 'tick' });
        on.push(c.item);
      }
    }
    const names = (ids: string[]) => join(ids.map((x) => msg(`ev.${x}.short`)), '、');
    const text = on.length && off.length
      ? join([msg('evidence.ticked', { item: names(on) }), msg('evidence.unticked', { item: names(off) })])
      : off.length ? msg('evidence.unticked', { item: names(off) }) : on.length ? msg('evidence.ticked', { item: names(on) }) : msg('evidence.nothing_new');
    return { facts, state: s, effects: [...effects, { type: 'reply', reply: { text, choices: evidenceChoices(flow, s) } }] };
  }
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
  // 刷不了: the bill's 交易单号, asked for with the reversal notice, sent at the checklist (session 7).
  if (event.type === 'text' && flow.id === 'payment_failed' && TXN_LABEL.test(event.text)) {
    const r = parseAnswer({ id: 'txnId', kind: 'order' }, event.text, i.now, i.zone);
    if (r.ok) {
      const f = { ...facts, txnId: r.value as string };
      return { facts: f, state, effects: [{ type: 'reply', reply: evidenceReply(flow, state, msg('coach.reversal.noted', { txn: r.value as string })) }] };
    }
  }
  return { facts, state, effects: [{ type: 'reply', reply: evidenceReply(flow, state, event.type === 'text' ? msg('evidence.unclear') : undefined) }] };
}
