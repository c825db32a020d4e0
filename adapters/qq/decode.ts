// Koishi session → Inbound. Works for every Koishi adapter; the QQ-specific part is only
// which element types carry text and which are attachments.
import type { Element, Session } from '@koishijs/core';
import type { Attachment, ChatKind, Inbound, Platform } from '../../src/types.js';

/** Our chat ids: 'private:<user id>' or 'group:<group id>', so a sender can route without a session. */
export function chatIdOf(kind: ChatKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseChatId(chatId: string): { kind: ChatKind; id: string } {
  const i = chatId.indexOf(':');
  const kind = chatId.slice(0, i);
  if (i < 1 || (kind !== 'private' && kind !== 'group')) throw new Error(`not a QQ chat id: ${chatId}`);
  return { kind, id: chatId.slice(i + 1) };
}

const ATTACHMENT_KIND: Record<string, Attachment['kind']> = {
  img: 'photo',
  image: 'photo',
  file: 'document',
  video: 'video',
  audio: 'audio',
  record: 'audio',
};

/** Elements whose children are not the user's words (a quoted message, an emoji's picture, …). */
const OPAQUE = new Set(['at', 'sharp', 'quote', 'face', 'mface', 'json', 'xml', 'forward', 'message', 'button', 'author']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function walk(elements: readonly Element[], text: string[], attachments: Attachment[]): void {
  for (const el of elements) {
    if (el.type === 'text') {
      text.push(String(el.attrs.content ?? ''));
    } else if (el.type === 'br') {
      text.push('\n');
    } else if (ATTACHMENT_KIND[el.type]) {
      const a = el.attrs;
      const kind = ATTACHMENT_KIND[el.type];
      // A file's id outlives its download url (NapCat: file_id; official API: url only).
      const ref = kind === 'document' ? str(a.fileId) ?? str(a.src) ?? str(a.url) ?? str(a.file) : str(a.src) ?? str(a.url) ?? str(a.file);
      if (!ref) continue;
      const name = str(a.filename) ?? str(a.name) ?? (kind === 'document' ? str(a.file) : undefined);
      attachments.push(name && name !== ref ? { kind, ref, name } : { kind, ref });
    } else if (el.type === 'p') {
      if (text.length) text.push('\n');
      walk(el.children, text, attachments);
    } else if (!OPAQUE.has(el.type)) {
      walk(el.children, text, attachments);
    }
  }
}

/** The user's words and attachments in a message, mentions of the bot removed. */
export function readElements(elements: readonly Element[]): { text: string; attachments: Attachment[] } {
  const text: string[] = [];
  const attachments: Attachment[] = [];
  walk(elements, text, attachments);
  return { text: text.join('').trim(), attachments };
}

/**
 * Decodes a message session; undefined for what the engine should not see (the bot's own
 * messages, events without a sender, empty messages). Group messages carry text only: nothing
 * a member posts in a group becomes case evidence.
 */
export function decodeSession(session: Session, platform: Platform, at: Date): Inbound | undefined {
  // Satori names it 'message-created'; OneBot sessions may still say 'message'.
  if (session.type !== 'message-created' && session.type !== 'message') return undefined;
  const userId = session.userId;
  const messageId = session.messageId;
  if (!userId || !messageId || userId === session.selfId) return undefined;
  const chatKind: ChatKind = session.isDirect ? 'private' : 'group';
  // Where group replies go: the OneBot group id, the official bot's group openid, a guild channel.
  const groupId = session.channelId;
  if (chatKind === 'group' && !groupId) return undefined;
  const { text, attachments } = readElements(session.elements ?? []);
  const inbound: Inbound = {
    platform,
    updateId: `${session.selfId}:${messageId}`,
    userId,
    chatId: chatIdOf(chatKind, chatKind === 'private' ? userId : groupId!),
    chatKind,
    at,
  };
  const displayName = str(session.event.member?.nick) ?? str(session.event.user?.name);
  if (displayName) inbound.displayName = displayName;
  if (text) inbound.text = text;
  if (chatKind === 'private' && attachments.length) inbound.attachments = attachments;
  if (!inbound.text && !inbound.attachments) return undefined;
  return inbound;
}

/**
 * The bot added to a group (Koishi 'guild-added': OneBot notice.group_increase for the bot's own
 * id, the official API's GROUP_ADD_ROBOT): a 'joined_group' event in that group, by whoever added
 * it (the operator; the bot itself when no one is named).
 */
export function decodeGuildAdded(session: Session, platform: Platform, at: Date): Inbound | undefined {
  if (session.type !== 'guild-added') return undefined;
  const groupId = session.channelId ?? session.guildId;
  if (!groupId || !session.selfId) return undefined;
  const by = str(session.operatorId) ?? str(session.userId) ?? session.selfId;
  return {
    platform,
    updateId: `${session.selfId}:joined:${groupId}:${session.timestamp ?? at.getTime()}`,
    userId: by,
    chatId: chatIdOf('group', groupId),
    chatKind: 'group',
    event: 'joined_group',
    at,
  };
}
