// A name question answered with more than the name (explore4 F28, F1): "星辰点卡店 订单号XN20261129777
// 付了128 微信" is the seller's name and three facts for later questions — the name is stored, the
// facts are kept for their questions (which are then not asked). A whole story typed where a name
// was asked ("我昨天在他家充了120的点券 微信付的 到现在都没到账") names nothing: it is not stored as the
// name; the sum and the channel it tells are kept, and the name is asked again saying why.
import type { Facts, FactValue, Flow, Question } from './types.js';
import type { Ahead } from './ahead.js';
import { readTyped } from './answers.js';
import { fold } from '../dialogue/fold.js';
import { storyItem } from '../dialogue/story-names.js';
import { isOrderShaped } from '../privacy/mask.js';

/** A label that belongs to the word after it: "QQ 123", "订单号 XN…", "微信 yx_shop". */
const LABEL_ONLY = /^(?:qq|qq号|扣扣|微信|微信号|vx|wx|电话|手机|手机号|订单号|订单编号|单号|店名|店铺|商家|卖家)[:：]?$/i;
/** A channel alone, or said with paying: 微信, 支付宝付的, 用zfb付款. */
const CHANNEL = /^(?:用|拿)?(?:微信|支付宝|zfb|wx|vx|花呗|qq钱包|银行卡|信用卡|储蓄卡|云闪付|微信支付|支付宝支付)(?:钱包|零钱)?(?:付|支付|付款|扣|转账)?(?:的|了)?$/i;
/** A sum said with paying or its unit: 付了128, 128元, 花了两百. */
const SUM = /^(?:一共|总共|共)?(?:付了?|花了?|充了?|转了?|给了?|扣了?)|[元块¥￥]|rmb/i;
/** A part that is only a time: 昨天, 昨天晚上8点, 11月29号, 上周五. */
const TIME_ONLY = /^(?:[\d一二三四五六七八九十两]+|[今昨前天上下午晚早中凌晨周星期礼拜月日号点分半多钟左右大个的时候刚才])+$/;

const later = (flow: Flow, facts: Facts, q: Question) => {
  const qs = flow.questions;
  const at = qs.findIndex((x) => x.id === q.id);
  return qs.filter((x, n) => n > at && !(x.id in facts) && (x.when ? x.when(facts) : true));
};

/** What one part of the answer says for a later question, when it plainly is that fact. */
function factOf(flow: Flow, facts: Facts, q: Question, part: string, now: Date, zone: string, paidSaid = false): Ahead | undefined {
  const f = fold(part);
  for (const x of later(flow, facts, q)) {
    const ok = (v: { ok: boolean; value?: FactValue }) => (v.ok && v.value !== undefined ? { q: x, value: v.value } : undefined);
    if (x.kind === 'order' && (/^(?:订单号|订单编号|单号)/.test(f) || (/[a-z]/i.test(f) && isOrderShaped(part.replace(/[-_]/g, ''))))) {
      const r = ok(readTyped(x, part, now, zone) as { ok: boolean; value?: FactValue });
      if (r) return r;
    }
    // A bare channel word beside a seller's name is how the seller is reached (星辰点卡 微信), not how the
    // user paid: only a channel said with paying counts there (review R9).
    if (x.kind === 'payment' && CHANNEL.test(f) && (q.id !== 'merchant' || paidSaid || /付|支付|扣|转/.test(f))) {
      const r = ok(readTyped(x, part, now, zone) as { ok: boolean; value?: FactValue });
      if (r) return r;
    }
    // At 买的是什么 a sum is the goods' face value (移动话费 100元), not what was paid.
    if (x.kind === 'amount' && x.id === 'amount' && q.id !== 'item' && SUM.test(f) && /\d|[一二两三四五六七八九十百千]/.test(f)) {
      const r = ok(readTyped(x, part.replace(/^(?:一共|总共|共)?(?:付|花|充|转|给|扣)了?/, ''), now, zone) as { ok: boolean; value?: FactValue });
      if (r) return r;
    }
    // At 买的是什么 "10点" is a face value (点券); at 卖家 "1号" may be the shop's name: a time needs a day or a
    // part of the day there (review R3).
    const dayWord = /[天周期拜午晚早]|月\d|凌晨/.test(f);
    if (x.kind === 'time' && x.id === 'paidAt' && TIME_ONLY.test(f) && /[天号日点周期拜午晚早]/.test(f) && (dayWord || (q.id !== 'item' && q.id !== 'merchant'))) {
      const r = ok(readTyped(x, part, now, zone) as { ok: boolean; value?: FactValue });
      if (r) return r;
    }
  }
  return undefined;
}

