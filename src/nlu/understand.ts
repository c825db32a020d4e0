// Free-text understanding: scenario (docs/domain.md §2 ids or 'other') with a confidence,
// plus the facts found in the message. Entities come from rules; the scenario comes from
// a logistic-regression model (model.ts, trained by `npm run nlu:train`) over character
// n-grams, blended with the rule scores below. Without a model file the rules decide alone.
import type { PaymentMethod, ScenarioId, ScenarioOrOther } from '../types.js';
import { SCENARIOS } from '../types.js';
import { parseAmountNormalized } from './amount.js';
import { parseCountNormalized } from './count.js';
import { extractMerchant, extractPlatform } from './entities.js';
import { normalizeKeepCase } from './normalize.js';
import { parseOrderIdNormalized } from './order.js';
import { parsePaymentMethodNormalized } from './payment.js';
import { parseWhenDetailedNormalized, type WhenPrecision } from './time.js';
import { calibrate, loadModel, predict, type RuleView } from './model.js';

export interface Entities {
  /** Yuan. */
  amount?: number;
  orderId?: string;
  paymentMethod?: PaymentMethod;
  occurredAt?: Date;
  /** 'day' when the user named a day but no clock time: show the date only. */
  occurredAtPrecision?: WhenPrecision;
  platform?: string;
  merchant?: string;
  /** Number of debits for one order. */
  chargeCount?: number;
}

export interface Understanding {
  scenario: ScenarioOrOther;
  /** 0..1 — below LOW_CONFIDENCE the caller should let the user pick. */
  confidence: number;
  entities: Entities;
}

/**
 * Below this, ask the user to choose the scenario. Chosen by `npm run nlu:train` on out-of-fold
 * real messages so that confident errors stay ≤ 5 % (src/nlu/README.md); 0.5 without a model.
 */
export const LOW_CONFIDENCE: number = loadModel()?.askThreshold ?? 0.5;
/** The engine's ask-threshold (same value as LOW_CONFIDENCE). */
export const ASK_THRESHOLD = LOW_CONFIDENCE;

interface Signal {
  re: RegExp;
  w: number;
}

const sig = (w: number, re: RegExp): Signal => ({ w, re });

