// The OneBot adapter's reverse WebSocket server does not check the access token itself. With
// ONEBOT_TOKEN set, this refuses the upgrade unless the implementation sends it — as
// "Authorization: Bearer <token>" (NapCat, Lagrange), "Token <token>" (go-cqhttp) or
// ?access_token=<token> — before any socket reaches the adapter.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Context } from '@koishijs/core';

export const name = 'onebot-reverse-token';
export const inject = ['server'];

export interface Config {
  path: string;
  token: string;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function tokenOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  const m = auth ? /^(?:Bearer|Token)\s+(.+)$/i.exec(auth.trim()) : null;
  if (m) return m[1];
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('access_token') ?? undefined;
}

export function apply(ctx: Context, config: Config): void {
  const http = (ctx as unknown as { server: { _http: import('node:http').Server } }).server._http;
  const onUpgrade = (req: IncomingMessage, socket: Duplex) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== config.path) return;
    const token = tokenOf(req);
    if (token !== undefined && same(token, config.token)) return;
    ctx.logger('onebot').warn('reverse WebSocket refused: missing or wrong access token from %s', req.socket.remoteAddress);
    socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  };
  http.prependListener('upgrade', onUpgrade);
  ctx.on('dispose', () => {
    http.off('upgrade', onUpgrade);
  });
}

export const reverseTokenGuard = { name, inject, apply };
