// Corrections: "不对，是微信付的", "金额是200", "金额写错了 应该是128", "平台是小年卡盟". Which facts a
// sentence (re)states, read with the same parsers as the answers (card keys removed first).
import type { Facts } from '../flow/types.js';
import { parsePaymentMethod } from '../nlu/payment.js';
import { parseCount } from '../nlu/count.js';
import { fold } from './fold.js';
import { withoutCardKeys } from './cardkey.js';
import { checkName, extractAmount, extractOrderId } from './values.js';
import { readDate } from './dates.js';
import { PHONE_ID, QQ_ID, WECHAT_ID } from './name-words.js';
import { withoutDayNumbers, withoutTakenBack } from './self-correction.js';
import { yesNo, type Polarity } from './yesno.js';
import { matchOption } from './options.js';
import { optionSpecs } from './synonyms.js';
import { SCENARIOS, type ScenarioId } from '../types.js';

const FACT_QUESTION_CLAUSE = /[^，,。.!！?？;；]*(?:平台|网站|商家|卖家|店铺|店家|老板|客服)\s*(?:是不是|是否|会不会|有没有)[^，,。.!！?？;；]*[?？]*/g;
/** Words that say "what I said before was wrong". */
const CUE = /不对|不是|错了|写错|说错|搞错|弄错|填错|打错|改成|改为|改一下|应该是|应为|其实是|其实(?=[^。！？!?]{0,6}(?:扣|付|充|花))|实际(?:上)?是|更正|纠正|重新说|是这个/;
const AMOUNT_LABEL = /金额|钱数|价格|价钱|实付|付了|花了|充了|多少钱|块钱|元/;
const BALANCE_LABEL = /余额/;
/** A sum with its unit ("50块", "¥50", "50元"): an amount even beside a date. */
const MONEY_UNIT = /\d\s*(?:块|元|rmb)|[¥￥]\s*\d/i;
const EXTRA_LABEL = /多扣/;
const PAID_TIME = /(?:付款|支付|付钱|下单|购买|买)的?(?:时间|时候|日期)/;
const TRIED_TIME = /(?:兑换|使用|充值)的?(?:时间|时候|日期)/;
const UNREACHABLE_TIME = /(?:失联|联系不上|跑路|打不开)的?(?:时间|时候|日期)/;
const LABELLED = /(?:金额|钱数|价格|余额|多扣|(?:平台|网站|商家|卖家|店铺|店家)名?|店名|订单号|单号|流水号|时间|日期|时候|支付方式|付款方式)\s*(?:是|为|叫|:|：|=|应该是|改成|改为)/;
const PLATFORM = /(?:平台|网站)(?:名)?(?:[\s，,]*(?:也|还|都)[\s，,]*)?\s*(?:是|叫|为|:|：|应该是|改成|改为)\s*(.+)$/;
const MERCHANT = /(?:商家|卖家|店铺|店名|店家)(?:名)?(?:字)?(?:[\s，,]*(?:也|还|都)[\s，,]*)?\s*(?:是|叫|为|:|：|应该是|改成|改为)\s*(.+)$/;
// "商品改成王者荣耀点券1200", "我买的是点券1200 不是600", "东西写错了，是和平精英60点券": the item, whose number is a quantity.
const ITEM = /(?:商品|东西|买的东西|货|我买的)(?:名)?(?:\s*(?:也|还|都)\s*)?\s*(?:是|叫|为|:|：|应该是|改成|改为|其实是)\s*(.+)$/;
const ORDER = /订单号|单号|流水号/;
const SELLER_WORD = /商家|卖家|店铺|店家|老板|客服|店主|对方/;
const ITEM_WORDS = /商品|东西|买的东西|我买的/g;

export interface Correction {
  /** Facts the text states (only those it names). Compare with the case: equal values change nothing. */
  facts: Facts;
  /** 'explicit': a correction word (不对, 写错了, 改成, 应该是…); 'labelled': only "金额是200"-style; 'none'. */
  cue: 'explicit' | 'labelled' | 'none';
}

