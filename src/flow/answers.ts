// Turns a user's answer into a fact value, validated with zod. Parsing is shared with the NLU.
import { z } from 'zod';
import type { AnswerKind, FactValue, Question } from './types.js';
import { parseAmount } from '../nlu/amount.js';
import { parseWhenDetailed } from '../nlu/time.js';
import { localYmd } from '../calendar/workdays.js';
import { parsePaymentMethod } from '../nlu/payment.js';
import { parseOrderId } from '../nlu/order.js';
import { parseCount } from '../nlu/count.js';
import { maskCardKey } from '../privacy/mask.js';

/** `why` names a specific problem the re-ask should mention (locale key reask.why.<why>). */
export type ParseResult = { ok: true; value: FactValue } | { ok: false; why?: 'future' };

const text = z.string().trim().min(1).max(500);
const amount = z.number().positive().max(1_000_000);
const count = z.number().int().min(1).max(50);
const orderId = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/);
const cardKey = z.string().regex(/^[A-Za-z0-9-]{6,64}$/);

/** How far in the future a "when did you pay" answer may lie (clock skew, typing delay). */
const FUTURE_SLACK_MS = 10 * 60_000;
const FUTURE_WORDS = /明天|后天|明早|明晚|今晚|下周|下星期|下个月|待会|一会儿|等会|tomorrow|next week/i;

export function parseAnswer(q: Question, raw: string, now: Date, zone: string): ParseResult {
  const input = raw.trim();
  const kind: AnswerKind = q.kind;
  switch (kind) {
    case 'text': {
      const r = text.safeParse(input);
      return r.success && !/^\d{1,2}$/.test(input) ? { ok: true, value: r.data } : { ok: false };
    }
    case 'amount': {
      if (q.allowZero && /^(0|零|没有|无|没)\s*(元|块)?$/.test(input)) return { ok: true, value: 0 };
      const r = amount.safeParse(parseAmount(input));
      return r.success ? { ok: true, value: Math.round(r.data * 100) / 100 } : { ok: false };
    }
    case 'count': {
      const bare = input.replace(/\s*(次|笔|下|回)$/, '');
      const n = parseCount(input) ?? (/^\d+$/.test(bare) ? Number(bare) : /^[一二两三四五六七八九十]+$/.test(bare) ? parseAmount(bare) : undefined);
      const r = count.safeParse(n);
      return r.success ? { ok: true, value: r.data } : { ok: false };
    }
    case 'time': {
      const w = parseWhenDetailed(input, now, zone);
      const d = w?.date;
      if (!w || !d || Number.isNaN(d.getTime())) {
        // The parser refuses times still to come; say so when the words plainly point ahead.
        return FUTURE_WORDS.test(input) ? { ok: false, why: 'future' } : { ok: false };
      }
      if (d.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, why: 'future' };
      // Only a day was named (11月18日, 上周五): keep the day, not an invented time of day.
      return { ok: true, value: w.precision === 'day' ? localYmd(d, zone) : d.toISOString() };
    }
    case 'payment': {
      const m = parsePaymentMethod(input);
      return m ? { ok: true, value: m } : { ok: false };
    }
    case 'order': {
      const found = parseOrderId(input) ?? input.replace(/^(订单号|单号|订单)[:：\s]*/, '');
      const r = orderId.safeParse(found);
      return r.success ? { ok: true, value: r.data } : { ok: false };
    }
    case 'cardkey': {
      const compact = input.replace(/[\s卡密：:]/g, '');
      // The engine masks key-like text before anything sees it; an already masked key is the answer.
      if (/^[A-Za-z0-9]{2,4}\*{4}[A-Za-z0-9]{2,4}$/.test(compact)) return { ok: true, value: compact };
      const r = cardKey.safeParse(compact);
      return r.success ? { ok: true, value: maskCardKey(r.data) } : { ok: false };
    }
    case 'choice':
      // Choices arrive as choice events; typed words were already mapped by the engine.
      return { ok: false };
  }
}
