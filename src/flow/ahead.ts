// Answers given ahead of their question (explore round 4): people answer what they think matters, not
// what was asked. At 订单号是多少？ "微信付的" is the payment channel, "前天晚上9点多" the time paid, "60块"
// the sum, and at 卖家叫什么？ "没有订单号 就一个截图" says there is no order number. Such a short answer
// that does not fit the open question but plainly fits a later one still unanswered is kept for that
// question (which is then not asked), and the open question is asked again, with no strike. A fact
// skipped earlier and given now ("支付宝" after 跳过) is taken the same way.
import type { FactValue, Facts, Flow, Question } from './types.js';
import { readTyped } from './answers.js';
import { fold } from '../dialogue/fold.js';

export interface Ahead {
  q: Question;
  /** null: the user has none (没有订单号). */
  value: FactValue | null;
}

/** Longer text is a story or a question, read elsewhere. */
const MAX_CHARS = 24;
/** "没有订单号", "订单号没有", "找不到单号", "没订单": there is no order number to give. */
export const NO_ORDER = /(?:没有|没|无|找不到|不知道|没给)(?:什么)?(?:订单号|单号|订单编号|订单)|(?:订单号|单号|订单编号)(?:也)?(?:没有|没|找不到|不知道)/;
const YUAN = /[元块¥￥]|rmb/i;
/** A word of time in the answer: a day, a part of the day or a clock time. */
const TIME_WORD = /[号日点]|昨天|前天|今天|大前天|上午|下午|晚上|早上|中午|凌晨|半夜|刚才|刚刚|周[一二三四五六日天]|星期|礼拜|\d{1,2}[:：]\d{2}|\d{1,2}[./月]\d{1,2}/;
/** The money left on a site: 还剩380, 余额还有200, 里面还有150. */
const BALANCE_WORD = /^(?:我)?(?:余额|里面|账户里|站里|平台上)?(?:还)?(?:剩|剩下|有|还有|还剩)/;
/** A channel said with paying: 微信付的, 用支付宝付款, zfb支付的, 花呗扣的. */
const PAID_WITH = /^(?:我|是|就是)?(?:用|拿|走)?的?(?:微信|支付宝|zfb|wx|vx|花呗|qq钱包|银行卡|信用卡|储蓄卡|余额|云闪付)(?:钱包|零钱)?(?:付|支付|付款|扣|转账|转)(?:的|了)?(?:钱|款)?[啊呀吧哦的。.!！]*$/;
/** A channel word alone: 微信, 支付宝, zfb, 银行卡, 微信支付. */
const BARE_CHANNEL = /^(?:用|是)?(?:微信|支付宝|zfb|wx|vx|花呗|qq钱包|银行卡|信用卡|储蓄卡|云闪付|余额)(?:支付|付款|付的|钱包|零钱)?$/;
/** A day or a part of the day (a bare "10点" at a name question is a face value or a name). */
const DAY_WORD = /今天|昨天|前天|上午|下午|晚上|早上|中午|凌晨|半夜|傍晚|今早|今晚|昨晚|周|星期|礼拜|\d{1,2}月|\d{1,2}[./-]\d{1,2}|[:：]/;
/** A time and nothing else: 前天晚上9点多, 昨天下午3点, 11月18日20:30, 上周五晚上. */
const TIME_ONLY =
  /^(?:大概|大约|差不多)?(?:今天|昨天|前天|大前天|上上?(?:周|星期|礼拜)[一二三四五六日天]?|(?:周|星期|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}[号日]?|\d{1,2}[号日]|\d{1,2}[./-]\d{1,2})?(?:的)?(?:早上|上午|中午|下午|晚上|凌晨|半夜|傍晚|今早|今晚|昨晚)?(?:\d{1,2}|[一二两三四五六七八九十]{1,3})?(?:[点:：时](?:\d{1,2}|半|[一二三四五]十)?分?)?(?:多|左右)?(?:的时候|那会)?$/;
/** An order number with its label: only then is it taken at another question. */
const ORDER_LABEL = /^(?:订单号|订单编号|单号)/;

