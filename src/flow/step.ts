// The pure step: (flow, case facts and state, event, now) → (new facts and state, effects).
// No database, no platform, no clock of its own: everything it needs comes in.
import { t } from '../i18n/index.js';
import { law } from '../knowledge/law.js';
import type { Choice, Reply } from '../types.js';
import { parseAnswer } from './answers.js';
import { applicableRungs, rungDueAt, rungReply } from './ladder.js';
import { formatAmount, formatDateTime, formatDeadline, optionLabel } from './format.js';
import type { CaseState } from './state.js';
import type { Effect, StepInput, StepResult } from './events.js';
import type { Facts, Flow, Question, RungId } from './types.js';
import { PAYMENT_METHODS } from '../types.js';
import { respectRemindersOff, windowSchedules } from '../followups/effects.js';
import { afterQuietHours, laterSameDay } from '../calendar/quiet.js';
import { button, decodeChoice, encodeChoice } from '../engine/choices.js';

export type { FlowEvent, Outcome, Effect, StepInput, StepResult } from './events.js';

const MAX_REASKS = 2;
/** Typed instead of an answer: the same as pressing 跳过. */
const SKIP_WORDS = /^(跳过|不知道|不清楚|忘了|忘记了|不记得了?|记不清了?|skip)[。.!！]?$/i;

export function nextQuestion(flow: Flow, facts: Facts): Question | undefined {
  return flow.questions.find((q) => !(q.id in facts) && (q.when ? q.when(facts) : true));
}

function questionText(flow: Flow, q: Question): string {
  const specific = `q.${flow.id}.${q.id}`;
  try {
    return t(specific);
  } catch {
    return t(`q.${q.id}`);
  }
}

function exampleFor(flow: Flow, q: Question): string {
  for (const k of [`ex.${flow.id}.${q.id}`, `ex.${q.id}`, `ex.kind.${q.kind}`]) {
    try {
      return t(k);
    } catch {
      /* next */
    }
  }
  return '';
}

function choicesFor(flow: Flow, q: Question, reasks: number): Choice[] | undefined {
  const skip = button({ kind: 'skip' }, t('choice.skip'));
  if (q.kind === 'choice') return [...(q.options ?? []).map((o) => button({ kind: 'answer', option: o }, optionLabel(flow.id, q.id, o))), skip];
  if (q.kind === 'payment') return [...PAYMENT_METHODS.map((m) => button({ kind: 'answer', option: m }, t(`payment.${m}`))), skip];
  return reasks > 0 ? [skip] : undefined;
}

export function askReply(flow: Flow, q: Question, reasks: number, prefix?: string): Reply {
  const parts: string[] = [];
  if (prefix) parts.push(prefix);
  if (reasks > 0) parts.push(t('reask', { example: exampleFor(flow, q) }));
  parts.push(questionText(flow, q));
  if (reasks === 0 && q.kind !== 'choice' && q.kind !== 'payment') parts.push(t('hint.example', { example: exampleFor(flow, q) }));
  return { text: parts.join('\n'), choices: choicesFor(flow, q, reasks) };
}

function assessmentReply(flow: Flow, facts: Facts): { text: string; declined: boolean } {
  const a = flow.assess(facts);
  const p = { amount: typeof facts.amount === 'number' ? formatAmount(facts.amount) : t('fact.unknown') };
  if (a.verdict === 'declined') {
    const lines = [t(a.declineReason ?? 'assess.decline.generic'), t('assess.decline.risk'), ...a.law.map((id) => t('law.line', { article: law(id).article, meaning: law(id).meaning })), t('law.disclaimer')];
    return { text: lines.join('\n\n'), declined: true };
  }
  const lines = [
    t(`verdict.${a.verdict}`),
    ...a.reasons.map((r) => `· ${t(r, p)}`),
    t('law.header'),
    ...a.law.map((id) => t('law.line', { article: law(id).article, meaning: law(id).meaning })),
    t('law.disclaimer'),
  ];
  return { text: lines.join('\n'), declined: false };
}

