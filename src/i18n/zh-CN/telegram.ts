// Telegram adapter wording (adapters/telegram). Command names are Latin (Telegram's rule);
// their descriptions show in the "/" menu.
const telegram: Record<string, string> = {
  'tg.cmd.start': '开始 / 主菜单',
  'tg.cmd.new': '新建维权案件',
  'tg.cmd.cases': '我的案件',
  'tg.cmd.progress': '当前案件进度',
  'tg.cmd.evidence': '证据清单',
  'tg.cmd.back': '返回上一题',
  'tg.cmd.close': '结案',
  'tg.cmd.export': '导出我的数据',
  'tg.cmd.delete': '删除我的全部数据',
  'tg.cmd.help': '使用帮助',
  'tg.cmd.group_start': '私聊机器人，开始维权',
  'tg.cmd.group_help': '如何使用本机器人',
  'tg.copy_hint': '点按或长按下方文字即可复制',
  'tg.open_private': '私聊我继续 👉',
  'tg.unsupported': '暂不支持这种消息。请发送文字，或把截图、文件作为证据发给我。',
  'tg.callback.expired': '这个按钮已失效，请重新发送 /start',
};
export default telegram;
