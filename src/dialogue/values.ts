// Sense checks and extraction for typed values: a name must be a name (platform, merchant, item),
// an answer wrapped in a sentence is taken out of it, and amounts / order numbers are read from
// the text with card keys removed first.
import { fold } from './fold.js';
import { withoutCardKeys } from './cardkey.js';
import { parseAmount } from '../nlu/amount.js';
import { parseOrderId } from '../nlu/order.js';
import { yesNo } from './yesno.js';
import { contactOnly, descriptionOnly, insultOnly, QQ_ID, sameAsBefore, WECHAT_ID } from './name-words.js';

export type NameCheck =
  | { ok: true; value: string }
  /**
   * 'unknown': the user says they don't know (未知, 不知道, 不记得了…); 'no_letters': no letter or CJK
   * character (😡😡😡, ???, 123 alone is allowed only for merchant); 'acknowledged': a bare
   * yes/no (对, 嗯, 好) typed where a name was asked; 'not_a_name': a word about the dispute there
   * (已读不回, 跑路了, 没到账).
   */
  | { ok: false; reason: 'unknown' | 'no_letters' | 'not_a_name' | 'acknowledged' | 'vague' | 'insult' | 'same_as_before' };

/** Answers meaning "I don't know", after folding and without punctuation. */
const UNKNOWN = /^(?:不知道(?:叫)?(?:啥|什么)(?:名字?)?|不知道名字|名字不知道|看下一步|下一步|下一个|未知|不知道|不知|不清楚|不记得|记不得|记不清|不记得了|忘了|忘记了|不晓得|不确定|没注意|没印象|不懂|不太清楚|不太记得|啥|什么|无|没有|随便|不知道啊|idk|dunno|unknown|n\/?a|none|null|\?+)(?:了|啊|呀|吧|哦|呢|欸|诶)*$/i;
const HAS_LETTER = /[\p{L}]/u;
/** Whole answers that tell what happened rather than name anything, after folding and without punctuation. */
const ABOUT_THE_DISPUTE =
  /^(?:他|她|它|商家|卖家|店家|客服|对方|老板|群主)?(?:已读不回|已读|不回|不回复|没回|没回复|不理人?|没人理|没人回|联系不上|联系不到|找不到人?|失联了?|没到账|未到账|没收到|没发货|不发货|跑路|跑了|被骗|骗子|拉黑|把我拉黑|被拉黑|要退款|我要退款|退款|卡密无效|已被使用|用不了|扣了两次)(?:了|啊|呀|吧|哦|呢)*$/;
const HAS_DIGIT = /\d/;
/** A pointer at a kind of place rather than its name: 那个卡盟, 一个网站, 卡盟 alone. */
const VAGUE = /^(?:就是?)?(?:那个|这个|一个|某个?|某一个|一家|那家|这家|个)?(?:卡盟|网站|平台|店|店铺|发卡网|网店|商家|卖家|小店|代充|网页|app|软件)(?:上|里)?(?:买的|下单的)?(?:啊|吧|呀|哦|呢|了|的)*$/i;
/** A role that names nobody: 老板, 网站的客服, 店主, 那个客服. */
const ROLE = /^(?:就是?)?(?:那个|这个|一个|他们的?)?(?:网站|平台|卡盟|店铺?|网店|小店)?(?:的)?(?:老板|客服|店主|站长|管理员|卖家|商家|掌柜|群主)(?:啊|吧|呀|哦|呢|了)*$/;
// "不知道 客服QQ是88776655": the contact given instead of a name is the name.
const DONT_KNOW_LEAD = /^(?:不知道|不清楚|不记得了?|忘了|忘记了|名字忘了|记不清了?)[\s,，。、]*/;
// Hedges around a name: 好像是…吧, 大概, 网址忘了.
const HEDGE_LEAD = /^(?:好像|应该|大概|可能|估计|貌似)(?:是|叫)?(?:(?:什么|啥)(?:来着)?\s*(?=\S{2,}))?\s*/;
const HEDGE_INNER = /(?:大概|差不多|好像|估计|貌似)\s*/g;
const FORGOT_TAIL = /[\s,，]*(?:网址|网站|链接|名字|全名|具体的?名字|具体的?网址)(?:我)?(?:忘了|忘记了|记不清了?|不记得了?)$/;

