// A time asked after the payment's (第一次兑换是什么时候？), said relative to the purchase: "刚买就兑换了",
// "买完就兑了" (the payment's time), "当天 / 同一天" (its day), or a bare clock time "8点10分" (on its
// day). Without this, "刚…" read as now and a bare clock time as today — days after the purchase,
// exactly the gap a seller points to (exploratory testing).
import { atLocal, wallClock } from '../time/zone.js';
import { readDate } from '../dialogue/dates.js';
import { localYmd } from '../calendar/workdays.js';

/** Right after buying: the payment's own time. */
const AT_PURCHASE = /刚买|刚付|刚下单|一买|买完|买了就|付完(?:款|钱)?|付款后(?:马上|立刻|就)|下单后(?:马上|立刻|就)|拿到(?:卡密|卡|码|号)?(?:后)?(?:马上|立刻|就)|收到(?:卡密|卡|码)?(?:后)?(?:马上|立刻|就)|发(?:过来|货)(?:后)?(?:马上|就)/;
/** The same day. */
const SAME_DAY = /^(?:就是)?(?:当天|同一天|同天|那天|买的那天|付款(?:的)?那天|下单(?:的)?那天)/;
/** Words that name another day: then the answer is read as it stands. */
const DAY_WORDS = /昨|前天|今天|今早|今晚|明|号|日|周|星期|礼拜|月|年|天前|天后|天才|第[二三四五六七八九十\d]+天|隔天|次日|过了|后来|小时后|分钟后|之后|以后|\d{1,2}[./-]\d{1,2}/;
const HOUR = /\d{1,2}\s*[点點:：时]|[一二两三四五六七八九十]+\s*[点點]/;

/**
 * The answer as a stored time (ISO instant or YYYY-MM-DD), or undefined when it is not said
 * relative to the purchase (read it as usual then). `paidAt` is the stored payment time.
 */
export function relativeToPayment(text: string, paidAt: string, now: Date, zone: string): string | undefined {
  const s = text.trim();
  const paidDay = paidAt.includes('T') ? localYmd(new Date(paidAt), zone) : paidAt.slice(0, 10);
  if (SAME_DAY.test(s) && !DAY_WORDS.test(s.replace(SAME_DAY, ''))) return paidDay;
  if (DAY_WORDS.test(s)) return undefined;
  if (AT_PURCHASE.test(s) && !HOUR.test(s)) return paidAt;
  if (!HOUR.test(s)) return undefined;
  // A clock time with no day: on the payment's day, when that is not before the payment.
  const r = readDate(s, now, zone);
  if (!r || r.precision !== 'minute') return undefined;
  const w = wallClock(r.date, zone);
  const [y, m, d] = paidDay.split('-').map(Number);
  let at = atLocal(zone, y, m, d, w.hour, w.minute);
  const paid = paidAt.includes('T') ? new Date(paidAt).getTime() : undefined;
  // "9点10分" after paying at 20:00 is 21:10: an hour under 12 with no part of the day named is read in the evening then.
  if (paid !== undefined && at.getTime() < paid && w.hour < 12 && !/早|上午|凌晨|am/i.test(s)) at = atLocal(zone, y, m, d, w.hour + 12, w.minute);
  if (paid !== undefined && at.getTime() < paid) return undefined;
  if (at.getTime() > now.getTime()) return undefined;
  return at.toISOString();
}
