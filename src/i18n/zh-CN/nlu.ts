// User-facing Chinese text for the NLU module: tone findings, scenario names and the
// neutral message template. Logic lives in src/nlu/. No legal statements here: those come
// only from the law table (src/knowledge/law.ts).
import type { ScenarioOrOther } from '../../types.js';

export type ToneCode = 'insult' | 'threat' | 'exaggeration' | 'promise';
/** Kinds of fabricated claim detectBadIntent() recognises; the engine's refusal texts are its intent.* keys, which cite the law table. */
export type BadIntentKind = 'used_but_claim_not_received' | 'edit_screenshot' | 'claim_twice' | 'fake_evidence';

export const scenarioNames: Record<ScenarioOrOther, string> = {
  not_received: '未到账 / 未发货',
  double_charge: '重复扣款',
  card_used: '卡密已被使用 / 无效',
  merchant_vanished: '商家跑路',
  payment_failed: '支付异常（扣了钱但没有订单）',
  not_as_described: '货不对板 / 与描述不符',
  other: '其他问题',
};

export const paymentNames: Record<string, string> = {
  alipay: '支付宝',
  wechat: '微信支付',
  qq_wallet: 'QQ钱包',
  bank: '银行卡',
  balance: '平台余额',
};

/** Why each kind of wording hurts the user's case, shown next to the flagged words. */
export const toneExplanations: Record<ToneCode, { label: string; why: string }> = {
  insult: {
    label: '辱骂或人身攻击',
    why: '平台和客服审核时会把带脏话的消息当作情绪发泄，反而削弱你的证据；只写事实更有说服力。',
  },
  threat: {
    label: '威胁（差评、曝光、人肉等）',
    why: '以差评、曝光或泄露他人信息相要挟，多数平台会认定为恶意维权，严重的还可能违法。可以改为说明你会依规向平台、支付渠道或12315投诉。',
  },
  exaggeration: {
    label: '夸大或无法证明的说法',
    why: '与证据不符的数字或说法容易被对方抓住反驳，只写能用截图、账单证明的内容。',
  },
  promise: {
    label: '断言结果',
    why: '没有人能保证处理结果，写“一定赔”“稳赢”会显得缺乏依据；写明你的诉求和依据即可。',
  },
};

export const toneSummary = {
  clean: '这段话语气平和、以事实为主，可以直接发送。',
  flagged: (n: number) => `发现 ${n} 处可能影响维权效果的表述，建议修改后再发送：`,
  offerRewrite: '需要的话，我可以按你的订单信息生成一段冷静、只讲事实的版本。',
};

/** Pieces of the neutral message; {x} placeholders are filled by neutralRewrite(). */
export const rewrite = {
  greeting: (merchant?: string) => (merchant ? `${merchant}您好：` : '您好：'),
  orderLine: (parts: string[], timed: boolean) => (timed ? `我于${parts.join('，')}。` : `我的订单：${parts.join('，')}。`),
  paidAt: (when: string) => `${when}下单`,
  orderId: (id: string) => `订单号 ${id}`,
  amount: (yuan: string) => `支付 ${yuan} 元`,
  noFacts: '我在贵店下过一笔订单（订单信息见附件截图）。',
  problem: {
    not_received: '付款成功后，至今没有收到商品（卡密/充值未到账）。',
    double_charge: '这笔订单被重复扣款，付款记录显示同一订单扣款不止一次。',
    card_used: '收到的卡密在首次使用时即提示已被使用/无效，我此前未使用过该卡密。',
    merchant_vanished: '付款后一直无法联系到您，订单也没有处理。',
    payment_failed: '支付时页面提示异常，款项已被扣除，但订单没有生成或显示未支付。',
    not_as_described: '收到的商品与商品页面的描述不一致。',
    other: '这笔订单出现了问题，需要您协助处理。',
  } satisfies Record<ScenarioOrOther, string>,
  evidence: (items: string) => `相关截图（${items}）我已保存，可以随时提供。`,
  evidenceGap: '【我手上有的证据：发送前按实际填写，例如订单截图、付款记录，没有的不要写】',
  request: {
    default: '请核实后将款项原路全额退回。',
    double_charge: '请核实后将多扣的款项原路退回。',
    card_used: '请提供该卡密的发货记录和使用记录，或更换有效卡密/原路全额退款。',
  },
  deadline: (when: string) => `请于${when}前处理并回复。`,
  noDeadline: '请尽快处理并回复。',
  escalation: '如未能解决，我将依照平台规则申请平台介入处理。',
  closing: '谢谢。',
};
