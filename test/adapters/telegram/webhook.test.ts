// Webhook mode: a real node:http server from startTelegram, updates POSTed to it like Telegram does.
import { afterEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { connect } from 'node:net';
import { createApp, type App } from '../../../src/app.js';
import { testConfig } from '../../../src/config.js';
import { startTelegram, type TelegramHandle } from '../../../adapters/telegram/index.js';
import { BOT_INFO, Chatter, fakeApi, memoryLogger, START, TOKEN, type ApiCall } from './harness.js';

const URL_ = 'https://bot.example.com/tg/hook';
const SECRET = 'S3cret_-token';

let app: App | undefined;
let handle: TelegramHandle | undefined;
afterEach(async () => {
  await handle?.stop();
  app?.close();
  handle = app = undefined;
});

async function start(calls: ApiCall[]) {
  app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: URL_, TELEGRAM_WEBHOOK_SECRET: SECRET }), {
    now: () => START,
    log: memoryLogger().log,
  });
  handle = await startTelegram(app, { botInfo: BOT_INFO, transformers: [fakeApi(calls)], port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${handle.port}`;
}

function post(base: string, update: Update, secret?: string, path = '/tg/hook') {
  return fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
    body: JSON.stringify(update),
  });
}

const processed = () => (app!.db.prepare(`SELECT count(*) AS n FROM processed_updates`).get() as { n: number }).n;

describe('webhook', () => {
  it('registers itself with the secret and takes updates that carry it', async () => {
    const calls: ApiCall[] = [];
    const base = await start(calls);
    expect(handle!.mode).toBe('webhook');
    const setWebhook = calls.find((c) => c.method === 'setWebhook');
    expect(setWebhook?.payload).toMatchObject({ url: URL_, secret_token: SECRET, allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
    expect(calls.some((c) => c.method === 'deleteWebhook' || c.method === 'getUpdates')).toBe(false);

    const pm = new Chatter({ now: START }, { id: 5001, first_name: 'W' });
    const res = await post(base, pm.text('/start'), SECRET);
    expect(res.status).toBe(200);
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('answers 401 to a missing or wrong secret and processes nothing', async () => {
    const calls: ApiCall[] = [];
    const base = await start(calls);
    const pm = new Chatter({ now: START }, { id: 5002, first_name: 'X' });
    const before = calls.length;
    const missing = await post(base, pm.text('/start'));
    const wrong = await post(base, pm.text('/start'), 'S3cret_-tokeN');
    const prefix = await post(base, pm.text('/start'), SECRET.slice(0, -1));
    expect([missing.status, wrong.status, prefix.status]).toEqual([401, 401, 401]);
    expect(calls.length).toBe(before);
    expect(processed()).toBe(0);
    expect(app!.outbox.counts()).toEqual({});
  });

  it('serves only its own path and POST', async () => {
    const base = await start([]);
    const pm = new Chatter({ now: START }, { id: 5003, first_name: 'Y' });
    expect((await post(base, pm.text('/start'), SECRET, '/other')).status).toBe(404);
    expect((await fetch(base + '/tg/hook')).status).toBe(404);
    expect(processed()).toBe(0);
  });

  it('handles an update Telegram delivers twice only once', async () => {
    const calls: ApiCall[] = [];
    const base = await start(calls);
    const update = new Chatter({ now: START }, { id: 5004, first_name: 'Z' }).text('/start');
    expect((await post(base, update, SECRET)).status).toBe(200);
    expect((await post(base, update, SECRET)).status).toBe(200);
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('stops listening on stop', async () => {
    const base = await start([]);
    await handle!.stop();
    await expect(post(base, new Chatter({ now: START }, { id: 5005, first_name: 'Q' }).text('/start'), SECRET)).rejects.toThrow();
  });

  it('a chunked body over the limit is answered 413 and the connection closed while it is still being sent', async () => {
    const base = await start([]);
    const { port } = new URL(base);
    const result = await new Promise<{ response: string; sent: number; closed: boolean }>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      let response = '';
      let sent = 0;
      let done = false;
      const finish = (closed: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.destroy();
        resolve({ response, sent, closed });
      };
      const timer = setTimeout(() => finish(false), 10_000);
      socket.on('data', (d) => (response += d.toString('latin1')));
      socket.on('close', () => finish(true));
      socket.on('error', () => undefined);
      socket.write(
        `POST /tg/hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        // Up to 200 MB, as the probe did; the server must cut it off long before.
        while (!done && sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          if (!socket.write('\r\n')) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(result.response.slice(0, 200)).toMatch(/^HTTP\/1.1 413/);
    expect(result.closed).toBe(true);
    expect(result.sent).toBeLessThan(200 * 1024 * 1024);
    expect(processed()).toBe(0);
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const base = await start([]);
    const res = await fetch(base + '/tg/hook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: 'x'.repeat((1 << 20) + 1),
    });
    expect(res.status).toBe(413);
  });

  it('a body that is not JSON (or not an update) is answered 400, not 500, and nothing is logged as a failure', async () => {
    const mem = memoryLogger();
    app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: URL_, TELEGRAM_WEBHOOK_SECRET: SECRET }), { now: () => START, log: mem.log });
    handle = await startTelegram(app, { botInfo: BOT_INFO, transformers: [fakeApi([])], port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${handle.port}`;
    const send = (body: string) =>
      fetch(base + '/tg/hook', { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET }, body });
    expect((await send('{"update_id": 1, "message": ')).status).toBe(400);
    expect((await send('[]')).status).toBe(400);
    expect((await send('null')).status).toBe(400);
    expect(mem.lines.filter((l) => l.level >= 50)).toEqual([]);
    // Still serving.
    const pm = new Chatter({ now: START }, { id: 5006, first_name: 'R' });
    expect((await post(base, pm.text('/start'), SECRET)).status).toBe(200);
  });
});
