// A fake OneBot v11 implementation (what NapCat or Lagrange would be) on 127.0.0.1: answers the
// actions the adapter calls, records every send, and pushes message events. Forward mode is a
// WebSocket server the bot connects to; reverse mode connects to the bot's server.
import { WebSocket, WebSocketServer } from 'ws';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Segment {
  type: string;
  data: Record<string, string | number>;
}

export interface SentMessage {
  action: 'send_private_msg' | 'send_group_msg' | 'send_msg';
  userId?: number;
  groupId?: number;
  /** The text of the message, segments joined. */
  text: string;
  segments: Segment[];
  /** Date.now() when the peer received the request. */
  at: number;
}

interface ActionRequest {
  action: string;
  params?: Record<string, unknown>;
  echo?: unknown;
}

const segmentsOf = (message: unknown): Segment[] => {
  if (Array.isArray(message)) return message as Segment[];
  if (typeof message === 'string') return [{ type: 'text', data: { text: message } }];
  return [];
};

export class FakeOneBot {
  readonly sent: SentMessage[] = [];
  readonly actions: string[] = [];
  /** Headers of each connection the peer accepted (forward) or sent (reverse). */
  readonly handshakes: IncomingHttpHeaders[] = [];
  /** Actions whose requests fail with this retcode (e.g. a kicked bot's send_group_msg). */
  readonly failing = new Map<string, number>();
  private sockets = new Set<WebSocket>();
  private server: WebSocketServer | undefined;
  private nextMessageId = 9000;
  private waiters: (() => void)[] = [];

  constructor(
    readonly selfId: number,
    private readonly token?: string,
  ) {}

  /** Forward WebSocket: listens on 127.0.0.1 (random port); refuses a wrong token with 401. */
  async listen(): Promise<string> {
    this.server = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      verifyClient: ({ req }, cb) => {
        if (this.token && req.headers.authorization !== `Bearer ${this.token}`) return cb(false, 401, 'Unauthorized');
        cb(true);
      },
    });
    this.server.on('connection', (socket, req) => {
      this.handshakes.push(req.headers);
      this.attach(socket);
    });
    await new Promise<void>((resolve) => this.server!.once('listening', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}`;
  }

  /** Reverse WebSocket: connects to the bot like NapCat's websocket client would. Rejects if refused. */
  connect(url: string, token = this.token): Promise<void> {
    const headers: Record<string, string> = { 'X-Self-ID': String(this.selfId), 'X-Client-Role': 'Universal' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const socket = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        this.handshakes.push(headers);
        this.attach(socket);
        resolve();
      });
      socket.once('unexpected-response', (_req, res) => reject(new Error(`refused: HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  get connected(): number {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  private attach(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (raw) => {
      const req = JSON.parse(String(raw)) as ActionRequest;
      socket.send(JSON.stringify({ ...this.answer(req), echo: req.echo }));
    });
  }

  private answer(req: ActionRequest): { status: string; retcode: number; data: unknown } {
    this.actions.push(req.action);
    const fail = this.failing.get(req.action);
    if (fail !== undefined) return { status: 'failed', retcode: fail, data: null };
    const ok = (data: unknown) => ({ status: 'ok', retcode: 0, data });
    const p = req.params ?? {};
    switch (req.action) {
      case 'get_login_info':
        return ok({ user_id: this.selfId, nickname: '退款维权助手' });
      case 'send_private_msg':
      case 'send_group_msg':
      case 'send_msg': {
        const segments = segmentsOf(p.message);
        this.sent.push({
          action: req.action,
          userId: p.user_id === undefined ? undefined : Number(p.user_id),
          groupId: p.group_id === undefined ? undefined : Number(p.group_id),
          text: segments.map((s) => (s.type === 'text' ? String(s.data.text) : `[${s.type}]`)).join(''),
          segments,
          at: Date.now(),
        });
        for (const w of this.waiters.splice(0)) w();
        return ok({ message_id: ++this.nextMessageId });
      }
      default:
        // get_guild_service_profile and the like: not a guild-capable account.
        return { status: 'failed', retcode: 1404, data: null };
    }
  }

  /** Pushes an event to every connected bot. */
  push(event: Record<string, unknown>): void {
    const payload = JSON.stringify({ time: Math.floor(Date.now() / 1000), self_id: this.selfId, ...event });
    for (const s of this.sockets) if (s.readyState === WebSocket.OPEN) s.send(payload);
  }

  privateMessage(userId: number, message: string | Segment[], messageId = ++this.nextMessageId): number {
    const segments = segmentsOf(message);
    this.push({
      post_type: 'message',
      message_type: 'private',
      sub_type: 'friend',
      message_id: messageId,
      user_id: userId,
      message: segments,
      raw_message: segments.map((s) => (s.type === 'text' ? s.data.text : '')).join(''),
      font: 0,
      sender: { user_id: userId, nickname: `用户${userId}` },
    });
    return messageId;
  }

  groupMessage(groupId: number, userId: number, message: string | Segment[], messageId = ++this.nextMessageId): number {
    const segments = segmentsOf(message);
    this.push({
      post_type: 'message',
      message_type: 'group',
      sub_type: 'normal',
      message_id: messageId,
      group_id: groupId,
      user_id: userId,
      message: segments,
      raw_message: segments.map((s) => (s.type === 'text' ? s.data.text : '')).join(''),
      font: 0,
      sender: { user_id: userId, nickname: `用户${userId}`, card: '', role: 'member' },
    });
    return messageId;
  }

  /** Resolves once `count` messages have been sent in all (polls; fails after timeoutMs). */
  async waitForSent(count: number, timeoutMs = 5000): Promise<SentMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} sends, got ${this.sent.length}: ${JSON.stringify(this.sent.map((s) => s.text))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.sent;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.sockets.clear();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
