// zh-CN: intake questions, their short labels, examples and options.
// q.<id> / q.<flow>.<id>: the question; label.<id>: short name; ex.<id>: an example answer; opt.<id>.<option>.
const flows: Record<string, string> = {
  // common intake
  'q.platform': '在哪个平台或网站买的？（网站名或网址）',
  'label.platform': '平台/网站',
  'ex.platform': '小年卡盟 / www.example.com',
  'q.merchant': '卖家（商家）叫什么？店铺名、QQ号或微信号都可以。',
  'label.merchant': '商家',
  'ex.merchant': '星辰点卡店 / QQ 123456789',
  'q.item': '买的是什么？',
  'label.item': '商品',
  'ex.item': '王者荣耀点券 600 / 移动话费 100元 / 某软件年卡',
  'q.orderId': '订单号是多少？在订单详情里，只保存用于生成投诉文字。',
  'label.orderId': '订单号',
  'ex.orderId': '202611201530123456',
  'q.amount': '付了多少钱？',
  'label.amount': '金额',
  'ex.amount': '100元 / ¥99.5 / 两千五',
  'q.paymentMethod': '用什么付的款？',
  'label.paymentMethod': '支付方式',
  'q.paidAt': '什么时候付的款？',
  'label.paidAt': '付款时间',
  'ex.paidAt': '昨天下午3点 / 11月18日 20:30',
  'ex.kind.text': '简单几个字就行',
  'ex.kind.amount': '100元',
  'ex.kind.time': '昨天下午3点',
  'ex.kind.count': '2次',
  'ex.kind.order': '202611201530123456',
  'ex.kind.cardkey': 'ABCD1234EFGH5678',

  // not_received
  'q.not_received.promisedTime': '商家承诺多久到账或发货？',
  'label.promisedTime': '承诺时效',
  'opt.promisedTime.instant': '即时/几分钟内',
  'opt.promisedTime.hours': '几小时内',
  'opt.promisedTime.day': '24小时内',
  'opt.promisedTime.none': '没写',
  'q.not_received.goodsState': '现在的情况是？请如实选择。',
  'label.goodsState': '到账情况',
  'opt.goodsState.nothing': '完全没到账/没收到卡密',
  'opt.goodsState.partial': '只到了一部分',
  'opt.goodsState.used': '收到了，也用了',
  'q.not_received.sellerContact': '联系过商家吗？对方怎么说？',
  'label.sellerContact': '商家态度',
  'opt.sellerContact.no_reply': '不回复/已读不回',
  'opt.sellerContact.stalling': '一直说在处理',
  'opt.sellerContact.refused': '拒绝退款',
  'opt.sellerContact.not_yet': '还没联系',

  // double_charge
  'q.double_charge.chargeCount': '一共被扣了几次？',
  'label.chargeCount': '扣款次数',
  'ex.chargeCount': '2次',
  'q.double_charge.extraAmount': '多扣了多少钱？',
  'label.extraAmount': '多扣金额',
  'ex.extraAmount': '100元',
  'q.double_charge.orderCount': '是一个订单被扣多次，还是生成了几个订单？',
  'label.orderCount': '订单数',
  'opt.orderCount.one': '一个订单',
  'opt.orderCount.several': '几个订单',
  'q.double_charge.channels': '几次扣款是同一个支付方式吗？',
  'label.channels': '扣款渠道',
  'opt.channels.same': '同一个',
  'opt.channels.different': '不同（比如支付宝和银行卡都扣了）',

  // card_used
  'q.card_used.cardKey': '卡密是多少？我只保存前4位和后4位，用来在投诉里指明是哪张卡。',
  'label.cardKey': '卡密（已打码）',
  'ex.cardKey': 'ABCD1234EFGH5678',
  'q.card_used.errorShown': '兑换时具体提示什么？原话照抄。',
  'label.errorShown': '报错内容',
  'ex.errorShown': '该卡密已被使用 / 卡号或密码错误',
  'q.card_used.redeemedBefore': '在这次之前，这张卡密被兑换或发给别人过吗？请如实选择。',
  'label.redeemedBefore': '此前是否用过',
  'opt.redeemedBefore.never': '没有，第一次兑换就报错',
  'opt.redeemedBefore.me_success': '我自己兑换成功过',
  'opt.redeemedBefore.shared': '发给过别人/截图外传过',
  'opt.redeemedBefore.unsure': '不确定',
  'q.card_used.triedAt': '第一次兑换是什么时候？',
  'label.triedAt': '兑换时间',
  'ex.triedAt': '昨天晚上8点 / 刚才',

  // merchant_vanished
  'q.merchant_vanished.unreachableSince': '从什么时候开始联系不上？',
  'label.unreachableSince': '失联时间',
  'ex.unreachableSince': '3天前 / 11月15日',
  'q.merchant_vanished.siteState': '网站现在是什么状态？',
  'label.siteState': '网站状态',
  'opt.siteState.down': '打不开了',
  'opt.siteState.up_no_service': '能打开但客服不回',
  'opt.siteState.blocked_me': '把我拉黑了',
  'opt.siteState.unknown': '不清楚',
  'q.merchant_vanished.balance': '平台里还有多少余额取不出来？没有就填0。',
  'label.balance': '滞留余额',
  'ex.balance': '300元 / 0',
  'q.merchant_vanished.othersAffected': '知道还有其他人受害吗？',
  'label.othersAffected': '其他受害人',
  'opt.othersAffected.yes': '有',
  'opt.othersAffected.no': '没有',
  'opt.othersAffected.unknown': '不知道',

  // payment_failed
  'q.payment_failed.orderExists': '平台上有这笔订单吗？',
  'label.orderExists': '订单状态',
  'opt.orderExists.yes_unpaid': '有，显示待支付',
  'opt.orderExists.yes_failed': '有，显示失败/异常',
  'opt.orderExists.none': '没有订单',
  'q.payment_failed.errorShown': '付款时页面提示了什么？',
  'q.payment_failed.moneyTaken': '钱确实扣了吗？请看支付宝/微信/银行账单。',
  'label.moneyTaken': '是否扣款',
  'opt.moneyTaken.yes': '扣了，账单里有',
  'opt.moneyTaken.frozen': '显示冻结/处理中',
  'opt.moneyTaken.unsure': '不确定',
  'ex.payment_failed.errorShown': '支付超时 / 网络异常 / 页面一直转圈',

  // not_as_described
  'q.not_as_described.promised': '商品页上承诺的是什么？',
  'label.promised': '承诺内容',
  'ex.promised': '终身VIP / 含全部皮肤的账号',
  'q.not_as_described.received': '实际收到的是什么？',
  'label.received': '实际收到',
  'ex.received': '7天试用会员 / 账号没有皮肤',
  'q.not_as_described.usedAlready': '收到后用过吗？请如实选择。',
  'label.usedAlready': '使用情况',
  'opt.usedAlready.no': '没用',
  'opt.usedAlready.tried': '只试了一下',
  'opt.usedAlready.used_fully': '已经用完',
};
export default flows;

