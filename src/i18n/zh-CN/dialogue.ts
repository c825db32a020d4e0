// zh-CN: the answer-understanding layer (src/dialogue) — asking which option was meant, offering
// a correction, questioning a refund larger than what was paid, the checklist mark.
const dialogue: Record<string, string> = {
  'dlg.which': '你说的是哪一个？',
  'dlg.which_line': '{n}. {label}',
  'dlg.correct.offer': '{label}改成{value}吗？',
  'dlg.amount.exceeds_paid': '退回的{amount}比你付的{paid}还多，是不是写错了？请再说一下实际退回了多少。',
  'dlg.amount.not_positive': '请说一个大于0的金额，例如：50元。',
  'dlg.name.unknown': '没关系，想起来再说；实在不清楚可以点“跳过（不清楚）”。',
  'dlg.name.no_letters': '这个看起来不像名称，请用文字写一下（例如：{example}）。',
  'dlg.date.future': '这个时间还没到，请说一个已经过去的时间。',
  'dlg.check.line': '{n}. {mark}{label}',
  'dlg.check.ticked': '✅ ',
  'dlg.check.open': '',
  // The intake's own words around its questions (src/flow/intake.ts).
  'intake.welcome_back': '你好，欢迎回来。你的案件还差几个问题，我们接着来（想看全部案件发“我的案件”）：',
  'intake.same_as_before': '按案件 #{id} 填上：{label} {value}。不对的话发“返回”改。',
  'intake.time_not_promise': '这是一个时间点。这里问的是商家承诺多久到账（商品页上写的时效），请从选项里选；页面没写就选“没写”。',
  'intake.hold_on': '好，不着急。找到了直接发给我，这个问题先等着：',
  'intake.hold_on_ask': '好的，问到了再告诉我。这个问题先等着：',
  'intake.side.free': '不收费。我只帮你整理情况、写材料、提醒期限，钱不经过我。接着问：',
  'intake.side.bot': '我是自动的维权助手，不是人工客服，也不代表任何平台。接着问：',
  'intake.side.safe': '这些只存在这里、只用来写你的维权材料，你可以随时“导出”或“删除我的数据”；完整卡密不会保存。接着问：',
  'intake.side.refundable': '能不能退要看具体情况，问完这几个问题我就给你初步判断（不保证结果）。接着问：',
  'reask.why.personal_id': '这里面有你的身份证号、银行卡号或手机号——这些不需要，我不会记下，也别发给商家。这里只写商家的店铺名、QQ号、微信号或电话就行。',
  'intake.side.how_long': '快慢要看商家和平台：商家一般给1–3天，平台申诉、支付渠道投诉各要几天到一两周。每个期限到了我都会提醒你（结果不能保证）。接着问：',
  'reask.why.story': '这像是事情的经过，不是名字。',
  'intake.ahead_split': '先记下了：{facts}。',
  // Answers given ahead of their question (src/flow/ahead.ts).
  'intake.ahead': '先记下了：{facts}。这个问题还要问一下：',
  'intake.ahead_fact': '{label} {value}',
  'intake.ahead_choice': '先记下了：{label} {value}。',
  'intake.no_order': '好，没有订单号也可以：付款记录截图同样能证明这笔交易。',
  'intake.already_have': '{label}已经记下了（{value}）。这个问题还要问一下：',
  'intake.ahead_none': '{label}没有',
  'intake.ahead_fact_more': '，{label} {value}',
  'intake.ahead_none_more': '，{label}没有',
};
export default dialogue;