// Cues per scenario. Weights: 3 = decisive on its own, 2 = strong, 1 = supporting.
const CUES: Record<ScenarioId, Signal[]> = {
  double_charge: [
    sig(4, /重复(?:扣|支付|付款|扣款|扣费|收费|付了|付费|刷|划|收)|重複/),
    sig(4, /多(?:扣|收|刷|划)了?|又扣了|又被扣|扣了?(?:双份|两份)|(?:扣|刷|收|划)了?(?:我)?(?:两|俩|2|三|3)(?:遍|份)|双重扣|两边都扣|两次都扣|都扣了|两个都扣|两笔都扣|扣了?(?:两|俩|2|三|3)(?:遍|回)/),
    sig(3, /(?:两|俩|2|三|3)笔(?:一样|相同|同样|扣款|扣费|付款|钱)|(?:两|俩|2|三|3)条[^，。,]{0,6}(?:短信|消费|扣款|记录|账单)|(?:两|2)条(?:一模一样|一样|相同)?的?(?:扣款|记录)|两笔一样|出现了?两笔/),
    sig(4, /charged twice|double[- ]charged|charged (?:\d|two|three) times|debited (?:twice|\d+ times)|got charged twice|(?:two|2|three|3) (?:identical |same |duplicate )?(?:payments|charges|debits)|duplicate (?:payment|charge)/),
    sig(2, /扣款却有|又付了一次|又付了一遍|重新付了一遍|付了两次|付了两遍|点了两次付款/),
    // Overcharges without the word 重复 (issue 13).
    sig(3, /扣了多余|多扣|重复计费|扣款\S{0,2}[两三四五2-5]次[^，。,]{0,6}只(?:充|到|开通)了?/),
  ],
  payment_failed: [
    sig(3, /支付失败|付款失败|交易失败|支付异常|付款异常|支付(?:遇到)?(?:问题|异常)|扣款异常|payment failed|checkout timed out|payment page crashed/),
    sig(3, /(?:状态|显示|订单是?)[^，。,]{0,3}失败|没收到(?:我的)?(?:钱|款|付款)|没有?(?:我的)?(?:付款|支付)记录|订单[^，。,]{0,3}(?:找不到|查不到)|订单[^，。,]{0,2}没有(?=$|[，。,！!？?\s]|记录|这)|订单(?:里|中|列表)?(?:啥|什么)(?:也|都)没有|no payment (?:received|recorded)|payment (?:was )?not received|(?:didn.?t|did not|never) (?:receive|get) (?:my |the )?payment|订单(?:没有?|未)(?:生成|出来)|没有?(?:生成)?订单|订单[^，。,]{0,4}关闭|订单(?:不存在|没了|消失|查不到|找不到|作废|已?关闭|自动取消|已过期|是失败|显示失败|都没有)|订单列表里什么都没有|看不到这笔订单|没有我的付款记录|查不到|no order|order was cancelled/),
    sig(3, /订单[^，。,]{0,4}(?:已取消|被取消|取消了|已失效|失效了)|says unpaid|shows unpaid|payment went through/),
    sig(2, /支付结果未知|结果未知|未支付|待支付|未付款|待付款|交易关闭|支付超时|超时|等待支付结果|支付处理中|商户系统异常|系统(?:异常|繁忙|维护)|签名错误|回调失败|二维码已?失效|订单金额异常|网络错误/),
    sig(2, /froze|frozen|stuck|报错|页面(?:崩|卡|白屏|报错)|网页崩|白屏|空白页|闪退|404|code 500|转圈|一直加载|卡住|卡着|crashed|timed out/),
    sig(1, /刷不了|刷卡没成功|付不了|没成功/),
    // Real phrasing: 充值失败, 提示未支付成功, paid but shown as waiting for payment.
    sig(3, /充值失败|未支付成功|支付不成功|(?:订单|状态|显示|后台)[^，。,]{0,8}(?:等待支付|未支付|待支付)/),
  ],
  not_received: [
    sig(3, /没到账|未到账|没到帐|未到帐|没有到账|没(?:有)?入账|未入账|没(?:有)?充上|充不上|没到(?!期|时间|位)|还没到|没收到(?!钱|款|我的|付款)|未收到|没有收到|没发货|未发货|不发货|还没发|没发|不发|不给发|没给我|不给卡|没给卡|东西没给|货没到|没有到|没开通|没动静|不出卡|没出卡|没下文|啥(?:都|也)没|什么也没有|什么都没有|都没有|收不到|到不了|迟迟不到|没来/),
    sig(3, /等待(?:卖家|商家)?发货|出卡失败|发货失败|发卡失败|没见着|没看到卡|(?:卡|货|东西|卡密)(?:呢|在哪)/),
    sig(2, /等了[^，。,]{0,6}(?:小时|天|晚|周|星期)|过了一晚上?|一周了|几天了|好几天|待发货|处理中|充值中|出卡中|正在发货|排队|待处理|发货中|迟迟|一直没|到现在都?没|还没收到|没变|空的|已读不回|货呢/),
    sig(3, /never (?:received|sent|arrived|got)|not (?:been )?(?:delivered|received|credited|arrived)|(?:didn.?t|did not|haven.?t|has not|hasn.?t) (?:receive|arrive|get|been delivered|been credited)|no (?:code|key|card)|nothing delivered|still no|unchanged/),
    // Paid but the membership / code / access never came (issue 13).
    sig(3, /(?:还|依然|仍然|仍)不是会员|没(?:有)?显示会员|(?:权益|会员)[^，。,]{0,4}没(?:有)?生效|没(?:有)?(?:得到|拿到|收到)[^，。,]{0,6}(?:激活码|注册码|密钥|卡密|链接|邮件)|没看到[^，。,]{0,6}(?:群|会员|卡密)/),
  ],
  card_used: [
    sig(4, /(?:卡密|卡蜜|激活码|兑换码|序列号|cdk|cdkey|key|code|卡号|充值卡|礼品卡|点卡|e卡|密码|(?<!二维|扫)码|卡)[^，。,.!！?？]{0,14}(?:已被[^，。,]{0,6}(?:使用|用过|用|兑换|绑定|激活|领取|充值)|已(?:使用|用过|兑换|绑定|激活|领取|充值)|已经被[^，。,]{0,6}(?:绑定|兑换|激活|使用|用)|被(?:人|别人)?(?:先)?用(?:过|掉|了)|被盗用|无效|错误|不正确|不存在|不对|失效|过期|上限|用不了|不能用|激活失败|兑换失败|0余额|查不到这张卡|是错的|对不上|充不进去)/),
    sig(4, /already (?:been )?(?:used|redeemed|activated)|code (?:already used|invalid)|invalid code|cdkey invalid|doesn.?t work|already activated/),
    // Activation failures (issue 13).
    sig(3, /无法激活|激活失败|不能激活|激活不了|授权(?:文件)?(?:无效|失效|已过期)|(?:兑换|激活)(?:码)?(?:失败|无效)|提示不可用|invalid (?:activation|license|licence|key)/),
    sig(2, /(?<!二维码|订单)(?:已被使用|已使用|已兑换|已被绑定|已绑定|无效卡|已激活|已失效|已领取|此卡已充值)/),
    sig(3, /(?:卡密|卡蜜|激活码|兑换码|序列号|cdk|key|充值卡|礼品卡|点卡|e卡|卡号|(?<!二维|扫)码)[\s\S]{0,80}(?:已被|已经被|已使用|已兑换|已绑定|已激活|无效|错误|不正确|不存在|失效|过期|已领取|已充值|用不了|不能用|激活失败|兑换失败|被盗用|用掉|被人用|被别人|用过了|充不进去|兑过|被兑|激活不了|兑换不了|充不了|已经(?:绑定|兑换|使用|激活|充过|用过))/),
  ],
  merchant_vanished: [
    sig(4, /跑路|跑了|卷款|卷钱|人去楼空|倒闭|关站|暂停运营|失联|vanished|disappeared|site is gone|website is down/),
    sig(3, /(?:网站|网页|网址|站点|平台|卡盟|店铺|首页|登录页|发卡网|域名)[^，。,]{0,8}(?:打不开|进不去|关了|关闭|没了|下线|无法访问|404|消失|注销|过期)|打不开|进不去|无法访问此网站|整个(?:站点|平台|网站)都?没了|下线了|店铺(?:也)?关了|把店关了|已注销|(?<![我想要])注销了/),
    sig(3, /拉黑|把我删|删了我|被删|把我拉|blocked (?:me|everyone|us)|空号|群(?:也)?(?:解散|没了)|解散|禁言|都没了|人(?:就|也)?不见了|(?:店铺|网站|卖家|商家|店)[^，。,]{0,4}(?:搜不到|找不到|消失)|找不到这个(?:卖家|商家|店|人)|停止运营|停运|暂停营业|不让提现|提不出|deleted the (?:store|shop|site)|shut down|closed the (?:store|shop|site)|ran away/),
    sig(2, /联系不上|联系不到|找不到(?:人|他|卖家|商家)|打不通|关机|不在线|unreachable/),
    // Service gone dark and nobody answers (VPN/机场 jargon; issue 13).
    sig(2, /玩消失|人去哪|钱收了|收钱不办事|没人理|没人回|不回(?:信息|消息|邮件)|消息(?:没法|无法)送达|邮件[^，。,]{0,4}退回/),
    sig(2, /(?:节点|服务器|梯子|机场|外网|vpn)[^，。,]{0,6}(?:全挂|挂了|都挂|用不了|连不上|不能连|不能用|失效)|连不上|不能上网|不能连(?:接)?外网|全部(?:节点)?都用不了/),
  ],
  not_as_described: [
    sig(3, /描述不符|与描述|和描述|跟描述|跟介绍|和介绍|货不对板|不符|not as described|advertised|(?:description|listing|ad|advert) (?:said|says|promised)|promised|supposed to be/),
    sig(2, /说好的?|说是|说(?:带|有|送|包|能|可以|支持|含)|宣传|宣称|写的是|写着|标题写|商品页|描述(?:是|写|说|里)|页面写|上架写|名字叫|所谓|承诺的?是|试用期?(?:结束|到期)/),
    sig(2, /发来的?(?:是|就)|发过来的?(?:是|就)|发给我的?(?:是|就)|给的是|到手的?是|not what (?:was|it) described|not what i (?:paid|ordered)/),
    sig(2, /结果(?:只有|是|只能|一半|什么|给|发来|才)|实际(?:是|只有|上)?|到手(?:才|是)|只到了|缩水|不一样|对不上|其实只有|打开只有|变成了|only has|but has|expired after/),
    sig(1, /终身|永久|满级|全皮肤|独享|一手|正版|官方直充|lifetime|premium/),
    // Plan cut or changed mid-term, "lifetime" withdrawn, quota not as paid for (issue 13).
    sig(3, /(?:永久|终身|买断)[^，。,]{0,8}(?:取消|失效|没了|不能用|收回)|(?:永久|终身|买断)[^。！!？?]{0,12}(?:被取消|取消了|被收回|收回了|失效了)|暗改|缩水|不匹配|依然只能|依旧(?:只能|有)|只能用\d*次|没有重置|质量差|没卵用|没什么用|商业模式|变成了?\d|只有\d+\s*g/),
  ],
};