/**
 * What users type for each option, beside its label above: syn.<key of the label without "opt.">,
 * i.e. opt.<id>.<option> → syn.<id>.<option> (opt.<flow>.<id>.<option> → syn.<flow>.<id>.<option>).
 * Matching folds traditional/full-width/case first and also accepts each part of the label
 * (split on / and ，), so only other wordings need listing. Keep a wording under one option of a
 * question only: the matcher reports an answer that fits two options as ambiguous.
 */
export const flowSynonyms: Record<string, readonly string[]> = {
  'syn.promisedTime.instant': ['马上', '立刻', '立即', '秒到', '秒发', '秒充', '几分钟', '实时', '即时到账', '马上到账', '自动发货', '立即发货', '一分钟', '五分钟'],
  'syn.promisedTime.hours': ['几小时', '几个小时', '一小时', '两小时', '一两个小时', '小时内', '半小时', '三小时'],
  'syn.promisedTime.day': ['24小时', '一天', '一天内', '一天之内', '当天', '今天内', '24h', '一日'],
  'syn.promisedTime.none': ['没说', '没承诺', '没有写', '没写时间', '没讲', '没提', '没说多久', '没有说'],

  'syn.goodsState.nothing': ['没到账', '没到', '没收到', '什么都没收到', '啥也没收到', '一点没到', '都没到', '没发货', '没发', '没给卡密', '没给', '没有卡密', '没充上', '没到帐', '完全没有', '没有到账', '没收到货'],
  'syn.goodsState.partial': ['一部分', '部分到账', '到了一半', '只到一半', '到了一点', '只到了部分', '没到全', '少了', '少到了', '差一些'],
  'syn.goodsState.used': ['收到了', '到了也用了', '已经用了', '用过了', '已使用', '收到了用了'],

  'syn.sellerContact.no_reply': ['不回', '已读', '没回', '没回复', '不理人', '不理', '不搭理', '联系不上', '找不到人', '消息不回', '没人回', '没反应', '装死', '失联', '石沉大海', '不回消息'],
  'syn.sellerContact.stalling': ['在处理', '说在处理', '处理中', '一直拖', '拖着', '让我等', '叫我等', '在查', '推脱', '敷衍', '说马上', '马上处理', '等通知'],
  'syn.sellerContact.refused': ['拒绝', '不退', '不给退', '不退款', '不肯退', '说不能退', '拒退', '不让退', '不能退'],
  'syn.sellerContact.not_yet': ['没联系', '还没找', '没找', '没问', '还没问', '没联系过', '没有联系', '还没找商家'],

  'syn.orderCount.one': ['一个', '一单', '同一个订单', '就一个', '同一单', '一笔订单', '一个单'],
  'syn.orderCount.several': ['几个', '多个', '好几个', '两个订单', '多个订单', '多单', '两单', '两个', '三个', '好几单'],

  'syn.channels.same': ['都是', '全是', '一样', '同一种', '同一张卡', '都是一个', '都一样', '相同', '一个渠道', '同一个方式'],
  'syn.channels.different': ['不一样', '不是同一个', '不同的', '两个渠道', '两种', '分别扣'],

  'syn.redeemedBefore.never': ['没有', '没用过', '第一次', '第一次用', '第一次兑换', '一兑换就报错', '从来没用过', '没兑换过', '从没用过', '没有用过', '直接报错', '一用就报错'],
  'syn.redeemedBefore.me_success': ['兑换成功过', '我用过', '自己用过', '成功过', '用过', '我兑换过', '兑换过'],
  'syn.redeemedBefore.shared': ['发给别人', '给别人', '外传', '发过别人', '截图发过', '分享过', '发群里', '给朋友', '别人用过'],
  'syn.redeemedBefore.unsure': ['不知道', '不清楚', '不记得', '忘了', '不太确定', '说不准'],

  'syn.siteState.down': ['打不开', '进不去', '404', '关站', '网站没了', '倒闭', '关了', '挂了', '无法访问', '域名失效', '页面没了', '访问不了', '上不去'],
  'syn.siteState.up_no_service': ['能打开', '能进', '客服不回', '还能打开', '网站还在', '客服失联', '客服没人', '还开着', '能上'],
  'syn.siteState.blocked_me': ['拉黑', '被拉黑', '黑名单', '删了我', '把我删了', '删好友', '被删', '封号', '被踢'],
  'syn.siteState.unknown': ['不知道', '不确定', '没看', '没去看'],

  'syn.othersAffected.yes': ['有的', '有人', '很多人', '好多人', '不止我', '其他人也', '也有人', '有好几个', '群里好多', '一群人'],
  'syn.othersAffected.no': ['没', '没有人', '就我', '只有我', '就我一个'],
  'syn.othersAffected.unknown': ['不清楚', '不确定', '不了解', '不晓得', '不知道有没有'],

  'syn.orderExists.yes_unpaid': ['待支付', '未支付', '待付款', '未付款', '等待付款', '显示没付', '显示未支付'],
  'syn.orderExists.yes_failed': ['失败', '支付失败', '订单失败', '交易失败', '订单异常', '已关闭', '已取消', '显示异常'],
  'syn.orderExists.none': ['没有', '没订单', '找不到订单', '没生成', '没生成订单', '订单没了', '查不到', '查不到订单'],

  'syn.moneyTaken.yes': ['扣了', '扣钱了', '扣款了', '有扣款', '账单有', '钱扣了', '已扣款', '确实扣了', '扣掉了', '被扣了', '扣了钱'],
  'syn.moneyTaken.frozen': ['冻结', '被冻结', '冻结了', '处理中', '待处理', '还在处理', '冻住了'],
  'syn.moneyTaken.unsure': ['不知道', '不清楚', '没看', '没查', '不太确定'],

  'syn.usedAlready.no': ['没有', '没用过', '没使用', '还没用', '没有用', '一次没用', '没动', '没碰'],
  'syn.usedAlready.tried': ['试了一下', '试了', '试过', '试用', '用了一下', '看了一下', '登录看了', '就试试'],
  'syn.usedAlready.used_fully': ['用完了', '用完', '全用了', '用光了', '都用了', '全部用了'],
};
