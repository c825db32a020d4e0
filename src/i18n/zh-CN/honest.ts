// Honest users and common answers on a rung (exploratory testing, explore4): src/coaching/honest.ts,
// src/coaching/rung-words.ts, src/coaching/reply-deadline.ts.
const honest: Record<string, string> = {
  // F23: "其实我用过了" at 收到后用过吗？
  'opt.usedAlready.in_use': '用过一段时间了',
  'doc.clause.usedAlready.in_use': '收到后我用过一段时间，发现与商品页描述不符。',
  'assess.not_as_described.in_use': '你已经用过一段时间：不符的地方在交付时就存在，仍然可以要求补足或退一部分；但用得越久，对方越容易说你已经接受了商品，所以要尽快提出，并写明是什么时候发现不符的。',
  'honest.used': '谢谢你如实说，我记为“用过一段时间了”。用过不等于不能维权：和描述不符的地方在交付时就存在，可以要求商家补足，或者退一部分钱；要求全额退款会难一些。尽快提出，别再拖。',
  'honest.used_thanks': '谢谢你如实说。',
  // F25: a second order
  'honest.second_order': '另一单是另一笔交易，可以点“新案件”单独开一个案件来处理（同一个商家也没关系，两单分开写更清楚）。案件 #{id} 照常继续，这句话我没有记成对方的回复。',
  // F15: a seller's voice
  'honest.seller': '我是帮买家维权的助手，卖家这边能帮的不多。被买家投诉时，一般可以这样做：\n· 保存这笔订单的发货记录，以及这张卡密的兑换记录（兑换时间、兑换账号）——发卡系统或游戏官方客服能查到；\n· 在支付宝或平台的投诉页面按要求提交这些记录，如实说明经过；\n· 和买家沟通时只讲事实，聊天记录截图保存。\n结果由支付宝或平台核实后决定。',
  // F19: a fee deducted from the refund
  'honest.fee_cut': '对方要从退款里扣{fee}手续费，等于只退{offer}。这和“先交钱才能退款”的假客服不是一回事（没有人让你先付钱），而是只肯退一部分：商品页和订单里没写明要扣手续费的，可以不认，要求全额退还{amount}；你也可以接受，接受的话请对方写明退款金额和到账时间。',
  // F22: refunded twice
  'honest.double_refund': '谢谢你主动说。你付的是{amount}，现在收到了{received}，多收的{extra}不是你的，要退回去：\n· 先在账单里看清两笔退款分别是谁退的（平台还是微信/支付宝），联系其中一方说明“重复退款”，按对方在官方渠道给的方式退回；\n· 不要转给主动加你、自称“客服”的人，也不要点对方发来的链接；\n· 退回后保存转账记录。\n案件 #{id} 已按全额退款{amount}结案，提醒已取消。',
  // F31: part of the goods arrived
  'honest.part_arrived': '只到了一部分，是商品没到全，不是退款。我已把情况改成“只到了一部分”，下面的文字也按这个改好了：请对方补发没到的部分，或者按没到的比例退钱。到了多少，可以在发出去时写清楚。',
  // F34: 刷不了, the order completed after all
  'honest.order_completed': '补单到账了就好，这是掉单最常见的结果。先确认到账的东西能正常用，再按“商家已发货/补发”结案；钱没有被多扣就不用再追了。',
  // F14: 12315 declining
  'honest.regulator_declined': '12315说不归他们管，常见的原因是选的地区不对：12315按被投诉经营者的所在地分派，平台内商家的地址不清楚时，由平台所在地的市场监管部门处理。可以这样重新提交：\n· 被投诉方写经营者的名称（账单上的收款方），地区选它的登记地址；\n· 找不到商家地址的，被投诉方写平台经营者，地区选平台所在地；\n· 事实和诉求照旧。\n退款属于消费纠纷，仍然是市场监管（12315）处理。重新提交后还不受理，就进入下一步。',
  // F37: payment and card rung replies
  'honest.channel_unsigned': '{party}说收款方不是他们的签约商户：这笔钱多半是付进了个人收款码或个人账户，不在“投诉商家”的范围里。这时：\n· 在账单里对这笔付款点“投诉”，理由选诈骗或交易纠纷，保存账单详情截图（带收款账户和时间）；\n· 收钱不发货、联系不上的，可以报警（带上账单和聊天记录去派出所或网上报案），并索要受案回执；\n· 还可以向12315投诉你下单的卡盟平台。\n能不能追回要看对方和警方的处理。',
  'honest.retry_told': '{party}让你换区或清缓存再试：可以照做一次，全程录屏（从打开兑换页面、选区或清缓存，到输入卡密、出现提示）。\n· 成功了就好，可以按“已发货/补发”结案；\n· 还是报错，就把录屏发给{party}，这是你照做过的证据，请对方补发或退款。',
  'coach.said.retry_asked': '让我换区/清缓存再试',
  'doc.clause.seller_said.retry_asked': '让我换区或清缓存后再试',
  // F5/F6: deadlines
  'honest.deadline_passed_new': '你给对方的期限已经过了。上面的回复里给了一个新的短期限（{due}），我到时再问你结果；不想再等的，现在就可以点“看下一步”。',
};
export default honest;
