// Collective complaint text for the 12315 rung (issue 12 item 8): when two or more consenting
// cases name the same merchant. Only what each consenting case shares: date, item, amount,
// scenario — never names, order numbers or contact details of the other users.
import { formatAmount } from '../flow/format.js';
import { t } from './text.js';

export interface CollectiveCase {
  /** Formatted, e.g. 11月20日 10:00. */
  paidAt: string;
  item: string;
  amount: number;
  /** Scenario name as the user reads it. */
  scenario: string;
}

/** Undefined with fewer than two cases: a collective complaint needs at least two. */
export function collectiveComplaint(merchant: string, platform: string, cases: readonly CollectiveCase[]): string | undefined {
  if (cases.length < 2) return undefined;
  const total = cases.reduce((s, c) => s + c.amount, 0);
  const lines = cases.map((c, i) => t('collective.line', { i: i + 1, paidAt: c.paidAt, item: c.item, amount: formatAmount(c.amount), scenario: c.scenario })).join('\n');
  return [t('collective.intro', { n: cases.length }), t('collective.body', { merchant, platform, n: cases.length, total: formatAmount(total), lines })].join('\n\n');
}
