// The HTTP side of sending, with nock in front of api.telegram.org: auto-retry on 429,
// and what the outbox is told when a send finally fails.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { testConfig } from '../../../src/config.js';
import { createBot, type TelegramBot, type TelegramOptions } from '../../../adapters/telegram/index.js';
import { BOT_INFO, Chatter, memoryLogger, START, TOKEN } from './harness.js';

const API = 'https://api.telegram.org';
const SEND = `/bot${TOKEN}/sendMessage`;
const chatId = 3001;

let app: App;
let tg: TelegramBot;
let logs: Record<string, any>[];

function setup(opts: TelegramOptions = {}) {
  const m = memoryLogger();
  logs = m.lines;
  app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN }), { now: () => START, log: m.log });
  tg = createBot(app, { botInfo: BOT_INFO, ...opts });
}

/**
 * A JSON reply with an explicit Content-Length: nock 14 leaves it out, and grammY sends
 * "Connection: keep-alive", so the response would never end (nock/nock#3001).
 */
function json(status: number, body: unknown): [number, string, Record<string, string>] {
  const text = JSON.stringify(body);
  return [status, text, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) }];
}
const okMessage = (body: any) =>
  json(200, { ok: true, result: { message_id: 1, date: 1, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text } });
const tooMany = (seconds: number) =>
  json(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });

/** Puts one message for the chat in the outbox and drains it. */
async function sendOne(text = '你好') {
  const d = app.outbox.enqueue({ platform: 'telegram', chatId: String(chatId), reply: { text } }, START, true);
  await tg.drainer.deliver([d]);
  return app.db.prepare(`SELECT status, error, not_before FROM outbox WHERE id = ?`).get(d.outboxId) as {
    status: string;
    error: string | null;
    not_before: number;
  };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.disableNetConnect();
  app?.close();
});
afterAll(() => nock.enableNetConnect());

describe('sending over HTTP', () => {
  it('waits out a 429 for retry_after seconds, then sends', async () => {
    setup();
    const bodies: any[] = [];
    const scope = nock(API)
      .post(SEND, (b) => bodies.push(b) > 0)
      .reply(...tooMany(1))
      .post(SEND, (b) => bodies.push(b) > 0)
      .reply((_uri, body) => okMessage(body));
    const t0 = Date.now();
    await tg.bot.handleUpdate(new Chatter({ now: START }, { id: chatId, first_name: 'Bob' }).text('/start'));
    const elapsed = Date.now() - t0;
    expect(scope.isDone()).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[0]).toMatchObject({ chat_id: String(chatId), parse_mode: 'HTML' });
    expect(app.outbox.counts()).toEqual({ sent: 1 });
  });

  it('hands a 429 that asks for too long back to the outbox with retry_after as the delay', async () => {
    setup({ autoRetry: { maxDelaySeconds: 5 } });
    const scope = nock(API)
      .post(SEND)
      .reply(...tooMany(120));
    const row = await sendOne();
    expect(scope.isDone()).toBe(true);
    expect(row.status).toBe('pending');
    expect(row.not_before).toBe(START.getTime() + 120_000);
    expect(row.error).toContain('429');
    expect(logs).toContainEqual(expect.objectContaining({ method: 'sendMessage', chatId: String(chatId), code: 429, retryAfter: 120 }));
  });

  it('turns a 403 into an unreachable chat', async () => {
    setup();
    nock(API).post(SEND).reply(...json(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }));
    const row = await sendOne();
    expect(row.status).toBe('failed');
    expect(app.outbox.isUnreachable('telegram', String(chatId))).toBe(true);
    expect(logs).toContainEqual(expect.objectContaining({ method: 'sendMessage', chatId: String(chatId), code: 403 }));
  });

  it('retries 5xx later through the outbox when auto-retry is told not to wait', async () => {
    setup({ autoRetry: { rethrowInternalServerErrors: true } });
    nock(API).post(SEND).reply(...json(502, { ok: false, error_code: 502, description: 'Bad Gateway' }));
    const row = await sendOne();
    expect(row.status).toBe('pending');
    expect(row.not_before).toBe(START.getTime() + 30_000);
  });

  it('puts a row back when the Bot API cannot be reached, and logs the method and chat', async () => {
    // A port nothing listens on: connection refused, a real network failure.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    nock.enableNetConnect('127.0.0.1');
    setup({ client: { apiRoot: `http://127.0.0.1:${port}` } });
    const row = await sendOne();
    expect(row.status).toBe('pending');
    expect(row.not_before).toBe(START.getTime() + 10_000);
    expect(logs).toContainEqual(expect.objectContaining({ method: 'sendMessage', chatId: String(chatId), err: expect.objectContaining({ message: expect.stringContaining('sendMessage') }) }));
  });

  it('gives up on a malformed request without retrying', async () => {
    setup();
    const scope = nock(API).post(SEND).reply(...json(400, { ok: false, error_code: 400, description: "Bad Request: can't parse entities" }));
    const row = await sendOne();
    expect(scope.isDone()).toBe(true);
    expect(row.status).toBe('failed');
    expect(app.outbox.isUnreachable('telegram', String(chatId))).toBe(false);
  });

  it('lets a transformer added after creation sit below auto-retry and see each raw 429', async () => {
    setup();
    const seen: (number | 'ok')[] = [];
    tg.useBelowRetry(async (prev, method, payload, signal) => {
      const res = await prev(method, payload, signal);
      seen.push(res.ok ? 'ok' : res.error_code);
      return res;
    });
    nock(API)
      .post(SEND)
      .reply(...tooMany(1))
      .post(SEND)
      .reply((_uri, body) => okMessage(body));
    const row = await sendOne();
    expect(row.status).toBe('sent');
    expect(seen).toEqual([429, 'ok']);
  });
});
