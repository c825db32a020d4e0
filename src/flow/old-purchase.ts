// A purchase older than the platforms' usual appeal window (explore3 F52; /work/shared/domain/facts.md:
// "Many platforms accept appeals only within ~15 days"): the platform and seller rungs say the
// window has most likely passed and which steps do not depend on it. Pure (msg descriptors only).
import { localYmd } from '../calendar/workdays.js';
import { msg, type Text } from './message.js';
import type { Facts, RungId } from './types.js';

/** Whole days from the payment's day to today's (local), or undefined when the payment day is unknown. */
export function daysSincePaid(facts: Facts, now: Date, zone: string): number | undefined {
  const ymd = typeof facts.paidAt === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(facts.paidAt) : null;
  if (!ymd) return undefined;
  const today = /^(\d{4})-(\d{2})-(\d{2})/.exec(localYmd(now, zone));
  if (!today) return undefined;
  const day = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  return day(today) - day(ymd);
}

/** The note for the seller and platform rungs once the payment is older than the appeal window. */
export function oldPurchaseNote(rung: RungId, facts: Facts, now: Date, zone: string, appealDays: number, paidAt: unknown): Text[] {
  if (rung !== 'platform' && rung !== 'seller') return [];
  const days = daysSincePaid(facts, now, zone);
  if (days === undefined || days <= appealDays) return [];
  return [msg(`rung.${rung}.window_passed`, { days, appealDays, paidAt: paidAt as Text })];
}
