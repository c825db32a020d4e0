// What the other side answered (issue 12 item 1): classify the user's report of the seller's
// reply, and coach it — what to do, a ready text to send, the case facts it establishes and
// the next step. Patterns: rules/seller-replies.json. Law is never cited here; the facts set
// (CITATION_FACTS) decide what the law table cites later.
import { z } from 'zod';
import { normalize } from '../nlu/normalize.js';
import { CITATION_FACTS } from '../knowledge/law.js';
import type { Facts, RungId } from '../flow/types.js';
import type { ScenarioId } from '../types.js';
import { compile, loadData } from './rules.js';
import { has, t, type Params } from './text.js';
import { groupFeatures, loadCoachModel, predictProba, type CoachModel } from './learn.js';
import { fold } from '../dialogue/fold.js';

export const SELLER_REPLY_KINDS = [
  'no_order',
  'already_delivered',
  'partial_offer',
  'balance_only',
  'blame_upstream',
  'after_sale_expired',
  'refunded',
  'refused',
  'no_reply',
  'promised_later',
  'other',
] as const;
export type SellerReplyKind = (typeof SELLER_REPLY_KINDS)[number];

/** Where the case goes after the reply. */
export type NextStep = 'same_rung' | 'next_rung' | 'wait' | 'confirm_refund' | 'rephrase';

const Data = z.object({
  kinds: z.array(z.object({ kind: z.enum(SELLER_REPLY_KINDS), patterns: z.array(z.string()).min(1) })),
  negated: z.array(z.string()),
});
const data = loadData('seller-replies.json', Data);
const KINDS = data.kinds.map((k) => [k.kind, compile(k.patterns, 'i')] as const);
const NEGATED = compile(data.negated, 'i');

/** The kind of seller reply the user reports; 'other' when nothing fits. */
export function classifySellerReply(text: string): SellerReplyKind {
  return classifySellerReplyWith(text, loadCoachModel('seller'));
}

/**
 * Rules (rules/seller-replies.json) blended with the model (model/seller.json): the rules'
 * kind weighs meta.ruleWeight against the model's probabilities; where no rule matched, the
 * model's kind is taken when its probability reaches meta.threshold.
 */
export function classifySellerReplyWith(text: string, model: CoachModel | null): SellerReplyKind {
  const rule = ruleSellerReply(text);
  if (!model) return rule;
  const p = predictProba(model, text);
  // Words that say no money came back (rules 'negated': 还没退, 都被拒了) rule out 'refunded' for the
  // model too: "申请退了3次 都被拒了" shares 退了 with a refund but reports a refusal.
  if (NEGATED.test(normalize(text))) p[model.labels.indexOf('refunded')] = 0;
  let best = p.indexOf(Math.max(...p));
  if (rule === 'other') {
    // The model's kind needs a word of that kind (rules/lexicon.json) as well as its probability.
    const kind = model.labels[best] as SellerReplyKind;
    const ok = p[best] >= Number(model.meta.threshold ?? 1) && (kind === 'other' || groupFeatures(fold(text)).includes(`G:${GROUP[kind]}`));
    return ok ? kind : 'other';
  }
  const alpha = Number(model.meta.ruleWeight ?? 1);
  const score = p.map((x, i) => (1 - alpha) * x + (model.labels[i] === rule ? alpha : 0));
  best = score.indexOf(Math.max(...score));
  return model.labels[best] as SellerReplyKind;
}

/** The word group (rules/lexicon.json) that backs a model-only kind. */
const GROUP: Record<Exclude<SellerReplyKind, 'other'>, string> = {
  no_order: 'sr_no_order',
  already_delivered: 'sr_delivered',
  partial_offer: 'sr_partial',
  balance_only: 'sr_balance',
  blame_upstream: 'sr_upstream',
  after_sale_expired: 'sr_expired',
  refunded: 'sr_refunded',
  refused: 'sr_refused',
  no_reply: 'sr_no_reply',
  promised_later: 'sr_later',
};

