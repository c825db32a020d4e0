// An account bought and later taken back by the seller's side (explore3 F16): "结果昨天被原号主找回了".
// The story names the day it was recovered, which is not the day it was paid ("上周…买…昨天被找回");
// the recovery's clause is read for its own day and left out when the payment's day is looked for.
import { readDate, type DateReading } from './dates.js';
import { fold } from './fold.js';

/** 号/账号 taken back: 被(原号主|卖家…)找回, 原号主把号找回了, 号被收回/盗回. */
const RECOVERED = /(?:被|让|给)(?:原号主|原主人|原主|号主|前号主|原来的号主|卖家|商家|老板|对方|人)?(?:给)?(?:找回|收回|盗回|申诉回去|申诉走)|(?:原号主|原主人|原主|号主|卖家|商家)(?:又|把(?:号|账号|帐号))?(?:给)?(?:找回|收回|盗回)/;
/** An account, not 卡号 / 订单号 / 单号 / Q币 (review R16: a top-up clawed back is no recovered account). */
const ACCOUNT = /(?<![卡单订编])号(?!码)|账号|帐号|账户|号主/;
/** Goods that are no account: money, points, card keys. */
const NOT_ACCOUNT = /q币|qb|点券|话费|充值卡|卡密|余额|钻石|金币/i;

/** Whether a story says an account bought was recovered by its former owner or the seller's side. */
export function accountRecoveredSaid(text: string): boolean {
  const s = fold(text, { lowerCase: false });
  // The account must be told in the recovery's own clause or the story, and the goods must not be money or points.
  const clauses = recoveryClauses(s);
  if (!clauses.length) return false;
  const named = clauses.some((c) => ACCOUNT.test(c)) || (ACCOUNT.test(s) && !NOT_ACCOUNT.test(s));
  return named && !clauses.every((c) => NOT_ACCOUNT.test(c));
}

const CLAUSES = /[\s,，。；;!！?？]+/;

/** The story's clauses that tell the recovery ("结果昨天被原号主找回了"). */
function recoveryClauses(s: string): string[] {
  return s.split(CLAUSES).filter((c) => RECOVERED.test(c));
}

/** The day the account was recovered, read from the recovery's own clause. */
export function recoveryDay(text: string, now: Date, zone: string): DateReading | undefined {
  const s = fold(text, { lowerCase: false });
  for (const c of recoveryClauses(s)) {
    const d = readDate(c, now, zone);
    if (d && !d.future) return d;
  }
  return undefined;
}

/** The story without the recovery's clauses: what is left tells the purchase. */
export function withoutRecovery(text: string): string {
  const s = fold(text, { lowerCase: false });
  return s
    .split(CLAUSES)
    .filter((c) => c && !RECOVERED.test(c))
    .join(' ');
}
