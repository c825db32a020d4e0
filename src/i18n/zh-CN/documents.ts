// zh-CN: the escalation ladder — what each rung is for, where to go, how long to wait —
// and the ready-to-send texts, filled with the case facts ({placeholders}).
const documents: Record<string, string> = {
  'doc.blank': '【待补充】',
  'doc.none': '无',
  // What the user has actually done so far (rungs marked 已发送), never more.
  'doc.history': '\n此前我已{steps}，问题仍未解决。',
  'doc.history.sep': '、',
  'doc.history.seller': '联系商家并给出处理期限',
  'doc.history.platform': '向平台申诉',
  'doc.history.payment': '向支付渠道投诉',
  'doc.history.regulator': '向12315投诉',
  'doc.history.police': '向公安机关报案',
  'doc.history.court': '向法院起诉',

  // One paragraph of facts per scenario, reused by every document.
  'doc.facts.not_received': '我于{paidAt}在{platform}向商家“{merchant}”购买了{item}，订单号{orderId}，通过{paymentMethod}支付{amount}。商家承诺的到账时效为“{promisedTime}”，但至今{goodsState}。',
  'doc.facts.double_charge': '我于{paidAt}在{platform}购买{item}（商家“{merchant}”，订单号{orderId}），应付{amount}，但{paymentMethod}共扣款{chargeCount}，多扣{extraAmount}（{orderCount}，扣款渠道：{channels}）。',
  'doc.facts.card_used': '我于{paidAt}在{platform}向商家“{merchant}”购买{item}，订单号{orderId}，支付{amount}（{paymentMethod}）。收到的卡密（{cardKey}）在{triedAt}第一次兑换即提示“{errorShown}”。此前该卡密的情况：{redeemedBefore}。',
  'doc.facts.merchant_vanished': '我于{paidAt}在{platform}向商家“{merchant}”购买{item}，订单号{orderId}，支付{amount}（{paymentMethod}），未获交付。商家自{unreachableSince}起无法联系，网站状态：{siteState}；平台内滞留余额{balance}；其他受害人：{othersAffected}。',
  'doc.facts.payment_failed': '我于{paidAt}在{platform}购买{item}（商家“{merchant}”），通过{paymentMethod}支付{amount}。付款时页面提示“{errorShown}”，订单情况：{orderExists}（订单号{orderId}）；扣款情况：{moneyTaken}。',
  'doc.facts.not_as_described': '我于{paidAt}在{platform}向商家“{merchant}”购买{item}，订单号{orderId}，支付{amount}（{paymentMethod}）。商品页承诺“{promised}”，实际收到的是“{received}”，与描述不符。使用情况：{usedAlready}。',

  'doc.request.not_received': '请退还全部货款{amount}至原支付账户。',
  'doc.request.double_charge': '请退还多扣的款项{extraAmount}至原支付账户。',
  'doc.request.card_used': '请提供该卡密的发货记录和兑换记录（兑换时间、兑换账号）；不能提供的，请更换有效卡密或退还货款{amount}至原支付账户。',
  'doc.request.merchant_vanished': '请退还货款{amount}及平台余额{balance}至原支付账户，并提供商家的真实名称、地址和有效联系方式。',
  'doc.request.payment_failed': '请核实这笔交易，退还已扣款项{amount}至原支付账户，或补发对应订单。',
  'doc.request.not_as_described': '请按商品页描述补足，或退还货款{amount}至原支付账户。',

  // — seller —
  'rung.seller.title': '联系商家协商',
  'rung.seller.when': '什么时候用：先走这一步。语气平和、只讲事实，给一个明确的期限。不要骂人，不要说“差评”“曝光”之类的话——平台会把这当作恶意维权。',
  'rung.seller.where': '在哪里发：平台订单页的“联系卖家”或商家留下的客服QQ/微信。发完截图保存。卡密类问题一定要向商家要发货记录和兑换记录。',
  'rung.seller.wait': '等多久：到 {deadline} 为止。期限过了没处理，就进入下一步。',
  'doc.seller.title': '发给商家的消息',
  'doc.seller': '你好，{facts}\n{request}\n依据：{basis}。\n请于{deadline}前处理并回复。逾期未处理的，我将向平台申诉并向支付渠道投诉。谢谢。',

  // — platform —
  'rung.platform.title': '平台申诉',
  'rung.platform.when': '什么时候用：商家不回复、拒绝或过了期限。多数平台只受理交易后约{appealDays}天内的申诉，尽早提交。',
  'rung.platform.where': '在哪里点：登录平台 → 我的订单 → 订单详情 → “申请退款/投诉维权/纠纷处理”。理由选与证据一致的一项；证据按“订单截图 → 问题描述 → 沟通记录 → 问题证明”的顺序上传。商家拒绝时申请“平台介入/仲裁”。',
  'rung.platform.where.down': '网站打不开时：平台内申诉已经无法操作，请保存好手里的订单记录（订单截图、付款通知、网址），直接用支付渠道投诉（下一步），那里不需要登录平台。',
  'rung.platform.wait': '等多久：多数平台约{reviewDays}个工作日内给审核结果（各平台不同）。退款一般原路退回，到支付宝/微信通常1–3个工作日，银行卡3–7个工作日。\n⚠️ 只在平台官方页面操作。主动加你、发链接说“帮你退款”的“客服”多半是骗子。',
  'doc.platform.title': '平台申诉内容',
  'doc.platform': '申诉类型：{scenario}\n订单号：{orderId}\n商家：{merchant}\n金额：{amount}\n\n问题描述：{facts}{history}\n\n诉求：{request}\n\n附件：订单截图、支付记录、与商家的沟通记录、问题证明截图。',

  // — payment channel —
  'rung.payment.title': '向支付渠道投诉',
  'rung.payment.when': '什么时候用：平台不处理或处理不公。支付渠道投诉会影响商家收款，对小商家往往最有效。',
  'rung.payment.where.wechat': '在哪里点：微信 → 我 → 服务 → 钱包 → 账单 → 找到这笔交易 → 账单详情 → “对订单有疑惑” → “投诉商家”。商家通常会在约1天内回复、约3天内处理；不满意可以“继续投诉”；退款到账后投诉会自动结束。',
  'rung.payment.where.alipay': '在哪里点：支付宝 → 我的 → 账单 → 找到这笔交易 → 订单详情 → “投诉”或“申请售后”。投诉会给商家设定处理期限。',
  'rung.payment.where.qq_wallet': '在哪里点：QQ → 钱包 → 交易记录 → 找到这笔交易 → 详情页底部的“投诉”或联系财付通客服。',
  'rung.payment.where.bank': '在哪里办：打发卡银行客服电话或到网点，说明要对这笔交易做“差错处理/争议交易退单”。发卡行通常要求在交易后约120天内提出，越早越好。',
  'rung.payment.where.balance': '平台余额支付不经过支付机构，无法向支付渠道投诉。如果当初充值余额用的是支付宝/微信/银行卡，可以对那笔充值交易投诉；否则直接进入下一步。',
  'rung.payment.where.unknown': '在哪里点：在你付款的App里找到这笔交易的账单详情，选择“投诉商家”或“申请售后”；银行卡则联系发卡行做争议交易处理。',
  'rung.payment.wait': '等多久：通常{paymentDays}个工作日内有结果（经验值，不是规定）。',
  'doc.payment.title': '支付渠道投诉内容',
  'doc.payment': '投诉原因：{scenario}\n交易时间：{paidAt}\n金额：{amount}\n商家：{merchant}（{platform}）\n订单号：{orderId}\n\n情况说明：{facts}{history}\n\n诉求：{request}',
  'doc.payment.bank': '您好，我要对一笔银行卡交易申请差错处理/争议退单。\n交易时间：{paidAt}\n金额：{amount}\n收款方：{merchant}（{platform}）\n情况：{facts}\n商家和平台均未处理。请协助调查并退回款项。',

  // — regulator —
  'rung.regulator.title': '12315 / 消费者协会投诉',
  'rung.regulator.when': '什么时候用：前面几步都没有结果。调解的期限以当地市场监管部门的告知为准。时间久的投诉可能不被受理，尽早提交。',
  'rung.regulator.where': '在哪里办：全国12315平台（网站、App或小程序）→ 我要投诉 → 选择被投诉方所在地。需要填写：你的姓名、电话、地址；被投诉方名称和地址（查不到商家地址的，填平台的名称和住所地）；事情经过；具体诉求。也可以找当地消费者协会。',
  'rung.regulator.wait': '等多久：{regulatorDays}个工作日左右会收到处理告知。黑猫投诉等公开平台只能施压，不能裁决，可以同时用但不能代替12315。',
  'doc.regulator.title': '12315 投诉内容',
  'doc.regulator': '投诉人：【你的姓名】，电话：【你的手机号】，地址：【你的地址】\n被投诉方：{respondent}\n\n事情经过：{facts}{history}\n\n诉求：{request}\n\n证据：订单截图、支付记录、沟通记录、问题证明。',

  // — police —
  'rung.police.title': '报警',
  'rung.police.when': '什么时候用：商家跑路、收钱不发货等明显诈骗，且金额较大（经验上{policeAmount}以上，或受害人多）时。诈骗要立为刑事案件，金额一般要达到“数额较大”——各省定在三千元到一万元之间；不到这个数的，公安按治安案件处理，同样可以报案。',
  'rung.police.where': '在哪里办：到就近派出所报案，或拨打110、使用当地公安的网上报案渠道。报案后要索要“受案回执”——这是公安机关接受你报案的书面凭证，上面有受案单位和编号，之后查询进展、申请复议都要用到，请保存好。',
  'rung.police.wait': '等多久：拿到受案回执后，一周左右可以询问进展。',
  'doc.police.title': '报案材料清单',
  'doc.police': '报案时带上：\n1. 身份证\n2. 订单截图（订单号{orderId}、商品、金额{amount}、时间{paidAt}）\n3. 支付记录（{paymentMethod}账单详情，含交易单号）\n4. 与商家的全部聊天记录，以及商家的账号信息（{merchant}）\n5. 网站网址和现状截图（{platform}）\n6. 其他受害人的联系方式或群聊记录（如有）\n\n情况简述：{facts}',

  // — court —
  'rung.court.title': '小额诉讼',
  'rung.court.when': '什么时候用：金额明确、对方身份能查到，其他途径都没结果。小额诉讼的金额上限每省每年不同，请查当地法院公布的数额。',
  'rung.court.where': '在哪里办：可以用“人民法院在线服务”小程序网上立案，管辖和费用见下面的规定。需要对方的真实身份信息，可以向平台或支付渠道申请调取，或请法院调查。',
  'rung.court.wait': '这是最后一步，没有固定的等待期。',
  // The respondent / defendant (issue 12 item 4): filled once the operator is found.
  'doc.respondent.known': '{name}{address}{icp}（店铺名：{merchant}；所在平台：{platform}）',
  'doc.respondent.unknown': '{merchant}；所在平台：{platform}（经营者名称和地址暂未查到，以平台住所地为准）',
  'doc.respondent.address': '，住所：{address}',
  'doc.respondent.no_address': '，住所：【待补充】',
  'doc.respondent.icp': '，网站备案号：{icp}',
  'doc.defendant.known': '{name}{address}（店铺名：{merchant}；平台：{platform}）',
  'doc.defendant.unknown': '{merchant}（需要查明真实姓名/名称和地址；平台：{platform}）',
  'doc.court.title': '起诉要点',
  'doc.court': '原告：【你的姓名、身份证号、地址、电话】\n被告：{defendant}\n诉讼请求：{request}\n事实与理由：{facts}\n证据：订单截图、支付记录、沟通记录、问题证明、此前投诉的记录。',
};
export default documents;