// Phrases that deny a cue: "不是支付失败", "没重复付款", "这不是没发货".
// Hypotheticals and worries ("要是这样不如跑路", "万一跑路了", "担心跑路") deny them too.
const NEGATED = /(?:(?<!是|还|仍然|依然)不是|并不是|并非|没有?重复|要是|如果|假如|万一|不如|担心|害怕|(?<![恐哪])怕(?!了)|会不会|(?<![所可])以为|迟早|还没到(?=[^，。,]{0,4}(?:跑路|那一步|那种地步|那个地步))|不会是)[^，。,；;！!？?]{0,10}/g;
// Messages that are questions about the service or small talk, not a case.
const META =
  /^(?:你好|您好|hi|hello|在吗|谢谢|ok|菜单|\/\w+)|怎么(?:查|开|联系|取消|续费|提现|搭建|提升|找回|注销|选)|推荐|什么意思|是什么|能干嘛|收费吗|多少钱|多久|需要准备|要注意|哪个|天气|讲讲|翻译|删掉|删除我的数据|delete (?:all )?my data|what (?:can|is)/;

// The seller's or developer's own voice ("用户支付之后…", "回调没通知", "建议作者…"): a report about
// a payment system, not a buyer's case, unless the writer also says they bought or paid.
const SELLER_VOICE =
  /回调(?:函数|地址|接口|配置|url)|(?:支付宝|微信)(?:账户)?(?:确实|已经)?收到(?:钱|款|了钱)|whmcs|接口|源码部署|部署|插件|数据库|配置文件|商户号|我的(?:网站|店铺?|系统|小店)|我们的(?:网站|店铺?|系统)|用户(?:支付|付款|下单)(?:之后|以后|后|成功)|(?:客户|顾客|客人)(?:支付|付款|付了|下单)|买家(?:支付|付款|付了|下单)|(?:我们|我家)店(?:的)?(?:系统|后台|网站|平台|用户|顾客|客人)|建议(?:作者|增加|把|:|：)|定时(?:检查|查询)|作为(?:店主|站长|商家|卖家)/;
