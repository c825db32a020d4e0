// Sanity of a refunded amount when a case is closed (or a partial refund is reported).
import { exceedsPaidText, yuan } from './messages.js';

export type ClosingAmountCheck =
  | { kind: 'ok' }
  /** Larger than what was paid (or owed): question it, do not store it. */
  | { kind: 'exceeds_paid'; text: string }
  /** Zero, negative or not a number: ask again. */
  | { kind: 'not_positive' };

/**
 * Checks a refunded amount against what was paid. `paid` is the bound: the amount paid, or the
 * extra amount for a double charge; null/undefined (unknown) bounds nothing. Equal is fine (full refund).
 */
export function checkClosingAmount(amount: number, paid: number | null | undefined): ClosingAmountCheck {
  if (!Number.isFinite(amount) || amount <= 0) return { kind: 'not_positive' };
  if (typeof paid === 'number' && paid > 0 && amount > paid + 0.005) return { kind: 'exceeds_paid', text: exceedsPaidText(amount, paid) };
  return { kind: 'ok' };
}

/** What is still owed after a partial refund (never negative), for the offer to keep pursuing it. */
export function remainder(paid: number, refunded: number): number {
  return Math.max(0, Math.round((paid - refunded) * 100) / 100);
}

export { yuan };
