// The step's recurring replies, as descriptors (src/flow/message.ts): asking a question, the
// assessment, the evidence checklist, a refusal. No locale lookups here; render.ts does those.
import { PAYMENT_METHODS, type ScenarioId } from '../types.js';
import { lawLines } from './ladder.js';
import { amount, choice, join, msg, withPrefix, type ChoiceMsg, type ReplyMsg, type Text } from './message.js';
import { optionText } from './facts-text.js';
import type { CaseState } from './state.js';
import type { Facts, Flow, Question } from './types.js';

/** The question's wording: the scenario's own first (q.<flow>.<id>), then the shared one (q.<id>). */
const questionText = (flow: Flow, q: Question, facts?: Facts): Text =>
  msg([`q.${flow.id}.${q.id}`, `q.${q.id}`], typeof facts?.balance === 'number' ? { balance: amount(facts.balance) } : undefined);

/** An example answer; empty when none is written for this question or its kind. */
const exampleFor = (flow: Flow, q: Question): Text => ({ key: [`ex.${flow.id}.${q.id}`, `ex.${q.id}`, `ex.kind.${q.kind}`], else: '' });

function choicesFor(flow: Flow, q: Question, reasks: number): ChoiceMsg[] | undefined {
  const skip = choice({ kind: 'skip' }, msg('choice.skip'));
  if (q.kind === 'choice') return [...(q.options ?? []).map((o) => choice({ kind: 'answer', option: o }, optionText(flow.id, q.id, o))), skip];
  if (q.kind === 'payment') return [...PAYMENT_METHODS.map((m) => choice({ kind: 'answer', option: m }, msg(`payment.${m}`))), skip];
  return reasks > 0 ? [skip] : undefined;
}

/** Asks question `q`; after a bad answer (`reasks` > 0) with an example first and a 跳过 button. */
export function askReply(flow: Flow, q: Question, reasks: number, prefix?: Text, facts?: Facts): ReplyMsg {
  const parts: Text[] = [];
  if (prefix) parts.push(prefix);
  // A re-ask that says why (the reason is the prefix) does not also claim the answer was not understood:
  // the reason, the question, then the example.
  // Options have no typed example: the re-ask points at the buttons instead of an empty 例如：.
  if (reasks > 0 && !prefix) parts.push(q.kind === 'choice' || q.kind === 'payment' ? msg('reask.pick') : msg('reask', { example: exampleFor(flow, q) }));
  parts.push(questionText(flow, q, facts));
  if ((reasks === 0 || prefix) && q.kind !== 'choice' && q.kind !== 'payment') parts.push(msg('hint.example', { example: exampleFor(flow, q) }));
  const choices = choicesFor(flow, q, reasks);
  return choices ? { text: join(parts), choices } : { text: join(parts) };
}

/** The verdict with its reasons and law, or the refusal when the case is declined. */
export function assessmentText(flow: Flow, facts: Facts): { text: Text; declined: boolean; switchTo?: ScenarioId[] } {
  const a = flow.assess(facts);
  const p = { amount: typeof facts.amount === 'number' ? amount(facts.amount) : msg('fact.unknown') };
  if (a.verdict === 'declined') {
    // A truthful answer that does not fit this scenario: said plainly, with what fits instead — the user
    // answered honestly, so no warning about fraud and no criminal law (that is the fabrication guard's).
    if (a.switchTo?.length) return { text: msg(a.declineReason ?? 'assess.decline.generic'), declined: true, switchTo: a.switchTo };
    const lines = [msg(a.declineReason ?? 'assess.decline.generic'), msg('assess.decline.risk'), ...lawLines(a.law), msg('law.disclaimer')];
    return { text: join(lines, '\n\n'), declined: true };
  }
  const lines = [msg(a.verdictKey ?? `verdict.${a.verdict}`), ...a.reasons.map((r) => join(['· ', msg(r, p)], '')), msg('law.header'), ...lawLines(a.law), msg('law.disclaimer')];
  return { text: join(lines), declined: false };
}

const GROUPS = ['transaction', 'communication', 'problem'] as const;

/** The checklist items in the order of their buttons and of the list shown: item i is always number i + 1. */
export function checklistOrder(flow: Flow): string[] {
  // In the order shown: group by group, so the numbers run 1, 2, 3… down the list.
  const grouped = GROUPS.flatMap((g) => flow.evidence.filter((e) => e.group === g));
  return [...grouped, ...flow.evidence.filter((e) => !grouped.includes(e))].map((e) => e.id);
}

/** The checklist's buttons: every item stays at its number (ticked ones marked ✅), then the way on. */
export function evidenceChoices(flow: Flow, state: CaseState): ChoiceMsg[] {
  const choices = checklistOrder(flow).map((id) => {
    const label = msg('evidence.have', { item: msg(`ev.${id}.short`) });
    return choice({ kind: 'evidence', item: id }, state.evidence[id] ? join(['✅ ', label], '') : label);
  });
  choices.push(state.stage === 'ladder' ? choice({ kind: 'menu', action: 'ladder' }, msg('choice.back_to_ladder')) : choice({ kind: 'evidence_done' }, msg('choice.evidence_done')));
  // Finding the operator (issue 12 item 4) is offered once the intake is done, before the ladder.
  if (state.stage === 'evidence') choices.push(choice({ kind: 'coach', op: 'rs' }, msg('coach.respondent.button')));
  return choices;
}

/** The evidence checklist, numbered as its buttons; numbers never shift when an item is ticked. */
export function evidenceReply(flow: Flow, state: CaseState, prefix?: Text): ReplyMsg {
  const lines: Text[] = [msg('evidence.header')];
  const order = checklistOrder(flow);
  for (const g of GROUPS) {
    const items = flow.evidence.filter((e) => e.group === g);
    if (!items.length) continue;
    lines.push(msg(`evidence.group.${g}`));
    // Each line carries its button's number, so "4" means the same item whatever is ticked.
    for (const e of items) lines.push(join([`${order.indexOf(e.id) + 1}.`, state.evidence[e.id] ? '✅' : '⬜', msg(`ev.${e.id}`)], ' '));
  }
  lines.push(msg('evidence.tips'));
  return { text: withPrefix(prefix, join(lines), '\n\n'), choices: evidenceChoices(flow, state) };
}

/** A declined case: close it or start another. */
export function declinedReply(text: Text, opts: { undo?: boolean; switchTo?: readonly ScenarioId[] } = {}): ReplyMsg {
  const undo = opts.undo ? [choice({ kind: 'menu', action: 'back' }, msg('choice.undo_answer'))] : [];
  const switches = (opts.switchTo ?? []).map((s) => choice({ kind: 'coach', op: 'sw', arg: s }, msg('coach.switch.to', { scenario: msg(`scenario.${s}`) })));
  return {
    text,
    choices: [...switches, ...undo, choice({ kind: 'menu', action: 'close' }, msg('choice.close')), choice({ kind: 'menu', action: 'new' }, msg('choice.new_case')), choice({ kind: 'menu', action: 'delete' }, msg('coach.delete'))],
  };
}

/** Why a fabricated claim is refused: the reason, the risk, and the law from the table. */
export function declineText(reasonKey: string): Text {
  return join([msg(reasonKey), msg('assess.decline.risk'), join(lawLines(['crl266', 'psa'])), msg('law.disclaimer')], '\n\n');
}

