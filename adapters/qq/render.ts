// Reply → the plain-text QQ messages that show it. QQ has no inline keyboards a bot can
// rely on, so choices become a numbered list; the engine reads typed numbers and words.
import type { ChatKind, Delivery, Reply, ReplyFile } from '../../src/types.js';
import { t } from '../../src/i18n/index.js';
import './messages.js';
import { splitText } from '../../src/delivery/split.js';

export type PrivateHow = 'onebot' | 'official';

/** One QQ message: plain text, or a file sent by its reference (an image segment by url / file id). */
export type QQMessage = string | { file: ReplyFile };

export interface RenderOptions {
  chatKind: ChatKind;
  /** How a group member reaches the bot privately: by QQ number (OneBot) or the official bot's profile. */
  privateHow: PrivateHow;
  /** The bot's QQ number (OneBot), named in the open-private hint. */
  selfId?: string;
  /** One message per reply (passive platforms, where every message counts against a limit). */
  compact?: boolean;
  /** Compact, with the reply's files sent as messages of their own after it (there is room for them). */
  filesApart?: boolean;
  /** Characters per message before the text is split at a line break. */
  maxLength?: number;
}

/** QQ shows long texts folded; well under any client limit, long enough for a complaint letter. */
export const MAX_MESSAGE_LENGTH = 3000;

export function choiceLines(reply: Reply): string {
  const choices = reply.choices ?? [];
  if (!choices.length) return '';
  const lines = choices.map((c, i) => t('qq.choice.line', { n: i + 1, label: c.label }));
  return [...lines, t('qq.choice.hint')].join('\n');
}

function openPrivateLine(reply: Reply, opts: RenderOptions): string {
  if (!reply.openPrivate) return '';
  const payload = reply.openPrivate.payload.trim();
  const command = payload ? `/start ${payload}` : t('qq.open_private.command_default');
  const key = opts.privateHow === 'onebot' && opts.selfId ? 'qq.open_private.onebot' : 'qq.open_private.official';
  return t(key, { label: reply.openPrivate.label, selfId: opts.selfId, command });
}

const join = (parts: string[]) => parts.map((p) => p.trim()).filter(Boolean).join('\n\n');

/**
 * Renders one Reply. Normally: the text (with the open-private hint), the document body as a
 * message of its own so one long-press copies it, and the numbered choices last, where the
 * user's eye ends up. Compact: all of that in one message. In groups documents are never
 * shown — case papers stay private.
 */
export function renderReply(reply: Reply, opts: RenderOptions): string[] {
  const max = opts.maxLength ?? MAX_MESSAGE_LENGTH;
  const doc = opts.chatKind === 'private' ? reply.document : undefined;
  const choices = choiceLines(reply);
  const head = [reply.text, openPrivateLine(reply, opts)];

  if (opts.compact) {
    const docPart = doc ? `${t('qq.document.head_merged', { title: doc.title })}\n${doc.body.trim()}` : '';
    const files = reply.files?.length && opts.chatKind === 'private' && !opts.filesApart ? t('qq.files.compact', { n: reply.files.length }) : '';
    const one = join([...head, docPart, files, choices]);
    return one ? [one] : [];
  }
  if (!doc) return splitText(join([...head, choices]), max);
  return [
    ...splitText(join([...head, t('qq.document.head', { title: doc.title })]), max),
    ...splitText(doc.body.trim(), max),
    ...splitText(choices, max),
  ];
}

/**
 * renderReply, then the reply's files (private chats only), each a message of its own. Compact
 * replies carry no files (renderReply says how many there were), unless `filesApart`.
 */
export function renderMessages(reply: Reply, opts: RenderOptions): QQMessage[] {
  const texts = renderReply(reply, opts);
  if ((opts.compact && !opts.filesApart) || opts.chatKind !== 'private' || !reply.files?.length) return texts;
  return [...texts, ...reply.files.map((file) => ({ file }))];
}

/** Messages sent together, and the outbox rows they settle. */
export interface Bundle {
  deliveries: Delivery[];
  messages: QQMessage[];
}

/**
 * Plans the sends for deliveries that answer one user message. Where the platform caps the
 * replies to a message (official QQ bot: 5), replies are first compacted to one message each
 * (their files still sent apart if they fit, else counted with a way to fetch them again) and
 * then the oldest are merged, so held messages are never dropped to make room.
 */
export function planBundles(deliveries: readonly Delivery[], opts: RenderOptions, replyLimit = Infinity): Bundle[] {
  const full = deliveries.map((d) => ({ deliveries: [d], messages: renderMessages(d.reply, opts) }));
  const count = (bs: Bundle[]) => bs.reduce((n, b) => n + b.messages.length, 0);
  if (count(full) <= replyLimit) return full;
  // Compacted texts, the files still sent apart when that fits; otherwise the files are only counted.
  const apart = deliveries.map((d) => ({ deliveries: [d], messages: renderMessages(d.reply, { ...opts, compact: true, filesApart: true }) }));
  if (count(apart) <= replyLimit) return apart;
  const compact = deliveries.map((d) => ({ deliveries: [d], messages: renderReply(d.reply, { ...opts, compact: true }) as QQMessage[] }));
  if (compact.length <= replyLimit || replyLimit < 1) return compact;
  const merged = compact.length - replyLimit + 1;
  const head = compact.slice(0, merged);
  return [
    {
      deliveries: head.flatMap((b) => b.deliveries),
      messages: [head.flatMap((b) => b.messages.filter((m): m is string => typeof m === 'string')).join(`\n\n${t('qq.merged.separator')}\n\n`)],
    },
    ...compact.slice(merged),
  ];
}