// What people wrap a name in: "平台是小年卡盟哦", "就小年卡盟啊", "在小年卡盟买的", "商家叫星辰点卡店".
// "不知道 群主叫阿飞": a role and the name it goes by (the name is the answer).
const ROLE_NAMED = /^(?:群主|站长|老板|客服|店主|管理员|卖家|商家)(?:的)?(?:名字|昵称)?(?:叫|是)\s*\S{2,}/;
const LEAD = /^(?:(?:平台|网站|网址|商家|卖家|店铺|店家|店名|商店|商品|东西|买的东西|买的|名字|名称|它|那个|群主|站长|老板|客服|店主|管理员)(?:的)?(?:名字|名称)?\s*(?:是|叫|为|:|：|=)\s*|(?:应该|好像|大概|可能)?(?:就是|就在|就|是|叫|在(?!线)|从)\s*(?:一个|一家|个|那个|这个)?(?:叫)?\s*(?=\S{2,})|(?:一个|一家|某个?|那个)(?:网站|平台|店|店铺|卡盟|发卡网|网店|小店)?(?:叫|名字叫)\s*)/;
const TRAIL = /(?:(?:上|里|那|这)?(?:买的|下单的|充的|购买的|那里买的)|这个(?:平台|网站|店)|的(?:店|店铺|平台|网站|卡盟)(?=$)|(?:的)?(?:平台|网站)(?=$)|谢谢|谢了|吧|啊|呀|哦|噢|哈|呢|啦|嘛|了|的)+$/;

// The user's chatter beside a name, removed wherever it stands: "刚说了", "我刚才说过了", "你没看吗",
// "上面说了啊", "(网站)现在打不开了", "叫什么…来着", "朋友推荐的", a remark in brackets.
const CHATTER: readonly RegExp[] = [
  // "他说叫什么话费快充": someone else's words passed on.
  /^(?:他|她|我爸|我妈|我爸爸|我妈妈|对方|朋友|我朋友|家里人)(?:跟我)?(?:说|讲)(?:了)?(?=\S{2,})/,
  // "话费快充 网址是 hfkc.cn": the label between a name and its address.
  /(?<=\S)\s*(?:网址|网站|链接|域名)(?:是|为|:|：)\s*(?=[a-z0-9][a-z0-9-]*\.[a-z]{2,})/gi,
  /[（(][^（）()]{0,20}?(?:打不开|进不去|关了|没了|跑路|已经|现在|好像|刚|不知道|忘了)[^（）()]{0,20}?[）)]/g,
  /(?:我|都)?(?:刚才?|刚刚|上面|前面|之前|已经)(?:都|也)?(?:说|讲|写|发)(?:过)?了?(?:啊|呀|吧|的)?/g,
  /(?:我)?(?:不是|都)?(?:说|讲)过了?(?:啊|呀|吧|吗|嘛)?/g,
  /你(?:没|不)(?:看|看到|看见)(?:吗|啊|么)?|不是说了吗?|说了啊/g,
  /(?<=^|[\s,，。、])(?:网站|网页|平台|它|店铺?|现在|已经|早就)*(?:打不开|进不去|关了|关门了|没了|跑路)(?:了|啦)?(?=$|[\s,，。、])/g,
  /(?:朋友|别人|群里|网上|同学)推荐的/g,
  /(?<=^|[\s,，。、])叫什么(?=\S{2,})/g,
  /^什么(?=\S{2,}来着)/,
  /来着(?:吧|啊)?/g,
  // "我说了就是垃圾卡盟 网站名字就叫这个": insisting, not naming.
  /^我?(?:都)?说了(?:啊|吧)?(?=就是|是|\s)/,
  /(?<=^|[\s,，。、])(?:网站|平台|店铺?|卡盟|商家|卖家)?(?:的)?(?:名字|名称)?(?:就)?(?:叫|是)这个(?:名字)?(?:啊|吧|呀)?(?=$|[\s,，。、])/g,
];

/** Of "是X不是Y" / "不是Y 是X" / "X 不是Y", the X; the text unchanged otherwise. */
function affirmedName(s: string): string {
  const notFirst = /^(?:不对[\s,，]*)?不是\s*\S+?[\s,，]+(?:而)?(?:是|叫)\s*(\S{2,})$/.exec(s);
  if (notFirst) return notFirst[1];
  const isFirst = /^(?:不对[\s,，]*)?(?:是|叫)?\s*(\S{2,}?)[\s,，]*(?:而)?不是\s*\S{2,}$/.exec(s);
  return isFirst ? isFirst[1] : s;
}

/** A name with the user's chatter taken out; the text as it was when nothing, or too little, would be left. */
function withoutChatter(s: string): string {
  let out = s;
  for (const re of CHATTER) out = out.replace(re, ' ');
  out = out.replace(/^[\s,，。、啊呀吧哦:：]+|[\s,，。、:：]+$/g, '').replace(/\s{2,}/g, ' ');
  // "七七卡盟啊": the mood word left at the end of the name goes too.
  out = out.replace(/(?:啊|呀|哦|吧|呢|嘛)+$/, '').trim();
  return out.length >= 2 ? out : s;
}

/**
 * Takes a name out of the words around it. Returns the trimmed text when nothing wraps it.
 * With `name` (a platform, merchant or item was asked) the user's chatter beside it goes too.
 */
