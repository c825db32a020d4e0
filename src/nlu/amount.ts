// Money amounts in yuan: 100元, ¥100, ￥99.5, 100块, 一百块, 两千五, 1.5k, 1万2, 100 rmb, 7毛钱 (0.7).
// Amounts in another currency (60美元, 35刀, $20, USD) are recognised and left out, as are vague
// sums (几十块), versions (3.12版本), years, time zones (GMT+09), durations (30内) and quotas.
// Linear in the input: every look-around is a bounded window, never the whole text.
import { CN_NUM_CHARS, normalize, parseChineseNumber } from './normalize.js';

/** Returns the amount in yuan, or undefined when the text names none. */
export function parseAmount(text: string, opts: AmountOptions = {}): number | undefined {
  return parseAmountNormalized(normalize(text), opts);
}

export interface AmountOptions {
  /**
   * The text answers "how much did you pay": a sum it names is the answer, so the checks for a
   * sum that was not paid (a rate, a list price, someone else's money) are skipped.
   */
  asAnswer?: boolean;
  /**
   * The text is a story (a first message read by understand()): with no word of money changing hands
   * in it, only a sum with a yuan marker is taken ('strict': none — understand() for a message it reads
   * as no complaint).
   */
  story?: boolean | 'strict';
}

interface Candidate {
  value: number;
  score: number;
  index: number;
}

// Units after a number that make it something other than money.
const NOT_MONEY_AFTER =
  /^\s*(?:多|来|余|\+)?\s*(?:次|笔|回|遍|条|天|日|号|月|年|岁|周|星期|礼拜|个|小时|钟头|分钟|分|秒|点(?!\d)|:|：|时|张|单|位|件|台|部|页|楼|层|楼|倍|%|％|折|人|家|种|步|h\b|min|mins|minutes?|hours?|days?|times?|weeks?|months?|years?|x\b|点券|钻石|金币|元宝|积分|包(?![月年季])|盒|瓶|袋|斤|公斤|克|份|g\b|gb|mb|级|区|服|星|抽|连|发|局|把|v\b|号码|位数|内|以内|之内|版|字|token|贝壳|额度|条|秒|k\b(?=\s*(?:字|token))|w\s*字|万字)/;
// Other currencies: the sum is real but not in yuan, so it is not reported.
const FOREIGN_AFTER = /^\s*(?:多|来)?\s*(?:元\s*(?:台币|新台币|港币|港元|日元|韩元|美金)|美元|美金|刀(?!片)|usd|us\$|dollars?|欧元|欧|eur|euros?|日元|日币|円|jpy|英镑|gbp|港币|港元|hkd|台币|新台币|twd|ntd|韩元|韩币|krw|卢布|rub|泰铢|新币|加元|澳元|sgd|cad|aud)/;
const FOREIGN_BEFORE = /(?:\$|usd|us\$|€|£|eur|jpy|hkd|gbp|美元|美金)\s*$/;
// Vague sums: 几十块, 十几块, 好几百, 数百; "more than N": 300多, 三千多, 100余元, 100来块 (independent
// labellers of real text and of holdout6 leave these out; 多扣/多收 after a sum and 余额 are not this).
const VAGUE_BEFORE = /(?:几|数|好几)\s*$/;
// "Nearly N" (近6000元, 将近500块, 接近两千) is a rough sum too; 最近/附近 are other words.
const NEARLY_BEFORE = /(?:(?<![最附])近|将近|接近)\s*$/;
// A rough sum (120 元左右, 大概300, 约50, 三百出头) is not the sum paid: the bot asks for the exact one.
const ROUGH_AFTER = /^\s*(?:元|块钱?|rmb)?\s*(?:左右|上下|出头)/;
const ROUGH_BEFORE = /(?:大概|大约|大致|约莫|(?<![预节合契大])约|差不多|估计|个小|小)\s*(?:是|有)?\s*$/;
const MORE_THAN_AFTER = /^\s*(?:\+(?!\d)|多(?![扣收付充要算])|余(?!额)|来(?=\s*(?:元|块|rmb)))/;
const WINDOW = 24;
// Ranges: "2元到10元", "2到10块", "2-10元", "5~20元", "10元不等".
const RANGE_AFTER = /^\s*(?:元|块钱?|rmb)?\s*(?:到|至|~|～|-|—)\s*\d+(?:\.\d+)?\s*(?:元|块|rmb)|^\s*(?:元|块钱?)?\s*不等/;
const RANGE_BEFORE = /\d\s*(?:元|块钱?|rmb)?\s*(?:到|至|~|～|-|—)\s*$/;
// The user says they paid (a sum named in such a message is taken as paid).
const PAID = /付|充|冲了|花了|扣|骗|交了|转账|转了|买了|购买|下单|捐|打赏|赞助|订阅了|续费|开通|\bpaid\b|\bspent\b|\bcharged\b|\bbought\b/;
const MONEY_BEFORE = /(?:¥|rmb|cny|人民币)\s*$/;
const MONEY_AFTER_ARABIC = /^\s*(?:多|来|余)?\s*(?:元|块钱|块|圆|rmb|cny|yuan|bucks?|米(?![饭粉线])|大洋|软妹币|q币|qb)/;
// 7毛钱 = 0.7, 5角 = 0.5; 一分钱 = 0.01 (分 alone is minutes or points).
const JIAO_AFTER = /^\s*(?:毛|角)/;
const FEN_AFTER = /^\s*分钱/;
const MONEY_CONTEXT_BEFORE =
  /(?:(?:充|冲|付|花|扣|交|转|骗|赔|亏|借)(?:钱|值)?(?:了|过)?(?:我|他|她|他们|钱)?|给(?:了|过)(?:他|她|他们|商家|卖家|对方)?|充值了?|支付了?|付款了?|扣款|扣费|扣我|被扣|已扣|转账|买了|金额(?:是|为)?|价格(?:是|为)?|价值|总共|一共|共计|合计|退款?|退我|退回|余额(?:还有|有)?|损失|paid|charged|cost|spent|refund|worth|price|total)\s*[:：]?\s*$/;

