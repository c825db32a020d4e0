// The only place the bot's legal statements come from (facts.md §4, §3).
// Each row: the article, one line of meaning in plain Chinese, the source, the date it was checked.

export interface LawRow {
  id: string;
  article: string;
  meaning: string;
  source: string;
  checked: string;
}

export const LAW: readonly LawRow[] = [
  { id: 'cpl24', article: '《消费者权益保护法》第24条', meaning: '商品或服务不符合质量要求的，消费者可以依照约定或规定要求退货、更换、修理。', source: '消费者权益保护法（2013修正）', checked: '2026-11-01' },
  { id: 'cpl25', article: '《消费者权益保护法》第25条', meaning: '网购七日无理由退货不适用于在线下载或已拆封的数字化商品，所以卡密/未到账纠纷要依据“未履行/质量问题”主张。', source: '消费者权益保护法（2013修正）', checked: '2026-11-01' },
  { id: 'cpl26', article: '《消费者权益保护法》第26条', meaning: '用格式条款排除或限制消费者权利（如“最终解释权归商家”“特殊商品概不退换”）的，该内容无效。', source: '消费者权益保护法；网络消费纠纷司法解释（一）第1条', checked: '2026-11-01' },
  { id: 'cpl37', article: '《消费者权益保护法》第37条', meaning: '消费者协会受理消费者投诉，并可以对投诉事项进行调查、调解。', source: '消费者权益保护法（2013修正）', checked: '2026-11-01' },
  { id: 'cpl44', article: '《消费者权益保护法》第44条', meaning: '平台不能提供卖家真实名称、地址和有效联系方式的，消费者可以要求平台赔偿；平台明知或应知而未采取措施的，承担连带责任。', source: '消费者权益保护法（2013修正）', checked: '2026-11-01' },
  { id: 'cpl46', article: '《消费者权益保护法》第46条', meaning: '有关行政部门收到消费者投诉后，应当在7个工作日内处理并告知消费者。', source: '消费者权益保护法（2013修正）', checked: '2026-11-01' },
  { id: 'cpl53', article: '《消费者权益保护法》第53条', meaning: '以预收款方式提供商品或服务而未按约定提供的，应当履行或者退回预付款并承担利息和合理费用（适用于卡盟余额无法使用）。', source: '消费者权益保护法（2013修正）', checked: '2026-11-01' },
  { id: 'cpl55', article: '《消费者权益保护法》第55条', meaning: '经营者有欺诈行为的，应按消费者要求增加赔偿，金额为价款的三倍，不足500元的按500元。', source: '消费者权益保护法（2013修正）', checked: '2026-11-01' },
  { id: 'ecl20', article: '《电子商务法》第20条', meaning: '电子商务经营者应当按照承诺或约定的方式、时限交付商品或服务。', source: '电子商务法（2019施行）', checked: '2026-11-01' },
  { id: 'ecl51', article: '《电子商务法》第51条', meaning: '在线交付的商品，进入买家指定的系统并且能够检索识别的时间为交付时间。', source: '电子商务法（2019施行）', checked: '2026-11-01' },
  { id: 'ecl53', article: '《电子商务法》第53条', meaning: '支付服务提供者应当免费提供对账服务和最近三年的交易记录。', source: '电子商务法（2019施行）', checked: '2026-11-01' },
  { id: 'ecl62', article: '《电子商务法》第62条', meaning: '发生争议时，经营者应当提供原始合同和交易记录；不提供的，承担相应法律责任。', source: '电子商务法（2019施行）', checked: '2026-11-01' },
  { id: 'cc563', article: '《民法典》第563条第1款第3项', meaning: '对方迟延履行主要债务，经催告后在合理期限内仍未履行的，可以解除合同。', source: '民法典（2021施行）', checked: '2026-11-01' },
  { id: 'cc577', article: '《民法典》第577条', meaning: '当事人不履行合同义务或履行不符合约定的，应当承担继续履行、采取补救措施或赔偿损失等责任。', source: '民法典（2021施行）', checked: '2026-11-01' },
  { id: 'cc985', article: '《民法典》第985条', meaning: '没有法律根据取得不当利益的，受损失的人可以请求返还（适用于重复扣款）。', source: '民法典（2021施行）', checked: '2026-11-01' },
  { id: 'cc188', article: '《民法典》第188条', meaning: '向法院请求保护民事权利的诉讼时效一般为三年。', source: '民法典（2021施行）', checked: '2026-11-01' },
  { id: 'crl266', article: '《刑法》第266条', meaning: '以非法占有为目的骗取财物、数额较大的构成诈骗罪；虚构事实骗取退款同样可能构成。', source: '刑法；两高2011年诈骗案件解释第1条（数额较大起点3000–10000元，各省不同）', checked: '2026-11-01' },
  { id: 'psa', article: '《治安管理处罚法》（诈骗相关条款）', meaning: '诈骗数额未达刑事标准的，依治安管理处罚法处理，可处拘留、罚款。', source: '治安管理处罚法', checked: '2026-11-01' },
  { id: 'police169', article: '《公安机关办理刑事案件程序规定》第169、171条', meaning: '公安机关对报案应当接受并出具受案回执；不予立案的，报案人可在7日内申请复议。', source: '公安部令', checked: '2026-11-01' },
  { id: 'cpl165', article: '《民事诉讼法》第165条', meaning: '标的额为本省上年度就业人员年平均工资50%以下的简单金钱给付案件，适用小额诉讼程序，一审终审。', source: '民事诉讼法（2023修正）', checked: '2026-11-01' },
  { id: 'cpl168', article: '《民事诉讼法》第168条', meaning: '小额诉讼案件应当在立案之日起两个月内审结。', source: '民事诉讼法（2023修正）', checked: '2026-11-01' },
  { id: 'cpi20', article: '《民事诉讼法解释》第20条', meaning: '通过信息网络交付标的的，买受人住所地为合同履行地，可以在自己所在地起诉。', source: '最高法民诉法解释', checked: '2026-11-01' },
  { id: 'fee', article: '《诉讼费用交纳办法》', meaning: '财产案件标的不超过1万元的，每件交纳案件受理费50元。', source: '国务院令第481号', checked: '2026-11-01' },
];

const byId = new Map(LAW.map((r) => [r.id, r]));

export function law(id: string): LawRow {
  const r = byId.get(id);
  if (!r) throw new Error(`unknown law id ${id}`);
  return r;
}
