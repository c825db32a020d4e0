// An account bought and later taken back by the seller's side (explore3 F16): "结果昨天被原号主找回了".
// The story names the day it was recovered, which is not the day it was paid ("上周…买…昨天被找回");
// the recovery's clause is read for its own day and left out when the payment's day is looked for.
import { readDate, type DateReading } from './dates.js';
import { fold } from './fold.js';

/** 号/账号 taken back: 被(原号主|卖家…)找回, 原号主把号找回了, 号被收回/盗回. */
const RECOVERED = /(?:被|让|给)(?:原号主|原主人|原主|号主|前号主|原来的号主|卖家|商家|老板|对方|人)?(?:给)?(?:找回|收回|盗回|申诉回去|申诉走)|(?:原号主|原主人|原主|号主|卖家|商家)(?:又|把(?:号|账号|帐号))?(?:给)?(?:找回|收回|盗回)/;
const ACCOUNT = /号|账号|帐号|账户/;

/** Whether a story says an account bought was recovered by its former owner or the seller's side. */
export function accountRecoveredSaid(text: string): boolean {
  const s = fold(text, { lowerCase: false });
  return RECOVERED.test(s) && ACCOUNT.test(s);
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
