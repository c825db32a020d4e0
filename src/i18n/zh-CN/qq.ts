// QQ adapter wording (adapters/qq): numbered choices, documents, how to reach the bot privately.
const qq: Record<string, string> = {
  'qq.choice.line': '{n}. {label}',
  'qq.choice.hint': '回复序号或选项文字即可。',
  'qq.document.head': '📄 {title}\n下一条消息是全文，长按即可复制后发出。',
  'qq.document.head_merged': '📄 {title}（以下为全文，可复制后发出）',
  'qq.open_private.onebot': '👉 {label}：点我的头像发起私聊（或加我为好友，QQ 号 {selfId}），然后发送“{command}”。',
  'qq.open_private.official': '👉 {label}：点我的头像，在资料页点“发消息”私聊我，然后发送“{command}”。',
  'qq.open_private.command_default': '开始',
  'qq.merged.separator': '—— —— ——',
  'qq.files.compact': '（附件 {n} 份没能和其他消息一起发出：请单独再选一次“查看附件”。）',
  'qq.error': '抱歉，我这边出了点问题，没能处理这条消息。请稍后再发一次。',
};
export default qq;