export function evidenceReply(flow: Flow, state: CaseState): Reply {
  const groups = ['transaction', 'communication', 'problem'] as const;
  const lines = [t('evidence.header')];
  for (const g of groups) {
    const items = flow.evidence.filter((e) => e.group === g);
    if (!items.length) continue;
    lines.push(t(`evidence.group.${g}`));
    for (const e of items) lines.push(`${state.evidence[e.id] ? '✅' : '⬜'} ${t(`ev.${e.id}`)}`);
  }
  lines.push(t('evidence.tips'));
  const open = flow.evidence.filter((e) => !state.evidence[e.id]);
  const choices: Choice[] = open.map((e) => button({ kind: 'evidence', item: e.id }, t('evidence.have', { item: t(`ev.${e.id}.short`) })));
  choices.push({ id: encodeChoice(state.stage === 'ladder' ? { kind: 'menu', action: 'ladder' } : { kind: 'evidence_done' }), label: t(state.stage === 'ladder' ? 'choice.back_to_ladder' : 'choice.evidence_done') });
  return { text: lines.join('\n'), choices };
}

function declinedReply(text: string): Reply {
  return { text, choices: [button({ kind: 'menu', action: 'close' }, t('choice.close')), button({ kind: 'menu', action: 'new' }, t('choice.new_case'))] };
}

/** Moves to the next open question, or to the assessment when intake is done. */
function advance(flow: Flow, facts: Facts, state: CaseState, i: StepInput, prefix?: string): StepResult {
  const q = nextQuestion(flow, facts);
  if (q) {
    return { facts, state: { ...state, stage: 'intake', q: q.id, reasks: 0 }, effects: [{ type: 'reply', reply: askReply(flow, q, 0, prefix) }] };
  }
  const a = assessmentReply(flow, facts);
  if (a.declined) {
    return {
      facts,
      state: { ...state, stage: 'declined', q: null, reasks: 0 },
      effects: [{ type: 'reply', reply: declinedReply([prefix, a.text].filter(Boolean).join('\n')) }],
    };
  }
  const next: CaseState = { ...state, stage: 'evidence', q: null, reasks: 0 };
  return {
    facts,
    state: next,
    effects: [
      { type: 'reply', reply: { text: [prefix, a.text].filter(Boolean).join('\n') } },
      { type: 'reply', reply: evidenceReply(flow, next) },
    ],
  };
}

function showRung(i: StepInput, facts: Facts, state: CaseState, prefix?: string): StepResult {
  const rungs = applicableRungs(i.flow, facts, i.timings);
  const index = Math.min(state.rung, rungs.length - 1);
  const reply = rungReply(i.flow, rungs, index, facts, i.now, i.timings, i.zone, state);
  if (prefix) reply.text = `${prefix}\n\n${reply.text}`;
  return { facts, state: { ...state, stage: 'ladder', rung: index }, effects: [{ type: 'reply', reply }] };
}

function intake(i: StepInput): StepResult {
  const { flow, facts, state, event } = i;
  const q = flow.questions.find((x) => x.id === state.q) ?? nextQuestion(flow, facts);
  if (!q) return advance(flow, facts, state, i);
  const accept = (value: Facts[string], prefix?: string): StepResult => {
    const f = { ...facts, [q.id]: value };
    // Answering again (after 返回) must drop later answers that depended on it.
    return advance(flow, f, { ...state, history: [...state.history.filter((h) => h !== q.id), q.id] }, i, prefix);
  };
  if (event.type === 'choice') {
    const c = decodeChoice(event.id);
    if (c?.kind === 'skip') return accept(null, t('skipped'));
    if (c?.kind === 'answer') {
      const opt = c.option;
      if (q.kind === 'choice' && q.options?.includes(opt)) return accept(opt);
      if (q.kind === 'payment' && (PAYMENT_METHODS as readonly string[]).includes(opt)) return accept(opt);
    }
  }
  let why: string | undefined;
  if (event.type === 'text' && SKIP_WORDS.test(event.text.trim())) return accept(null, t('skipped'));
  if (event.type === 'text') {
    const r = parseAnswer(q, event.text, i.now, i.zone);
    if (r.ok) return accept(r.value);
    why = r.why;
  }
  if (event.type === 'start' || event.type === 'repeat') {
    return { facts, state: { ...state, stage: 'intake', q: q.id }, effects: [{ type: 'reply', reply: askReply(flow, q, state.q === q.id ? state.reasks : 0) }] };
  }
  if (event.type === 'attachments') {
    return {
      facts,
      state: { ...state, q: q.id },
      effects: [
        ...event.items.map((a): Effect => ({ type: 'evidence', item: null, kind: a.kind, ref: a.ref })),
        { type: 'reply', reply: askReply(flow, q, 0, t('evidence.recorded_later', { n: event.items.length })) },
      ],
    };
  }
  // A bad answer: re-ask with an example, at most twice; then mark unknown and move on.
  const reasks = (state.q === q.id ? state.reasks : 0) + 1;
  if (reasks > MAX_REASKS) return accept(null, t('skipped_auto'));
  const prefix = why ? t(`reask.why.${why}`) : undefined;
  return { facts, state: { ...state, q: q.id, reasks }, effects: [{ type: 'reply', reply: askReply(flow, q, reasks, prefix) }] };
}

