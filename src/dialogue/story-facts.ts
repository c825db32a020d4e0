// Facts a first message tells beyond names, amounts and times: in 刷不了, what the payment page
// showed ("付款一直转圈 最后显示支付失败") and that no order was made ("订单也没生成") (explore3 F15);
// money sent by private transfer to a seller met on a 卡盟 ("加他微信私下转账") (F32).
// Only clauses that clearly describe the page are taken; they are shown in "我理解为：…" to be corrected.
import { fold } from './fold.js';
import { withoutCardKeys } from './cardkey.js';

/** A clause describing the page: it shows, spins, errors, times out. */
const PAGE = /显示|提示|报错|弹出|弹窗|转圈|页面|超时|白屏|卡住|卡死|没反应|无响应|加载不出|网络异常|系统繁忙|系统错误|(?:最后|然后|说)(?:说)?失败/;
/** A clause about the money, the order, the time or the place is not the page's message. */
const NOT_PAGE = /扣|少了|钱|订单|元|块|到账|没到|退|卡盟|平台|网站|买|充|[0-9]+点|今天|昨天|前天|中午|晚上|下午|上午|早上/;
const LEAD = /^(?:结果|然后|最后(?=[^显提]*$)|就|在)?(?:付款|支付|付钱|交钱)(?:时|的时候|后)?|^(?:结果|然后|就)/;

/** What the payment page showed, from a story ("一直转圈，最后显示支付失败"), or undefined. */
export function storyPageMessage(text: string): string | undefined {
  const s = fold(withoutCardKeys(text), { lowerCase: false });
  const clauses = s
    .split(/[\s,，。；;!！?？、]+/)
    .map((c) => c.replace(LEAD, '').trim())
    .filter((c) => c.length >= 2 && PAGE.test(c) && !NOT_PAGE.test(c));
  const v = clauses.join('，');
  return v && v.length <= 40 ? v : undefined;
}

/** "订单也没生成", "没有生成订单", "平台上没有订单": the payment made no order. */
export function storyNoOrder(text: string): boolean {
  return /订单(?:也|都|还|根本)?(?:没有?|未)(?:生成|出来|创建)|(?:(?:没有?|未)(?:生成|创建)|没有?|查不到|找不到)(?:这笔)?订单(?!号)/.test(fold(text, { lowerCase: false }));
}

/** Money sent to the seller by a private transfer, not through the platform's order. */
export function privateTransferSaid(text: string): boolean {
  return /私下(?:微信|支付宝|银行卡)?转(?:账|钱|给)?|私下交易|加(?:他|她|对方|卖家)?(?:的)?(?:微信|vx|QQ|qq)[^。！？!?]{0,8}(?:转账|转钱|直接转)|(?:微信|支付宝)(?:直接)?转账给(?:他|她|卖家|对方)|(?:转账|转钱)给(?:他|她|卖家|对方)(?:个人|私人)|没有订单[^。！？!?]{0,4}(?:私下|直接转|转账)/i.test(text);
}

/** The money left on a site, told in a story: 余额300在上面, 余额里还有380, 还有150余额, 还剩200的余额 (explore4 F18). */
// Not "用余额300买的" (the channel and the sum paid; review R5): left money is said with 还有/剩 or as stuck there.
const BALANCE_SAID = /余额\s*(?:里|里面|上)?\s*(?:还有|有|还剩|剩|剩下)\s*(\d+(?:\.\d+)?)\s*(?:元|块)?|余额\s*(\d+(?:\.\d+)?)\s*(?:元|块)?\s*(?:在上面|在里面|在平台|没用|用不了|取不出|提不出)|(?:还有|还剩|剩下?|有)\s*(\d+(?:\.\d+)?)\s*(?:元|块)?\s*(?:的)?\s*余额/;

export function storyBalance(text: string): number | undefined {
  const m = BALANCE_SAID.exec(fold(withoutCardKeys(text), { lowerCase: false }));
  const v = m ? Number(m[1] ?? m[2] ?? m[3]) : NaN;
  return v > 0 && v <= 1_000_000 ? v : undefined;
}

/** The story topped the money up (充值了500): 余额 there is what is left, not how it was paid. */
export function storyToppedUp(text: string): boolean {
  return /充值|充了|充进|冲了|存了|预存/.test(fold(text, { lowerCase: false }));
}

/** 刷不了: the money was taken, said in the story ("支付宝扣了68", "钱包少了30", "钱扣了") (session 7). */
export function storyMoneyTaken(text: string): boolean {
  const s = fold(text, { lowerCase: false });
  return /(?:扣了|扣款了|被扣|已扣|扣掉|少了|钱没了|划走|扣费成功|付款成功|支付成功)/.test(s) && !/(?:没扣|没有扣|未扣|没被扣|没有被扣|钱没扣|钱没少|没少钱|没被划走|没扣走|不知道扣没扣|不确定)/.test(s);
}

/** 刷不了: the order shows 待支付 / 未支付, said in the story ("订单页面显示待支付"). */
export function storyOrderUnpaid(text: string): boolean {
  return /订单[^，。,；;]{0,8}(?:待支付|未支付|待付款|未付款)/.test(fold(text, { lowerCase: false }));
}

/** "结果给我的是7天体验卡", "发过来的是月卡", "收到的却是…": what arrived instead, in a 货不对板 story (explore4 F8). */
const RECEIVED = /(?:给我的|发给我的|发我的|发过来的|发来的|收到的|到手的|拿到的|发的)(?:却|竟然|居然|只)?(?:是|只有)\s*([^\s，,。；;！!？?]{2,20})/;

export function storyReceived(text: string): string | undefined {
  const m = RECEIVED.exec(fold(withoutCardKeys(text), { lowerCase: false }));
  return m ? m[1].replace(/(?:啊|呀|吧|的|了)+$/, '') : undefined;
}

/** "客服也不回", "商家一直不理我", "卖家已读不回": the seller does not answer (explore4 F1). */
export function storySellerSilent(text: string): boolean {
  return /(?:客服|商家|卖家|老板|店家|对方)(?:也|都|一直|根本|还是|就)*(?:不回|没回|不理|没人理|已读不回|联系不上|找不到人)/.test(fold(text, { lowerCase: false }));
}
