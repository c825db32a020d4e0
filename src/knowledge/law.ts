// The only place the bot's legal statements come from (docs/domain.md §4, §3.5–3.6).
// Each row: the article, one line of meaning in plain Chinese, the source, the date it was
// checked — and WHEN it may be cited: a predicate over the case facts, the rung (or the
// intake assessment / a refusal) and the scenario. Texts cite law only via citationsFor().
import type { Facts, RungId } from '../flow/types.js';
import type { ScenarioId } from '../types.js';

/** Where a citation is shown: a ladder rung, the intake assessment, or a refusal to help fabricate. */
export type CitationPlace = RungId | 'assessment' | 'decline';

/**
 * Case facts the law table reads beyond the flows' intake answers. Set by the coaching
 * steps (seller-reply classifier, respondent finder, deception question) or derived by
 * citationFacts(); absent means "not established".
 */
export const CITATION_FACTS = {
  /** The user stated facts of deception: a false listing, fake/pre-used keys sold as new (§4.6). */
  deceptionStated: 'deceptionStated',
  /** A demand with a deadline was sent to the seller and the deadline passed unmet (§3.2.1). */
  demandUnanswered: 'demandUnanswered',
  /** The seller relied on a no-refund notice / standard term (§4.3). */
  noRefundNotice: 'noRefundNotice',
  /** The seller says the goods were delivered (§4.7 art. 51, 62). */
  sellerClaimsDelivered: 'sellerClaimsDelivered',
  /** The respondent's real name/address could not be found (§3.5.3, §4.4). */
  respondentUnknown: 'respondentUnknown',
  /** The money went by private transfer, outside the platform's order (explore3 F32). */
  privateTransfer: 'privateTransfer',
} as const;

export interface CitationContext {
  facts: Facts;
  place: CitationPlace;
  scenario: ScenarioId;
}

export interface LawRow {
  id: string;
  article: string;
  meaning: string;
  source: string;
  checked: string;
  /** Where the fact is recorded in docs/domain.md. */
  doc: string;
  /** May serve as the stated basis ("依据") of a letter to the seller/platform. */
  basis: boolean;
  /** When the row may be cited. */
  when: (c: CitationContext) => boolean;
  /** The condition in words, for docs and test messages. */
  condition: string;
}

const yes = (f: Facts, k: string) => f[k] === true;
const amountOf = (f: Facts) => (typeof f.amount === 'number' ? f.amount : undefined);
const LETTERS: readonly CitationPlace[] = ['assessment', 'seller', 'platform', 'regulator', 'court'];
const at = (c: CitationContext, ...places: readonly CitationPlace[]) => places.includes(c.place);
const inScenario = (c: CitationContext, ...ids: readonly ScenarioId[]) => ids.includes(c.scenario);
/**
 * 卡密 the user sent to others or posted before it failed (explore3 F54): it was most likely valid
 * when delivered, so no quality defect, breach or dispute with the seller is established.
 */
const keyShared = (c: CitationContext) => c.scenario === 'card_used' && c.facts.redeemedBefore === 'shared';

