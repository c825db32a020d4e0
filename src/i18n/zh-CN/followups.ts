// Follow-ups, reminders and deadline warnings (src/scheduler, src/followups).
const followups: Record<string, string> = {
  'fup.ask.refund_claim': '案件 #{id}（{scenario}）：对方说已经退款，按通常的到账时间，到现在（{due}）钱应该到了。钱到账了吗？没到的话，先请对方提供退款凭证（退款单号或退款记录截图）。',
  'fup.ask.seller': '案件 #{id}（{scenario}）：你给商家的处理期限（{due}）到了。商家退款了吗？',
  'fup.ask.seller_shared': '案件 #{id}（{scenario}）：之前请商家帮忙查这张卡密的兑换记录，商家回复了吗？回复了就点“商家回复了”，把原话发给我。',
  'fup.ask.platform': '案件 #{id}（{scenario}）：平台申诉提交已经 {days} 个工作日了（多数平台的审核期）。平台处理得怎么样了？',
  'fup.ask.payment': '案件 #{id}（{scenario}）：向支付渠道投诉已经 {days} 个工作日了。有结果了吗？',
  'fup.ask.regulator':
    '案件 #{id}（{scenario}）：向 12315 投诉已经 {days} 个工作日了。通常这时应该已经收到处理告知了。有消息了吗？',
  'fup.ask.police': '案件 #{id}（{scenario}）：报案已经 7 个工作日了。警方有进展吗？',
  'fup.ask.court': '案件 #{id}（{scenario}）：诉讼有进展了吗？',
  'fup.ask.none': '案件 #{id}（{scenario}）：现在怎么样了？',
  'fup.ask.reversal': '案件 #{id}（{scenario}）：付款失败被扣的钱，通常几天内会自动退回。现在退回了吗？',
  'fup.reversal.back': '钱已经退回了',
  'fup.reversal.not_back': '还没退回',
  'fup.ask.tail': '点下面的按钮告诉我，我来安排下一步。',

  'fup.refunded': '已退款',
  'fup.not_yet': '还没有',
  'fup.refused': '被拒绝',
  'fup.replied.seller': '商家回复了',
  'fup.replied.platform': '平台回复了',
  'fup.replied.payment': '对方回复了',
  'fup.replied.regulator': '有回复了',
  'fup.replied.police': '警方有回复了',
  'fup.replied.court': '法院有回复了',
  'fup.snooze1': '明天再提醒',
  'fup.snooze3': '3天后再提醒',
  'fup.stop': '不再提醒',
  'fup.resume': '恢复提醒',

  'fup.snoozed': '好的，{due} 再提醒你。',
  'fup.stopped': '好的，这个案件不再发提醒（已有的提醒都取消了）。有进展随时告诉我，发“进度”可以查看案件。',
  'fup.resumed': '好的，这个案件的提醒已恢复。',
  'fup.resumed_next': '好的，这个案件的提醒已恢复。下一次提醒：{due}。',
  'fup.sent_reminders_off': '好的。这个案件的提醒已关闭，我不会主动问你结果；有进展随时告诉我。',

  'fup.warn.platform':
    '案件 #{id}（{scenario}）：提醒——多数平台只受理交易后约 {days} 天内的申诉。你的付款时间是 {paid}，申诉期大约在 {closes} 结束（还剩{left}）。如果商家还没解决，建议现在就提交平台申诉，别让商家拖过期限。',
  'fup.warn.payment':
    '案件 #{id}（{scenario}）：提醒——银行卡交易有争议（退单/差错处理），需要在交易后约 {days} 天内向发卡行提出。你的付款时间是 {paid}，大约在 {closes} 到期（还剩{left}）。还没解决的话，尽快联系发卡行。',
  'fup.left.days': '约 {n} 天',
  'fup.left.under_a_day': '不到 1 天',
  'fup.to_rung.platform': '现在去平台申诉',
  'fup.to_rung.payment': '现在联系发卡行',
  'fup.to_rung.done': '好的，直接到这一步（前面的步骤通常更快，也可以回头再做）。',
  'fup.to_rung.passed': '这一步已经做过了，下面是你现在的这一步。',

  // Right after a deadline counted through a year whose 调休 is not published (src/flow/format.ts
  // formatDeadline); the templates that show a deadline put it last in its sentence (rung.sent).
  'cal.estimated': '（{years}年调休安排未公布，按法定节假日估算）',

  'followup.window_warning.platform': '提醒你平台申诉期快到了',
  'followup.window_warning.payment': '提醒你银行卡争议期快到了',
};

export default followups;
