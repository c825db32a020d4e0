// zh-CN: coaching texts — 检查语气 findings, scam warnings, what to do with each seller reply,
// the fair guard against fabricated claims, finding the respondent, 黑猫投诉 and 刷不了.
// No legal statements here: law comes only from the law table (src/knowledge/law.ts).
// Figures marked 通常/一般 are typical practice (docs/domain.md labels [T]/[S]).
const coaching: Record<string, string> = {
  // — 检查语气 (docs/domain.md §3.2.2) —
  'tone.code.insult.label': '辱骂或人身攻击',
  'tone.code.insult.why': '带脏话（包括“傻X”“s b”这类变形写法）的消息会被当作情绪发泄，反而削弱你的证据；只写事实更有说服力。',
  'tone.code.curse.label': '诅咒',
  'tone.code.curse.why': '诅咒对方或其家人对退款没有任何帮助，还可能让平台认定你恶意维权。',
  'tone.code.threat.label': '骚扰或曝光威胁',
  'tone.code.threat.why': '以曝光、人肉、骚扰、公开他人信息相要挟，多数平台会认定为恶意维权，严重的还可能违法。改成说明你会依次向平台、支付渠道、12315投诉。',
  'tone.code.police_threat.label': '拿报警当威胁',
  'tone.code.police_threat.why': '报警是你的权利，但“抓你”“坐牢”这类说法是威胁，也不由你决定。可以平静地写“如仍不处理，我将向公安机关报案，由警方认定”。',
  'tone.code.multiple.label': '要求多倍赔偿',
  'tone.code.multiple.why': '开口要几倍赔偿，对方更不会理你。先要求退还实付金额；是否存在欺诈、能否多赔，要由监管部门或法院认定。',
  'tone.code.figure.label': '数额与本案不符',
  'tone.code.figure.why': '这个数额明显超过这笔订单的金额{amount}，又拿不出证据，容易被对方抓住反驳。只写账单能证明的金额。',
  'tone.code.promise.label': '断言结果',
  'tone.code.promise.why': '没有人能保证处理结果，写“一定封店”“必输”“告到倒闭”会显得缺乏依据；写明诉求和下一步即可。',
  'tone.code.exaggeration.label': '夸大或讽刺',
  'tone.code.exaggeration.why': '夸大、反讽或无法证明的说法容易被反驳，只写能用截图、账单证明的内容。',
  'tone.code.emoji_only.label': '只有表情',
  'tone.code.emoji_only.why': '只发表情，对方和平台都看不出你要什么。写清订单号、问题和诉求。',
  'tone.code.rage.label': '连串感叹号/问号或全大写',
  'tone.code.rage.why': '一连串“！！！”“？？？”或全大写读起来像在吼，容易被当成情绪发泄。一个标点就够了。',
  'tone.amount.unknown': '',
  'tone.amount.known': '（{amount}元）',
};
export default coaching;
