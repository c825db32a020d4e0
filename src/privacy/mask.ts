// Masking of identifiers. A card key is never stored whole: first 4 + last 4.
//
// One detector finds card keys in any text before it is stored or logged. It looks at the folded
// text (NFKC, invisible characters removed — see fold.ts), joins groups a key was typed in
// ("H674 Ci8E m5UM kaC9", "ABCD-EFGH-1234"), and replaces the original span — whatever width,
// separators or zero-width characters it had — with the masked key. What counts as a key:
//   · anything after a key label (卡密, 密码, 激活码, 兑换码, cdkey, …) of 6+ characters;
//   · unlabelled, a run of 12+ letters and digits that looks random: letters and digits (or upper
//     and lower case) alternating at least 4 times, or 16+ characters alternating 3 times, or
//     three or more equal dash-separated groups with letters in them; letters only when the case
//     changes irregularly (not camelCase).
// Left alone, so that users can still give them: all-digit numbers (order numbers, amounts,
// phone and QQ numbers, dates) and order-number shapes — a short letter prefix, digits, a short
// letter suffix (KM20261118ABC, T2026111800123). An all-digit key is masked only with its label.
// A token directly after an order label (订单号, 订单编号, 单号, 交易号, 商户订单号, 流水号, order
// id/no, with an optional colon) is an order id whatever its shape (KM20261128ABC123), unless a
// key label stands right before it; plain 订单 (no 号) is not an order label.
import { fold } from './fold.js';

export function maskCardKey(key: string): string {
  const k = key.replace(/[\s\-_]+/g, '');
  if (k.length <= 8) return `${k.slice(0, 2)}****`;
  return `${k.slice(0, 4)}****${k.slice(-4)}`;
}

