// Commands available in every private chat, as /commands and as Chinese words.
import { fold } from '../dialogue/fold.js';

export const COMMAND_NAMES = ['start', 'help', 'new', 'cases', 'progress', 'evidence', 'back', 'close', 'export', 'delete', 'continue', 'ladder'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface Command {
  name: CommandName;
  arg?: string;
}

const WORDS: Record<string, CommandName> = {
  '/start': 'start',
  '开始': 'start',
  '主菜单': 'start',
  '/help': 'help',
  '帮助': 'help',
  '菜单': 'help',
  '/new': 'new',
  '新案件': 'new',
  '退款': 'new',
  '维权': 'new',
  '/cases': 'cases',
  '我的案件': 'cases',
  '/progress': 'progress',
  '进度': 'progress',
  '/evidence': 'evidence',
  '证据': 'evidence',
  '/back': 'back',
  '返回': 'back',
  '上一步': 'back',
  '/close': 'close',
  '撤销': 'close',
  '结案': 'close',
  '/export': 'export',
  '导出': 'export',
  '汇出': 'export',
  '导出数据': 'export',
  '导出我的数据': 'export',
  '我的数据': 'export',
  '/delete': 'delete',
  '删除我的数据': 'delete',
  '/continue': 'continue',
  '继续': 'continue',
};

/** The last text asked about and its answer: every route of a turn asks again about the same message. */
let last: { text: string; cmd: Command | undefined } | undefined;

/** Forgets the last text (the engine calls it per message, with clearFoldMemo). */
export function clearCommandMemo(): void {
  last = undefined;
}

/** The command a message is, if any: "/start new", "/progress@MyBot", "进度". */
export function matchCommand(text: string): Command | undefined {
  if (last?.text !== text) last = { text, cmd: readCommand(text) };
  return last.cmd && { ...last.cmd };
}

/** Asking what the bot keeps, or for it ("你们存了我哪些信息", "把我的资料导出来给我看看") — the export (explore4 F38). */
const EXPORT_ASK = /^(?:你们?|机器人)?(?:都)?(?:存|保存|记录|留)(?:了)?(?:我的?)?(?:哪些|什么|多少)(?:信息|数据|资料|东西)[?？吗呢啊]*$|^(?:把|将)?我的(?:资料|数据|信息|记录)(?:都|全部)?(?:导出|匯出|汇出|发)(?:来|出来)?(?:给我)?(?:看看|看一下)?[。.!！吧]*$/;

function readCommand(text: string): Command | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.length <= 24 && EXPORT_ASK.test(fold(trimmed))) return { name: 'export' };
  const [head, ...rest] = trimmed.split(/\s+/);
  const word = head.replace(/@\w+$/, '').toLowerCase();
  // Traditional script (進度, 證據, 刪除我的數據) folds to the simplified word, as answers do (src/dialogue).
  const name = WORDS[word] ?? (/[^\x00-\x7f]/.test(word) ? WORDS[fold(word)] : undefined);
  if (!name) return undefined;
  // Chinese command words must stand alone; "/cmd arg" may carry an argument (deep links).
  if (!word.startsWith('/') && rest.length) return undefined;
  return { name, arg: rest.join(' ') || undefined };
}

/**
 * For platforms that register a command list (Telegram setMyCommands). Descriptions: cmd.<name>.
 * `check` and `report` belong to the blacklist hook (src/community/commands.ts).
 */
export const COMMAND_LIST: string[] = ['start', 'new', 'cases', 'progress', 'evidence', 'check', 'report', 'back', 'close', 'export', 'delete', 'help'];
