// Card keys in answers: recognising one (raw, grouped, dashed or already masked), taking it out
// of a sentence ("卡密是 K7PX9M2QW4ZR2345 谢谢"), and removing keys before a text is read for an
// amount, an order number or a time, so key digits never become one of those.
// The engine masks keys at its entry (src/privacy/mask.ts), so both forms must be handled.
import { fold } from './fold.js';

/** A masked key as stored: first 4 + **** + last 4 (or 2 + ****). */
const MASKED = /[A-Za-z0-9]{1,4}\*{3,}[A-Za-z0-9]{0,4}/;
const LABEL = /(?:卡密|密码|激活码|兑换码|充值码|卡号|密钥|序列号|cd-?key|cdk|key|code|pin)\s*(?:是|为|:|：|=|#)?\s*$/i;
/** Groups of one key: ABCD-EFGH-1234, ABCD EFGH 1234, ABCD_EFGH. */
const GROUPED = /[A-Za-z0-9]{3,8}(?:(?:[ \t]{1,2}|[ \t]?[-_][ \t]?)[A-Za-z0-9]{2,8}){1,7}/g;
const TOKEN = /[A-Za-z0-9]+/g;
const ORDER_WORDS = /订单|单号|流水号|交易号|order/i;

function runs(s: string): number {
  let n = 0;
  let prev = -1;
  for (const ch of s) {
    const c = /\d/.test(ch) ? 0 : /[A-Z]/.test(ch) ? 1 : 2;
    if (c !== prev) n++;
    prev = c;
  }
  return n;
}

/**
 * Whether a single token (no spaces inside; dashes allowed) is a card key: a masked key
 * (K7PX****2345), or 12+ letters and digits mixed (at least 3 of each, not an order-number shape
 * such as KM20261118 — a short letter prefix and digits), or 3+ dash-separated groups with letters.
 * With `labelled` (it followed 卡密/激活码/…) 6+ letters or digits are enough.
 */
export function looksLikeCardKey(token: string, labelled = false): boolean {
  const t = token.trim();
  if (new RegExp(`^${MASKED.source}$`).test(t)) return true;
  const groups = t.split(/[-_]/).filter(Boolean);
  const compact = groups.join('');
  if (!/^[A-Za-z0-9]+$/.test(compact)) return false;
  if (labelled) return compact.length >= 6;
  if (groups.length >= 3 && /[A-Za-z]/.test(compact) && groups.every((g) => g.length >= 3 && g.length <= 8)) return true;
  if (compact.length < 12) return false;
  const letters = (compact.match(/[A-Za-z]/g) ?? []).length;
  const digits = (compact.match(/\d/g) ?? []).length;
  if (letters < 3 || digits < 3) return false;
  if (/^[A-Za-z]{0,6}\d+[A-Za-z]{0,6}$/.test(compact)) return false;
  return runs(compact) >= 4;
}

export interface KeySpan {
  start: number;
  end: number;
  /** As typed (folded to half-width), separators included. */
  raw: string;
  /** Letters and digits only, or the masked form when the text had a masked key. */
  compact: string;
  masked: boolean;
}

/** Every card key in the (folded) text, left to right. */
export function findCardKeys(text: string): KeySpan[] {
  const s = fold(text, { lowerCase: false });
  const spans: KeySpan[] = [];
  const taken = (a: number, b: number) => spans.some((x) => a < x.end && b > x.start);
  const add = (start: number, raw: string, masked: boolean) => {
    const end = start + raw.length;
    if (taken(start, end)) return;
    spans.push({ start, end, raw, compact: masked ? raw : raw.replace(/[^A-Za-z0-9]/g, ''), masked });
  };
  for (const m of s.matchAll(new RegExp(MASKED.source, 'g'))) add(m.index, m[0], true);
  const orderText = ORDER_WORDS.test(s);
  for (const m of s.matchAll(GROUPED)) {
    const labelled = LABEL.test(s.slice(Math.max(0, m.index - 8), m.index));
    const raw = m[0].trim();
    const hasDash = /[-_]/.test(raw);
    // Space-separated groups count as one key only when equal in length (K7PX 9M2Q W4ZR 2345) or labelled.
    const parts = raw.split(/[\s\-_]+/);
    const equal = parts.length >= 3 && parts.slice(0, -1).every((p) => p.length === parts[0].length);
    if (!hasDash && !equal && !labelled) continue;
    const compact = parts.join('');
    if (labelled ? compact.length >= 6 : looksLikeCardKey(hasDash ? raw.replace(/\s/g, '') : parts.join('-'))) add(m.index, raw, false);
  }
  for (const m of s.matchAll(TOKEN)) {
    const labelled = LABEL.test(s.slice(Math.max(0, m.index - 8), m.index));
    if (s[m.index + m[0].length] === '*' || s[m.index - 1] === '*') continue;
    if (!labelled && orderText && /^\d+$/.test(m[0])) continue;
    if (looksLikeCardKey(m[0], labelled && !(/^\d+$/.test(m[0]) && m[0].length < 8))) add(m.index, m[0], false);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The text (folded) with every card key replaced by a space: read amounts, order numbers and
 * times from this, never from the raw text. "卡密 K7PX****2345 提示已被使用" → "卡密   提示已被使用".
 */
export function withoutCardKeys(text: string): string {
  const s = fold(text, { lowerCase: false });
  let out = '';
  let at = 0;
  for (const k of findCardKeys(s)) {
    out += `${s.slice(at, k.start)} `;
    at = k.end;
  }
  return out + s.slice(at);
}

/**
 * The card key in an answer wrapped in words: "卡密是 K7PX9M2QW4ZR2345 谢谢", "卡号 STMX-7Q2W-9KLP-4RT8",
 * "K7PX 9M2Q W4ZR 2345", "卡密：K7PX****2345". A bare answer of 6+ letters/digits counts too
 * (the question asked for the key). Undefined when there is none.
 */
export function extractCardKey(text: string): KeySpan | undefined {
  const found = findCardKeys(text);
  if (found.length) return found[0];
  const s = fold(text, { lowerCase: false }).trim().replace(/^(?:卡密|卡号|激活码|兑换码|密码)?\s*(?:是|为|:|：)?\s*/, '').replace(/\s*(?:谢谢|谢了|哦|啊)?[。.!！]*$/, '');
  const compact = s.replace(/[\s\-_]+/g, '');
  if (/^[A-Za-z0-9]{6,64}$/.test(compact)) return { start: 0, end: s.length, raw: s, compact, masked: false };
  return undefined;
}
