// Windows that close (docs/domain.md §3.3.1): most platforms take appeals only ~15 days after the
// transaction; a bank card dispute must reach the issuer within ~120 days. A case still before
// that rung gets a warning a few days ahead, so the window is not lost while waiting on the seller.
import type { CaseState } from '../flow/state.js';
import type { Facts, RungId } from '../flow/types.js';
import { atLocal } from '../time/zone.js';

export const BANK_DISPUTE_WINDOW_DAYS = 120;
export const BANK_DISPUTE_WARN_DAYS = 10;

export interface WindowTimings {
  PLATFORM_APPEAL_WINDOW_DAYS: number;
  APPEAL_WARN_DAYS: number;
}

export interface WindowWarning {
  rung: RungId;
  opensAt: Date;
  closesAt: Date;
  /** When to warn; never before `now` when the warning is due already. */
  warnAt: Date;
}

const DAY = 86_400_000;

/** The rung's window as [transaction time, close], or undefined when the case has none. */
function windowOf(rung: RungId, facts: Facts, t: WindowTimings): { days: number; warnDays: number } | undefined {
  if (rung === 'platform') return { days: t.PLATFORM_APPEAL_WINDOW_DAYS, warnDays: t.APPEAL_WARN_DAYS };
  if (rung === 'payment' && facts.paymentMethod === 'bank') return { days: BANK_DISPUTE_WINDOW_DAYS, warnDays: BANK_DISPUTE_WARN_DAYS };
  return undefined;
}

/** Whether the user has yet to act on `rung` (it is ahead, or current and not sent). */
export function rungStillAhead(rungs: readonly RungId[], rung: RungId, state: CaseState): boolean {
  const idx = rungs.indexOf(rung);
  if (idx < 0 || state.stage !== 'ladder') return false;
  return state.rung < idx || (state.rung === idx && !state.rungSentAt);
}

/**
 * Warnings this case should have pending. With `includePassed`, warnings whose moment has passed
 * (but whose window is still open) are included, due now; otherwise only future ones.
 */
/**
 * When the payment was, as an instant: a full time as written; a day alone (YYYY-MM-DD) at local noon
 * in `zone` — read as UTC midnight it would put warnings at 08:00, inside the quiet hours.
 */
export function paidInstant(paidAt: string, zone?: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(paidAt);
  if (day && zone) return atLocal(zone, Number(day[1]), Number(day[2]), Number(day[3]), 12, 0);
  return new Date(paidAt);
}

export function windowWarnings(
  rungs: readonly RungId[],
  facts: Facts,
  state: CaseState,
  now: Date,
  t: WindowTimings,
  opts: { includePassed: boolean; zone?: string },
): WindowWarning[] {
  if (state.remindersOff || typeof facts.paidAt !== 'string') return [];
  const paid = paidInstant(facts.paidAt, opts.zone);
  if (Number.isNaN(paid.getTime())) return [];
  const out: WindowWarning[] = [];
  for (const rung of rungs) {
    const w = windowOf(rung, facts, t);
    if (!w || !rungStillAhead(rungs, rung, state)) continue;
    const closesAt = new Date(paid.getTime() + w.days * DAY);
    if (closesAt.getTime() <= now.getTime()) continue;
    const warnAt = new Date(closesAt.getTime() - w.warnDays * DAY);
    if (warnAt.getTime() > now.getTime()) out.push({ rung, opensAt: paid, closesAt, warnAt });
    else if (opts.includePassed) out.push({ rung, opensAt: paid, closesAt, warnAt: now });
  }
  return out;
}

/** When a rung's window closes for this case (for the warning text), if it has one. */
export function windowCloses(rung: RungId, facts: Facts, t: WindowTimings, zone?: string): Date | undefined {
  const w = windowOf(rung, facts, t);
  if (!w || typeof facts.paidAt !== 'string') return undefined;
  const paid = paidInstant(facts.paidAt, zone).getTime();
  return Number.isNaN(paid) ? undefined : new Date(paid + w.days * DAY);
}
