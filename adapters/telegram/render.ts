// Reply → the sendMessage calls that show it. Pure: no API, no i18n lookups beyond
// the labels passed in, so it is easy to test and to reuse for previews.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Reply, ReplyFile } from '../../src/types.js';
import { escapeHtml } from './html.js';
import { splitText } from '../../src/delivery/split.js';

/** Telegram rejects message texts over 4096 characters (UTF-16 units, after entity parsing). */
export const MAX_MESSAGE_LENGTH = 4096;

/** One sendMessage call, parse_mode HTML — or, with `file`, one sendPhoto/sendDocument/… call. */
export interface OutgoingMessage {
  /** HTML; every engine-supplied character escaped. For a file: its caption (may be empty). */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
  /** A file sent by its Telegram file_id (never bytes). */
  file?: ReplyFile;
}

export interface RenderOptions {
  /** The bot's username, for deep links (t.me/<username>?start=<payload>). */
  botUsername: string;
  /** Shown above a document's body, e.g. "（点按下方文字即可复制）". */
  copyHint?: string;
  /** Visible characters per message; Telegram's limit unless a test asks for less. */
  maxLength?: number;
}

const CALLBACK_DATA_MAX_BYTES = 64;
/** Deep-link payloads: https://core.telegram.org/bots/features#deep-linking */
const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

export function callbackDataFits(id: string): boolean {
  return id.length > 0 && Buffer.byteLength(id, 'utf8') <= CALLBACK_DATA_MAX_BYTES;
}

export function deepLink(botUsername: string, payload: string): string {
  const base = `https://t.me/${encodeURIComponent(botUsername)}`;
  return START_PAYLOAD.test(payload) ? `${base}?start=${payload}` : base;
}

/**
 * Renders a Reply as messages: the text (split on paragraph boundaries), then the
 * document as its own message with the body in a <pre> block (one tap copies it), then
 * each file (a reference) as a message of its own,
 * with the keyboard — choices and/or the open-private deep link — on the last one.
 * Choices whose id cannot be callback data (> 64 bytes) are listed as numbered lines
 * instead; the engine understands typed numbers too.
 */
export function renderReply(reply: Reply, opts: RenderOptions): OutgoingMessage[] {
  const max = opts.maxLength ?? MAX_MESSAGE_LENGTH;
  const messages: OutgoingMessage[] = [];

  const choices = reply.choices ?? [];
  const buttonsFit = choices.every((c) => callbackDataFits(c.id));
  let text = reply.text ?? '';
  if (!buttonsFit && choices.length > 0) {
    text += '\n\n' + choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  }
  for (const chunk of splitText(text, max)) messages.push({ text: escapeHtml(chunk) });

  if (reply.document) {
    const title = reply.document.title.trim();
    const hint = opts.copyHint?.trim();
    const head = [title ? `<b>${escapeHtml(title)}</b>` : '', hint ? `<i>${escapeHtml(hint)}</i>` : '']
      .filter(Boolean)
      .join('\n');
    const headVisible = (title ? title.length + 1 : 0) + (hint ? hint.length + 1 : 0);
    const parts = splitText(reply.document.body, Math.max(100, max - headVisible - 1));
    parts.forEach((part, i) => {
      const body = `<pre>${escapeHtml(part)}</pre>`;
      messages.push({ text: i === 0 && head ? `${head}\n${body}` : body });
    });
  }

  // Files by reference, each its own message (sendPhoto/sendDocument/…), captioned with its name.
  for (const f of reply.files ?? []) messages.push({ text: f.name ? escapeHtml(f.name.slice(0, 200)) : '', file: f });

  const rows: InlineKeyboardButton[][] = [];
  if (buttonsFit) {
    for (const c of choices) rows.push([{ text: c.label, callback_data: c.id }]);
  }
  if (reply.openPrivate) {
    rows.push([{ text: reply.openPrivate.label, url: deepLink(opts.botUsername, reply.openPrivate.payload) }]);
  }

  if (messages.length === 0) {
    // A keyboard needs a message to hang on; Telegram refuses empty texts.
    if (rows.length === 0) return [];
    messages.push({ text: '👇' });
  }
  if (rows.length > 0) messages[messages.length - 1].reply_markup = { inline_keyboard: rows };
  return messages;
}
