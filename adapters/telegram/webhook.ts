// Webhook mode: node's http server on PORT. Telegram sends every update with the
// X-Telegram-Bot-Api-Secret-Token header; grammY's webhookCallback compares it in
// constant time and answers 401 (handling nothing) when it is missing or wrong.
// The body is read here, not by grammY's adapter: counted as it streams (chunked transfer
// included), 413 and the connection closed as soon as it passes MAX_BODY_BYTES, and a body that
// is not JSON answered 400 — never buffered whole, never a 500.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
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
  /** Largest body accepted (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

export interface Webhook {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/** Telegram's updates are a few KiB; 1 MiB leaves room for anything real. */
export const MAX_BODY_BYTES = 1 << 20;

/** The request was answered here already (413, 400); nothing more to send. */
class Refused extends Error {}

function refuse(req: IncomingMessage, res: ServerResponse, status: 400 | 413): Refused {
  if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 413 ? 'payload too large' : 'bad request');
  if (status === 413) {
    // Close the connection, but not at once: closing with the client's bytes still unread sends a
    // reset that can wipe the 413 before the client reads it. So the rest is read and thrown away
    // (never kept) for a moment, at most DRAIN_BYTES, then the socket is destroyed.
    const socket = req.socket;
    let drained = 0;
    const close = () => socket.destroy();
    req.on('data', (c: Buffer) => {
      drained += c.length;
      if (drained > DRAIN_BYTES) close();
    });
    req.resume();
    setTimeout(close, DRAIN_MS).unref();
  }
  return new Refused(String(status));
}

const DRAIN_MS = 250;
const DRAIN_BYTES = 64 << 20;

/** Reads a JSON body of at most `limit` bytes, counting as it arrives. */
function readUpdate(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Update> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        reject(refuse(req, res, 413));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (size > limit) return;
      try {
        const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        if (!update || typeof update !== 'object' || typeof (update as Update).update_id !== 'number') throw new Error('not an update');
        resolve(update as Update);
      } catch {
        reject(refuse(req, res, 400));
      }
    });
    req.once('error', reject);
  });
}

/** grammY's node:http adapter with a bounded, validated body. */
function boundedHttp(limit: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-telegram-bot-api-secret-token'];
    return {
      get update() {
        return readUpdate(req, res, limit);
      },
      header: Array.isArray(header) ? header[0] : header,
      end: () => void res.end(),
      respond: (json: string) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(json),
      unauthorized: () => void res.writeHead(401).end('secret token is wrong'),
    };
  };
}

export async function startWebhook(tb: TelegramBot, log: Logger, opts: WebhookOptions): Promise<Webhook> {
  const { bot, inFlight } = tb;
  const path = new URL(opts.url).pathname || '/';
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const handle = webhookCallback(bot, boundedHttp(limit), {
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
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      refuse(req, res, 413);
      return;
    }
    (handle(req, res) as unknown as Promise<void>).catch((err: unknown) => {
      if (err instanceof Refused) return;
      log.error({ err }, 'webhook request failed');
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
