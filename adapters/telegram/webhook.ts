// Webhook mode: node's http server on PORT. Telegram sends every update with the
// X-Telegram-Bot-Api-Secret-Token header; grammY's webhookCallback compares it in
// constant time and answers 401 (handling nothing) when it is missing or wrong.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback } from 'grammy';
import type { Logger } from '../../src/log.js';
import { ALLOWED_UPDATES, type TelegramBot } from './bot.js';

export interface WebhookOptions {
  /** Public HTTPS URL Telegram posts to; its path is the one served. */
  url: string;
  secret: string;
  port: number;
  host?: string;
  /** Register the URL with setWebhook (off in tests that post updates themselves). */
  register?: boolean;
  /** Answer Telegram after this long even if handling goes on (it retries slow webhooks). */
  replyWithinMs?: number;
  stopTimeoutMs?: number;
}

export interface Webhook {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

export async function startWebhook(tb: TelegramBot, log: Logger, opts: WebhookOptions): Promise<Webhook> {
  const { bot, inFlight } = tb;
  const path = new URL(opts.url).pathname || '/';
  const handle = webhookCallback(bot, 'http', {
    secretToken: opts.secret,
    onTimeout: 'return',
    timeoutMilliseconds: opts.replyWithinMs ?? 8_000,
  });

  const server = createServer((req, res) => {
    const reqPath = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || reqPath !== path) {
      res.writeHead(404).end();
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      res.writeHead(413).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      log.error({ err: String(err) }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  if (opts.register ?? true) {
    await bot.api.setWebhook(opts.url, { secret_token: opts.secret, allowed_updates: [...ALLOWED_UPDATES] });
  }
  log.info({ port, path }, 'telegram webhook listening');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // No new requests; Telegram retries what it could not deliver, and the engine dedupes.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      if (!(await inFlight.idle(opts.stopTimeoutMs ?? 10_000))) log.warn('stopping with updates still in progress');
      server.closeAllConnections();
      await closed;
      log.info('telegram webhook stopped');
    })());
  return { server, port, stop };
}