// A rate before a sum, the sum right after it (每个月自动续费29.9, 月费15, 每个月都会从我花呗扣款48元) — not when the
// user says they paid it (按月买的会员 付了30元, 年费会员 付了198元).
const RATE_BEFORE = /(?:每个?(?:月|年|周|季度?)|月费|年费|按月|包月(?:费)?|首月|首年|次月|续费价)(?:(?!付了|花了|充了|买了|交了)[^，。,；;]){0,8}$/;
// Someone else's money: 有人被盗刷了三千元, 很多人充了500 — not 帮别人充了100 or 大家好.
const OTHERS_PAID = /(?<![帮给替])(?:有人|别人|有的人|很多人|不少人|网友|其他人)(?:也|都|还)?(?:被|在)?[^，。,]{0,3}(?:充|付|花|扣|盗刷|损失|买|骗|转)/;
// A sum naming the goods it bought: 100的点卡, 200的卡密, 50的话费 (their face value — what was paid).
const GOODS_OF_AFTER = /^\s*的\s*[^，。,；;!！?？\s]{0,6}?(?:预存款|存款|余额|点卡|卡密|充值卡|礼品卡|游戏卡|购物卡|卡|话费|流量|会员|月卡|年卡|季卡|周卡|q币|qb|皮肤|套餐|账号|号|cdk|激活码|兑换码|礼包|订单|东西|货)/;
const UNIT_BEFORE = /(?:面值|面额|单价|每次|每笔|一次|一笔)\s*(?:是|为)?\s*[:：]?\s*$/;
// The number itself, Arabic or Chinese, at the start of an after-window.
const NUM_LEAD = `[\\d.,${CN_NUM_CHARS}]+`;
// A rate after a sum: "20元一个月", "29.9/月", "15块每月", "198一年".
const RATE_AFTER = new RegExp(`^${NUM_LEAD}\\s*(?:元|块钱?|rmb)?\\s*(?:\\/|一个?|每个?)\\s*(?:月|年|周|季度?)(?!卡|会员|的会员|vip)`);

// Words that say money changed hands or is held (paying, buying, a balance, a loss, goods not credited).
// A message with none of them names no sum that was paid ("天猫超市购物返卡100元", "费用预估59", a
// question about a limit): its numbers are left out (issue 13: refuse to guess).
const MONEY_MOVED =
  /付|充|冲|花了|花费|扣|交了|交款|缴|转账|转了|买|购|下单|订|拍了|拍的|点了|点的|捐|打赏|赞助|续费|开通|骗|损失|亏|坑|白花|浪费|余额|存了|预存|里面|账户里|面值|的卡|卡密|收取|收了|收我|实收|结账|结帐|没了|还我|退|到账|没到|未到|金额|借|没收到|给了|转给|收钱|不发|没给|没发|跑路|卷了|拿到|不给|\bpaid\b|spent|charged?|bought|brought|debit|payments?|lost|taken|deducted|gone|balance|top-?up/;
