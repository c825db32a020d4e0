// The deadline a coached reply names and the check that goes with it (exploratory testing, explore4):
//   F5  the seller's own wait ("系统维护让我等三天"): the check and the confirmation at the later of
//       the wait said and the deadline the user's letter already gave — never the next day
//   F6  words after the step's deadline passed ("商家说卡密没问题 是我自己输错了"): a new short deadline
//       (as the first letter's: N hours on, at 17:00) in the reply, and a check scheduled for it — never the passed one again
// Used by the seller-reply reading (src/coaching/routes.ts).
import type { CaseRow } from '../engine/repo.js';
import { addWorkdays } from '../calendar/workdays.js';
import { rungDueAt } from '../flow/ladder.js';
import type { RungId } from '../flow/types.js';
import { rungContext, type RungDeps } from './rung-context.js';

const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 几: 3 };
/** A wait said: "等三天", "等2个工作日", "3天内", "过两天". */
const WAIT = /(?:等|过|再等|要等|需要)(?:待)?(?:个)?\s*(\d+|[一二两三四五六七八九十几])\s*(?:个)?(天|日|工作日|小时)|(\d+|[一二两三四五六七八九十几])\s*(?:个)?(天|工作日)(?:内|之内|以内|后|左右)/;
/** A new short deadline after a passed one, in days, when no seller deadline can be computed. */
const NEW_DEADLINE_DAYS = 2;
/** Reply kinds that stay on the rung with a ready text naming a deadline. */
const SAME_RUNG = new Set(['no_order', 'already_delivered', 'partial_offer', 'balance_only', 'blame_upstream', 'after_sale_expired']);

export interface ReplyDeadline {
  /** The deadline the ready text names and the check is scheduled for. */
  at?: Date;
}

export function replyDeadline(d: RungDeps, c: CaseRow, rung: RungId, kind: string, said: string | undefined, now: Date): ReplyDeadline {
  const rc = rungContext(d);
  const sentDue = c.state.rungSentAt ? rungDueAt(rung, new Date(c.state.rungSentAt), d.config, rc.zone) : undefined;
  if (kind === 'promised_later') {
    const m = said ? WAIT.exec(said) : null;
    const raw = m ? (m[1] ?? m[3]) : undefined;
    const n = raw === undefined ? undefined : /\d/.test(raw) ? Number(raw) : CN[raw];
    const unit = m ? (m[2] ?? m[4]) : undefined;
    let at: Date | undefined;
    if (n !== undefined && n > 0) at = unit === '小时' ? rc.daysOn(now, Math.max(1, Math.ceil(n / 24))) : unit === '工作日' ? addWorkdays(now, Math.min(n, 30), rc.zone) : rc.daysOn(now, Math.min(n, 30));
    // The deadline the user's letter gave still stands when it is later.
    if (sentDue && sentDue.getTime() > now.getTime() && (!at || sentDue.getTime() > at.getTime())) at = sentDue;
    // No time said and the step's deadline passed: a new one, never the passed one again.
    if (!at && sentDue && sentDue.getTime() <= now.getTime()) at = newDeadline(d, now);
    return at ? { at } : {};
  }
  if (SAME_RUNG.has(kind) && sentDue && sentDue.getTime() <= now.getTime()) return { at: newDeadline(d, now) };
  return {};
}

/** A new deadline as the first letter's (N hours on, at 17:00), out of the quiet hours. */
function newDeadline(d: RungDeps, now: Date): Date {
  const rc = rungContext(d);
  return rungDueAt('seller', now, d.config, rc.zone) ?? rc.daysOn(now, NEW_DEADLINE_DAYS);
}
