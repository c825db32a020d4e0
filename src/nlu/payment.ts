// Payment channel named in the text. The first mention wins ("用微信付的，支付宝没扣").
import type { PaymentMethod } from '../types.js';
import { normalize } from './normalize.js';

const PATTERNS: ReadonlyArray<readonly [PaymentMethod, RegExp]> = [
  // Alipay first: 支付宝余额 / 余额宝 / 花呗 are Alipay, not platform balance.
  ['alipay', /支付宝|支付包|支护宝|付宝|余额宝|花呗|借呗|\balipay\b|\bali ?pay\b|\bzfb\b|\bzhifubao\b|\bali\b/],
  ['qq_wallet', /qq\s*钱包|财付通|qq\s*支付|\bqq ?wallet\b|\btenpay\b|q币支付/],
  ['wechat', /微信|威信|薇信|vx|v信|wx(?![a-z0-9])|wechat|weixin|零钱通|微支付|\bwx ?pay\b/],
  ['bank', /银行(?!系统)|(?:我的|银行)卡(?:被|里|上)|\bmy (?:bank )?card\b|银行卡|信用卡|储蓄卡|借记卡|网银|银联|云闪付|快捷支付|(?:工商|建设|农业|中国|招商|交通|邮政|浦发|兴业|民生|光大|平安|中信)银行|工行|建行|农行|中行|招行|交行|\bbank\b|credit card|debit card|\bunionpay\b|\bvisa\b|mastercard/],
  ['balance', /(?:平台|账户|帐户|站内|站里|卡盟|网站|店铺|会员|预存|充值)余额|余额(?!不足|不够|宝)|用余额|预存款|(?:platform|account|site|store|wallet) balance|(?:paid|pay|bought) (?:\w+ )?(?:with|from|by) (?:my |the )?balance|balance payment|in (?:my |the )?balance/],
];

/** Returns the payment channel the text names, or undefined. */
export function parsePaymentMethod(text: string): PaymentMethod | undefined {
  return parsePaymentMethodNormalized(normalize(text));
}

export function parsePaymentMethodNormalized(s: string): PaymentMethod | undefined {
  let best: { method: PaymentMethod; index: number } | undefined;
  const balanceIsNotPayment = !/用(?:平台|账户|帐户|站内|站里|卡盟)?余额|余额(?:支付|付|扣|购买|下单|买)|(?:平台|账户|帐户|站内|卡盟)余额(?=买|付|支付|购买|下(?:的)?单|扣)|从(?:平台|账户|帐户)?余额(?:里|中)?(?:扣|付|支付)/.test(s) &&
    // 余额 describing a game/phone/card balance ("余额还是0", "余额没加上", "0余额") is not how the user paid.
    (/(?:^|[^\d])0\s*余额|(?:官网|游戏|话费|手机|卡里|卡内|卡上)的?余额|余额(?:还是|没|为0|是0|为零|是零|不变|不足|变)/.test(s) ||
      // 余额 as where a refund or a credit goes ("退款至余额", "保留在余额中") is not how the user paid.
      /(?:退款?|退回|返还|返回|保留|存|留)(?:至|到|在|进)(?:平台|账户|帐户)?余额/.test(s) ||
      // 余额 as the thing lost or not credited, not how the user paid (issue 13).
      /余额(?:被|已经?被|都)?(?:清空|清零|没了|去哪|不见|变成|变为|不够|无法|不能|退回|提现|消失|还在|没有|没加|没到)|没有(?:了)?余额|(?:之前|原来|以前|剩下)的?余额|余额(?:能|可以)(?:退|提)/.test(s));
  const debited = new Set<PaymentMethod>();
  for (const [method, re] of PATTERNS) {
    if (method === 'balance' && balanceIsNotPayment) continue;
    const m = firstPaymentUse(s, method, re);
    if (!m) continue;
    const near = s.slice(Math.max(0, m.index - 4), m.index + m.length + 8);
    if (method !== 'balance' && DEBIT_NEAR.test(near) && !NOT_DEBITED.test(near)) debited.add(method);
    // "支付宝余额" must not count as platform balance, so earlier-listed wins on ties.
    if (!best || m.index < best.index) best = { method, index: m.index };
  }
  // Two channels both debited ("银行卡钱都扣了，花呗还欠款"): no one channel is how the user paid.
  if (debited.size >= 2) return undefined;
  if (best?.method === 'balance' && /(?:支付宝|微信|零钱|qq|银行卡|卡里|卡上)\s*(?:的)?余额/.test(s)) return undefined;
  return best?.method;
}

