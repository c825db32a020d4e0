// A local fake of the Telegram Bot API on 127.0.0.1 for broadcast tests and the benchmark:
// answers sendMessage (JSON bodies, as grammY sends them), enforces an overall sliding-window
// limit with 429 + retry_after beyond it, records which chats each accepted message went to,
// and can hold one request unanswered (to kill the sender while a send is in flight).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeBotApiOptions {
  /** Accepted sendMessage calls allowed in any 1,000 ms. */
  perSecond: number;
  /** Per-group limit per minute (0: not enforced). */
  groupPerMinute?: number;
}

export class FakeBotApi {
  /** Accepted sends per chat id. */
  readonly accepted = new Map<string, number>();
  /** Times (Date.now()) of accepted sends, ascending. */
  readonly acceptedAt: number[] = [];
  /** Times of 429 answers. */
  readonly tooMany: number[] = [];
  /** Answer the n-th sendMessage (1-based) never; `onHold` hears about it. */
  holdAt: number | undefined;
  onHold: (() => void) | undefined;
  private calls = 0;
  private window: number[] = [];
  private readonly groups = new Map<string, number[]>();
  private server: Server | undefined;
  private readonly held = new Set<ServerResponse>();

  constructor(private readonly opts: FakeBotApiOptions) {}

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get totalAccepted(): number {
    return this.acceptedAt.length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = (req.url ?? '').split('/').pop() ?? '';
    let payload: Record<string, unknown> = {};
    try {
      payload = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return this.reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: body is not JSON' });
    }
    if (method !== 'sendMessage') return this.reply(res, 200, { ok: true, result: true });
    this.calls++;
    if (this.holdAt !== undefined && this.calls === this.holdAt) {
      this.held.add(res);
      this.onHold?.();
      return;
    }
    const now = Date.now();
    const chatId = String(payload.chat_id);
    while (this.window.length && this.window[0] <= now - 1000) this.window.shift();
    if (this.window.length >= this.opts.perSecond) {
      this.tooMany.push(now);
      const retryAfter = Math.max(1, Math.ceil((this.window[0] + 1000 - now) / 1000));
      return this.reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    if (this.opts.groupPerMinute && chatId.startsWith('-')) {
      const list = this.groups.get(chatId) ?? [];
      while (list.length && list[0] <= now - 60_000) list.shift();
      if (list.length >= this.opts.groupPerMinute) {
        this.tooMany.push(now);
        return this.reply(res, 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 30', parameters: { retry_after: 30 } });
      }
      list.push(now);
      this.groups.set(chatId, list);
    }
    this.window.push(now);
    this.acceptedAt.push(now);
    this.accepted.set(chatId, (this.accepted.get(chatId) ?? 0) + 1);
    this.reply(res, 200, {
      ok: true,
      result: { message_id: this.acceptedAt.length, date: Math.floor(now / 1000), chat: { id: Number(chatId), type: chatId.startsWith('-') ? 'supergroup' : 'private' }, text: payload.text },
    });
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  }

  async close(): Promise<void> {
    for (const r of this.held) r.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Sustained rate of accepted sends: messages per second between the first and the last. */
export function sustainedRate(times: readonly number[]): number {
  if (times.length < 2) return 0;
  return (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000);
}
