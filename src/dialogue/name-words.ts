// Words around a name that are not a name (exploratory test 3): a seller's QQ / 微信 given inside a
// description ("就是那个网站的客服 QQ号是 2837465512", "卖家vx是 yx_shop888"), a don't-know with a
// description and no name ("不知道 就是网页上的客服"), an insult alone ("SB商家"), and a pointer at the
// previous case ("跟上一单一样", "同一家"). Text is folded by the caller (values.ts).

export const QQ_ID = /(?:qq|扣扣|企鹅)\s*(?:号码?)?\s*(?:是|为|:|：)?\s*(\d{5,11})(?!\d)/i;
/** A seller's phone: 商家电话13812345678, 客服手机 139…. */
export const PHONE_ID = /(?:电话|手机|手机号|联系方式)\s*(?:号码?)?\s*(?:是|为|:|：)?\s*(1[3-9]\d{9})(?!\d)/;
export const WECHAT_ID = /(?:微信|vx|wx|v信|威信)\s*(?:号)?\s*(?:是|为|:|：)?\s*([a-z][\w-]{5,19}|\d{6,11})(?![\w-])/i;

/**
 * Words that only describe who the seller is, with no name in them: 就是, 那个, 网站的, 客服, 卖家,
 * 联系方式, 我说了… (after removing spaces and punctuation).
 */
const DESCRIPTION_ONLY =
  /^(?:我说了|我说过了|我都说了|反正|只知道|只有|就是|就|是|叫|为|他|她|它|对方|他们|这个|那个|一个|网站|网页|页面|平台|卡盟|店铺|店家|店|上面|上|里|的|客服|卖家|商家|老板|店主|站长|联系方式|联系|加|我|名字|不知道|不清楚|叫啥|叫什么|号码|号|账号|只|谁|没看到|没看见|没注意|没显示|看不到|没写|没留|也|都|啊|呀|了)*$/;

const bareOf = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * The seller's QQ / 微信 when the rest of the text only describes who it is: "QQ 2837465512",
 * "微信 yx_shop888". Undefined when there is no id, or when a name stands beside it
 * ("星辰点卡店 QQ 12345678" is kept whole by the caller).
 */
export function contactOnly(s: string): string | undefined {
  for (const [re, label] of [[QQ_ID, 'QQ'], [WECHAT_ID, '微信'], [PHONE_ID, '电话']] as const) {
    const m = re.exec(s);
    if (!m) continue;
    const rest = bareOf(s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length));
    if (DESCRIPTION_ONLY.test(rest)) return `${label} ${m[1]}`;
  }
  return undefined;
}

/** Only a description of a role or a place, no name: "就是网页上的客服", "网站的客服". */
export function descriptionOnly(s: string): boolean {
  const bare = bareOf(s);
  return bare.length > 0 && DESCRIPTION_ONLY.test(bare);
}

/** An insult alone, typed where a name was asked: "SB商家", "傻逼", "垃圾商家", "骗子客服". A name such as 垃圾卡盟 stays a name. */
const INSULT_ONLY =
  /^(?:sb|傻逼|傻b|煞笔|沙比|sx|tmd|tm|nmd|他妈的?|去你妈的?|妈的|尼玛|垃圾|狗|狗东西|黑心|无良|骗子|坑人的?|坑货|人渣|王八蛋|混蛋|死)+(?:的)?(?:商家|卖家|店家|客服|老板|店主|东西|玩意儿?|骗子)?(?:啊|吧|呀|!)*$/i;

export function insultOnly(bare: string): boolean {
  return INSULT_ONLY.test(bare);
}

/** "跟上一单一样", "同一家", "和上次一样", "还是那家": the value of the user's previous case. */
const SAME_AS_BEFORE =
  /^(?:还是|也是|就是)?(?:(?:跟|和|与|同)?(?:上一单|上一个|上个|上次|上回|之前|前一单|前面那单|上一笔|第一单|那一单|上个案件|上一个案件|之前那单)(?:的)?(?:那家|那个)?(?:一样|相同|一致)?|(?:跟|和|与)(?:上面|前面|之前)一样|同一家|同一个|一样的|一样|那家|同一个卡盟|同一个平台|同一个网站|同一个商家|同一个卖家|同一家店)(?:的)?(?:啊|吧|呀|哦|呢|了)*$/;

export function sameAsBefore(text: string): boolean {
  return SAME_AS_BEFORE.test(bareOf(text));
}