export function extractName(text: string, opts: { name?: boolean } = {}): string {
  // Emoji and symbols around a name are mood, not part of it ("小年卡盟😡😡").
  let s = fold(text, { lowerCase: false })
    .replace(/^[\s\p{Extended_Pictographic}\uFE0F\u200D]+|[\s\p{Extended_Pictographic}\uFE0F\u200D]+$/gu, '')
    .replace(/[\s。.!！~～,，]+$/, '');
  const dontKnow = DONT_KNOW_LEAD.exec(s);
  if (dontKnow && s.length > dontKnow[0].length) {
    const rest = s.slice(dontKnow[0].length);
    const qq = QQ_ID.exec(rest);
    if (qq) return `QQ ${qq[1]}`;
    const wx = WECHAT_ID.exec(rest);
    if (wx) return `微信 ${wx[1]}`;
    // "不知道 好像叫星辰": a guess after the don't-know is the answer.
    if (/^(?:好像|应该|大概|可能|估计|貌似)/.test(rest) || ROLE_NAMED.test(rest)) s = rest;
  }
  // "就是那个网站的客服 QQ号是 2837465512", "卖家vx是 yx_shop888": the id is the name.
  const contact = contactOnly(s);
  if (contact) return contact;
  s = s.replace(FORGOT_TAIL, '');
  if (opts.name) s = withoutChatter(s);
  // "是星辰数码不是星辰点卡店", "不是星辰点卡店 是星辰数码": the name is the one affirmed (explore4 F29).
  if (opts.name) s = affirmedName(s);
  s = s.replace(HEDGE_LEAD, '');
  for (let k = 0; k < 2; k++) {
    const lead = LEAD.exec(s);
    if (lead && s.length - lead[0].length >= 2) s = s.slice(lead[0].length).trim();
  }
  const trail = TRAIL.exec(s);
  if (trail && s.length - trail[0].length >= 2) s = s.slice(0, s.length - trail[0].length).trim();
  s = s.replace(HEDGE_INNER, (m, at: number) => (at === 0 ? m : ''));
  return s.replace(/^["“'‘「『]+|["”'’」』]+$/g, '').trim();
}

/**
 * A platform, merchant or item name: extracted from its wrapper, then checked — it must
 * contain a letter or a CJK character (emoji-only, ???, 123 are not names; a merchant may be a
 * QQ number, so pass `allowDigits` there) and must not be a "don't know" (未知, 不知道, 不清楚, 不记得了…).
 * With `name` (a platform, merchant or item is asked), a bare yes/no (对, 嗯) or a word about the
 * dispute (已读不回, 跑路了) is refused too. Every refusal means: ask again, offering 跳过（不清楚）.
 */
export function checkName(text: string, opts: { allowDigits?: boolean; name?: boolean } = {}): NameCheck {
  const bare = fold(text).replace(/[\s\p{P}\p{S}]+/gu, '');
  if (UNKNOWN.test(bare) || (bare === '' && /\?|？/.test(text))) return { ok: false, reason: 'unknown' };
  // "不知道 就是网页上的客服": a don't-know with a description and no name (no id in it either).
  const folded = fold(text, { lowerCase: false }).trim();
  const dontKnow = DONT_KNOW_LEAD.exec(folded);
  if (dontKnow && !contactOnly(folded) && descriptionOnly(folded.slice(dontKnow[0].length))) return { ok: false, reason: 'vague' };
  if (opts.name && sameAsBefore(text)) return { ok: false, reason: 'same_as_before' };
  const value = extractName(text, { name: opts.name });
  const bareValue = fold(value).replace(/[\s\p{P}\p{S}]+/gu, '');
  if (UNKNOWN.test(bareValue)) return { ok: false, reason: 'unknown' };
  if (!HAS_LETTER.test(value) && !(opts.allowDigits && HAS_DIGIT.test(value) && value.replace(/\D/g, '').length >= 5)) return { ok: false, reason: 'no_letters' };
  if (opts.name) {
    const yn = yesNo(text);
    // A bare 嗯/对/好 acknowledges the question and names nothing; a word about the dispute (已读不回) is what happened.
    if (yn.answer !== 'unknown' && !yn.rest) return { ok: false, reason: 'acknowledged' };
    if (ABOUT_THE_DISPUTE.test(bareValue)) return { ok: false, reason: 'not_a_name' };
    if (insultOnly(bare) || insultOnly(bareValue)) return { ok: false, reason: 'insult' };
    if (VAGUE.test(bareValue) || VAGUE.test(bare) || ROLE.test(bareValue) || ROLE.test(bare)) return { ok: false, reason: 'vague' };
  }
  return { ok: true, value };
}

/** The amount in yuan a text names, with card keys removed first ("卡密 K7PX****2345 提示已被使用" → undefined; "金额是200" → 200). */
export function extractAmount(text: string): number | undefined {
  return parseAmount(withoutCardKeys(text), { asAnswer: true });
}

/** The order number a text names, with card keys removed first. */
export function extractOrderId(text: string): string | undefined {
  return parseOrderId(withoutCardKeys(text));
}