/**
 * Reads the facts a sentence states, for offering or applying a correction.
 * Keys: amount (or balance / extraAmount when the sentence says 余额 / 多扣), paymentMethod, paidAt
 * (or triedAt for 兑换时间; an unlabelled time goes to `timeKey`, default paidAt; a future time is
 * not taken), platform, merchant, orderId. A card key is never read as any of these.
 */
export function readCorrection(text: string, now: Date, zone: string, opts: { timeKey?: string; cueOnly?: boolean } = {}): Correction {
  // "商家是不是跑路了", "平台是否还在": a yes/no question about the other side, not a new value — its
  // clause is left out; a value said beside it ("金额是200，商家会不会跑路") is still read.
  const s = fold(text, { lowerCase: false }).trim().replace(FACT_QUESTION_CLAUSE, ' ').trim();
  if (!s) return { facts: {}, cue: 'none' };
  const cue = CUE.test(s) ? 'explicit' : LABELLED.test(s) ? 'labelled' : 'none';
  // A caller that acts only on cued corrections skips reading the facts (dates cost two chrono parses).
  if (cue === 'none' && opts.cueOnly) return { facts: {}, cue };
  // "刚才说错了" is about the earlier answer, not a time.
  // "一开始写的100 不对 我看了账单是50": what was taken back in the same message is not read.
  let clean = withoutTakenBack(withoutCardKeys(s), now, zone).replace(/(?:刚才|刚刚|之前|前面|上面)?(?:说|写|填|打|搞|弄)错了?/g, ' ');
  // "金额不是99 是89": the value is what follows the last 是, the label what precedes 不是.
  const notIs = /^(.*?)不是\s*[^，,。\s]+[\s，,]*(?:而)?是\s*(.+)$/.exec(clean);
  if (notIs) clean = `${notIs[1]}是${notIs[2]}`;
  // "是星辰数码不是星辰点卡店", "金额是99不是89": the value is what precedes 不是 (explore4 F29).
  else clean = withoutNotTail(clean);
  const facts: Facts = {};
  // "卖家vx是 yx_shop888": the seller's contact, not the channel paid with (explore4 F9).
  for (const [re, label] of [[QQ_ID, 'QQ'], [WECHAT_ID, '微信'], [PHONE_ID, '电话']] as const) {
    const m = re.exec(clean);
    if (!m) continue;
    if (SELLER_WORD.test(clean.slice(0, m.index))) facts.merchant = `${label} ${m[1]}`;
    clean = `${clean.slice(0, m.index)} ${clean.slice(m.index + m[0].length)}`;
    if (facts.merchant) return { facts, cue };
  }
  const platform = PLATFORM.exec(clean);
  const merchant = MERCHANT.exec(clean);
  const item = !platform && !merchant && !AMOUNT_LABEL.test(clean.replace(ITEM_WORDS, '')) ? ITEM.exec(clean.replace(/[，,]\s*/g, ' ')) : null;
  if (item) {
    const n = checkName(item[1].replace(/\s*不是.*$/, '').trim(), { allowDigits: true });
    if (n.ok) facts.item = n.value;
  } else if (platform) {
    const n = checkName(platform[1]);
    if (n.ok) facts.platform = n.value;
  } else if (merchant) {
    const n = checkName(merchant[1], { allowDigits: true });
    if (n.ok) facts.merchant = n.value;
  } else {
    const when = readDate(clean, now, zone);
    if (when && !when.future) facts[PAID_TIME.test(clean) ? 'paidAt' : TRIED_TIME.test(clean) ? 'triedAt' : UNREACHABLE_TIME.test(clean) ? 'unreachableSince' : (opts.timeKey ?? 'paidAt')] = when.value;
    const method = parsePaymentMethod(clean);
    if (method && !BALANCE_LABEL.test(clean)) facts.paymentMethod = method;
    // "其实一共扣了三次", "扣款次数改成3次": the number of debits.
    const count = /扣|次数/.test(clean) ? (parseCount(clean) ?? (/次数[^\d]{0,6}(\d+)/.exec(clean) ? Number(/次数[^\d]{0,6}(\d+)/.exec(clean)![1]) : undefined)) : undefined;
    if (count !== undefined && count >= 2) facts.chargeCount = count;
    if (ORDER.test(clean)) {
      const id = extractOrderId(clean);
      if (id) facts.orderId = id;
    } else if (facts.chargeCount !== undefined && !AMOUNT_LABEL.test(clean) && !/[元块]/.test(clean)) {
      // a count alone names no sum
    } else if (!when || AMOUNT_LABEL.test(clean) || MONEY_UNIT.test(withoutDayNumbers(clean))) {
      // "金额 是110": a labelled bare number is the amount. Beside a date ("是50块 11月28号") the day's numbers are not read.
      const money = when ? withoutDayNumbers(clean) : clean;
      const bare = AMOUNT_LABEL.test(clean) || BALANCE_LABEL.test(clean) || EXTRA_LABEL.test(clean) ? /(?:是|为|改成|改为|应该是|其实是)\s*(\d+(?:\.\d{1,2})?)(?!\d)/.exec(money) : null;
      const amount = extractAmount(money) ?? (bare ? Number(bare[1]) : undefined);
      if (amount !== undefined && amount > 0) facts[BALANCE_LABEL.test(clean) ? 'balance' : EXTRA_LABEL.test(clean) ? 'extraAmount' : 'amount'] = amount;
    }
  }
  return { facts, cue };
}

