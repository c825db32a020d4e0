// QQ through Koishi: OneBot v11 (NapCat, Lagrange, LLOneBot) and the official QQ bot API.
// The plugin bridges sessions to the engine; startQQ builds the Koishi app from our config.
import { createRequire } from 'node:module';
import { Context, HTTP, type Plugin } from '@koishijs/core';
import { OneBotBot } from 'koishi-plugin-adapter-onebot';
import type { App } from '../../src/app.js';
import { ConfigError, type Config as AppConfig } from '../../src/config.js';
import * as plugin from './plugin.js';
import { routeKoishiLogs } from './logs.js';
import { reverseTokenGuard } from './reverse-auth.js';
import { provideCoach } from './service.js';

export { plugin };
export { provideCoach, coachService, type CoachService } from './service.js';
export const { name, Config, apply } = plugin;
export default plugin;

// The server plugin is ESM-first; its CommonJS build shares the cordis instance Koishi runs on.
const require = createRequire(import.meta.url);
const Server = (require('@koishijs/plugin-server') as typeof import('@koishijs/plugin-server')).default;
// adapter-qq's ESM typings do not resolve under NodeNext; its CommonJS build is what runs anyway.
const { QQBot } = require('@satorijs/adapter-qq') as { QQBot: Plugin.Constructor<Context, Record<string, unknown>> };

/** The official bot's events: group @-messages and C2C (USER_MESSAGE), guild DMs and @-messages. */
const OFFICIAL_INTENTS = (1 << 25) | (1 << 12) | (1 << 30);

export type OneBotSettings =
  | { selfId: string; protocol: 'ws'; endpoint: string; token?: string }
  | { selfId: string; protocol: 'ws-reverse'; path: string; token?: string; host: string; port: number };

/** Whether the config asks for QQ at all (OneBot or the official bot). */
export function qqConfigured(c: AppConfig): boolean {
  return !!(c.ONEBOT_ENDPOINT || c.ONEBOT_PORT || c.ONEBOT_PATH || c.QQ_APP_ID);
}

/** Reads the OneBot settings: forward WebSocket when ONEBOT_ENDPOINT is set, else reverse on ONEBOT_PORT. */
export function oneBotSettings(c: AppConfig): OneBotSettings | undefined {
  if (!c.ONEBOT_ENDPOINT && !c.ONEBOT_PORT && !c.ONEBOT_PATH) return undefined;
  if (!c.ONEBOT_SELF_ID) throw new ConfigError('Invalid configuration:\n  ONEBOT_SELF_ID: required when OneBot is configured');
  if (c.ONEBOT_ENDPOINT) return { selfId: c.ONEBOT_SELF_ID, protocol: 'ws', endpoint: c.ONEBOT_ENDPOINT, token: c.ONEBOT_TOKEN };
  if (!c.ONEBOT_PORT) throw new ConfigError('Invalid configuration:\n  ONEBOT_PORT: required for reverse WebSocket (or set ONEBOT_ENDPOINT for forward)');
  const path = c.ONEBOT_PATH ? (c.ONEBOT_PATH.startsWith('/') ? c.ONEBOT_PATH : `/${c.ONEBOT_PATH}`) : '/onebot';
  return { selfId: c.ONEBOT_SELF_ID, protocol: 'ws-reverse', path, token: c.ONEBOT_TOKEN, host: c.ONEBOT_HOST, port: c.ONEBOT_PORT };
}

interface ServerInternals {
  _http: import('node:http').Server;
  _ws: { close(): void };
}

export interface QQHandle {
  /** The Koishi app (for tests and diagnostics). */
  ctx: Context;
  stop(): Promise<void>;
}

/**
 * Starts Koishi with the adapters the config asks for (OneBot and/or the official bot) and the
 * plugin. With neither configured it starts nothing.
 */
export async function startQQ(app: App, opts: { drainIdleMs?: number } = {}): Promise<QQHandle> {
  const c = app.config;
  const onebot = oneBotSettings(c);
  const official = c.QQ_APP_ID && c.QQ_SECRET;
  const ctx = new Context();
  if (!onebot && !official) {
    app.log.info('QQ not configured (ONEBOT_* / QQ_APP_ID); not started');
    return { ctx, stop: async () => {} };
  }
  routeKoishiLogs(app.log);
  // Each plugin's scope, so stop() can dispose them in reverse order while the services their
  // dispose hooks use (logger, ctx.bots) still exist — stopping the root alone disposes those first.
  const forks: { dispose(): unknown }[] = [];
  const use = <T>(fork: T & { dispose(): unknown }): T => (forks.push(fork), fork);
  ctx.plugin(HTTP);
  if (onebot?.protocol === 'ws-reverse') {
    use(ctx.plugin(Server, { host: onebot.host, port: onebot.port, maxPort: onebot.port }));
    if (onebot.token) use(ctx.plugin(reverseTokenGuard, { path: onebot.path, token: onebot.token }));
  }
  if (onebot) use(ctx.plugin(OneBotBot, { ...onebot, responseTimeout: 30_000 } as OneBotBot.Config));
  if (official) {
    use(ctx.plugin(QQBot, {
      id: c.QQ_APP_ID,
      secret: c.QQ_SECRET,
      token: c.QQ_TOKEN ?? '',
      type: 'public',
      sandbox: c.QQ_SANDBOX,
      protocol: 'websocket',
      intents: OFFICIAL_INTENTS,
    }));
  }
  provideCoach(ctx, app);
  use(ctx.plugin(plugin, {
    groupSendIntervalMs: c.QQ_GROUP_SEND_INTERVAL_MS,
    ...(opts.drainIdleMs !== undefined ? { drainIdleMs: opts.drainIdleMs } : {}),
  }));
  await ctx.start();
  app.log.info({ onebot: onebot?.protocol, official: !!official }, 'QQ started');
  // The listener is closed here as well, with its open connections (the server plugin's close()
  // waits for them).
  const listener = onebot?.protocol === 'ws-reverse' ? (ctx as unknown as { server: ServerInternals }).server : undefined;
  const http = listener?._http;
  const wss = listener?._ws;
  return {
    ctx,
    async stop() {
      for (const fork of forks.reverse()) fork.dispose();
      await ctx.stop();
      wss?.close();
      if (http?.listening) {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      }
    },
  };
}
