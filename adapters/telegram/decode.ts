// Telegram Update → the engine's Inbound. Pure, so every update shape is easy to test.
import type { ChatMemberUpdated, Message, Update, User } from 'grammy/types';
import type { Attachment, ChatKind, Inbound } from '../../src/types.js';

export interface DecodeOptions {
  /** The bot's username without "@", to recognise "/start@bot" and "@bot 退款". */
  botUsername: string;
  /** Time for events that carry none (button presses). */
  now: () => Date;
}

/**
 * Decodes messages (text, captions, photos, documents, …), button presses and the bot being
 * added to a group (an event).
 * Returns undefined for what the engine does not take: edits, channel posts,
 * service messages, commands addressed to another bot, messages with nothing in them.
 */
export function decodeUpdate(update: Update, opts: DecodeOptions): Inbound | undefined {
  if (update.message) return decodeMessage(update.update_id, update.message, opts);
  if (update.my_chat_member) return decodeJoined(update.update_id, update.my_chat_member);
  const q = update.callback_query;
  if (q?.data !== undefined && q.message) {
    const kind = chatKind(q.message.chat.type);
    if (!kind) return undefined;
    // In a private chat the chat is the user. A press whose chat is someone else's is forged or
    // inconsistent: taking it would move this user's chat id (where their replies and reminders
    // go) to that other chat.
    if (kind === 'private' && q.message.chat.id !== q.from.id) return undefined;
    return {
      platform: 'telegram',
      updateId: String(update.update_id),
      userId: String(q.from.id),
      displayName: displayName(q.from),
      chatId: String(q.message.chat.id),
      chatKind: kind,
      choice: q.data,
      at: opts.now(),
    };
  }
  return undefined;
}

function decodeMessage(updateId: number, m: Message, opts: DecodeOptions): Inbound | undefined {
  const kind = chatKind(m.chat.type);
  if (!kind || !m.from || m.from.is_bot) return undefined;
  if (kind === 'private' && m.chat.id !== m.from.id) return undefined; // see the same check for presses
  const raw = m.text ?? m.caption;
  let text: string | undefined;
  if (raw !== undefined) {
    const addressed = addressedText(raw, opts.botUsername);
    if (addressed === undefined) return undefined; // a command for another bot
    text = addressed === '' ? undefined : addressed;
  }
  const attachments = attachmentsOf(m);
  if (text === undefined && attachments.length === 0) return undefined;
  return {
    platform: 'telegram',
    updateId: String(updateId),
    userId: String(m.from.id),
    displayName: displayName(m.from),
    chatId: String(m.chat.id),
    chatKind: kind,
    ...(text !== undefined ? { text } : {}),
    ...(attachments.length ? { attachments } : {}),
    at: new Date(m.date * 1000),
  };
}

const PRESENT = new Set(['member', 'administrator', 'creator', 'restricted']);

/**
 * The bot's own membership changed: an event only when it was added to a group (it was not a
 * member before and is one now). Leaving, promotions and private chats are not events.
 */
function decodeJoined(updateId: number, u: ChatMemberUpdated): Inbound | undefined {
  if (chatKind(u.chat.type) !== 'group') return undefined;
  const was = u.old_chat_member.status === 'restricted' ? u.old_chat_member.is_member : PRESENT.has(u.old_chat_member.status);
  const now = u.new_chat_member.status === 'restricted' ? u.new_chat_member.is_member : PRESENT.has(u.new_chat_member.status);
  if (was || !now) return undefined;
  return {
    platform: 'telegram',
    updateId: String(updateId),
    userId: String(u.from.id),
    displayName: displayName(u.from),
    chatId: String(u.chat.id),
    chatKind: 'group',
    event: 'joined_group',
    at: new Date(u.date * 1000),
  };
}

function chatKind(type: string): ChatKind | undefined {
  if (type === 'private') return 'private';
  if (type === 'group' || type === 'supergroup') return 'group';
  return undefined; // channels
}

function displayName(u: User): string {
  return [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username || String(u.id);
}

/**
 * Normalises how a message addresses the bot: "/start@MyBot new" → "/start new",
 * "@MyBot 退款" → "退款". Returns undefined for "/cmd@OtherBot", which is not ours.
 */
export function addressedText(raw: string, botUsername: string): string | undefined {
  let text = raw.trim();
  const cmd = /^(\/[A-Za-z0-9_]+)@([A-Za-z0-9_]+)(?=\s|$)/.exec(text);
  if (cmd) {
    if (cmd[2].toLowerCase() !== botUsername.toLowerCase()) return undefined;
    text = cmd[1] + text.slice(cmd[0].length);
  }
  const mention = new RegExp(`^@${escapeRegExp(botUsername)}(?![A-Za-z0-9_])[\\s,，:：]*`, 'i');
  return text.replace(mention, '').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Files become evidence references; the bytes stay on Telegram's servers. */
function attachmentsOf(m: Message): Attachment[] {
  const out: Attachment[] = [];
  if (m.photo?.length) out.push({ kind: 'photo', ref: m.photo[m.photo.length - 1].file_id }); // largest size
  if (m.document) {
    // An image sent "as file" is still a picture of the evidence.
    const kind = m.document.mime_type?.startsWith('image/') ? 'photo' : 'document';
    out.push({ kind, ref: m.document.file_id, ...(m.document.file_name ? { name: m.document.file_name } : {}) });
  }
  if (m.video) out.push({ kind: 'video', ref: m.video.file_id, ...(m.video.file_name ? { name: m.video.file_name } : {}) });
  if (m.video_note) out.push({ kind: 'video', ref: m.video_note.file_id });
  if (m.audio) out.push({ kind: 'audio', ref: m.audio.file_id, ...(m.audio.file_name ? { name: m.audio.file_name } : {}) });
  if (m.voice) out.push({ kind: 'audio', ref: m.voice.file_id });
  return out;
}
