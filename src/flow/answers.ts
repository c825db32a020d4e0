// Turns a user's answer into a fact value, validated with zod. Parsing is shared with the NLU.
import { z } from 'zod';
import { isOrderShaped } from '../privacy/mask.js';
import { carriesPersonalNumber } from '../privacy/personal.js';
import type { AnswerKind, FactValue, Question } from './types.js';
import { parseAmount } from '../nlu/amount.js';
import { parseWhenDetailed } from '../nlu/time.js';
import { localYmd } from '../calendar/workdays.js';
import { parsePaymentMethod } from '../nlu/payment.js';
import { parseOrderId } from '../nlu/order.js';
import { parseCount } from '../nlu/count.js';
import { maskCardKey } from '../privacy/mask.js';
// The locale-free parts of src/dialogue (the step never looks up a text).
import { checkName, extractAmount, extractOrderId } from '../dialogue/values.js';
import { extractCardKey, findCardKeys, withoutCardKeys } from '../dialogue/cardkey.js';
import { fold } from '../dialogue/fold.js';
import { readDate } from '../dialogue/dates.js';
import { withoutTakenBack } from '../dialogue/self-correction.js';

/** `why` names a specific problem the re-ask should mention (locale key reask.why.<why>). */
export type ParseResult = { ok: true; value: FactValue; yearGuessed?: boolean } | { ok: false; why?: 'future' | 'unknown' | 'no_letters' | 'not_a_name' | 'acknowledged' | 'ambiguous' | 'approximate' | 'month_only' | 'vague' | 'card_key' | 'vague_fact' | 'unused_term' | 'foreign' | 'approximate_balance' | 'insult' | 'same_as_before' | 'what_order' | 'personal_id' | 'future_slip'; ids?: string[] };

const text = z.string().trim().min(1).max(500);
const amount = z.number().positive().max(1_000_000);
const count = z.number().int().min(1).max(50);
const orderId = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/);
const cardKey = z.string().regex(/^[A-Za-z0-9-]{6,64}$/);

/** How far in the future a "when did you pay" answer may lie (clock skew, typing delay). */
const FUTURE_SLACK_MS = 10 * 60_000;
const MONTH_ONLY = /(?:\d{1,2}|[一二三四五六七八九十]{1,3}|上个?|这个?|本)\s*月(?:份)?(?!\s*的?\s*[\d一二三四五六七八九十]{1,3})|上旬|中旬|下旬|月初|月中|月底|月末/;
const DAY_NAMED = /[号日]|\d{1,2}\s*月\s*\d{1,2}|\d{1,2}[./-]\d{1,2}|昨天|前天|今天|今早|刚才|刚刚|小时前|天前|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜/;
const APPROXIMATE = /[\d零一二两三四五六七八九十百千万]\s*(?:多|余|来)|几\s*[十百千]|[十百千]\s*几/;
// A sum said roughly ("300左右", "大概300", "约300", "近6000元", "三百出头"): asked again for the exact one.
const ROUGHLY = /(?:大概|大约|大致|约莫|(?<!预|节|合|契|大)约|差不多|估计|将近|接近|(?<![最附接将])近)\s*(?:是|有)?\s*[\d零一二两三四五六七八九十百千万]|[\d零一二两三四五六七八九十百千万]\s*(?:元|块钱?)?\s*(?:左右|上下|出头)/;
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
      if (r.success) return { ok: true, value: Math.round(r.data * 100) / 100 };
      // "300多", "两千多块", "100来块": a rough sum; the letters to the seller need the exact one.
      return APPROXIMATE.test(input) ? { ok: false, why: 'approximate' } : { ok: false };
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

/** A greeting on its own (你好, 在吗): a user coming back, not an answer. */
export const GREETING = /^(?:你好|您好|在吗|在不在|在么|hi|hello|hey|哈喽|嗨|喂|早上好|晚上好|下午好)[啊呀吗么？?!！。.~～ ]*$/i;

/** Time left on a subscription said instead of money (还剩大概半年没用, 还有3个月). */
const UNUSED_TERM = /(?:还剩|还有|剩下|剩|没用完?的?)[^。！？!?]{0,6}(?:个月|月|年|天|周|星期)|(?:半年|一年|几个月|\d+个月)[^。！？!?]{0,4}(?:没用|没用完|还没用)/;

/** Free-text facts the letters quote as the user's words about the goods. */
const DESCRIBED_IDS: ReadonlySet<string> = new Set(['promised', 'received']);
const NOT_REMEMBERED = /记不清|不记得|记不住|忘了|忘记了|想不起|截图删了|页面删了|找不到了/;
/** Says only that it was different, not what it was. */
const NO_CONTENT = /^(?:反正|就是|总之)?(?:和|跟|与)?(?:页面|商品页|描述|说明|宣传|广告)?(?:上)?(?:写的|说的|的)?(?:不一样|不对|不符|不是一回事|对不上|有出入|差很多|货不对板)(?:啊|呀|吧|的|了)*$|^(?:反正|就是)?不对(?:啊|呀|吧|的|了)*$/;