// "过期了 商家没理我": the deadline (期限) passed in silence — no reply, not the seller citing an after-sale period.
const DEADLINE_PASSED = /(?:过期|到期|期限(?:已经)?(?:到|过)|时间(?:已经)?到|超时)了?/;
const SILENT = /没(?:人)?理|不理|没回|不回|没反应|没动静|没消息|没(?:有)?(?:回复|回应|答复)|装死|还是没退|还没退|没退/;
const SELLER_CITES_RULE = /售后|七天|7天|特殊商品|虚拟(?:商品|物品|产品)|不退|不支持退|规定|规则/;

function ruleSellerReply(text: string): SellerReplyKind {
  const s = normalize(text);
  if (DEADLINE_PASSED.test(s) && SILENT.test(s) && !SELLER_CITES_RULE.test(s)) return 'no_reply';
  for (const [kind, re] of KINDS) {
    if (kind === 'refunded' && NEGATED.test(s)) continue;
    if (re.test(s)) return kind;
  }
  return 'other';
}

export interface ReplyCoaching {
  kind: SellerReplyKind;
  /** What to do, with channel-specific steps where they matter. */
  advice: string;
  /** A ready text to send back, when one helps. */
  draft?: string;
  next: NextStep;
  /** Facts the reply establishes, to merge into the case (the "seller replied" event). */
  facts: Facts;
}

const NEXT: Record<SellerReplyKind, NextStep> = {
  no_order: 'same_rung',
  already_delivered: 'same_rung',
  partial_offer: 'same_rung',
  balance_only: 'same_rung',
  blame_upstream: 'same_rung',
  after_sale_expired: 'same_rung',
  refunded: 'confirm_refund',
  refused: 'next_rung',
  no_reply: 'next_rung',
  promised_later: 'wait',
  other: 'rephrase',
};

export interface ReplyContext {
  scenario: ScenarioId;
  paymentMethod?: string | null;
  /** Document parameters already formatted (orderId, amount, paidAt, deadline, …); gaps read 【待补充】. */
  params: Params;
  /** For partial offers: what the seller offered, formatted. */
  offer?: string;
  /** The rung the case is on: who "the other side" is (商家 / 平台 / 支付渠道); seller when absent. */
  rung?: RungId;
}

/** A rung's own wording of `key` (key.<rung>) where one is written, else the shared one. */
const forRung = (key: string, rung: RungId): string => (has(`${key}.${rung}`) ? `${key}.${rung}` : key);

/** Coaching for one seller reply. */
export function coachSellerReply(kind: SellerReplyKind, ctx: ReplyContext): ReplyCoaching {
  const rung = ctx.rung ?? 'seller';
  const side = has(`reply.party.${rung}`) ? rung : 'other';
  const p: Params = { ...ctx.params, offer: ctx.offer ?? '【对方提出的金额】', party: t(`reply.party.${side}`), escalate: t(`reply.escalate.${side}`) };
  for (const k of ['orderId', 'amount', 'paidAt', 'deadline']) if (p[k] === undefined || p[k] === null || p[k] === '') p[k] = '【待补充】';
  const lines = [t(forRung(`reply.${kind}.advice`, rung), p)];
  if (kind === 'no_order') {
    // The bill's numbers, once typed (more-replies.ts), else blanks to fill.
    p.txn ??= t('reply.no_order.blank_txn');
    p.merchantNo ??= t('reply.no_order.blank_merchant');
    const channel = `reply.no_order.channel.${ctx.paymentMethod ?? 'unknown'}`;
    lines.push(t(has(channel) ? channel : 'reply.no_order.channel.unknown'), t('reply.no_order.statement'));
  }
  if (kind === 'after_sale_expired') {
    const problem = `reply.after_sale_expired.problem.${ctx.scenario}`;
    p.problem = t(has(problem) ? problem : 'reply.after_sale_expired.problem.other');
  }
  const next = NEXT[kind];
  lines.push(t(`reply.next.${next}`, p));
  const draftKey = forRung(`reply.${kind}.draft`, rung);
  return { kind, advice: lines.join('\n\n'), draft: has(draftKey) ? t(draftKey, p) : undefined, next, facts: factsFrom(kind) };
}

function factsFrom(kind: SellerReplyKind): Facts {
  const f: Facts = { sellerReply: kind };
  if (kind === 'already_delivered') f[CITATION_FACTS.sellerClaimsDelivered] = true;
  if (kind === 'after_sale_expired') f[CITATION_FACTS.noRefundNotice] = true;
  return f;
}