// A sum charged on top (多收了我4元, 多付了250元, 少找5毛, 差价7块) is not the price paid — unless the
// message tells of a debit taken twice, where the extra debit is the price (多扣了一次，多扣的是88).
const EXTRA_BEFORE = /(?:多收|多扣|多付|多出|多要|多交|多算|少找|少给|少退|差价|补差价|加收)了?(?:我|你)?\s*(?:¥|￥)?\s*$/;
const TWICE = /重复|两次|二次|2次|两笔|2笔|(?<!第)一次|一笔|两遍|俩次|两回|twice|double/;
// A limit or threshold (超过五百元, 200元以下, 不超300, 不到0.3元) is not a sum paid.
const LIMIT_BEFORE = /(?:超过|超出|不超过?|不到|低于|高于|少于|多于|最多|最少|至少|上限|限额|额度)\s*(?:¥|￥)?\s*$/;
const LIMIT_AFTER = new RegExp(`^${NUM_LEAD}\\s*(?:元|块钱?|rmb)?\\s*(?:以上|以下|封顶|上限)`);
// A red packet, a coupon, a cash-back or a reward (300的红包, 五元红包, 一百元券, 返卡100元) is not a sum paid.
const GIFT_AFTER = new RegExp(`^${NUM_LEAD}\\s*(?:元|块钱?|rmb)?\\s*(?:的)?\\s*(?:红包|券|优惠券|代金券|抵用券|返现|返利|奖励|补贴|免单|立减)`);
const GIFT_BEFORE = /(?:红包|(?<!退)返|返卡|返现|返利|奖励|补贴|立减|抽到|中了|赢)\s*(?:了)?\s*$/;
// An estimate or somebody's price (预估59, 市场价2600, 报价, 只值200, 降到300) is not a sum paid.
const ESTIMATE_BEFORE = /(?:预估|估价|预估价|市场价|报价|(?:只|才|就|不)值|门市价|挂牌价|降到|降价到|涨到|降了|便宜|定在)\s*(?:是|为|了)?\s*$/;
// A rate per night or day (162元/天, 每晚240元) or an exchange rate (1元人民币能兑换10个快币).
const RATE_DAY_AFTER = new RegExp(`^${NUM_LEAD}\\s*(?:元|块钱?|rmb)?\\s*(?:\\/|一|每)\\s*(?:天|晚|夜|小时|人)(?![数])|^${NUM_LEAD}\\s*(?:元|块钱?)?\\s*(?:人民币)?\\s*(?:能|可以|可)?\\s*(?:兑换|换)\\s*\\d`);
const RATE_DAY_BEFORE = /(?:每晚|每天|每日|一晚|每人|人均)\s*$/;

// The sum actually paid, named as such: 实付, 实际付了, 到手价, 折后.
const ACTUALLY_PAID_BEFORE = /(?:实付|实付款|实际(?:付款?|支付|付了|花了|扣了?)|到手价|折后|打折后|优惠后|券后)\s*(?:了|是|为)?\s*[:：]?\s*(?:¥|￥)?\s*$/;

// Hotlines and HTTP errors that appear in complaints: 12315, 404, …
const SERVICE_NUMBERS = new Set(['10086', '10010', '10000', '10099', '12315', '12345', '12306', '110', '12321', '12377', '12378', '95188', '95017', '404', '502', '503']);

function lastChars(s: string, end: number, n: number): string {
  return s.slice(Math.max(0, end - n), end);
}

const ARABIC = /(\d+(?:,\d{3})*(?:\.\d+)?)(\s*(?:k|w|万|千|百)(?![a-z]))?(\d)?/g;
const CHINESE = new RegExp(`[${CN_NUM_CHARS}]+(?:[块元](?:[${CN_NUM_CHARS.replace('万', '')}](?![${CN_NUM_CHARS}]))?)?`, 'g');