function back(i: StepInput): StepResult {
  const { flow, facts, state } = i;
  if (state.stage === 'ladder' && state.rung > 0) return showRung(i, facts, { ...state, rung: state.rung - 1, rungSentAt: undefined });
  if (state.stage === 'ladder') {
    const s: CaseState = { ...state, stage: 'evidence' };
    return { facts, state: s, effects: [{ type: 'reply', reply: evidenceReply(flow, s) }] };
  }
  const last = state.history[state.history.length - 1];
  if (!last) {
    const q = nextQuestion(flow, facts);
    const effects: Effect[] = [{ type: 'reply', reply: q ? askReply(flow, q, 0, t('back.none')) : { text: t('back.none') } }];
    return { facts, state, effects };
  }
  const f = { ...facts };
  delete f[last];
  const q = flow.questions.find((x) => x.id === last)!;
  return {
    facts: f,
    state: { ...state, stage: 'intake', q: last, reasks: 0, history: state.history.slice(0, -1) },
    effects: [{ type: 'reply', reply: askReply(flow, q, 0, t('back.done')) }],
  };
}

function followUpAnswer(i: StepInput, answer: string): StepResult {
  const r = followUpAnswerRaw(i, answer);
  return { ...r, effects: respectRemindersOff(r.effects, r.state) };
}