/** "…是X不是Y" → "…是X": the part after 不是 is the value taken back. */
export function withoutNotTail(s: string): string {
  const m = /^(.*(?:是|叫|为|改成|改为)\s*[^，,。\s]{1,40}?)[\s，,]*(?:而)?不是\s*[^，,。\s]+[\s。.!！]*$/.exec(s);
  return m ? m[1] : s;
}

export type Confirmation =
  /** Keep every understood fact and continue with the first unanswered question. */
  | { kind: 'yes' }
  /** Show the scenario menu, keeping the facts that fit the chosen scenario. */
  | { kind: 'no' }
  /** Update these facts and confirm again ("不对，是微信付的", "金额是200", "对，不过金额是200"). */
  | { kind: 'correct'; facts: Facts; said: Polarity; scenario?: ScenarioId }
  /** Not an answer to the confirmation: treat as other input. */
  | { kind: 'unknown' };

/**
 * Reads the answer to "我理解为：… 对吗？". A yes or no with a correction in the same breath is a
 * correction; a bare statement of a fact ("金额是200", "是微信付的") is one too.
 */
export function readConfirmation(text: string, now: Date, zone: string): Confirmation {
  const yn = yesNo(text);
  let facts = yn.rest ? readCorrection(yn.rest, now, zone).facts : {};
  // "不对，不是小年卡盟，平台是星辰卡盟": what yesNo leaves may have lost the label; read the whole answer.
  if (!Object.keys(facts).length && yn.answer === 'no') facts = readCorrection(text, now, zone).facts;
  // A scenario said after 不对 may be named inside a sentence; without a yes/no it must be the whole answer.
  const scenario = yn.rest ? scenarioNamed(yn.rest, yn.answer !== 'unknown') : undefined;
  if (Object.keys(facts).length || scenario) return { kind: 'correct', facts, said: yn.answer, ...(scenario ? { scenario } : {}) };
  if (yn.answer === 'yes') return { kind: 'yes' };
  if (yn.answer === 'no') return { kind: 'no' };
  return { kind: 'unknown' };
}

/** A scenario named by its label or a synonym ("是重复扣款", "卡密被用了"), not by a guess. */
function scenarioNamed(text: string, inSentence: boolean): ScenarioId | undefined {
  const m = matchOption(text.replace(/^是/, ''), optionSpecs(SCENARIOS.map((s) => ({ id: s, labelKey: `scenario.${s}` })), false));
  if (m.kind !== 'match' || m.how === 'fuzzy' || (!inSentence && m.how === 'contains')) return undefined;
  return m.id as ScenarioId;
}
