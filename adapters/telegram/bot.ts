// The grammY Bot wired to the engine: decode → engine.handle → deliver through the outbox.
import { Bot, type ApiClientOptions, type Context, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import type { App } from '../../src/app.js';
import { Drainer, type DrainerOptions } from '../../src/delivery/drainer.js';
import { addMessages, t } from '../../src/i18n/index.js';
import telegramMessages from '../../src/i18n/zh-CN/telegram.js';
import type { Logger } from '../../src/log.js';
import { decodeUpdate } from './decode.js';
import { InFlight } from './inflight.js';
import { TelegramSender } from './sender.js';

addMessages(telegramMessages);

/** Update types the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface TelegramOptions {
  /** Defaults to config TELEGRAM_BOT_TOKEN. */
  token?: string;
  /** Skips getMe (tests, fast restarts). */
  botInfo?: UserFromGetMe;
  /** Extra grammY client options; apiRoot defaults to config TELEGRAM_API_ROOT. */
  client?: ApiClientOptions;
  /** @grammyjs/auto-retry options for 429 and 5xx. */
  autoRetry?: Partial<AutoRetryOptions>;
  /** Options for the outbox drainer of unprompted messages. */
  drainer?: DrainerOptions;
  /**
   * Transformers installed below auto-retry, closest to the network (tests use one
   * to answer API calls without HTTP).
   */
  transformers?: Transformer[];
}

export interface TelegramBot {
  bot: Bot;
  sender: TelegramSender;
  /** Sends unprompted outbox rows (follow-ups, broadcasts). Not started here. */
  drainer: Drainer;
  /** Updates being handled right now; shutdown waits for them. */
  inFlight: InFlight;
  /**
   * Adds a transformer below auto-retry after the bot exists (e.g. the broadcast rate tap,
   * which needs this bot's sender first), so it sees every raw response, each 429 included.
   */
  useBelowRetry(transformer: Transformer): void;
}

/**
 * Defaults: retry 429s and 5xx that ask for at most a minute, three times; network errors go back
 * to the outbox. Both bounds are always set (auto-retry's own defaults retry without end), so no
 * call can keep a shutdown waiting forever.
 */
export const RETRY_DEFAULTS = { maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true } satisfies Partial<AutoRetryOptions>;

/** Builds the bot and its middleware. Nothing is fetched or started. */
export function createBot(app: App, opts: TelegramOptions = {}): TelegramBot {
  const token = opts.token ?? app.config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const log = app.log.child({ platform: 'telegram' });
  const apiRoot = opts.client?.apiRoot ?? app.config.TELEGRAM_API_ROOT?.replace(/\/+$/, '');
  const bot = new Bot(token, {
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    client: { ...opts.client, ...(apiRoot ? { apiRoot } : {}) },
  });
  for (const tr of opts.transformers ?? []) bot.api.config.use(tr);
  const late: Transformer[] = [];
  bot.api.config.use((prev, method, payload, signal) => {
    const call = late.reduce<typeof prev>((inner, tr) => (m, p, s) => tr(inner, m, p, s), prev);
    return call(method, payload, signal);
  });
  bot.api.config.use(autoRetry(boundedRetry(opts.autoRetry)));
  bot.api.config.use(logFailures(log));

  const sender = new TelegramSender({
    api: bot.api,
    outbox: app.outbox,
    botUsername: () => bot.botInfo.username,
    copyHint: t('tg.copy_hint'),
  });
  const drainer = new Drainer(app.outbox, sender, log, { now: app.now, concurrency: app.config.DELIVERY_CONCURRENCY, ...opts.drainer });
  const inFlight = new InFlight();
  app.engine.setProactive('telegram', sender.proactive);

  bot.use((ctx, next) => inFlight.track(next(), ctx.update.update_id));
  // Long polling hands updates over concurrently; one chat's updates still run one at a time.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));

  // A private chat that blocks the bot is unreachable until it unblocks. Being added to a group
  // goes on to the engine (decodeUpdate: a 'joined_group' event, answered with the welcome).
  bot.on('my_chat_member', async (ctx, next) => {
    const { chat, new_chat_member: member } = ctx.myChatMember;
    const chatId = String(chat.id);
    if (member.status === 'kicked' || member.status === 'left') {
      app.outbox.markUnreachable('telegram', chatId, `bot ${member.status}`, app.now());
      log.info({ chatId, status: member.status }, 'bot removed from chat');
    } else if (member.status === 'member' || member.status === 'administrator') {
      app.outbox.markReachable('telegram', chatId);
    }
    await next();
  });

  // Every button press is answered first, so the client stops its spinner even if handling fails.
  bot.on('callback_query', async (ctx, next) => {
    const usable = ctx.callbackQuery.data !== undefined && ctx.callbackQuery.message !== undefined;
    await ctx
      .answerCallbackQuery(usable ? undefined : { text: t('tg.callback.expired') })
      .catch((err: unknown) => log.warn({ err }, 'answerCallbackQuery failed'));
    await next();
  });

  bot.use(async (ctx) => {
    const inbound = decodeUpdate(ctx.update, { botUsername: ctx.me.username, now: app.now });
    if (!inbound) return unsupported(ctx);
    const deliveries = await app.inbound.handle(inbound);
    await drainer.deliver(deliveries);
    // The answer came as a new message with fresh buttons: take the pressed ones away, so an
    // old menu cannot start a second case or answer a question that has moved on.
    if (inbound.choice !== undefined && deliveries.length > 0 && ctx.callbackQuery?.message) {
      await ctx
        .editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } })
        .catch((err: unknown) => log.debug({ err }, 'could not remove a used keyboard'));
    }
  });

  async function unsupported(ctx: Context): Promise<void> {
    const m = ctx.message;
    if (!m || m.chat.type !== 'private') return;
    if (!(m.sticker || m.location || m.contact || m.poll || m.dice || m.venue)) return;
    const d = app.outbox.enqueue(
      { platform: 'telegram', chatId: String(m.chat.id), kind: 'notice', reply: { text: t('tg.unsupported') } },
      app.now(),
      true,
    );
    await drainer.deliver([d]);
  }

  bot.catch((err) => {
    log.error({ updateId: err.ctx.update.update_id, chatId: err.ctx.chat?.id, err: err.error }, 'update handling failed');
  });

  return { bot, sender, drainer, inFlight, useBelowRetry: (tr) => void late.push(tr) };
}

/** auto-retry options with both bounds finite, whatever the caller asked for. */
export function boundedRetry(o: Partial<AutoRetryOptions> = {}): Partial<AutoRetryOptions> {
  const finite = (v: number | undefined, d: number) => (v !== undefined && Number.isFinite(v) ? v : d);
  return {
    ...RETRY_DEFAULTS,
    ...o,
    maxRetryAttempts: finite(o.maxRetryAttempts, RETRY_DEFAULTS.maxRetryAttempts),
    maxDelaySeconds: finite(o.maxDelaySeconds, RETRY_DEFAULTS.maxDelaySeconds),
  };
}

/** Logs every API call that finally failed (after retries), with its method and chat. */
function logFailures(log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok) {
        log.warn({ method, chatId, code: res.error_code, description: res.description, retryAfter: res.parameters?.retry_after }, 'Bot API call failed');
      }
      return res;
    } catch (err) {
      if (!(signal?.aborted && method === 'getUpdates')) {
        log.warn({ method, chatId, err }, 'Bot API call failed');
      }
      throw err;
    }
  };
}