export const LAW: readonly LawRow[] = [
  {
    id: 'cpl24', article: '《消费者权益保护法》第24条', meaning: '商品或服务不符合质量要求的，消费者可以依照约定或规定要求退货、更换、修理。',
    source: '消费者权益保护法（2013修正）', checked: '2026-11-01', doc: '§4.1', basis: true,
    condition: '卡密无效或货不对板（质量问题），在评估和协商/申诉/投诉/诉讼中；卡密先外传过的不算',
    when: (c) => inScenario(c, 'card_used', 'not_as_described') && !keyShared(c) && at(c, ...LETTERS),
  },
  {
    id: 'cpl25', article: '《消费者权益保护法》第25条', meaning: '网购七日无理由退货不适用于在线下载或已拆封的数字化商品，所以卡密/未到账纠纷要依据“未履行/质量问题”主张。',
    source: '消费者权益保护法（2013修正）', checked: '2026-11-01', doc: '§4.2', basis: false,
    condition: '只在评估中解释为什么不能按七日无理由退货（卡密、货不对板）',
    when: (c) => c.place === 'assessment' && inScenario(c, 'card_used', 'not_as_described'),
  },
  {
    id: 'cpl26', article: '《消费者权益保护法》第26条', meaning: '用格式条款排除或限制消费者权利（如“最终解释权归商家”“特殊商品概不退换”）的，该内容无效。',
    source: '消费者权益保护法；网络消费纠纷司法解释（一）第1条', checked: '2026-11-01', doc: '§4.3', basis: true,
    condition: '商家以“不退不换”等声明拒绝时',
    when: (c) => yes(c.facts, CITATION_FACTS.noRefundNotice) && at(c, ...LETTERS, 'payment'),
  },
  {
    id: 'cpl37', article: '《消费者权益保护法》第37条', meaning: '消费者协会受理消费者投诉，并可以对投诉事项进行调查、调解。',
    source: '消费者权益保护法（2013修正）', checked: '2026-11-01', doc: '§3.5.1', basis: false,
    condition: '12315/消协一步', when: (c) => c.place === 'regulator',
  },
  {
    id: 'cpl44', article: '《消费者权益保护法》第44条', meaning: '平台不能提供卖家真实名称、地址和有效联系方式的，消费者可以要求平台赔偿；平台明知或应知而未采取措施的，承担连带责任。',
    source: '消费者权益保护法（2013修正）', checked: '2026-11-01', doc: '§4.4', basis: true,
    condition: '商家跑路或查不到商家真实身份时，在评估、平台、12315、诉讼中；私下转账（不经平台订单）不适用',
    when: (c) =>
      (c.scenario === 'merchant_vanished' || yes(c.facts, CITATION_FACTS.respondentUnknown)) &&
      !yes(c.facts, CITATION_FACTS.privateTransfer) &&
      at(c, 'assessment', 'platform', 'regulator', 'court'),
  },
  {
    id: 'cpl46', article: '《消费者权益保护法》第46条', meaning: '有关行政部门收到消费者投诉后，应当在7个工作日内处理并告知消费者。',
    source: '消费者权益保护法（2013修正）', checked: '2026-11-01', doc: '§3.5.1', basis: false,
    condition: '12315/消协一步', when: (c) => c.place === 'regulator',
  },
  {
    id: 'cpl53', article: '《消费者权益保护法》第53条', meaning: '以预收款方式提供商品或服务而未按约定提供的，应当履行或者退回预付款并承担利息和合理费用（适用于卡盟余额无法使用）。',
    source: '消费者权益保护法（2013修正）', checked: '2026-11-01', doc: '§4.5', basis: true,
    condition: '商家跑路且平台内有滞留余额',
    when: (c) => c.scenario === 'merchant_vanished' && typeof c.facts.balance === 'number' && c.facts.balance > 0 && at(c, 'assessment', 'platform', 'regulator', 'court'),
  },
  {
    id: 'cpl55', article: '《消费者权益保护法》第55条', meaning: '如经认定经营者存在欺诈，可主张退还价款并增加赔偿价款的三倍，增加的赔偿不足500元的按500元。',
    source: '消费者权益保护法（2013修正）', checked: '2026-11-01', doc: '§4.6', basis: false,
    condition: '用户陈述了欺诈事实（虚假宣传、假卡密），且只在12315和诉讼两步',
    when: (c) => yes(c.facts, CITATION_FACTS.deceptionStated) && at(c, 'regulator', 'court'),
  },
  {
    id: 'ecl20', article: '《电子商务法》第20条', meaning: '电子商务经营者应当按照承诺或约定的方式、时限交付商品或服务。',
    source: '电子商务法（2019施行）', checked: '2026-11-01', doc: '§4.7', basis: true,
    condition: '未到账或商家跑路（未交付）', when: (c) => inScenario(c, 'not_received', 'merchant_vanished') && at(c, ...LETTERS),
  },
  {
    id: 'ecl51', article: '《电子商务法》第51条', meaning: '在线交付的商品，进入买家指定的系统并且能够检索识别的时间为交付时间。',
    source: '电子商务法（2019施行）', checked: '2026-11-01', doc: '§4.7', basis: true,
    condition: '商家声称已发货时', when: (c) => yes(c.facts, CITATION_FACTS.sellerClaimsDelivered) && at(c, ...LETTERS),
  },
  {
    id: 'ecl53', article: '《电子商务法》第53条', meaning: '支付服务提供者应当免费提供对账服务和最近三年的交易记录。',
    source: '电子商务法（2019施行）', checked: '2026-11-01', doc: '§3.1.1', basis: false,
    condition: '只在支付渠道一步（向支付渠道要对账单/交易记录）', when: (c) => c.place === 'payment',
  },
  {
    id: 'ecl62', article: '《电子商务法》第62条', meaning: '发生争议时，经营者应当提供原始合同和交易记录；不提供的，承担相应法律责任。',
    source: '电子商务法（2019施行）', checked: '2026-11-01', doc: '§3.2.3', basis: true,
    condition: '卡密纠纷或商家声称已发货（要发货/兑换记录）；卡密先外传过的只是请求帮忙，不算纠纷',
    when: (c) => ((c.scenario === 'card_used' && !keyShared(c)) || yes(c.facts, CITATION_FACTS.sellerClaimsDelivered)) && at(c, ...LETTERS),
  },
  {
    id: 'cc563', article: '《民法典》第563条第1款第3项', meaning: '对方迟延履行主要债务，经催告后在合理期限内仍未履行的，可以解除合同。',
    source: '民法典（2021施行）', checked: '2026-11-01', doc: '§3.2.1', basis: true,
    condition: '已向商家发出带期限的要求且期限已过仍未处理',
    when: (c) => yes(c.facts, CITATION_FACTS.demandUnanswered) && at(c, ...LETTERS, 'payment'),
  },
  {
    id: 'cc577', article: '《民法典》第577条', meaning: '当事人不履行合同义务或履行不符合约定的，应当承担继续履行、采取补救措施或赔偿损失等责任。',
    source: '民法典（2021施行）', checked: '2026-11-01', doc: '§4.8', basis: true,
    condition: '未交付、卡密无效、货不对板、跑路（违约）；卡密先外传过的不算',
    when: (c) => inScenario(c, 'not_received', 'card_used', 'not_as_described', 'merchant_vanished') && !keyShared(c) && at(c, ...LETTERS),
  },
  {
    id: 'cc985', article: '《民法典》第985条', meaning: '没有法律根据取得不当利益的，受损失的人可以请求返还（适用于重复扣款、扣款未成单）。',
    source: '民法典（2021施行）', checked: '2026-11-01', doc: '§4.8', basis: true,
    condition: '重复扣款或扣了钱没有订单', when: (c) => inScenario(c, 'double_charge', 'payment_failed') && at(c, ...LETTERS, 'payment'),
  },
  {
    id: 'cc188', article: '《民法典》第188条', meaning: '向法院请求保护民事权利的诉讼时效一般为三年。',
    source: '民法典（2021施行）', checked: '2026-11-01', doc: '§4.8', basis: false,
    condition: '诉讼一步', when: (c) => c.place === 'court',
  },
  {
    id: 'crl266_victim', article: '《刑法》第266条', meaning: '以非法占有为目的骗取财物、数额较大的，构成诈骗罪。“数额较大”的起点由各省在三千元至一万元之间确定；达不到的，按治安管理处罚法处理。',
    source: '刑法；两高2011年诈骗案件解释第1条', checked: '2026-11-01', doc: '§3.6.1', basis: false,
    condition: '报警一步（商家诈骗的受害人），以及商家跑路的评估',
    when: (c) => c.place === 'police' || (c.place === 'assessment' && c.scenario === 'merchant_vanished'),
  },
  {
    id: 'crl266', article: '《刑法》第266条', meaning: '虚构事实、隐瞒真相骗取退款，数额较大的，可能构成诈骗罪。',
    source: '刑法；两高2011年诈骗案件解释第1条', checked: '2026-11-01', doc: '§2.9', basis: false,
    condition: '只在拒绝协助虚构索赔时', when: (c) => c.place === 'decline',
  },
  {
    id: 'psa', article: '《治安管理处罚法》（诈骗相关条款）', meaning: '诈骗数额未达刑事标准的，依治安管理处罚法处理，可处拘留、罚款。',
    source: '治安管理处罚法', checked: '2026-11-01', doc: '§3.6.1', basis: false,
    condition: '报警一步或拒绝协助虚构索赔时', when: (c) => at(c, 'police', 'decline'),
  },
  {
    id: 'police169', article: '《公安机关办理刑事案件程序规定》第169、171条', meaning: '公安机关对报案应当接受并出具受案回执（证明已经受理报案的书面凭证）；决定不予立案的，报案人可以在收到通知后7日内申请复议。',
    source: '公安部令', checked: '2026-11-01', doc: '§3.6.3', basis: false,
    condition: '报警一步', when: (c) => c.place === 'police',
  },
  {
    id: 'cpl165', article: '《民事诉讼法》第165条', meaning: '标的额为本省上年度就业人员年平均工资50%以下的简单金钱给付案件，适用小额诉讼程序，一审终审。',
    source: '民事诉讼法（2023修正）', checked: '2026-11-01', doc: '§3.6.4', basis: false,
    condition: '诉讼一步', when: (c) => c.place === 'court',
  },
  {
    id: 'cpl168', article: '《民事诉讼法》第168条', meaning: '小额诉讼案件应当在立案之日起两个月内审结。',
    source: '民事诉讼法（2023修正）', checked: '2026-11-01', doc: '§3.6.4', basis: false,
    condition: '诉讼一步', when: (c) => c.place === 'court',
  },
  {
    id: 'cpi20', article: '《民事诉讼法解释》第20条', meaning: '通过信息网络交付标的的，买受人住所地为合同履行地，可以在自己所在地起诉。',
    source: '最高法民诉法解释', checked: '2026-11-01', doc: '§3.6.5', basis: false,
    condition: '诉讼一步', when: (c) => c.place === 'court',
  },
  {
    id: 'fee', article: '《诉讼费用交纳办法》', meaning: '财产案件标的不超过1万元的，每件交纳案件受理费50元。',
    source: '国务院令第481号', checked: '2026-11-01', doc: '§3.6.6', basis: false,
    condition: '诉讼一步，且金额不超过1万元或未知',
    when: (c) => c.place === 'court' && (amountOf(c.facts) ?? 0) <= 10_000,
  },
];

