// Telegram adapter: createBot wires grammY to the engine; startTelegram runs it with
// long polling (default) or a webhook (TELEGRAM_WEBHOOK_URL), plus the outbox drainer.
import type { Bot } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { App } from '../../src/app.js';
import { COMMAND_LIST } from '../../src/engine/commands.js';
import { t } from '../../src/i18n/index.js';
import type { Logger } from '../../src/log.js';
import { createBot, type TelegramBot, type TelegramOptions } from './bot.js';
import { startPolling, type PollingOptions } from './polling.js';
import { startWebhook } from './webhook.js';

export { createBot, ALLOWED_UPDATES, type TelegramBot, type TelegramOptions } from './bot.js';
export { decodeUpdate, addressedText } from './decode.js';
export { renderReply, deepLink, MAX_MESSAGE_LENGTH, type OutgoingMessage } from './render.js';
export { splitText } from '../../src/delivery/split.js';
export { escapeHtml } from './html.js';
export { TelegramSender, toSendError } from './sender.js';
export { startPolling } from './polling.js';
export { startWebhook } from './webhook.js';

export interface StartTelegramOptions extends TelegramOptions {
  polling?: PollingOptions;
  /** Webhook port; defaults to config PORT (0 picks a free one). */
  port?: number;
  host?: string;
  /** Call setWebhook at start (default true). */
  registerWebhook?: boolean;
  /** How long stop() waits for updates in progress. */
  stopTimeoutMs?: number;
  /** Runs once the bot exists, before any update is received (e.g. to add a broadcast lane). */
  setup?: (telegram: TelegramBot) => void | Promise<void>;
}

export interface TelegramHandle {
  bot: Bot;
  telegram: TelegramBot;
  mode: 'polling' | 'webhook';
  /** The webhook server's port, in webhook mode. */
  port?: number;
  /** Stops receiving, lets updates in progress finish, stops the drainer. Idempotent. */
  stop(): Promise<void>;
}

/** Community commands offered in private beside the engine's list (src/community/commands.ts). */
const COMMUNITY_PRIVATE = ['alerts_on', 'collective'];

/** Private chats get the engine's whole list; groups only what works there (the rest needs a private chat). */
export function commandList(scope: 'private' | 'group'): BotCommand[] {
  if (scope === 'group') {
    return [
      { command: 'start', description: t('tg.cmd.group_start') },
      { command: 'help', description: t('tg.cmd.group_help') },
      // Privacy mode: in groups the bot only sees /commands, so the lookup must be one.
      { command: 'check', description: t('cmd.check') },
    ];
  }
  const list = COMMAND_LIST.flatMap((command) => (command === 'report' ? [command, ...COMMUNITY_PRIVATE] : [command]));
  return list.map((command) => ({ command, description: t(`cmd.${command}`) }));
}

/** Registers the Chinese command menus. A failure is logged, not fatal. */
export async function registerCommands(bot: Bot, log: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands(commandList('private'), { scope: { type: 'all_private_chats' } });
    await bot.api.setMyCommands(commandList('group'), { scope: { type: 'all_group_chats' } });
  } catch (err) {
    log.warn({ err }, 'setMyCommands failed');
  }
}

export async function startTelegram(app: App, opts: StartTelegramOptions = {}): Promise<TelegramHandle> {
  const log = app.log.child({ platform: 'telegram' });
  const tb = createBot(app, opts);
  await opts.setup?.(tb);
  await tb.bot.init();
  log.info({ username: tb.bot.botInfo.username }, 'telegram bot ready');
  await registerCommands(tb.bot, log);

  const stopTimeoutMs = opts.stopTimeoutMs ?? 10_000;
  const url = app.config.TELEGRAM_WEBHOOK_URL;
  let stopReceiving: () => Promise<void>;
  let port: number | undefined;
  if (url) {
    const secret = app.config.TELEGRAM_WEBHOOK_SECRET;
    if (!secret) throw new Error('TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set');
    const wh = await startWebhook(tb, log, {
      url,
      secret,
      port: opts.port ?? app.config.PORT,
      host: opts.host,
      register: opts.registerWebhook,
      stopTimeoutMs,
    });
    port = wh.port;
    stopReceiving = wh.stop;
  } else {
    const polling = await startPolling(tb, log, { stopTimeoutMs, ...opts.polling });
    stopReceiving = polling.stop;
  }
  tb.drainer.start();

  let stopping: Promise<void> | undefined;
  return {
    bot: tb.bot,
    telegram: tb,
    mode: url ? 'webhook' : 'polling',
    ...(port !== undefined ? { port } : {}),
    stop: () =>
      (stopping ??= (async () => {
        await stopReceiving();
        // Rows not sent yet stay pending for the next start.
        await tb.drainer.stop();
      })()),
  };
}
