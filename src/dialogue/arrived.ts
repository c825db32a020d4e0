// "The goods came after all" in the user's words: 商家给我补发了 已经到账了, 点券到了, 已经到了 不用了,
// 补发了. Not when a problem comes with it (收到了但是用不了, 只到了一半) or it is denied (还没到).

/** What arrives: the goods, the top-up, the key, the membership. */
const GOODS = '(?:点券|点卷|钻石|金币|会员|卡密|激活码|兑换码|东西|货|商品|话费|流量|q币|qb|充值|皮肤|账号|号|cdk|key|订单)';
const ARRIVED = new RegExp(
  [
    `(?:补发|重新发|重发|发货|发)了?[^。！？!?]{0,8}(?:到账|到了|收到(?:了)?|能用(?:了)?|充上(?:了)?|可以用(?:了)?)`,
    `${GOODS}(?:已经|终于|也)?(?:到账|到了|收到了|充上了|补上了|发过来了|能用了)`,
    `^(?:已经|终于|刚刚?|现在)?(?:到账|到)了[，,\\s]*(?:不用了|能用了|可以用了|谢谢|没事了|解决了|好了)`,
    `^(?:商家|卖家|客服|老板|他|她)?(?:给我)?(?:已经)?(?:补发|重新发|重发)(?:了|过来了)`,
    `^(?:东西|货)?(?:已经|终于)?收到了`,
  ].join('|'),
  'i',
);
/** A problem or a denial beside it: not resolved. */
const STILL_WRONG = /没(?:有)?(?:到|收到|到账|发)|还没|未到|用不了|不能用|无效|不对|少了|只(?:到|充|发)了|一半|但是|可是|不过|却|又|问题|被(?:使用|用)|过期|错了|退|余额|期限|约定|不理|不回|没回|拉黑|说收到|已收到|申诉|投诉|反馈|[元块¥￥]|\d/;

export function goodsArrived(text: string): boolean {
  const s = text.trim().toLowerCase();
  if (!s || s.length > 60) return false;
  return ARRIVED.test(s) && !STILL_WRONG.test(s);
}

/** Scenarios where goods were owed, so 到账了 means they came (in the others it is a refund); 刷不了's 补单 delivers them too (explore4 F34). */
export const GOODS_OWED: ReadonlySet<string> = new Set(['not_received', 'card_used', 'not_as_described', 'payment_failed']);