const BUYER_CLAIM = /我(?:已经?|刚|昨天|今天)?(?:买|付|充|购买|捐|下单|订阅|续费)|本人(?:买|付|充|购买)|(?<!用户|客户|买家|别人)(?:买了|已付款|已支付|付款后|购买后|充值后)/;
const PURCHASE = /买|付|充|下单|拍了|转了|花了|paid|bought|ordered|purchased/;
const MISSING = /没|未|不[到在见给发]|还是|呢[？?]?$|呢[，。,]|失败|never|not|still|haven.?t|didn.?t/;
const CHANGE_OF_MIND = /不想要|想退|能退吗|可以退吗|后悔|买错|换一个|好用|再买|谢谢|感谢/;

const SCEN_ORDER: readonly ScenarioId[] = SCENARIOS;

/**
 * Only the first MAX_INPUT_CHARS characters of a message are read (real complaints are a few
 * hundred characters), so a pasted megabyte costs no more than this; every parser is linear anyway.
 */
export const MAX_INPUT_CHARS = 4000;

/** Classifies `text` and extracts its facts. `zone` is an IANA zone (BOT_TIMEZONE). */
export function understand(text: string, now: Date, zone: string): Understanding {
  const keep = normalizeKeepCase(text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text);
  const s = keep.toLowerCase();
  const entities = extractEntities(s, keep, now, zone);
  const rules = ruleScores(s, entities);
  const model = loadModel();
  if (!model) return { scenario: rules.scenario, confidence: rules.confidence, entities: strictIfOther(rules.scenario, s, entities) };
  const p = predict(model, s, rules);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { scenario: model.labels[best], confidence: Math.round(calibrate(model, p[best]) * 100) / 100, entities: strictIfOther(model.labels[best], s, entities) };
}

