// Blacklist commands, as /commands (Telegram menus) and as Chinese words. Unlike the engine's
// commands these may carry an argument: "查商家 小年卡盟", "/check@bot xiaonian.com".

export type BlCommandName =
  | 'check'
  | 'report'
  | 'alerts_on'
  | 'alerts_off'
  | 'join'
  | 'leave'
  | 'review'
  | 'add'
  | 'edit'
  | 'remove'
  | 'list'
  | 'sub'
  | 'unsub'
  | 'broadcast'
  | 'status'
  | 'export'
  | 'groups';

export const ADMIN_COMMANDS: ReadonlySet<BlCommandName> = new Set(['review', 'add', 'edit', 'remove', 'list', 'sub', 'unsub', 'broadcast', 'status', 'export', 'groups']);

const WORDS: Record<string, BlCommandName> = {
  '/check': 'check',
  '查商家': 'check',
  '查询商家': 'check',
  '查黑名单': 'check',
  '/report': 'report',
  '举报': 'report',
  '举报商家': 'report',
  '/alerts_on': 'alerts_on',
  '订阅提醒': 'alerts_on',
  '开启提醒': 'alerts_on',
  '/alerts_off': 'alerts_off',
  '退订提醒': 'alerts_off',
  '关闭提醒': 'alerts_off',
  '/collective': 'join',
  '集体投诉': 'join',
  '加入集体投诉': 'join',
  '/collective_leave': 'leave',
  '退出集体投诉': 'leave',
  '/review': 'review',
  '审核': 'review',
  '审核举报': 'review',
  '/bl_add': 'add',
  '拉黑': 'add',
  '/bl_edit': 'edit',
  '编辑商家': 'edit',
  '/bl_remove': 'remove',
  '移出黑名单': 'remove',
  '/bl_list': 'list',
  '黑名单列表': 'list',
  '/bl_sub': 'sub',
  '订阅黑名单': 'sub',
  '/bl_unsub': 'unsub',
  '取消订阅黑名单': 'unsub',
  '/broadcast': 'broadcast',
  '群发': 'broadcast',
  '/bc_status': 'status',
  '群发状态': 'status',
  '/collective_export': 'export',
  '导出集体投诉': 'export',
  '/bl_groups': 'groups',
  '订阅群列表': 'groups',
};

/** Words that may run straight into their argument ("查商家小年卡盟"). */
const GLUED = ['查商家', '查询商家', '查黑名单'];

export interface BlCommand {
  name: BlCommandName;
  arg: string;
}

export function matchBlCommand(text: string): BlCommand | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const m = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return undefined;
  let head = m[1].replace(/@\w+$/, '').toLowerCase();
  let arg = m[2].trim();
  if (head === '/alerts' && /^(on|off|开|关)$/i.test(arg)) return { name: /^(on|开)$/i.test(arg) ? 'alerts_on' : 'alerts_off', arg: '' };
  let name = WORDS[head];
  if (!name) {
    const glued = GLUED.find((w) => head.startsWith(w));
    if (!glued) return undefined;
    name = 'check';
    arg = `${m[1].slice(glued.length)} ${arg}`.trim();
    head = glued;
  }
  return { name, arg };
}

/** A matcher for some of the commands (each feature module registers its own). */
export function only(...names: BlCommandName[]): (text: string) => BlCommand | undefined {
  const mine = new Set(names);
  return (text) => {
    const c = matchBlCommand(text);
    return c && mine.has(c.name) ? c : undefined;
  };
}
