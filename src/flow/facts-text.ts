// Facts as descriptors (rendered by src/engine/render.ts), for the step's documents and 进度.
import type { FactValue, Flow, Question } from './types.js';
import { amount, datetime, msg, type Text } from './message.js';

/** An option's label: the scenario's own wording first, then the shared one. */
export const optionText = (flowId: string, questionId: string, option: string): Text => msg([`opt.${flowId}.${questionId}.${option}`, `opt.${questionId}.${option}`]);

/** A recorded fact as the user reads it; a skipped or missing one reads as fact.unknown. */
export function factText(flow: Flow, q: Question, value: FactValue | null | undefined, zone: string): Text {
  if (value === null || value === undefined) return msg('fact.unknown');
  switch (q.kind) {
    case 'amount':
      return amount(value as number);
    case 'time':
      // A day without a time of day is stored as YYYY-MM-DD.
      return datetime(value as string, zone);
    case 'payment':
      return msg(`payment.${value}`);
    case 'choice':
      return optionText(flow.id, q.id, String(value));
    case 'count':
      return msg('fact.count', { n: value as number });
    default:
      return String(value);
  }
}
