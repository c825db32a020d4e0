// zh-CN: the engine's use of free-text understanding — confirming what was understood,
// refusing fabricated claims, the tone check.
const understanding: Record<string, string> = {
  'nlu.confirm': '我理解为：{summary} — 对吗？',
  'nlu.confirm_pick': '请回 1（对，开始）或 2（不对，我自己选）；哪一项不对也可以直接说，例如“金额是450”。',
  'nlu.yes': '对，开始',
  'nlu.no': '不对，我自己选',
  'nlu.pick': '我还不确定你遇到的是哪种情况，请选一个：',
  'nlu.pick_keep': '请选一个最接近的情况（你刚才说的金额、时间等我会帮你填好）：',
  'nlu.charge_count': '扣了{n}次',
  'nlu.sep': '，',
  'nlu.private': '私下转账（不在平台订单里）',
  'nlu.recovered': '账号被找回',
  'nlu.recovered_at': '账号{at}被找回',
  'nlu.two_channels': '{a}和{b}都扣了',
  'nlu.seller_silent': '商家不回复',
  'nlu.received': '收到的是“{text}”',
  'nlu.page_said': '页面提示“{text}”',
  'nlu.none': '都不是',
  'nlu.none_reply': '这几种之外的情况我能帮的不多。如果是买了不想要、想反悔：虚拟商品（卡密、充值、激活码）一般不支持七日无理由退货，可以礼貌地问商家能不能协商退款，但没有强制的依据。如果是别的问题，可以换个说法把经过告诉我：付了多少钱、买的什么、现在卡在哪一步。',
  'nlu.change_of_mind': '听起来是买了以后不想要了。虚拟商品（卡密、充值、激活码）兑换或发出后，一般不支持七日无理由退货，所以没法按“维权”来要求退款；可以礼貌地问商家能不能协商，但对方有权拒绝。',
  'nlu.no_guarantee': '我不能保证结果：钱能不能退回，取决于商家、平台和支付渠道怎么处理。我能做的是帮你把证据和每一步要发的话准备好，按步骤去争取。',
  'nlu.pick_if': '如果其实是下面某种情况，选一个：',

  'intent.used_but_claim_not_received': '你说商品或卡密已经用过，但想以“没收到/无效”为由退款。这不属于正当维权，我不能帮你这样写。',
  'intent.edit_screenshot': '修改或P过的截图不能作为证据，我不能帮你这样做。请保留未经编辑、带时间的原始截图。',
  'intent.claim_twice': '已经退过款的订单再申请一次，属于重复索赔，我不能帮你这样做。如果上次的退款其实没有到账，请如实说明，我们按“未到账”处理。',
  'intent.fake_evidence': '编造或夸大证据（假的聊天记录、虚报金额等）不属于正当维权，我不能协助。情况属实的话，真实证据就够了。',

  'tone.ask': '请把你准备发给商家或平台的话发给我，我帮你看看语气。',
  'tone.finding': '· “{match}” — {label}：{why}',
  'tone.rewrite_title': '建议改成这样（只讲事实）',
};
export default understanding;