/**
 * A message read as no complaint (a question, a review, a rant) that never says money changed hands
 * names no sum paid, even one with 元 ("返卡100元", "38元餐"); a complaint keeps a sum with a yuan marker
 * ("300块 商家跑路了") — src/nlu/amount.ts, `story`.
 */
function strictIfOther(scenario: ScenarioId | 'other', s: string, e: Entities): Entities {
  if (scenario !== 'other' || e.amount === undefined) return e;
  const amount = parseAmountNormalized(s, { story: 'strict' });
  if (amount === e.amount) return e;
  const out = { ...e };
  if (amount === undefined) delete out.amount;
  else out.amount = amount;
  return out;
}

/** The rules' view of a lower-cased normalised message (the model's input besides n-grams). */
export function rulesFor(text: string, now: Date, zone: string): RuleView {
  const s = normalizeKeepCase(text.slice(0, MAX_INPUT_CHARS)).toLowerCase();
  return ruleScores(s, extractEntities(s, s, now, zone));
}

function extractEntities(s: string, keep: string, now: Date, zone: string): Entities {
  const e: Entities = {};
  const amount = parseAmountNormalized(s, { story: true });
  if (amount !== undefined) e.amount = amount;
  const orderId = parseOrderIdNormalized(s);
  if (orderId !== undefined) e.orderId = orderId;
  const pm = parsePaymentMethodNormalized(s);
  if (pm !== undefined) e.paymentMethod = pm;
  const when = parseWhenDetailedNormalized(s, now, zone);
  if (when !== undefined) {
    e.occurredAt = when.date;
    e.occurredAtPrecision = when.precision;
  }
  const platform = extractPlatform(keep);
  if (platform !== undefined) e.platform = platform;
  const merchant = extractMerchant(keep);
  if (merchant !== undefined) e.merchant = merchant;
  const count = parseCountNormalized(s);
  if (count !== undefined) e.chargeCount = count;
  else if (/多扣了?(?:我)?一[次笔]|又扣了?一[次笔遍]|又被扣了?一|两边都扣|两次都扣|都扣了|扣了一遍[^，。]*又扣了一遍|扣了一次[^，。]*又扣了一次/.test(s)) {
    e.chargeCount = 2;
  }
  return e;
}

