// The user's own identity numbers (explore4 F41): a 身份证号 is never stored whole. It is masked
// (first 4 + last 4) in every inbound text, like a card key (src/privacy/inbound.ts), and a name
// question answered with an identity number — the user's ID, bank card or own phone — is refused
// with the reason (src/flow/answers.ts): it must not end up in a letter to the seller or in the
// public 黑猫 text. A seller's phone ("商家电话13812345678") is a contact, not the user's.
import { fold } from './fold.js';

/** The province codes a 身份证号 starts with (GB/T 2260, first two digits). */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91']);

/**
 * An 18-character 身份证号: a province code and a real birth date. The check character is not
 * required: a mistyped (or made-up) number is still the user's, and order numbers start with the
 * year (2026…), which is no province.
 */
export function isIdCardNumber(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s) || !PROVINCES.has(s.slice(0, 2))) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  return y >= 1900 && y <= 2030 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

export function maskIdCard(s: string): string {
  return `${s.slice(0, 4)}**********${s.slice(-4)}`;
}

/** An order label right before the number: an order id, whatever it looks like. */
const ORDER_BEFORE = /(?:订单号?|订单编号|单号|訂單號?|交易号|交易单号|流水号|商户单号)\s*(?:是|为)?\s*[:：]?\s*$/;

/** Every 身份证号 in the text masked; other text unchanged. */
export function maskIdCards(text: string): string {
  if (!text) return text;
  // Full-width digits (１１０１…) read as digits (review R1).
  const t = /[０-９]/.test(text) ? text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : text;
  if (!/\d{4}/.test(t)) return t;
  // Written whole, after letters (sfz110101…), or in groups with spaces or dashes (1101 0119 9001 0112 34).
  return t.replace(/(?<!\d)\d(?:[ \-]?\d){16}[ \-]?[\dXx](?![\dA-Za-z])/g, (m, at: number) => {
    const compact = m.replace(/[ \-]/g, '');
    return isIdCardNumber(compact) && !ORDER_BEFORE.test(t.slice(Math.max(0, at - 12), at)) ? maskIdCard(compact) : m;
  });
}

/** A masked 身份证号 as maskIdCards writes it. */
const MASKED_ID = /\d{4}\*{10}[\dXx]{4}/;
/** The user's own papers and accounts named with a number (masked or not). */
const OWN_NUMBER = /(?<!(?:对方|卖家|商家|他|她|收款人?|收款方)(?:的)?)(?:身份证|身份證|证件号|證件號|银行卡|銀行卡|储蓄卡|信用卡)(?:号码?)?[^\d]{0,6}[\d*]{6,}/;
/** The user's own phone: 我的手机号 138…, 我电话是 138…. */
const OWN_PHONE = /我(?:的)?(?:手机|电话|手机号|電話|手機)(?:号码?)?[^\d]{0,4}1[3-9]\d{9}/;

/** Whether a name answer carries the user's identity number, bank card or own phone. */
export function carriesPersonalNumber(text: string): boolean {
  const f = fold(text).text;
  if (MASKED_ID.test(f) || OWN_NUMBER.test(f) || OWN_PHONE.test(f)) return true;
  return [...f.matchAll(/\d{17}[\dXx]/g)].some((m) => isIdCardNumber(m[0]));
}
