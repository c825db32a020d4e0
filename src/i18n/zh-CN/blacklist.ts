// zh-CN: merchant lookups, reports, collective complaints, admin review and broadcasts.
const blacklist: Record<string, string> = {
  // — lookups —
  'bl.check.usage': '请在命令后写商家名称、网址或QQ号，例如：查商家 小年卡盟',
  'bl.check.listed':
    '⚠️ “{name}”已列入黑名单（{since} 起）。\n原因：{reason}\n已核实的举报：{reports} 次\n进行中的维权案件提到它的：{cases} 个{via}{others}',
  'bl.check.reported': '“{name}”有 {reports} 次已核实的举报（{first} 至 {last}），尚未列入黑名单。\n进行中的维权案件提到它的：{cases} 个{via}{others}',
  'bl.check.none': '暂无关于“{query}”的记录。没有记录不代表可靠：付款前核对网址，不要点“客服”发来的陌生链接，保留订单截图。',
  'bl.check.via.pinyin': '\n（按读音匹配到“{name}”，请核对是否同一家）',
  'bl.check.via.fuzzy': '\n（按相近写法匹配到“{name}”，请核对是否同一家）',
  'bl.check.via.domain': '\n（按网址匹配）',
  'bl.check.via.number': '\n（按号码匹配）',
  'bl.check.others': '\n相近的黑名单商家：{names}',
  'bl.check.footer': '\n\n举报商家请私聊我发送“举报”。查询不会记录你是谁。',

  // — reports —
  'bl.private_only': '这个操作请私聊我进行，群里不处理个人信息。',
  'bl.private_only.label': '私聊机器人',
  'bl.report.limit':
    '你在 24 小时内已提交 {n} 条举报，达到上限（每人每 24 小时最多 {max} 条，防止刷举报）。{next} 后可以再提交。已提交的举报会照常审核。',
  'bl.report.pick': '要举报哪个商家？可以直接举报你某个案件里的商家（一步提交），也可以举报其他商家。',
  'bl.report.from_case': '举报案件 #{id} 的商家：{merchant}',
  'bl.report.other': '举报其他商家',
  'bl.report.ask_merchant': '请发送商家名称、网址或QQ号（例如：小年卡盟 / xiaonian.com）。',
  'bl.report.ask_what': '发生了什么？用一两句话说明（例如：付款后一直不发卡，客服把我拉黑）。不要写手机号、订单号等个人信息。',
  'bl.report.ask_amount': '涉及金额多少？（例如：100元；不清楚可回复“跳过”）',
  'bl.report.ask_evidence': '你手上有几份证据（付款截图、聊天记录、订单页面）？回复数字，没有就回复 0。',
  'bl.report.bad_amount': '没看懂这个金额。请回复例如“100元”，或回复“跳过”。',
  'bl.report.bad_evidence': '请回复一个数字，例如 3；没有证据就回复 0。',
  'bl.report.bad_what': '请用 2～500 个字说明经过。',
  'bl.report.summary': '请确认举报内容：\n商家：{merchant}\n经过：{what}\n金额：{amount}\n证据：{evidence} 份',
  'bl.report.submit': '提交举报',
  'bl.report.cancel': '取消',
  'bl.report.cancelled': '已取消，没有提交任何举报。',
  'bl.report.done':
    '已提交举报 #{id}（商家：{merchant}）。管理员审核通过后才会计入公开的举报次数，你的身份不会公开。审核结果会私信告诉你。',
  'bl.report.withdraw': '撤回这条举报',
  'bl.report.withdrawn': '举报 #{id} 已撤回。',
  'bl.report.not_withdrawable': '这条举报已经审核或不属于你，无法撤回。',
  'bl.report.no_merchant': '这个案件还没有记录商家名称，请选“举报其他商家”手动填写。',
  'bl.report.unknown_amount': '不清楚',
  'bl.report.approved_notice': '你提交的举报 #{id}（{merchant}）已通过审核，已计入公开的举报次数。谢谢你提醒其他人。',
  'bl.report.rejected_notice': '你提交的举报 #{id}（{merchant}）未通过审核。原因：{reason}',

  // — alerts —
  'bl.alerts.on': '已开启商家预警：有商家被列入黑名单时我会私信提醒你。发送“退订提醒”可随时关闭。',
  'bl.alerts.off': '已关闭商家预警，不会再收到黑名单提醒。发送“订阅提醒”可重新开启。',

  // — collective complaints —
  'bl.collective.none': '你目前没有写明商家的进行中案件。先用“新案件”记录你的情况，再来加入集体投诉。',
  'bl.collective.pick': '选择要加入集体投诉的案件：',
  'bl.collective.case': '案件 #{id}：{merchant}',
  'bl.collective.consent':
    '加入集体投诉后，管理员整理材料时会用到这个案件的以下信息：商家名称、情况类型、金额、付款日期。\n不会共享：你的身份、联系方式、订单号、卡密、聊天内容。\n同意吗？',
  'bl.collective.yes': '同意加入',
  'bl.collective.no': '不加入',
  'bl.collective.joined': '已加入针对“{merchant}”的集体投诉。目前另有 {others} 个进行中的案件涉及这个商家，其中 {agreed} 位用户也同意了集体投诉。',
  'bl.collective.notice': '集体投诉进展：针对“{merchant}”，现在共有 {total} 个进行中的案件，{agreed} 位用户同意了集体投诉（含你）。',
  'bl.collective.declined': '好的，没有加入集体投诉。',
  'bl.collective.left': '已退出集体投诉（{n} 个案件），你的信息不会再出现在汇总材料里。',
  'bl.collective.stale': '这个案件已结案或不存在。',
  'bl.collective.export.title': '集体投诉材料：{merchant}',
  'bl.collective.export.intro': '汇总如下（只包含用户同意共享的信息）。',
  'bl.collective.export.body':
    '被投诉商家：{merchant}\n同意集体投诉的案件：{count} 个\n涉及金额合计：{total} 元\n付款时间：{from} 至 {to}\n另有 {others} 个进行中的案件提到该商家，但用户未同意共享，未计入。\n\n明细：\n{lines}',
  'bl.collective.export.line': '{n}. {scenario}；金额：{amount}；付款日期：{paidAt}',
  'bl.collective.export.none': '没有用户就“{merchant}”同意集体投诉。另有 {others} 个进行中的案件提到该商家。',
  'bl.collective.export.usage': '用法：导出集体投诉 <商家名称>',

  // — admins —
  'bl.admin.refused': '这个命令仅限管理员使用。',
  'bl.admin.private': '这个管理命令请在私聊中使用。',
  'bl.review.empty': '审核队列是空的。',
  'bl.review.card':
    '举报 #{id}（待审核共 {left} 条）\n商家：{merchant}{known}\n经过：{what}\n金额：{amount}\n证据：{evidence} 份\n来自用户的案件：{fromCase}\n提交时间：{at}',
  'bl.review.known': '（已知商家 #{mid}：{name}，{status}）',
  'bl.review.approve': '通过（计入举报次数）',
  'bl.review.approve_list': '通过并拉黑',
  'bl.review.reject': '驳回',
  'bl.review.skip': '下一条',
  'bl.review.done': '已处理。',
  'bl.review.approved': '举报 #{id} 已通过，计入“{merchant}”（#{mid}）的举报次数。',
  'bl.review.rejected': '举报 #{id} 已驳回，已告知举报人原因。',
  'bl.review.ask_reject': '请回复驳回原因（会发给举报人）：',
  'bl.review.ask_list_reason': '请回复拉黑原因（会公开显示在查询结果和预警里）：',
  'bl.review.stale': '这条举报已经处理过了。',
  'bl.yes': '是',
  'bl.no': '否',
  'bl.status.blacklisted': '已拉黑',
  'bl.status.reported': '未拉黑',
  'bl.status.removed': '已移出',
  'bl.add.usage': '用法：拉黑 商家名称 | 原因\n例如：拉黑 小年卡盟 | 收款后不发卡，客服失联',
  'bl.add.done': '已将“{name}”（#{id}）列入黑名单。原因：{reason}',
  'bl.edit.usage':
    '用法：\n编辑商家 <编号> 名称 <新名称>\n编辑商家 <编号> 原因 <新原因>\n编辑商家 <编号> 标识 <别名/网址/QQ:号码/微信:号/店铺:号，多个用逗号分隔>\n编辑商家 <编号> 删标识 <标识>',
  'bl.edit.done': '已更新商家 #{id}：{name}\n标识：{ids}',
  'bl.edit.not_found': '没有编号为 #{id} 的商家。',
  'bl.remove.usage': '用法：移出黑名单 <编号> [原因]',
  'bl.remove.done': '已将“{name}”（#{id}）移出黑名单。',
  'bl.list.empty': '黑名单目前是空的。',
  'bl.list.header': '黑名单（共 {n} 家，显示最近 {shown} 家）：',
  'bl.list.line': '#{id} {name} — {reason}（{since}）',
  'bl.sub.group_only': '请在要订阅的群里发送这个命令。',
  'bl.sub.done': '本群已订阅黑名单预警：有商家被拉黑时会在群里提醒。',
  'bl.sub.already': '本群已经订阅了黑名单预警。',
  'bl.unsub.done': '本群已取消黑名单预警。',
  'bl.unsub.not': '本群没有订阅黑名单预警。',

  // — broadcasts —
  'bl.warning':
    '⚠️ 商家预警：“{name}”已被列入黑名单。\n原因：{reason}\n如果你在这个商家有未到账的订单，保留付款截图和聊天记录，私聊我发送“新案件”开始维权。谨防自称“客服”的人发来的退款链接。\n（私聊发送“退订提醒”可关闭预警）',
  'bc.usage': '用法：群发 <要发送的内容>',
  'bc.too_long': '群发内容最多 {max} 个字。',
  'bc.preview':
    '群发预览（#{id}）：\n————————\n{text}\n————————\n将发送给 {groups} 个群、{users} 位订阅用户（{platforms}）。{unreachable} 个已知无法送达（屏蔽/退群），将跳过。\n确认发送吗？',
  'bc.preview.platform': '{platform} {n}',
  'bc.confirm': '确认发送',
  'bc.cancel': '取消',
  'bc.cancelled': '群发 #{id} 已取消。',
  'bc.started': '群发 #{id} 已开始：共 {total} 个接收方，跳过 {skipped} 个。Telegram 按每秒不超过 {rate} 条、每群每分钟不超过 {group} 条发送；进度会私信告诉你。',
  'bc.stale': '这条群发已经确认或取消过了。',
  'bc.progress': '群发 #{id} 进度 {pct}%：已发送 {sent}，失败 {failed}，跳过 {skipped}，待发送 {pending}（共 {total}）。',
  'bc.done': '群发 #{id} 完成：已发送 {sent}，失败 {failed}，跳过 {skipped}（屏蔽/退群/已删除），等待对方下次发消息时送达 {held}（共 {total}）。',
  'bc.status.none': '还没有群发记录。',
  'bc.status.line': '#{id} {status} {at}：已发送 {sent}，失败 {failed}，跳过 {skipped}，待发送 {pending}，待对方消息 {held}（共 {total}）',
  'bc.status.sending': '发送中',
  'bc.status.done': '已完成',
  'bc.status.cancelled': '已取消',
  'bc.status.draft': '草稿',

  // — Telegram command menu descriptions (if the adapter registers them) —
  'cmd.check': '查商家：查询商家是否被举报或拉黑',
  'cmd.report': '举报商家',
};

export default blacklist;
