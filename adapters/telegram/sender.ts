// Delivers outbox rows to Telegram. Failures become SendErrors the Drainer understands:
// 403 (blocked, kicked, deactivated) → unreachable; 429 that auto-retry gave up on →
// retryAfterMs from retry_after; 5xx and network errors → retry later.
import { GrammyError, HttpError, type Api } from 'grammy';
import { SendError, type Sender } from '../../src/delivery/sender.js';
import type { Outbox } from '../../src/store/outbox.js';
import type { Delivery, ReplyFile } from '../../src/types.js';
import { renderReply, type OutgoingMessage, type RenderOptions } from './render.js';

/** How long to wait before retrying after a 5xx or a network failure. */
export const SERVER_ERROR_RETRY_MS = 30_000;
export const NETWORK_ERROR_RETRY_MS = 10_000;

/** 400s that mean the chat is gone for good, not that our request was malformed. */
const GONE = /chat not found|user not found|bot was blocked|bot was kicked|user is deactivated|group chat was (upgraded|deleted)|have no rights to send/i;

export interface TelegramSenderOptions extends Omit<RenderOptions, 'botUsername'> {
  api: Api;
  /** Read at send time: the username is known only after getMe. */
  botUsername: () => string;
  outbox: Outbox;
}

export class TelegramSender implements Sender {
  readonly platform = 'telegram' as const;
  readonly proactive = true;

  constructor(private readonly opts: TelegramSenderOptions) {}

  /**
   * Parts of a split reply already accepted by Telegram, by outbox id: when a later part fails
   * and the row is retried, the earlier parts are not sent again (within this process).
   */
  private readonly partsSent = new Map<number, number>();

  async send(delivery: Delivery): Promise<void> {
    const { api, outbox } = this.opts;
    if (outbox.isUnreachable('telegram', delivery.chatId)) {
      this.partsSent.delete(delivery.outboxId);
      throw new SendError('chat marked unreachable', { unreachable: true });
    }
    const messages = renderReply(delivery.reply, { ...this.opts, botUsername: this.opts.botUsername() });
    for (let i = this.partsSent.get(delivery.outboxId) ?? 0; i < messages.length; i++) {
      const m = messages[i];
      try {
        if (m.file) await sendFile(api, delivery.chatId, m.file, m);
        else
          await api.sendMessage(delivery.chatId, m.text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
          });
      } catch (err) {
        const e = toSendError(err);
        if (i > 0 && e.opts.retryAfterMs !== undefined) this.partsSent.set(delivery.outboxId, i);
        else this.partsSent.delete(delivery.outboxId);
        throw e;
      }
    }
    this.partsSent.delete(delivery.outboxId);
  }
}

/** Sends a file by its file_id with the method for its kind; a file of no known kind goes as a document. */
async function sendFile(api: Api, chatId: string, file: ReplyFile, m: OutgoingMessage): Promise<void> {
  const other = {
    ...(m.text ? { caption: m.text, parse_mode: 'HTML' as const } : {}),
    ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
  };
  const { kind, ref } = file;
  if (kind === 'photo') await api.sendPhoto(chatId, ref, other);
  else if (kind === 'video') await api.sendVideo(chatId, ref, other);
  else if (kind === 'audio') await api.sendAudio(chatId, ref, other);
  else await api.sendDocument(chatId, ref, other);
}

/** Maps a grammY error to what the outbox should do with the row. */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err instanceof GrammyError) {
    const what = `${err.method}: ${err.error_code} ${err.description}`;
    if (err.error_code === 403 || (err.error_code === 400 && GONE.test(err.description))) {
      return new SendError(what, { unreachable: true });
    }
    if (err.parameters.migrate_to_chat_id !== undefined) {
      // A group became a supergroup; its old id is dead. The engine will get the new id with the next message.
      return new SendError(what, { unreachable: true });
    }
    if (err.error_code === 429) {
      return new SendError(what, { retryAfterMs: (err.parameters.retry_after ?? 5) * 1000 });
    }
    if (err.error_code >= 500) return new SendError(what, { retryAfterMs: SERVER_ERROR_RETRY_MS });
    return new SendError(what);
  }
  if (err instanceof HttpError) return new SendError(err.message, { retryAfterMs: NETWORK_ERROR_RETRY_MS });
  return new SendError(err instanceof Error ? err.message : String(err));
}