/**
 * Questions the answer may belong to: later ones not answered yet, and earlier ones skipped (跳过,
 * then "支付宝" a question later: the user found it), that apply to these facts.
 */
function laterOpen(flow: Flow, facts: Facts, q: Question): Question[] {
  const qs = flow.questions;
  const at = qs.findIndex((x) => x.id === q.id);
  const open = (x: Question, n: number) => (n > at ? !(x.id in facts) : n < at && facts[x.id] === null);
  return qs.filter((x, n) => open(x, n) && (x.when ? x.when(facts) : true));
}

/**
 * What a typed answer that does not fit `q` says for later questions: each fact it plainly gives,
 * or nothing. `fitsOpen`: the answer was read as an answer to `q` (then only 没有订单号 at a name
 * question counts: it is never a name).
 */
export function aheadAnswers(flow: Flow, facts: Facts, q: Question, raw: string, now: Date, zone: string, fitsOpen: boolean): Ahead[] {
  const text = raw.trim();
  if (!text || text.length > MAX_CHARS) return [];
  const f = fold(text);
  const out: Ahead[] = [];
  for (const later of laterOpen(flow, facts, q)) {
    if (later.kind === 'order' && NO_ORDER.test(f) && !(later.id in facts)) out.push({ q: later, value: null });
    // "微信付的", "用支付宝付款的" reads as a name only by accident: it says how the user paid.
    if (fitsOpen && later.kind === 'payment' && PAID_WITH.test(f)) {
      const r = readTyped(later, text, now, zone);
      if (r.ok) out.push({ q: later, value: r.value });
    }
    // "前天晚上9点多" at 卖家叫什么？ reads as a name only by accident: it is when the user paid.
    if (fitsOpen && q.id !== 'item' && later.kind === 'time' && later.id === 'paidAt' && DAY_WORD.test(f) && TIME_ONLY.test(f.replace(/\s+/g, ''))) {
      const r = readTyped(later, text, now, zone);
      if (r.ok) out.push({ q: later, value: r.value });
    }
    if (fitsOpen) continue;
    if (later.kind === 'order' && ORDER_LABEL.test(f)) {
      const r = readTyped(later, text, now, zone);
      if (r.ok) out.push({ q: later, value: r.value });
    }
    // A bare channel word, or one said with paying: "微信里" / "商家微信发我的" at 订单号 is where something is (review R9).
    if (later.kind === 'payment' && q.kind !== 'payment' && (BARE_CHANNEL.test(f.replace(/[\s。.!！]/g, '')) || PAID_WITH.test(f))) {
      const r = readTyped(later, text, now, zone);
      if (r.ok) out.push({ q: later, value: r.value });
    }
    // "还剩380", "余额还有200": the money left on the site.
    if (later.kind === 'amount' && later.id === 'balance' && q.kind !== 'amount' && BALANCE_WORD.test(f)) {
      const r = readTyped(later, text, now, zone);
      if (r.ok) out.push({ q: later, value: r.value });
    }
    if (later.kind === 'amount' && later.id === 'amount' && q.kind !== 'amount' && YUAN.test(text)) {
      const r = readTyped(later, text, now, zone);
      if (r.ok) out.push({ q: later, value: r.value });
    }
    if (later.kind === 'time' && later.id === 'paidAt' && q.kind !== 'time' && TIME_WORD.test(f)) {
      const r = readTyped(later, text, now, zone);
      if (r.ok) out.push({ q: later, value: r.value });
    }
  }
  return out;
}

/**
 * A typed answer that repeats a fact already recorded (the sum told in the story typed again at 订单号):
 * the question the fact belongs to, so the bot can say it has it instead of 没法识别.
 */
export function repeatedFact(flow: Flow, facts: Facts, q: Question, raw: string, now: Date, zone: string): Question | undefined {
  const text = raw.trim();
  if (!text || text.length > MAX_CHARS) return undefined;
  for (const other of flow.questions) {
    if (other.id === q.id || other.kind === q.kind || !(other.kind === 'amount' || other.kind === 'payment')) continue;
    const have = facts[other.id];
    if (have === undefined || have === null) continue;
    const r = readTyped(other, text, now, zone);
    if (r.ok && r.value === have) return other;
  }
  return undefined;
}