const LABEL = /(?:卡密|密码|密碼|激活码|激活碼|兑换码|兌換碼|充值码|卡号|卡號|密钥|密鑰|序列号|(?<![A-Za-z])(?:cd-?key|key|pin|code))\s*(?:是|为|為|:|=|#)?\s*$/i;
/** An order label right before a token: the token is an order id, not a key. */
const ORDER_LABEL = /(?:订单号|订单编号|單號|单号|訂單號|訂單編號|交易号|交易號|交易单号|交易單號|商户单号|商户订单号|商戶單號|商戶訂單號|流水号|流水號|(?<![A-Za-z])order\s*(?:id|no\.?|number|#))\s*[:：]?\s*$/i;
/** What may stand between two groups of one key. */
const SEP = /^(?:[ \t]{1,3}|[ \t]{0,2}[-_–—·][ \t]{0,2})$/;
const ORDER_SHAPE = /^[A-Za-z]{0,6}\d+[A-Za-z]{0,6}$/;

/** A date inside an id: 2026 + up to 3 letters + MMDD (20261118, 2026BC1118, 2026A1118). */
const DATE_STAMP = /20[1-3]\d[A-Za-z]{0,3}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/;

/**
 * An order number's shape that random keys do not have: a date stamp (KM20261118ABC77,
 * XY2026BC1118DE). Only this lets an unlabelled answer to 订单号是？ through unmasked; anything
 * else needs its label (单号 JD8812345678A9), so a key pasted there stays masked (review).
 */
export function isOrderShaped(compact: string): boolean {
  return DATE_STAMP.test(compact);
}

/** How many runs of one class (upper, lower, digit) the string has: "KM2026ABC" → 3. */
function classRuns(s: string): number {
  let runs = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = c <= 57 ? 0 : c <= 90 ? 1 : 2;
    if (cls !== prev) runs++;
    prev = cls;
  }
  return runs;
}

/** Whether a compact run of ASCII letters and digits is a card key (see the header). */
export function looksLikeCardKey(compact: string, opts: { labelled?: boolean; dashGroups?: number } = {}): boolean {
  const n = compact.length;
  if (opts.labelled) return n >= 6;
  if (n < 12) return false;
  const hasDigit = /\d/.test(compact);
  const hasLetter = /[A-Za-z]/.test(compact);
  if (!hasLetter) return false;
  const runs = classRuns(compact);
  if (!hasDigit) {
    // Letters only: random mixed case has capitals side by side or single lower-case letters
    // between capitals; camelCase words (runWithCancel) have neither.
    const irregular = (compact.match(/[A-Z](?=[A-Z])/g)?.length ?? 0) + (compact.match(/(?<=[A-Z])[a-z](?=[A-Z])/g)?.length ?? 0);
    return runs >= 3 && /[a-z]/.test(compact) && irregular >= 2;
  }
  if ((opts.dashGroups ?? 0) >= 3) return true;
  if (ORDER_SHAPE.test(compact)) return false;
  return runs >= 4 || (n >= 16 && runs >= 3);
}

interface Word {
  s: string;
  start: number;
  end: number;
}

/**
 * Masks every card key in free text (labelled or not, however typed), so a pasted key never
 * reaches the database or a log whole. Text without a key comes back unchanged.
 */
export function maskSecretsInText(text: string, opts: { orderAnswer?: boolean } = {}): string {
  if (!text || !/[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(text)) return text;
  const f = fold(text);
  const s = f.text;
  const words: Word[] = [];
  for (const m of s.matchAll(/[A-Za-z0-9]+/g)) words.push({ s: m[0], start: m.index, end: m.index + m[0].length });
  if (!words.length) return text;

  const spans: [number, number, string][] = [];
  const labelled = (w: Word) => LABEL.test(s.slice(Math.max(0, w.start - 12), w.start));
  const orderId = (w: Word) => ORDER_LABEL.test(s.slice(Math.max(0, w.start - 20), w.start));
  const sepOk = (a: Word, b: Word) => SEP.test(s.slice(a.end, b.start));
  const mask = (from: number, to: number, compact: string) => spans.push([f.start[words[from].start], f.end[words[to].end - 1], maskCardKey(compact)]);

  for (let i = 0; i < words.length; ) {
    // A chain of groups: equal lengths (a short last one allowed), or random-looking pieces.
    const g = words[i].s.length;
    let j = i;
    while (j + 1 < words.length && sepOk(words[j], words[j + 1])) {
      const next = words[j + 1].s;
      const equal = g >= 3 && g <= 8 && next.length === g && words[j].s.length === g;
      const shortLast = g >= 3 && g <= 8 && words[j].s.length === g && next.length < g && j > i;
      const random = classRuns(words[j].s) >= 3 && classRuns(next) >= 3;
      if (!equal && !shortLast && !random) break;
      j++;
      if (shortLast && !equal && !random) break;
    }
    const isLabelled = labelled(words[i]);
    // The answer to "订单号是？" is labelled by the question — for an order-shaped id only, so a key
    // pasted there by mistake is still masked.
    const answersOrder = opts.orderAnswer && i === 0 && isOrderShaped(words[i].s);
    if (!isLabelled && (orderId(words[i]) || answersOrder)) {
      // The order id itself is kept; what follows it is judged on its own.
      i++;
      continue;
    }
    if (j > i) {
      const compact = words.slice(i, j + 1).map((w) => w.s).join('');
      const dashes = s.slice(words[i].end, words[j].start).includes('-') ? j - i + 1 : 0;
      if (looksLikeCardKey(compact, { labelled: isLabelled, dashGroups: dashes })) {
        mask(i, j, compact);
        i = j + 1;
        continue;
      }
    }
    // No chain (or not a key as a whole): each word on its own.
    for (let k = i; k <= j; k++) {
      if (looksLikeCardKey(words[k].s, { labelled: k === i ? isLabelled : labelled(words[k]) })) mask(k, k, words[k].s);
    }
    i = j + 1;
  }
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const [a, b, m] of spans) {
    out += text.slice(at, a) + m;
    at = b;
  }
  return out + text.slice(at);
}
