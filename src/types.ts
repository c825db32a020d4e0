// The contract between the platform-free engine and the adapters.
// Nothing under src/ imports grammy or koishi; adapters translate to and from these shapes.

/** Where a message came from. `qqofficial` is the official QQ bot API (no proactive sends). */
export type Platform = 'telegram' | 'qq' | 'qqofficial' | 'terminal';
export const PLATFORMS: readonly Platform[] = ['telegram', 'qq', 'qqofficial', 'terminal'];

export type ChatKind = 'private' | 'group';

/** A file or picture the user sent. Only the platform's reference is kept, never the bytes. */
export interface Attachment {
  kind: 'photo' | 'document' | 'video' | 'audio' | 'other';
  /** Platform file reference: Telegram file_id, QQ image url/file id, … */
  ref: string;
  name?: string;
}

/** One event from a user, decoded by an adapter. */
export interface Inbound {
  platform: Platform;
  /** Unique per platform; the same update delivered twice is processed once. */
  updateId: string;
  userId: string;
  displayName?: string;
  chatId: string;
  chatKind: ChatKind;
  /** What the user typed (commands included, e.g. "/start new" or "进度"). */
  text?: string;
  /** The id of a choice the user pressed (Telegram callback data, QQ number mapped to id). */
  choice?: string;
  attachments?: Attachment[];
  /**
   * Not a message but something that happened to the chat: 'joined_group' — the bot was added to
   * this group (userId is whoever added it). Such an inbound carries no text or choice.
   */
  event?: 'joined_group';
  at: Date;
}

export interface Choice {
  id: string;
  label: string;
}

/** A text meant to be copied and sent by the user (seller message, complaint, …). */
export interface ReplyDocument {
  title: string;
  body: string;
}

/**
 * A file to show with a reply (e.g. a report's screenshots forwarded to an admin): the platform's
 * reference only, never the bytes. A reference is valid only on the platform that issued it.
 */
export interface ReplyFile {
  kind: Attachment['kind'];
  ref: string;
  name?: string;
}

/** What the engine wants shown to the user. */
export interface Reply {
  text: string;
  choices?: Choice[];
  document?: ReplyDocument;
  /** Files sent after the text, each as its own message (photo, document, …). */
  files?: ReplyFile[];
  /**
   * Set in group chats when the user should continue privately. Telegram renders a
   * deep-link button (t.me/<bot>?start=<payload>); other platforms say how in text.
   */
  openPrivate?: { payload: string; label: string };
}

/** A reply stored in the outbox and claimed for delivery by the caller. */
export interface Delivery {
  outboxId: number;
  platform: Platform;
  chatId: string;
  reply: Reply;
  /** How many times the row has been claimed, this time included (set for claimed pending rows). */
  attempts?: number;
}

/** Scenario ids, shared with the NLU (docs/domain.md §2). */
export const SCENARIOS = [
  'not_received',
  'double_charge',
  'card_used',
  'merchant_vanished',
  'payment_failed',
  'not_as_described',
] as const;
export type ScenarioId = (typeof SCENARIOS)[number];
export type ScenarioOrOther = ScenarioId | 'other';

export type PaymentMethod = 'alipay' | 'wechat' | 'qq_wallet' | 'bank' | 'balance';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['alipay', 'wechat', 'qq_wallet', 'bank', 'balance'];