function followUpAnswerRaw(i: StepInput, answer: string): StepResult {
  const { facts, state } = i;
  const rungs = applicableRungs(i.flow, facts, i.timings);
  const quiet = { start: i.timings.QUIET_HOURS_START, end: i.timings.QUIET_HOURS_END };
  if (answer.startsWith('to_')) {
    // From a window warning: go straight to that rung, its text ready.
    const target = rungs.indexOf(answer.slice(3) as RungId);
    if (target < 0 || target < state.rung) return showRung(i, facts, state, t('fup.to_rung.passed'));
    if (target === state.rung) return showRung(i, facts, state, t('fup.to_rung.done'));
    const next: CaseState = { ...state, rung: target, rungSentAt: undefined };
    const r = showRung(i, facts, next, t('fup.to_rung.done'));
    return { ...r, effects: [{ type: 'cancelFollowUps' }, ...windowSchedules(i, r.state, false), ...r.effects] };
  }
  switch (answer) {
    case 'snooze1':
    case 'snooze3': {
      const due = laterSameDay(i.now, answer === 'snooze1' ? 1 : 3, i.zone, quiet);
      return {
        facts,
        state,
        effects: [
          { type: 'schedule', kind: 'rung_check', rung: rungs[Math.min(state.rung, rungs.length - 1)], dueAt: due },
          { type: 'reply', reply: { text: t('fup.snoozed', { due: formatDateTime(due, i.zone) }) } },
        ],
      };
    }
    case 'stop':
      return {
        facts,
        state: { ...state, remindersOff: true },
        effects: [{ type: 'cancelFollowUps' }, { type: 'reply', reply: { text: t('fup.stopped'), choices: [button({ kind: 'rung', op: 'resume' }, t('fup.resume'))] } }],
      };
    case 'resume': {
      const on: CaseState = { ...state, remindersOff: false };
      const rung = rungs[Math.min(state.rung, rungs.length - 1)];
      const effects: Effect[] = [{ type: 'cancelFollowUps' }, ...windowSchedules(i, on, true)];
      let due = state.rungSentAt ? rungDueAt(rung, new Date(state.rungSentAt), i.timings, i.zone) : undefined;
      if (due && due.getTime() < i.now.getTime()) due = afterQuietHours(i.now, i.zone, { start: i.timings.QUIET_HOURS_START, end: i.timings.QUIET_HOURS_END });
      if (due) effects.push({ type: 'schedule', kind: 'rung_check', rung, dueAt: due });
      const text = due ? t('fup.resumed_next', { due: formatDateTime(due, i.zone) }) : t('fup.resumed');
      return { facts, state: on, effects: [...effects, { type: 'reply', reply: { text } }] };
    }
    case 'refunded':
      return { facts, state: { ...state, awaitingRefundAmount: true }, effects: [{ type: 'reply', reply: { text: t('fu.how_much') } }] };
    case 'replied': {
      // A day on, kept inside the hours reminders are sent (as 明天再提醒), so the time said is the time sent.
      const due = laterSameDay(i.now, 1, i.zone, { start: i.timings.QUIET_HOURS_START, end: i.timings.QUIET_HOURS_END });
      return {
        facts,
        state,
        effects: [
          { type: 'schedule', kind: 'rung_check', rung: rungs[state.rung], dueAt: due },
          { type: 'reply', reply: { text: t('fu.replied_ack', { due: formatDateTime(due, i.zone) }) } },
        ],
      };
    }
    default: {
      // not_yet / refused: the wait is over — the next rung, text ready.
      if (state.rung + 1 >= rungs.length) {
        return { facts, state, effects: [{ type: 'reply', reply: { text: t('fu.last_rung'), choices: [button({ kind: 'menu', action: 'close' }, t('choice.close'))] } }] };
      }
      const r = showRung(i, facts, { ...state, rung: state.rung + 1, rungSentAt: undefined }, t(answer === 'refused' ? 'fu.refused_prefix' : 'fu.not_yet_prefix'));
      return { ...r, effects: [{ type: 'cancelFollowUps' }, ...windowSchedules(i, r.state, false), ...r.effects] };
    }
  }
}

function ladder(i: StepInput): StepResult {
  const { facts, state, event } = i;
  const rungs = applicableRungs(i.flow, facts, i.timings);
  if (state.awaitingRefundAmount && event.type === 'text') {
    const r = parseAnswer({ id: 'refunded', kind: 'amount' }, event.text, i.now, i.zone);
    if (!r.ok) return { facts, state, effects: [{ type: 'reply', reply: { text: t('reask', { example: t('ex.amount') }) + '\n' + t('fu.how_much') } }] };
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
    if (c?.kind === 'rung' && c.op === 'sent') {
      const rung = rungs[state.rung];
      const due = rungDueAt(rung, i.now, i.timings, i.zone);
      const sentRungs = state.sent?.includes(rung) ? state.sent : [...(state.sent ?? []), rung];
      const sent: CaseState = { ...state, rungSentAt: i.now.getTime(), sent: sentRungs };
      const effects: Effect[] = [{ type: 'cancelFollowUps' }, ...windowSchedules(i, sent, false)];
      if (due && !state.remindersOff) effects.push({ type: 'schedule', kind: 'rung_check', rung, dueAt: due });
      effects.push({
        type: 'reply',
        reply: {
          text: state.remindersOff ? t('fup.sent_reminders_off') : due ? t('rung.sent', { due: formatDeadline(due, i.zone, i.now) }) : t('rung.sent_no_followup'),
          choices: [
            ...(state.rung + 1 < rungs.length ? [button({ kind: 'rung', op: 'next' }, t('choice.next_rung'))] : []),
            button({ kind: 'menu', action: 'progress' }, t('choice.progress')),
          ],
        },
      });
      return { facts, state: sent, effects };
    }
    if (c?.kind === 'rung' && c.op === 'next' && state.rung + 1 < rungs.length) {
      const r = showRung(i, facts, { ...state, rung: state.rung + 1, rungSentAt: undefined });
      return { ...r, effects: [{ type: 'cancelFollowUps' }, ...windowSchedules(i, r.state, false), ...r.effects] };
    }
    if (c?.kind === 'followup') return followUpAnswer(i, c.answer);
    if (c?.kind === 'rung' && c.op === 'resume') return followUpAnswer(i, 'resume');
  }
  if (event.type === 'attachments') {
    return {
      facts,
      state,
      effects: [
        ...event.items.map((a): Effect => ({ type: 'evidence', item: null, kind: a.kind, ref: a.ref })),
        { type: 'reply', reply: { text: t('evidence.recorded', { n: event.items.length, item: t('ev.extra') }) } },
      ],
    };
  }
  if (event.type === 'start' || event.type === 'repeat') return showRung(i, facts, state);
  const r = showRung(i, facts, state);
  return { ...r, effects: [{ type: 'reply', reply: { text: t('ladder.unclear'), choices: (r.effects[0] as { reply: Reply }).reply.choices } }] };
}

