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
