// 刷不了 (issue 12 item 3, docs/domain.md §3.3.3): a failed payment's debit is usually reversed
// automatically within a few days — typical, not a rule, so the window is a parameter and the
// text says 通常. Asks for the bill's 交易单号 and time, and gives the check-in moment.
import { addDays } from 'date-fns';
import { formatDateTime } from '../flow/format.js';
import { t } from './text.js';

/** Default window (days) for the typical automatic reversal; configurable by the caller. */
export const DEFAULT_REVERSAL_DAYS = 3;

export interface ReversalAdvice {
  text: string;
  /** When to ask whether the money came back, before the appeal rung. */
  checkAt: Date;
}

export function reversalAdvice(now: Date, zone: string, days = DEFAULT_REVERSAL_DAYS): ReversalAdvice {
  const checkAt = addDays(now, days);
  const text = [t('reversal.typical', { days }), t('reversal.ask'), t('reversal.checkin', { checkAt: formatDateTime(checkAt, zone) })].join('\n\n');
  return { text, checkAt };
}