function ruleScores(s: string, e: Entities): RuleView {
  const t = s.replace(NEGATED, ' ');
  const hits: string[] = [];
  const scores = scoreCues(t, e, hits);
  // Which cue families fired: extra model features (model.ts, `cueWeight`), so the model
  // learns from data how far to trust each one instead of one global rule weight.
  const seller = SELLER_VOICE.test(t);
  const buyer = BUYER_CLAIM.test(t);
  if (seller) hits.push(buyer ? '§seller+buyer' : '§seller');
  if (META.test(t.trim())) hits.push('§meta');
  if (PURCHASE.test(t) && MISSING.test(t)) hits.push('§paid+missing');
  if (CHANGE_OF_MIND.test(t)) hits.push('§mind');
  if (t !== s) hits.push('§negated');
  if ((e.chargeCount ?? 0) >= 2) hits.push('§count2');
  if (seller && !buyer) {
    return { scenario: 'other', confidence: 0.8, scores: Object.fromEntries(scores) as Record<ScenarioId, number>, hits };
  }
  const d = decide(t, scores);
  hits.push(`§rule:${d.scenario}`);
  return { ...d, scores: Object.fromEntries(scores) as Record<ScenarioId, number>, hits };
}

function scoreCues(t: string, e: Entities, hits: string[] = []): Map<ScenarioId, number> {
  const scores = new Map<ScenarioId, number>();
  for (const id of SCEN_ORDER) {
    let total = 0;
    CUES[id].forEach((c, i) => {
      if (c.re.test(t)) {
        total += c.w;
        hits.push(`§${id}${i}`);
      }
    });
    scores.set(id, total);
  }

  // Facts that shift the balance.
  if ((e.chargeCount ?? 0) >= 2) add(scores, 'double_charge', 3);
  const moneyTaken = /扣|钱没了|划走|少了|付款成功|支付成功|已付款|交易成功|扣款成功|付了款|付了钱|钱付了|付款了|charged|taken|gone/.test(t);
  if (!moneyTaken) scores.set('payment_failed', (scores.get('payment_failed') ?? 0) - 1);
  // Paid successfully and an order exists → a delivery problem, not a payment one.
  if (/付款成功|支付成功|已付款|已支付|交易成功|已完成|订单(?:也)?(?:有|正常生成|生成了)|paid successfully|order shows paid/.test(t) &&
      !/失败|异常|报错|超时|没有?订单|订单(?:没|不存在|消失|没了|作废|关闭)/.test(t)) {
    add(scores, 'not_received', 1);
    add(scores, 'payment_failed', -2);
  }
  // Double charge explains "只到账一次" / failure-then-retry stories.
  if ((scores.get('double_charge') ?? 0) >= 3) {
    add(scores, 'payment_failed', -2);
    add(scores, 'not_received', -2);
  }
  // A vanished seller explains non-delivery.
  if ((scores.get('merchant_vanished') ?? 0) >= 3) add(scores, 'not_received', -2);
  // A key that arrived but is invalid is card_used, not not_received.
  if ((scores.get('card_used') ?? 0) >= 4) add(scores, 'not_received', -2);
  return scores;
}

function decide(t: string, scores: Map<ScenarioId, number>): { scenario: ScenarioOrOther; confidence: number } {
  let best: ScenarioId | undefined;
  let bestScore = 0;
  let second = 0;
  for (const id of SCEN_ORDER) {
    const v = scores.get(id) ?? 0;
    if (v > bestScore) {
      second = bestScore;
      bestScore = v;
      best = id;
    } else if (v > second) {
      second = v;
    }
  }
  // A purchase story with something missing and no sharper cue is most often a
  // delivery problem: "花了39买的月卡，账号上还是普通用户".
  if (bestScore < 2 && PURCHASE.test(t) && MISSING.test(t) && !CHANGE_OF_MIND.test(t)) {
    return { scenario: 'not_received', confidence: 0.5 };
  }
  const meta = META.test(t.trim());
  if (!best || bestScore < 2 || (meta && bestScore < 3)) {
    const conf = best ? 0.55 + 0.1 * Math.max(0, 2 - bestScore) : 0.8;
    return { scenario: 'other', confidence: Math.min(0.9, conf) };
  }
  const margin = bestScore - second;
  const confidence = Math.min(0.98, 0.45 + 0.08 * Math.min(bestScore, 6) + 0.07 * Math.min(margin, 4));
  return { scenario: best, confidence: Math.round(confidence * 100) / 100 };
}

function add(m: Map<ScenarioId, number>, id: ScenarioId, d: number): void {
  m.set(id, (m.get(id) ?? 0) + d);
}
