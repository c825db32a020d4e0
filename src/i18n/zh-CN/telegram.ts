// Telegram adapter wording (adapters/telegram). Private-chat command descriptions are the
// engine's cmd.<name>; these are the group menu and the adapter's own messages.
const telegram: Record<string, string> = {
  'tg.cmd.group_start': '私聊机器人，开始维权',
  'tg.cmd.group_help': '如何使用本机器人',
  'tg.copy_hint': '点按或长按下方文字即可复制',
  'tg.unsupported': '暂不支持这种消息。请发送文字，或把截图、文件作为证据发给我。',
  'tg.callback.expired': '这个按钮已失效，请重新发送 /start',
};
export default telegram;
