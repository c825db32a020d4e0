// Platform (the 卡盟 / 发卡 site or marketplace) and merchant (shop / seller name).

// Characters that end a name when walking left from "卡盟": function words, verbs, punctuation.
const STOP = new Set(
  '在从于是的了用到去个家这那该一和跟买充付上叫给让被把个某此其们每整该啥哪什么但就还也都而或说问与及想道知看觉得 \t\n，。,.!！?？:：;；、“”"\'‘’「」『』()（）【】[]<>《》~-'.split(''),
);
const SITE_SUFFIX = /(发卡平台|发卡网|卡盟|发卡)/g;
const MARKETPLACE = /(?:在|从|去|上)\s*(淘宝|闲鱼|拼多多|京东|抖音|快手|微店|咸鱼|转转|虾皮)(?!卡|e卡|购物卡)|(淘宝|闲鱼|拼多多|京东|抖音|快手|微店|咸鱼|转转|虾皮)(?:上|里|店铺|下单|买|的店)/;
const DOMAIN = /(?<![a-z0-9.@])((?:[a-z0-9-]+\.)+(?:com|cn|net|cc|top|xyz|vip|shop|store|club|site|online|me|io))(?![a-z0-9])/i;

/** The site or marketplace the user names ("星辰卡盟", "91发卡", "闲鱼", "ka88.cc"). */
export function extractPlatform(s: string): string | undefined {
  for (const m of s.matchAll(SITE_SUFFIX)) {
    const end = m.index ?? 0;
    let start = end;
    while (start > 0 && end - start < 6 && !STOP.has(s[start - 1])) start--;
    let name = s.slice(start, end);
    // "12315能管卡盟的事吗", "投诉卡盟有用吗": a question about who handles 卡盟 cases names no site.
    const about = /(?:能管|管不管|投诉|举报|查询)/.exec(name);
    if (about) name = name.slice(about.index + about[0].length);
    if (name.length === 0) continue;
    // "发卡" preceded by a verb-ish word (商家发卡, 自动发卡) is an action, not a site.
    if (m[1] === '发卡' && /(?:自动|手动|商家|卖家|老板|不|没|已|未|再|延迟|秒)$/.test(name)) continue;
    return name + m[1];
  }
  const mk = MARKETPLACE.exec(s);
  if (mk) return mk[1] ?? mk[2];
  const d = DOMAIN.exec(s);
  if (d) return d[1];
  return undefined;
}

const QUOTE_OPEN = '“"「『\'‘《';
const QUOTE_CLOSE = '”"」』\'’》';
const SHOP_WORD = '(?:店铺|店家|商家|卖家|店名|商户|小店|店主)';
const MERCHANT_PATTERNS: RegExp[] = [
  // 店铺“小七点卡” / 商家叫"鲸鱼虚拟" / 店铺是「阿杰数码」
  new RegExp(`${SHOP_WORD}\\s*(?:名字|名称)?\\s*(?:叫做|叫|是|为|名为|:|：)?\\s*[${QUOTE_OPEN}]([^${QUOTE_CLOSE}]{1,20})[${QUOTE_CLOSE}]`),
  // 一个叫“星月游戏”的店 / 叫星月游戏的卖家
  new RegExp(`叫\\s*[${QUOTE_OPEN}]?([^${QUOTE_CLOSE}，。,\\s]{2,12}?)[${QUOTE_CLOSE}]?\\s*的\\s*(?:店|卖家|商家|店铺|商户|小店)`),
  // 店铺叫星月游戏 (unquoted, up to the next punctuation or space)
  new RegExp(`${SHOP_WORD}(?:名字|名称)?(?:叫做|叫|名叫|名为)\\s*([\\u4e00-\\u9fa5a-z0-9]{2,12})`, 'i'),
  // seller "xxx" / shop called xxx
  /\b(?:seller|shop|store|merchant)\s+(?:called|named)?\s*["“]([^"”]{1,20})["”]/i,
];

/** The shop or seller name the user gives, without quotes. */
export function extractMerchant(s: string): string | undefined {
  for (const re of MERCHANT_PATTERNS) {
    const m = re.exec(s);
    if (m && m[1].trim()) return m[1].trim();
  }
  return undefined;
}
