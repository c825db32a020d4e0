// zh-CN: the engine's use of free-text understanding — confirming what was understood,
// refusing fabricated claims, the tone check.
const understanding: Record<string, string> = {
  'nlu.confirm': '我理解为：{summary} — 对吗？',
  'nlu.yes': '对，开始',
  'nlu.no': '不对，我自己选',
  'nlu.pick': '我还不确定你遇到的是哪种情况，请选一个：',
  'nlu.pick_keep': '请选一个最接近的情况（你刚才说的金额、时间等我会帮你填好）：',
  'nlu.sep': '，',

  'intent.used_but_claim_not_received': '你说商品或卡密已经用过，但想以“没收到/无效”为由退款。这不属于正当维权，我不能帮你这样写。',
  'intent.edit_screenshot': '修改或P过的截图不能作为证据，我不能帮你这样做。请保留未经编辑、带时间的原始截图。',
  'intent.claim_twice': '已经退过款的订单再申请一次，属于重复索赔，我不能帮你这样做。如果上次的退款其实没有到账，请如实说明，我们按“未到账”处理。',
  'intent.fake_evidence': '编造或夸大证据（假的聊天记录、虚报金额等）不属于正当维权，我不能协助。情况属实的话，真实证据就够了。',

  'tone.ask': '请把你准备发给商家或平台的话发给我，我帮你看看语气。',
  'tone.finding': '· “{match}” — {label}：{why}',
  'tone.rewrite_title': '建议改成这样（只讲事实）',
};
export default understanding;