const byId = new Map(LAW.map((r) => [r.id, r]));

export function law(id: string): LawRow {
  const r = byId.get(id);
  if (!r) throw new Error(`unknown law id ${id}`);
  return r;
}

/** The rows whose condition holds for these facts at this place of this scenario, in table order. */
export function citationsFor(facts: Facts, place: CitationPlace, scenario: ScenarioId): LawRow[] {
  const c: CitationContext = { facts, place, scenario };
  return LAW.filter((r) => r.when(c));
}

/** Ids of citationsFor() — what a flow's assessment lists. */
export function citationIds(facts: Facts, place: CitationPlace, scenario: ScenarioId): string[] {
  return citationsFor(facts, place, scenario).map((r) => r.id);
}

/** The basis a letter states: the cited rows that may serve as one. */
export function basisFor(facts: Facts, place: CitationPlace, scenario: ScenarioId): LawRow[] {
  return citationsFor(facts, place, scenario).filter((r) => r.basis);
}

/**
 * Adds the facts derivable from the case's progress to the intake facts: a demand is
 * unanswered once the seller message (which always carries a deadline) was marked sent
 * and its deadline has passed. `sellerDeadlineAt` is that deadline, when known.
 */
export function citationFacts(facts: Facts, progress: { sent?: readonly RungId[]; sellerDeadlineAt?: Date; now: Date }): Facts {
  if (facts[CITATION_FACTS.demandUnanswered] === true) return facts;
  const sentSeller = progress.sent?.includes('seller') ?? false;
  const lapsed = progress.sellerDeadlineAt === undefined || progress.sellerDeadlineAt.getTime() <= progress.now.getTime();
  return sentSeller && lapsed ? { ...facts, [CITATION_FACTS.demandUnanswered]: true } : facts;
}
