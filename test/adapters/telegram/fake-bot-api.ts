// A fake Telegram Bot API server on 127.0.0.1, enough for the bot's real long-polling loop:
// getUpdates honours offset (confirming older updates), limit and timeout (held open until an
// update arrives or the client goes away); other methods are recorded and answered.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { BOT_INFO, type ApiCall } from './harness.js';

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  /** Highest offset a getUpdates call confirmed (updates below it are gone). */
  confirmedOffset = 0;
  private readonly server: Server;
  private queue: Update[] = [];
  private wake = new Set<() => void>();
  private messageId = 1;
  port = 0;
  /** Milliseconds to hold a method's answer (to catch the bot mid-update). */
  readonly delays: Record<string, number> = {};
  /**
   * Injected faults: for a call, 'reset' drops the connection unanswered, 'hang' never answers
   * (a server gone silent), a number answers with that error status (429 with retry_after 1) —
   * the message is then not delivered.
   */
  fault: ((call: ApiCall) => 'reset' | 'hang' | number | undefined) | undefined;
  /** sendMessage calls answered with success, in the order they were accepted. */
  readonly delivered: ApiCall[] = [];

  constructor(readonly token: string) {
    this.server = createServer((req, res) => void this.route(req, res));
  }

  get root(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.wake) w();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  push(...updates: Update[]): void {
    this.queue.push(...updates);
    for (const w of [...this.wake]) w();
  }

  /** Resolves once `predicate` holds for the recorded calls. */
  async until(predicate: (calls: ApiCall[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error(`timed out; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  sent(chatId: number): ApiCall[] {
    return this.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const payload = raw ? JSON.parse(raw) : {};
    const reply = (body: unknown, status = 200) => {
      if (res.destroyed) return;
      const text = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
    };
    if (!m || m[1] !== this.token) return reply({ ok: false, error_code: 401, description: 'Unauthorized' }, 401);
    const method = m[2];
    this.calls.push({ method, payload });
    if (this.delays[method]) await new Promise((r) => setTimeout(r, this.delays[method]));
    const fault = this.fault?.({ method, payload });
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'hang') return;
    if (fault === 429) return reply({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, 429);
    if (fault !== undefined) return reply({ ok: false, error_code: fault, description: 'Internal Server Error' }, fault);
    switch (method) {
      case 'getMe':
        return reply({ ok: true, result: BOT_INFO });
      case 'getUpdates':
        return reply({ ok: true, result: await this.getUpdates(payload, req) });
      case 'sendMessage':
        this.delivered.push({ method, payload });
        return reply({
          ok: true,
          result: { message_id: this.messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(payload.chat_id), type: 'private' }, text: payload.text },
        });
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'answerCallbackQuery':
      case 'editMessageReplyMarkup':
        return reply({ ok: true, result: true });
      default:
        return reply({ ok: false, error_code: 404, description: 'Not Found: method not found' }, 404);
    }
  }

  private async getUpdates(p: { offset?: number; limit?: number; timeout?: number }, req: IncomingMessage): Promise<Update[]> {
    const offset = p.offset ?? 0;
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset);
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
    }
    const take = () => this.queue.filter((u) => u.update_id >= offset).slice(0, p.limit ?? 100);
    let ready = take();
    if (ready.length === 0 && (p.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wake.delete(done);
          req.socket.off('close', done);
          resolve();
        };
        const timer = setTimeout(done, (p.timeout ?? 0) * 1000);
        this.wake.add(done);
        req.socket.once('close', done);
      });
      ready = take();
    }
    return ready;
  }
}