function evidence(i: StepInput): StepResult {
  const { flow, facts, state, event } = i;
  const c = event.type === 'choice' ? decodeChoice(event.id) : undefined;
  if (c?.kind === 'evidence_done') {
    const r = showRung(i, facts, { ...state, rung: 0 }, t('evidence.to_ladder'));
    return { ...r, effects: [...respectRemindersOff(windowSchedules(i, r.state, true), r.state), ...r.effects] };
  }
  if (c?.kind === 'evidence') {
    const id = c.item;
    if (flow.evidence.some((e) => e.id === id)) {
      const s: CaseState = { ...state, evidence: { ...state.evidence, [id]: { at: i.now.getTime(), kind: 'tick' } } };
      return { facts, state: s, effects: [{ type: 'evidence', item: id, kind: 'tick' }, { type: 'reply', reply: evidenceReply(flow, s) }] };
    }
  }
  if (event.type === 'attachments') {
    // A file is recorded as it is; which checklist item it proves is the user's call.
    const effects: Effect[] = event.items.map((a): Effect => ({ type: 'evidence', item: null, kind: a.kind, ref: a.ref }));
    const open = flow.evidence.filter((e) => !state.evidence[e.id]);
    effects.push({
      type: 'reply',
      reply: {
        text: t(open.length ? 'evidence.recorded_which' : 'evidence.recorded', { n: event.items.length, item: t('ev.extra') }),
        choices: [
          ...open.map((e) => button({ kind: 'evidence', item: e.id }, t('evidence.is', { item: t(`ev.${e.id}.short`) }))),
          button({ kind: 'evidence_done' }, t('choice.evidence_done')),
        ],
      },
    });
    return { facts, state, effects };
  }
  const prefix = event.type === 'text' ? t('evidence.unclear') : undefined;
  const reply = evidenceReply(flow, state);
  if (prefix) reply.text = `${prefix}\n\n${reply.text}`;
  return { facts, state, effects: [{ type: 'reply', reply }] };
}

/** Why a fabricated claim is refused: the reason, the risk, and the law from the table. */
export function declineText(reasonKey: string): string {
  const lines = ['crl266', 'psa'].map((id) => t('law.line', { article: law(id).article, meaning: law(id).meaning }));
  return [t(reasonKey), t('assess.decline.risk'), lines.join('\n'), t('law.disclaimer')].join('\n\n');
}

/** One step of a case. */
export function step(i: StepInput): StepResult {
  if (i.event.type === 'decline') {
    return { facts: i.facts, state: { ...i.state, stage: 'declined', q: null }, effects: [{ type: 'cancelFollowUps' }, { type: 'reply', reply: declinedReply(declineText(i.event.reason)) }] };
  }
  if (i.event.type === 'back' && i.state.stage !== 'declined' && i.state.stage !== 'closed') return back(i);
  switch (i.state.stage) {
    case 'intake':
      return intake(i);
    case 'evidence':
      if (i.event.type === 'start') return advance(i.flow, i.facts, i.state, i);
      return evidence(i);
    case 'ladder':
      return ladder(i);
    case 'declined':
      return { facts: i.facts, state: i.state, effects: [{ type: 'reply', reply: declinedReply(t('declined.still')) }] };
    case 'closed':
      return { facts: i.facts, state: i.state, effects: [{ type: 'reply', reply: { text: t('case.closed_already'), choices: [button({ kind: 'menu', action: 'new' }, t('choice.new_case'))] } }] };
  }
}
