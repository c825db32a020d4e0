// Order numbers: 订单号/单号/流水号/order no. followed by an id, or a bare long
// digit / letter+digit string that is clearly not a phone number, QQ number,
// card number, date or amount.
import { normalize } from './normalize.js';

const KEYWORD =
  /(?:商户订单号|商家订单号|订单编号|订单号码|订单号|订单id|交易单号|交易号|交易流水号|流水号|单号|订单|order\s*(?:no\.?|number|id|#)?|txn\s*id|transaction\s*id|编号)\s*(?:是|为|:|：|#|号)?\s*[:：#]?\s*([a-z0-9][a-z0-9_\-]{4,39})/g;
const BARE = /(?<![a-z0-9_\-])([a-z]{0,6}\d[a-z0-9\-_]{6,38})(?![a-z0-9_])/g;
const NOT_ORDER_BEFORE =
  /(?:qq|q号|扣扣|企鹅|手机|电话|号码|联系方式|微信号|vx号|wx号|卡号|卡密|密码|账号|帐号|id号|uid|银行卡|身份证|充值到|充到|给|手机号)\s*(?:是|为|:|：)?\s*$/;

/** Returns the order number the text names, or undefined. Letters are returned upper-cased. */
export function parseOrderId(text: string): string | undefined {
  return parseOrderIdNormalized(normalize(text));
}

// Look-arounds read a bounded window so the parser stays linear in the input length.
const WINDOW = 24;

function looksLikeDateOrTime(id: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(id) || /^(?:19|20)\d{6}$/.test(id);
}

function isPhone(id: string): boolean {
  return /^1[3-9]\d{9}$/.test(id);
}

export function parseOrderIdNormalized(s: string): string | undefined {
  for (const m of s.matchAll(KEYWORD)) {
    const id = trimId(m[1]);
    // After 订单号/订单编号/单号/流水号/交易号 a letter-heavy id counts (sub_1NxA9b…, ABCD-EF12GH).
    const strongKeyword = /(?:订单编号|订单号码|订单号|单号|流水号|交易号)/.test(m[0]);
    const letterHeavyOk = strongKeyword && id.length >= 8 && /\d/.test(id) && /[a-z]/.test(id);
    if (!letterHeavyOk && (!/\d/.test(id) || id.replace(/\D/g, '').length < 4)) continue;
    if (looksLikeDateOrTime(id)) continue;
    // "订单100元" — an amount right after the word 订单, not an id.
    const end = (m.index ?? 0) + m[0].length;
    const after = s.slice(end, end + WINDOW);
    if (/^\s*(?:元|块|rmb|万|k\b)/.test(after)) continue;
    if (/^\d{1,4}$/.test(id)) continue;
    return id.toUpperCase();
  }
  for (const m of s.matchAll(BARE)) {
    const id = trimId(m[1]);
    const digits = id.replace(/\D/g, '');
    const before = s.slice(Math.max(0, (m.index ?? 0) - WINDOW), m.index ?? 0);
    if (NOT_ORDER_BEFORE.test(before)) continue;
    if (looksLikeDateOrTime(id) || /^\d{4}-\d/.test(id)) continue;
    if (isPhone(id)) continue;
    const end = (m.index ?? 0) + m[0].length;
    const after = s.slice(end, end + WINDOW);
    if (/^\s*(?:元|块|rmb|yuan)/.test(after)) continue;
    // "202508200124开头的…" is the start of an id, not the id.
    if (/^\s*(?:开头|打头|结尾|尾号)/.test(after)) continue;
    // Card keys are often grouped with dashes (XXXX-XXXX-XXXX); bank cards 16–19 digits.
    if (/^[a-z0-9]{4}(?:-[a-z0-9]{4}){2,}$/.test(id)) continue;
    if (/^\d{16,19}$/.test(id) && /卡/.test(before.slice(-6))) continue;
    if (/^[a-z]+\d+$/.test(id) && digits.length < 6) continue;
    if (/^\d+$/.test(id) && id.length < 10) continue; // QQ numbers, amounts, short ids
    if (digits.length < 6) continue;
    return id.toUpperCase();
  }
  return undefined;
}

function trimId(id: string): string {
  return id.replace(/[\-_]+$/, '');
}