// 微信/QQ as a way to talk to the seller ("微信不回", "微信把我删了") is not a payment.
const CONTACT_AFTER = /^\s*(?:上|里)?(?:也)?(?:不回|没回|把我|删|拉黑|好友|号|群|聊|联系|找|回复|消息|说|问|加|空间|头像|哈|吧|呗|客服|公众号|提示收款人)/;
const CONTACT_BEFORE = /(?:加|联系|加了|私聊|通过|回复下?|留个?|给个?|qq|电话|邮箱|收费群的|群的)\s*$/;

// A debit said right beside a channel's name.
const DEBIT_NEAR = /扣|欠款|还款|付款|支付了|付了/;
// …but not a debit that did not happen or failed ("银行卡没扣", "支付宝提示付款失败").
const NOT_DEBITED = /(?:没|未|不)(?:有)?(?:扣|付)|失败/;
// A channel the user could not pay with ("不能用花呗充值", "花呗不能用来充", "微信不能用").
const CANNOT_BEFORE = /(?:不能|无法|不可以|没法|不让|能不能|可不可以)\s*用?\s*(?:蚂蚁)?$/;
const CANNOT_AFTER = /^\s*(?:不能用|用不了|不支持|不可以用|无法使用|无法支付|付不了)/;

const NOT_A_PAYMENT_AFTER = /^\s*(?:的)?(?:会员|积分|免息券|红包|上抽奖|抽奖|里抽|金)/;

function firstPaymentUse(s: string, method: PaymentMethod, re: RegExp): { index: number; length: number } | undefined {
  const g = new RegExp(re.source, 'g');
  for (const m of s.matchAll(g)) {
    const index = m.index ?? 0;
    if (CANNOT_BEFORE.test(s.slice(Math.max(0, index - 6), index)) || CANNOT_AFTER.test(s.slice(index + m[0].length, index + m[0].length + 6))) continue;
    // A product of the channel that is no payment: 花呗积分/花呗会员 redeemed, 借呗 loans' coupons, a 花呗 lottery.
    if (method === 'alipay' && NOT_A_PAYMENT_AFTER.test(s.slice(index + m[0].length, index + m[0].length + 6))) continue;
    if (method === 'wechat' || method === 'qq_wallet') {
      const after = s.slice(index + m[0].length, index + m[0].length + 4);
      if (CONTACT_AFTER.test(after) && !/付|支付|扣/.test(after)) continue;
      if (CONTACT_BEFORE.test(s.slice(Math.max(0, index - 4), index))) continue;
    }
    return { index, length: m[0].length };
  }
  return undefined;
}

// A channel said not to have been used or debited ("银行卡没扣", "不是微信").
const NEGATED_AFTER = /^\s*卡?(?:那边|这边|里|上)?(?:都|也|就|并)?(?:没|未|不)(?:有)?(?:扣|付|用|动)|^\s*卡?(?:付款|支付)?失败/;
const NEGATED_BEFORE = /(?:不是|没用|没有用|不用|没走)\s*$/;
// 余额 counts only when said as what was debited or paid with ("余额又扣了一次", "用余额付的").
const BALANCE_DEBITED = /用(?:平台|账户|站内|卡盟)?余额|余额(?:又|也|还|被)?(?:扣|付|支付)/;

/**
 * Every channel the text names as used or debited, in the order first named ("支付宝扣了一次
 * 银行卡又扣了一次" → alipay, bank). For telling two channels apart in a double charge; the
 * one channel the user paid with stays parsePaymentMethod's.
 */
export function channelsNamed(text: string): PaymentMethod[] {
  const s = normalize(text);
  const found: { method: PaymentMethod; index: number }[] = [];
  for (const [method, re] of PATTERNS) {
    if (method === 'balance' && !BALANCE_DEBITED.test(s)) continue;
    const m = firstPaymentUse(s, method, re);
    if (!m) continue;
    if (NEGATED_BEFORE.test(s.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (NEGATED_AFTER.test(s.slice(m.index + m.length, m.index + m.length + 6))) continue;
    // "支付宝余额" is Alipay, not platform balance.
    if (method === 'balance' && found.some((f) => Math.abs(f.index - m.index) <= 4)) continue;
    found.push({ method, index: m.index });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.method);
}