/** The parts of an answer, a label kept with the word after it. */
function partsOf(text: string): string[] {
  const raw = text.split(/[\s,，、;；。]+/).filter(Boolean);
  const out: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    if (LABEL_ONLY.test(fold(raw[k])) && k + 1 < raw.length) {
      out.push(`${raw[k]} ${raw[k + 1]}`);
      k++;
    } else out.push(raw[k]);
  }
  return out;
}

/**
 * A name answer with facts for later questions beside it: the name (read as the open question's
 * answer) and the facts. Undefined when no part is such a fact or what is left is no name.
 */
export function splitNameAnswer(flow: Flow, facts: Facts, q: Question, raw: string, now: Date, zone: string): { value: FactValue; ahead: Ahead[] } | undefined {
  const parts = partsOf(raw.trim());
  if (parts.length < 2) return undefined;
  const ahead: Ahead[] = [];
  const rest: string[] = [];
  let f = facts;
  // "星辰点卡店 付了128 微信": the channel beside a word of paying is how the user paid.
  const paidSaid = /付|支付|扣|转账|花了/.test(fold(raw));
  for (const p of parts) {
    const a = factOf(flow, f, q, p, now, zone, paidSaid);
    if (a && !ahead.some((x) => x.q.id === a.q.id)) {
      ahead.push(a);
      f = { ...f, [a.q.id]: a.value };
    } else rest.push(p);
  }
  if (!ahead.length || !rest.length) return undefined;
  const name = readTyped(q, rest.join(' '), now, zone);
  return name.ok ? { value: name.value, ahead } : undefined;
}

/** Words that tell what happened, not who: two of them make an answer a story. */
const STORY = /没到账|没到|没收到|没发货|不发货|不回|没回|到现在|一直|结果|然后|付款|付的|付了|充了|买了|花了|扣了|被骗|跑路|拉黑/g;

/**
 * A story typed at a name question: the facts it plainly tells for later questions (the sum, the
 * channel, the item) — possibly none — or undefined when the answer is no story.
 */
export function storyAtName(flow: Flow, facts: Facts, q: Question, raw: string, now: Date, zone: string): Ahead[] | undefined {
  const text = raw.trim();
  if (text.length < 12) return undefined;
  const hits = new Set(fold(text).match(STORY) ?? []);
  if (hits.size < 2) return undefined;
  const out: Ahead[] = [];
  let f = facts;
  for (const p of partsOf(text)) {
    // "充了120的点券": the sum inside a clause.
    const sum = /(?:充了?|付了?|花了?|买了?|转了?)\s*(\d+(?:\.\d{1,2})?)\s*(?:元|块|的)?/.exec(p);
    const tries = [p, ...(sum ? [`${sum[1]}元`] : []), ...(/(微信|支付宝|zfb|银行卡|花呗|云闪付|qq钱包)(?:付|支付)/i.exec(p)?.slice(1, 2) ?? [])];
    for (const t of tries) {
      const a = factOf(flow, f, q, t, now, zone);
      if (a && !out.some((x) => x.q.id === a.q.id)) {
        out.push(a);
        f = { ...f, [a.q.id]: a.value };
      }
    }
  }
  const item = q.id !== 'item' ? storyItem(text) : undefined;
  const itemQ = later(flow, f, q).find((x) => x.id === 'item');
  if (item && itemQ) out.push({ q: itemQ, value: item });
  return out;
}
