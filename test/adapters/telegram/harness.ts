// Test helpers: a real App on :memory:, the real grammY Bot from createBot, and the Bot API
// answered by a transformer (no HTTP) that records every call. Updates are plain Bot API JSON.
import pino from 'pino';
import type { Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createApp, type App } from '../../../src/app.js';
import { testConfig, type Config } from '../../../src/config.js';
import { createBot, type TelegramBot, type TelegramOptions } from '../../../adapters/telegram/index.js';

export const TOKEN = '123456:TEST-token';
export const BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: '退款维权助手',
  username: 'refund_coach_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
export const START = new Date('2026-11-20T08:00:00Z');

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
}
type Result = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };
/** Returns a canned answer for a call, or undefined for the default (success). */
export type Responder = (call: ApiCall) => Result | undefined;

/** Captures pino's JSON lines so tests can check what was logged. */
export function memoryLogger(): { log: pino.Logger; lines: Record<string, any>[] } {
  const lines: Record<string, any>[] = [];
  const log = pino({ level: 'debug', base: undefined }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { log, lines };
}

let messageIds = 1000;

/** The fake Bot API: records calls, answers sendMessage with a Message, everything else with true. */
export function fakeApi(calls: ApiCall[], responder: Responder = () => undefined): Transformer {
  return (async (_prev: unknown, method: string, payload: Record<string, any>) => {
    const call = { method, payload: payload ?? {} };
    calls.push(call);
    const canned = responder(call);
    if (canned) return canned;
    if (method === 'sendMessage') {
      return {
        ok: true,
        result: { message_id: ++messageIds, date: Math.floor(Date.now() / 1000), chat: { id: Number(call.payload.chat_id), type: 'private' }, text: call.payload.text },
      };
    }
    return { ok: true, result: true };
  }) as unknown as Transformer;
}

export interface Harness {
  app: App;
  tg: TelegramBot;
  calls: ApiCall[];
  logs: Record<string, any>[];
  clock: { now: Date };
  /** sendMessage calls to one chat, in order. */
  sent(chatId: number | string): ApiCall[];
  close(): void;
}

export function harness(opts: { config?: Partial<Config>; responder?: Responder; telegram?: TelegramOptions } = {}): Harness {
  const clock = { now: new Date(START) };
  const { log, lines } = memoryLogger();
  const app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, ...opts.config }), { now: () => clock.now, log });
  const calls: ApiCall[] = [];
  const tg = createBot(app, { botInfo: BOT_INFO, transformers: [fakeApi(calls, opts.responder)], ...opts.telegram });
  return {
    app,
    tg,
    calls,
    logs: lines,
    clock,
    sent: (chatId) => calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(chatId)),
    close: () => app.close(),
  };
}

let updateIds = 500_000;
export const nextUpdateId = () => ++updateIds;

export interface Person {
  id: number;
  first_name: string;
  username?: string;
}

/** Builds the updates one user produces in one chat. */
export class Chatter {
  readonly user: Person & { is_bot: false };
  readonly chat: Record<string, unknown>;
  private messageId = 1;

  constructor(
    private readonly clock: { now: Date },
    user: Person,
    chat?: { id: number; type: 'group' | 'supergroup'; title: string },
  ) {
    this.user = { ...user, is_bot: false };
    this.chat = chat ?? { id: user.id, type: 'private', first_name: user.first_name };
  }

  private base(extra: Record<string, unknown>): Update {
    return {
      update_id: nextUpdateId(),
      message: { message_id: this.messageId++, date: Math.floor(this.clock.now.getTime() / 1000), chat: this.chat, from: this.user, ...extra },
    } as unknown as Update;
  }

  text(text: string): Update {
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0].length }] : undefined;
    return this.base({ text, ...(entities ? { entities } : {}) });
  }

  photo(fileId: string, caption?: string): Update {
    return this.base({
      photo: [
        { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 160 },
        { file_id: fileId, file_unique_id: `${fileId}-l`, width: 720, height: 1280 },
      ],
      ...(caption ? { caption } : {}),
    });
  }

  sticker(): Update {
    return this.base({ sticker: { file_id: 'sticker', file_unique_id: 'st', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } });
  }

  /** A press on a button of a message the bot sent here. */
  press(data: string, messageId = 1): Update {
    return {
      update_id: nextUpdateId(),
      callback_query: {
        id: `cb${nextUpdateId()}`,
        from: this.user,
        chat_instance: `ci${this.chat.id}`,
        data,
        message: { message_id: messageId, date: Math.floor(this.clock.now.getTime() / 1000), chat: this.chat, from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name } },
      },
    } as unknown as Update;
  }
}

/** The inline keyboard buttons of a sendMessage call. */
export function buttons(call: ApiCall | undefined): { text: string; callback_data?: string; url?: string }[] {
  return (call?.payload.reply_markup?.inline_keyboard ?? []).flat();
}

/** What the user sees of an HTML message text. */
export function visible(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