/** "上面说了", "我刚才说过了", "我都说了就是" before a fact. */
const SAID_BEFORE = /^(?:(?:我|都|我都)?(?:刚才?|刚刚|上面|前面|之前|已经)(?:都|也)?(?:说|讲|写|发)(?:过)?了?|我?都?说(?:过)?了)(?:啊|呀|吧|的|嘛)?[\s,，。:：!！]*(?:就是|是)?\s*/;

/** Free-text questions whose answer is a name: it must be one (checkName). */
export const NAME_IDS: ReadonlySet<string> = new Set(['platform', 'merchant', 'item']);
const CN_COUNT: Record<string, number> = { 一: 1, 两: 2, 二: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * A typed answer to `q`, understood the way people write it (src/dialogue): names checked for
 * sense and taken out of a sentence, card keys never read as amounts or order numbers, options by
 * number, label, synonym, traditional or a small typo, dates in the future refused with a reason.
 */
export function readTyped(q: Question, raw: string, now: Date, zone: string): ParseResult {
  // "100 不对 是50", "上个月28号 不对 是这个月28号": the value taken back in the same message is dropped.
  const input = q.kind === 'amount' || q.kind === 'time' ? withoutTakenBack(raw.trim(), now, zone) : raw.trim();
  switch (q.kind) {
    case 'text': {
      // The user's 身份证号, bank card or own phone in a free-text answer: never stored, never in a letter (explore4 F41).
      if (carriesPersonalNumber(input)) return { ok: false, why: 'personal_id' };
      // What the listing promised / what arrived: the letter quotes it, so "记不清", "反正不对",
      // "和页面上写的不一样" are not the fact — asked again, saying what is needed.
      if (DESCRIBED_IDS.has(q.id)) {
        // "上面说了 7天体验卡": the letter quotes the fact, not the user's impatience (explore4 F8).
        const said = SAID_BEFORE.exec(input);
        if (said && input.length - said[0].length >= 2) return readTyped(q, input.slice(said[0].length), now, zone);
        if (NOT_REMEMBERED.test(input)) return { ok: false, why: 'unknown' };
        if (NO_CONTENT.test(input.replace(/[\s,，。.!！~～]/g, ''))) return { ok: false, why: 'vague_fact' };
      }
      const name = checkName(input, { allowDigits: !NAME_IDS.has(q.id) || q.id === 'merchant', name: NAME_IDS.has(q.id) });
      if (!name.ok) return { ok: false, why: name.reason };
      if (/^\d{1,2}$/.test(input)) return { ok: false };
      // Keep the characters the user typed (traditional stays traditional) when folding kept the length.
      const folded = fold(input, { lowerCase: false });
      const at = folded.length === input.length ? folded.indexOf(name.value) : -1;
      let value = at >= 0 ? input.slice(at, at + name.value.length) : name.value;
      // A quoted message ("提示“该卡密已被使用”") is kept as its words: no quotes to nest in a document.
      value = value.replace(/["“”「」『』]/g, '').trim();
      // What the screen said keeps the user's words whole ("…被别人用了"; name wrappers are not stripped from it).
      if (q.id === 'errorShown') {
        const whole = input.replace(/["“”「」『』]/g, '').replace(/(?:[\s。.!！~～]|啊|呀|哦|吧|呢)+$/, '').trim();
        value = whole.replace(/^(?:页面|系统|它|屏幕上|上面)?(?:就)?(?:提示|显示|报错|弹出|说)(?:的是)?[:：]?\s*/, '').trim() || whole;
      }
      return text.safeParse(value).success ? { ok: true, value } : { ok: false };
    }
    case 'order': {
      // "我不知道什么是订单号", "订单号在哪看": a question back — where to find it, not 没法识别.
      if (WHAT_ORDER.test(fold(input))) return { ok: false, why: 'what_order' };
      if (UNKNOWN_ORDER.test(fold(input))) return { ok: false, why: 'unknown' };
      // An order-shaped id with letters (KM20261118ABC77, ORD-7F3K-20261118) is the answer as typed.
      const bareId = input.replace(/^(?:订单号|订单编号|单号|订单)[:：\s]*(?:是|为)?\s*/, '').replace(/\s*(?:谢谢|哦|啊)?[。.!！]*$/, '');
      // An id after its label (单号 JD8812345678A9) is the order number: the masker kept it for the same reason.
      const labelled = /^(?:订单号|订单编号|单号)/.test(input);
      if (/^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/.test(bareId) && (labelled || isOrderShaped(bareId.replace(/[-_]/g, '')))) return { ok: true, value: bareId };
      const id = extractOrderId(input) ?? withoutCardKeys(input).trim().replace(/^(订单号|单号|订单)[:：\s]*(是|为)?\s*/, '').replace(/\s*(谢谢|哦|啊)?[。.!！]*$/, '');
      // A card key typed here is never stored (it arrives masked); say why instead of 没法识别.
      if (findCardKeys(input).length && !extractOrderId(input)) return { ok: false, why: 'card_key' };
      const r = orderId.safeParse(id);
      return r.success ? { ok: true, value: r.data } : { ok: false };
    }
    case 'amount': {
      if (q.allowZero && /^(0|零|没有|无|没|没了|一分没有|一分都没有|没有余额)\s*(元|块)?[。.!！]*$/.test(fold(input))) return { ok: true, value: 0 };
      // A subscription's unused time (还剩大概半年没用, 还有3个月): the letters need the money — say how to count it.
      if (q.id === 'balance' && UNUSED_TERM.test(fold(input)) && !/[元块¥]/.test(input)) return { ok: false, why: 'unused_term' };
      if (ROUGHLY.test(fold(input))) return { ok: false, why: 'approximate' };
      // A bare 2000 / 1999 asked "付了多少钱？" is the sum, not a year (explore4 F10).
      const bareYear = /^((?:19|20)\d\d)[。.!！]?$/.exec(fold(input));
      if (bareYear) return { ok: true, value: Number(bareYear[1]) };
      const r = amount.safeParse(extractAmount(input));
      if (r.success) return { ok: true, value: Math.round(r.data * 100) / 100 };
      // Another currency ($15, 15美元, 100港币): the letters need the yuan the bill shows.
      if (/\$|usd|美元|美金|\d\s*刀|港币|港元|日元|欧元|台币|英镑/i.test(input)) return { ok: false, why: 'foreign' };
      if (APPROXIMATE.test(fold(input))) return { ok: false, why: q.id === 'balance' ? 'approximate_balance' : 'approximate' };
      return { ok: false };
    }
    case 'count': {
      const f = fold(input);
      const m = /([一两二俩三仨四五六七八九十])\s*(?:次|笔|下|回|遍)/.exec(f);
      const n = parseCount(f) ?? (m ? CN_COUNT[m[1]] : undefined) ?? (/^\d+$/.test(f.replace(/\s*(次|笔|下|回)$/, '')) ? Number(f.replace(/\s*(次|笔|下|回)$/, '')) : CN_COUNT[f]);
      const r = count.safeParse(n);
      return r.success ? { ok: true, value: r.data } : { ok: false };
    }
    case 'time': {
      // A month with no day ("今年三月份", "三月中旬", "上个月"): the letters need the day, and a parser
      // would fill in today's day of the month — ask for it instead.
      if (MONTH_ONLY.test(fold(input)) && !DAY_NAMED.test(fold(input))) return { ok: false, why: 'month_only' };
      const d = readDate(input, now, zone);
      if (!d) return FUTURE_WORDS.test(input) ? { ok: false, why: 'future' } : { ok: false };
      if (d.future) return { ok: false, why: d.slip ? 'future_slip' : 'future' };
      return { ok: true, value: d.value, yearGuessed: d.yearGuessed || undefined };
    }
    case 'payment': {
      // Labels and synonyms are matched by the engine (it knows the locale); here the channel words.
      const m = parsePaymentMethod(fold(input));
      return m ? { ok: true, value: m } : { ok: false };
    }
    case 'cardkey': {
      // Only its first and last characters given ("前4位K7PX 后4位2345", "K7PX…2345"): stored as the masked key.
      const ends = /(?:前\s*\d?\s*位|开头)[是:：\s]*([A-Za-z0-9]{2,4})[^A-Za-z0-9]+(?:后\s*\d?\s*位|结尾|末尾)[是:：\s]*([A-Za-z0-9]{2,4})/.exec(input) ?? /^([A-Za-z0-9]{2,4})\s*(?:…|\.{2,}|—+|-{2,}|~+)\s*([A-Za-z0-9]{2,4})$/.exec(input);
      if (ends) return { ok: true, value: `${ends[1]}****${ends[2]}` };
      const k = extractCardKey(input);
      if (!k) return { ok: false };
      if (k.masked || /\*{2,}/.test(k.raw)) return { ok: true, value: k.compact.replace(/^([A-Za-z0-9]{2,4})\*+([A-Za-z0-9]{2,4})$/, '$1****$2') };
      return cardKey.safeParse(k.compact).success ? { ok: true, value: maskCardKey(k.compact) } : { ok: false };
    }
    case 'choice':
      // Typed words were matched to the options by the engine (src/engine/resolve.ts), which knows the labels.
      return { ok: false };
  }
}

const WHAT_ORDER =
  /(?:什么|啥)(?:是|叫)(?:订单号|单号)|(?:订单号|单号)(?:是|指)?(?:什么|啥)(?:意思|东西)?|(?:哪里|哪儿|在哪|怎么|去哪|哪)(?:里|儿)?(?:能|可以|才能|去)?(?:看|找|查|弄|翻)?(?:到|得到)?(?:这个)?(?:订单号|单号)|(?:订单号|单号)(?:要|得|应该)?(?:在|去|从)?(?:哪里|哪儿|在哪|哪|怎么)(?:里|儿)?(?:看|找|查|弄|翻)?|不懂(?:订单号|单号)|(?:找不到|不知道|没看到|看不到)(?:订单号|单号)(?:在哪|在哪里)?[?？]/;
const UNKNOWN_ORDER = /^(?:未知|不知道|不清楚|不记得了?|忘了|忘记了|没有|没记|找不到了?|\?+|？+)[啊了呀吧哦]*[。.!！]*$/;
