// How many times the user was debited: 扣了两次, 3笔, 扣款2次, charged twice.
import { normalize, parseChineseNumber } from './normalize.js';

const N = '(\\d{1,2}|[一二两俩三四五六七八九十]{1,2})';
// 笔 is a money classifier on its own; 次/回/遍/条 need a debit verb nearby.
const BI = new RegExp(`(?<!第)${N}\\s*笔`, 'g');
const TIMES = new RegExp(`(?<!第)${N}\\s*(?:次|回|遍|条|份)`, 'g');
const DEBIT = /扣|付|划|刷(?!新)|出账|支出|账单|帐单|交易|转出|花了|收了|收我|收费|支付|消费|到账|扣费/;
const NOT_DEBIT = /试|点|刷新|按|提交|问|催|找|联系|发|打|申请|申诉|投诉|登|输|兑换|充了?(?=\s*$)|重试|说|等|看|退|查/;
const EN_WORDS: Record<string, number> = { twice: 2, double: 2, two: 2, three: 3, thrice: 3, four: 4, five: 5 };

function toNumber(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s);
}

/** Returns the number of debits the text names, or undefined. */
export function parseCount(text: string): number | undefined {
  return parseCountNormalized(normalize(text));
}

// A second debit told as a story: "又扣了一次", "多扣了一笔", "两次都扣了".
const AGAIN =
  /又(?:被)?(?:扣|付|划|收)了?(?:我)?一?(?:次|遍|笔|回)|多(?:扣|收|刷|划)了?(?:我)?一(?:次|笔|遍|份)|两(?:次|边|笔|个)都(?:扣|付)|都扣了|又扣了/;

export function parseCountNormalized(s: string): number | undefined {
  const n = baseCount(s);
  if ((n === undefined || n === 1) && AGAIN.test(s)) return 2;
  return n;
}

function baseCount(s: string): number | undefined {
  // The largest debit count named wins: "扣了两次，只到账一次" → 2.
  let best: number | undefined;
  for (const m of s.matchAll(BI)) {
    const n = toNumber(m[1]);
    const before = s.slice(Math.max(0, (m.index ?? 0) - 6), m.index);
    if (n !== undefined && n >= 1 && n <= 50 && !/订单|单子/.test(s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 2)) ) {
      if (/试|点/.test(before.slice(-2))) continue;
      if (n === 1 && !/扣|只|就|仅/.test(before)) continue; // "有一笔海外支出" is not a count of debits
      best = Math.max(best ?? 0, n);
    }
  }
  for (const m of s.matchAll(TIMES)) {
    const n = toNumber(m[1]);
    if (n === undefined || n < 1 || n > 50) continue;
    const idx = m.index ?? 0;
    // The clause before the number, back to the last punctuation, nearest verb first.
    const clause = s.slice(Math.max(0, idx - 10), idx).split(/[，,。.!！?？;；\s]/).pop() ?? '';
    const after = s.slice(idx + m[0].length, idx + m[0].length + 10).split(/[，,。.!！?？;；]/)[0];
    const lastDebit = lastIndexOf(clause, DEBIT);
    const lastOther = lastIndexOf(clause, NOT_DEBIT);
    // A refund ("一次原路退款"), a debit to be avoided ("避免二次扣费") or a single payment that is
    // not said to be the only debit ("扫码支付1次", "买过一次") counts no debits.
    if ((lastDebit < 0 && /^\s*(?:原路|全额|的)?退/.test(after)) || /(?:避免|防止|以免|免得|(?<![恐哪])怕|担心|万一)[^，,。]{0,4}$/.test(clause)) continue;
    if (n === 1 && !/扣|只|就|仅/.test(clause) && !/^[^，,。]{0,3}?扣/.test(after)) continue;
    if (/^[^，,。]{0,6}?(?:扣款|扣费|消费|账单|付款记录|扣款记录|短信)/.test(after)) best = Math.max(best ?? 0, n);
    else if (lastDebit >= 0 && lastDebit >= lastOther) best = Math.max(best ?? 0, n);
    else if (lastDebit < 0 && lastOther < 0 && /^[^，,。]{0,6}?(?:扣款|扣费|钱|款|账单|记录|支付|交易)/.test(after)) {
      best = Math.max(best ?? 0, n);
    }
  }
  if (best !== undefined) return best;
  if (/双重扣|扣了双份|扣了双倍|扣双份|重复扣了?两|扣两遍/.test(s)) return 2;
  const en = /\b(?:charged|debited|billed|paid|deducted|taken)\s+(twice|thrice|(\d+|two|three|four|five)\s+times)\b|\b(double|two|three|\d+)\s+(?:identical\s+|same\s+|duplicate\s+)?(?:charges|debits|payments|deductions)\b|\bdouble[- ]charged\b/.exec(s);
  if (en) {
    if (en[0].startsWith('double')) return 2;
    const w = en[2] ?? en[1] ?? en[3];
    if (w) return /^\d+$/.test(w) ? Number(w) : EN_WORDS[w];
  }
  return undefined;
}

function lastIndexOf(s: string, re: RegExp): number {
  let last = -1;
  const g = new RegExp(re.source, 'g');
  for (const m of s.matchAll(g)) last = m.index ?? last;
  return last;
}