export function parseAmountNormalized(s: string, opts: AmountOptions = {}): number | undefined {
  const found: Candidate[] = [];

  for (const m of s.matchAll(ARABIC)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    const before = s.slice(Math.max(0, index - WINDOW), index);
    const after = s.slice(end, end + WINDOW);
    const raw = m[1].replace(/,/g, '');
    const prevChar = before.slice(-1);
    // Part of an id, a word or a longer token: ABC123, x100, 2026-11-18, 15:30, 11/18, GMT+09, 7*24.
    if (/[a-z_#@/\-.+*×]/.test(prevChar) && !/(?:¥|rmb|cny)$/.test(before)) continue;
    if (/[a-z_]\s*[=＝]\s*$/.test(before)) continue; // status =1, code=500: a value in code
    if (/^[*×]\s*\d/.test(after)) continue;
    if (FOREIGN_AFTER.test(after) || FOREIGN_BEFORE.test(before)) continue;
    if (prevChar === ':' && /\d\s*:$/.test(before)) continue; // 15:30
    if (/^[a-z]/.test(after) && !/^(?:k|w|rmb|cny|yuan|bucks?|qb)\b/.test(after) && !/^\s*(?:rmb|cny|yuan|bucks?)\b/.test(after)) {
      if (!/^q币/.test(after)) continue;
    }
    if (/^[\-/:]\d/.test(after) || /^\.\d/.test(after)) continue;
    if (/^\d/.test(after)) continue;
    if (MORE_THAN_AFTER.test(after) || NEARLY_BEFORE.test(before)) continue;
    if (ROUGH_AFTER.test(after) || (ROUGH_BEFORE.test(before) && (!/小\s*$/.test(before) || m[2]))) continue; // 小5k is rough, 小100 is not said
    // A number with a leading zero (07网上购物) or a product model (iPhone 12, 小米 13) is no price.
    if (/^0\d/.test(raw)) continue;
    if (/(?:iphone|ipad|mate|note|galaxy|redmi|pixel|nova|ios|android|windows|win|macos|华为|小米|(?<!王者)荣耀|红米|苹果)\s*$/.test(before)) continue;
    // A date written 11.18 with a time or 号-like context is not money.
    if (/^\d{1,2}\.\d{1,2}$/.test(raw) && /^\s*(?:号|日|晚|早|上午|下午|中午|凌晨|\d{1,2}[:点])/.test(after)) continue;
    // A list number at the start of a line ("1、如果…", "2. …") is not a sum.
    if (/(?:^|\n|[；;。])\s*$/.test(before) && /^[、)）]|^\.(?!\d)/.test(after)) continue;
    // A range ("2元到10元不等", "2-10元", "5~20块") names no one sum that was paid.
    if (RANGE_AFTER.test(after) || RANGE_BEFORE.test(before)) continue;
    let value = Number(raw);
    const mult = m[2]?.trim();
    if (!mult && m[3] === undefined && JIAO_AFTER.test(after) && /^\d{1,2}$/.test(raw)) {
      found.push({ value: value / 10, score: 3, index });
      continue;
    }
    if (!mult && m[3] === undefined && FEN_AFTER.test(after) && /^\d$/.test(raw)) {
      found.push({ value: value / 100, score: 3, index });
      continue;
    }
    if (mult === 'k' || mult === '千') value *= 1000;
    else if (mult === 'w' || mult === '万') value *= 10000;
    else if (mult === '百') value *= 100;
    if (m[3] !== undefined && mult) {
      // 1万2 → 12000, 1k5 → 1500
      const step = mult === 'w' || mult === '万' ? 1000 : mult === 'k' || mult === '千' ? 100 : 10;
      value += Number(m[3]) * step;
    }
    const hasMarkerBefore = MONEY_BEFORE.test(before);
    const hasMarkerAfter = MONEY_AFTER_ARABIC.test(after);
    // Explicit "phone" / "QQ" / order-id context.
    if (!hasMarkerBefore && !hasMarkerAfter) {
      if (NOT_MONEY_AFTER.test(after)) continue;
      if (/(?:订单|单号|编号|流水|交易号|qq号?|q号|手机号?|电话|卡号|账号|帐号|id|uid|第|尾号|型号|版本|v)\s*[:：#是为]?\s*$/.test(before)) continue;
      if (raw.replace('.', '').length >= 7) continue; // long digit strings are ids, not prices
      if (SERVICE_NUMBERS.has(raw)) continue;
      if (/(?:code|error|错误码|错误代码|状态码|报错|显示|http)\s*[:：]?\s*$/.test(before) && /^(?:4\d\d|5\d\d)$/.test(raw)) continue;
      if (/^\s*(?:hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|seconds?|secs?|times?|skins?|heroes|levels?|items?|pcs|people|persons?|gems?|diamonds?|coins?|points?|gb|mb|players?|accounts?|cards?|keys?|codes?)\b/.test(after)) continue;
      if (/^1[3-9]\d{9}$/.test(raw)) continue;
      // A year (2019) or a version (3.12) is not a price.
      if (/^(?:19|20)\d\d$/.test(raw) && !MONEY_CONTEXT_BEFORE.test(lastChars(s, index, 8))) continue; // 付了2000 is money
      if (/^\d+\.\d+\.?$/.test(raw) && /^\s*(?:版|的版本|版本|依然|依旧|还是|模型|用户)/.test(after)) continue;
      if (/(?:版本|版|gpt|模型)\s*$/.test(before)) continue;
      // A quantity of game currency ("王者荣耀点券600", "钻石6480"): what was bought, not the sum paid (smoke test).
      if (/(?:点券|钻石|金币|元宝|积分|水晶|结晶|原石|星钻|v币|q币|qb|金豆|银两|钻)\s*$/.test(before) && !/^\s*(?:的那档|那档|档)/.test(after)) continue;
    }
    // Bare numbers in a list of different sums ("很多个648、328") name no one sum that was paid;
    // a list of one sum repeated ("3笔：68、68、68") names it.
    if (!hasMarkerBefore && !hasMarkerAfter) {
      const next = /^\s*[、/]\s*(\d+(?:\.\d+)?)/.exec(after)?.[1];
      const prev = /(\d+(?:\.\d+)?)\s*[、/]\s*$/.exec(before)?.[1];
      if ((next !== undefined && Number(next) !== Number(raw)) || (prev !== undefined && Number(prev) !== Number(raw))) continue;
    }
    let score = 1;
    if (hasMarkerBefore || hasMarkerAfter) score = 3;
    else if (MONEY_CONTEXT_BEFORE.test(lastChars(s, index, 8))) score = 2;
    // A face value or a unit price (100的点卡, 面值100, 每次30) is money, yet a sum said as paid beats it
    // ("买了两张50的话费卡 付了100" is 100; review R14).
    else if (GOODS_OF_AFTER.test(after) || UNIT_BEFORE.test(lastChars(s, index, 6))) score = 1.5;
    // What was actually paid beats a face value: "100元话费 实付98.5".
    if (ACTUALLY_PAID_BEFORE.test(lastChars(s, index, 8))) score = 4;
    found.push({ value, score, index });
    if (m[0].length === 0) ARABIC.lastIndex++;
  }

  for (const m of s.matchAll(CHINESE)) {
    const index = m.index ?? 0;
    const token = m[0];
    const end = index + token.length;
    const after = s.slice(end, end + WINDOW);
    const before = s.slice(Math.max(0, index - WINDOW), index);
    if (VAGUE_BEFORE.test(before) || /^\s*几/.test(after) || MORE_THAN_AFTER.test(after) || NEARLY_BEFORE.test(before)) continue; // 几十块, 十几块, 三千多, 近两千
    if (ROUGH_AFTER.test(after) || (ROUGH_BEFORE.test(before) && !/小\s*$/.test(before))) continue;
    if (FOREIGN_AFTER.test(after) || FOREIGN_BEFORE.test(before)) continue;
    let numPart = token;
    let fraction = 0;
    let unitInside = false;
    const unitAt = token.search(/[块元]/);
    if (unitAt >= 0) {
      unitInside = true;
      numPart = token.slice(0, unitAt);
      const tail = token.slice(unitAt + 1);
      if (tail) {
        const d = parseChineseNumber(tail);
        if (d !== undefined && d < 10) fraction = d / 10; // 三块五 = 3.5
      }
    }
    if (!numPart) continue;
    // 七毛钱 = 0.7, 五角 = 0.5.
    if (!unitInside && (JIAO_AFTER.test(after) || FEN_AFTER.test(after))) {
      const d = parseChineseNumber(numPart);
      if (d !== undefined && d < 10) found.push({ value: d / (FEN_AFTER.test(after) ? 100 : 10), score: 3, index });
      continue;
    }
    // Must start like a numeral: 千万 (by all means), 万一 (in case), 百度 are words.
    if (!/^[零〇一壹二贰两俩三叁仨四肆五伍六陆七柒八捌九玖十拾]/.test(numPart)) continue;
    const value0 = parseChineseNumber(numPart);
    if (value0 === undefined) continue;
    const hasMarker = unitInside || /^\s*(?:多|来)?\s*(?:元|块|圆|rmb|人民币)/.test(after) || MONEY_BEFORE.test(before);
    const hasUnitChar = /[十拾百佰千仟万]/.test(numPart);
    let score: number;
    if (hasMarker) {
      // 一块 on its own is usually "together" (一块儿); 一块 + 钱 is money.
      if (numPart.length === 1 && numPart === '一' && /^块(?!钱)/.test(token.slice(unitAt))) {
        if (!/^(?:钱|五|\d)/.test(after) && fraction === 0) continue;
      }
      score = 3;
    } else {
      if (!hasUnitChar) continue;
      if (/^几/.test(after)) continue; // 十几个 is a rough count
      if (NOT_MONEY_AFTER.test(after)) continue;
      if (/第\s*$/.test(before)) continue;
      score = MONEY_CONTEXT_BEFORE.test(lastChars(s, index, 8)) ? 2 : 1;
    }
    if (ACTUALLY_PAID_BEFORE.test(lastChars(s, index, 8))) score = 4;
    found.push({ value: value0 + fraction, score, index });
  }

  // A price that was not paid: a computed rate ("相当于30块钱一个月"), or, in a message that never
  // says the user paid, a quoted price ("提示收费10元") or a price asked about ("50rmb买断是…？").
  const paid = PAID.test(s);
  // A story with no word of money changing hands: only a sum with a yuan marker (120元, 50块, ¥30) is kept.
  // ('strict': a message read as no complaint — no sum at all.)
  if (opts.story && !MONEY_MOVED.test(s)) for (let i = found.length - 1; i >= 0; i--) if (found[i].score < 3 || opts.story === 'strict') found.splice(i, 1);
  const twice = TWICE.test(s);
  for (let i = opts.asAnswer ? -1 : found.length - 1; i >= 0; i--) {
    const at = found[i].index;
    const before = s.slice(Math.max(0, at - 8), at);
    const clauseBefore = s.slice(Math.max(0, at - 30), at).split(/[。!！;；\n,，?？]/).pop() ?? '';
    const after = s.slice(at, at + 16);
    // A list price (原价, 标价) is never what was paid, whatever else the message says.
    if (/(?:相当于|约合|折合|平均|算下来|原价|标价)\s*(?:是|为)?\s*$/.test(before)) found.splice(i, 1);
    // A recurring rate ("每个月自动续费29.9", "20元一个月", "月费15") is a plan's price, not a sum paid
    // for the order in question (independent labellers of real text leave it out).
    else if (RATE_BEFORE.test(clauseBefore) || RATE_AFTER.test(after)) found.splice(i, 1);
    // A saving or a discount ("为了省10元", "便宜了5块") is not a sum paid.
    else if (/(?:为了省|省了|省下了?|能省|可以省|便宜了?|优惠了?|(?<!扣)减了?)\s*$/.test(before)) found.splice(i, 1);
    // A threshold ("扣满270才停", "满100减20") is not a sum paid.
    else if (/满\s*$/.test(before)) found.splice(i, 1);
    else if (!twice && EXTRA_BEFORE.test(before)) found.splice(i, 1);
    else if (LIMIT_BEFORE.test(before) || LIMIT_AFTER.test(after)) found.splice(i, 1);
    else if (GIFT_AFTER.test(after) || GIFT_BEFORE.test(before)) found.splice(i, 1);
    else if (ESTIMATE_BEFORE.test(before)) found.splice(i, 1);
    // A sum the other side asks for ("让我再付46", "要我先交200解冻") has not been paid.
    else if (/(?:让我|叫我|要我|要求我|逼我)(?:再|先|补|另外)?(?:付|交|转|充)(?:了)?\s*$/.test(before)) found.splice(i, 1);
    else if (RATE_DAY_AFTER.test(after) || RATE_DAY_BEFORE.test(before)) found.splice(i, 1);
    // Someone else's money ("甚至有人被盗刷了三千元", "朋友充了500") is not the user's.
    else if (OTHERS_PAID.test(clauseBefore)) found.splice(i, 1);
    else if (!paid) {
      const clause = s.slice(at, at + 60).split(/[。!！;；\n]/)[0];
      if (/(?:收费|售价|价格|定价|原价|要价|卖|标价)\s*(?:是|为)?\s*$/.test(before) || /[?？]|吗/.test(clause)) found.splice(i, 1);
    }
  }
  if (found.length === 0) return undefined;
  // Highest score wins; among equals the first mention (the order's price usually comes first).
  found.sort((a, b) => b.score - a.score || a.index - b.index);
  const best = found[0];
  if (!(best.value > 0) || !Number.isFinite(best.value)) return undefined;
  return Math.round(best.value * 100) / 100;
}
