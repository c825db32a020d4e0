// A real Koishi Context with @koishijs/plugin-mock and the QQ plugin on a real App (SQLite :memory:).
import { Context } from '@koishijs/core';
import { MockBot, type MessageClient } from '@koishijs/plugin-mock';
import { createApp, type App } from '../../../src/app.js';
import { testConfig, type Config } from '../../../src/config.js';
import type { Platform, Reply } from '../../../src/types.js';
import * as qq from '../../../adapters/qq/index.js';
import { routeKoishiLogs } from '../../../adapters/qq/logs.js';

declare module '@koishijs/core' {
  interface Context {
    mock: import('@koishijs/plugin-mock').MockAdapter<this>;
  }
}

export interface Harness {
  app: App & { clock: { t: Date } };
  ctx: Context;
  /** Every Reply app.inbound.handle returned, in order (observed, the engine runs unchanged). */
  replies: { chatId: string; reply: Reply }[];
  /** The last Reply the engine gave a chat. */
  lastReply(chatId: string): Reply;
  /** A private chat with the bot ('private:<id>' in the engine). */
  user(id: string): MessageClient;
  /** A member of a group. */
  member(id: string, groupId: string): MessageClient;
  stop(): Promise<void>;
}

export async function mockQQ(
  opts: {
    platform?: Platform;
    groupSendIntervalMs?: number;
    passiveReplyLimit?: number;
    start?: Date;
    /** Config overrides, e.g. { ADMIN_IDS: 'qq:40001' } for admin flows. */
    config?: Partial<Config>;
  } = {},
): Promise<Harness> {
  const clock = { t: opts.start ?? new Date('2026-11-20T08:00:00Z') };
  const app = Object.assign(createApp(testConfig(opts.config), { now: () => clock.t }), { clock });
  routeKoishiLogs(app.log);
  const replies: { chatId: string; reply: Reply }[] = [];
  const handle = app.inbound.handle.bind(app.inbound);
  app.inbound.handle = async (inbound) => {
    const ds = await handle(inbound);
    for (const d of ds) replies.push({ chatId: d.chatId, reply: d.reply });
    return ds;
  };
  const ctx = new Context();
  const mockBot = ctx.plugin(MockBot, { selfId: '514' });
  qq.provideCoach(ctx, app);
  const coach = ctx.plugin(qq.plugin, {
    platforms: { mock: opts.platform ?? 'qq' },
    groupSendIntervalMs: opts.groupSendIntervalMs ?? 0,
    passiveReplyLimit: opts.passiveReplyLimit ?? 5,
    // The mock bot sends only within a session, so no drainer here (the OneBot tests cover it).
    drain: false,
  });
  await ctx.start();
  return {
    app,
    ctx,
    replies,
    lastReply(chatId) {
      const mine = replies.filter((r) => r.chatId === chatId);
      if (!mine.length) throw new Error(`no reply in ${chatId}`);
      return mine[mine.length - 1].reply;
    },
    user: (id) => ctx.mock.client(id),
    member: (id, groupId) => ctx.mock.client(id, groupId),
    async stop() {
      // Plugins first, while the services they use at dispose (ctx.bots) still exist; then the root.
      coach.dispose();
      mockBot.dispose();
      await ctx.stop();
      app.close();
    },
  };
}

/** The numbered options ("1. 新案件") in a batch of messages: the last list wins. */
export function numberedChoices(messages: readonly string[]): { n: number; label: string }[] {
  for (let i = messages.length - 1; i >= 0; i--) {
    const found = [...messages[i].matchAll(/^(\d{1,2})\. (.+)$/gm)].map((m) => ({ n: Number(m[1]), label: m[2] }));
    if (found.length) return found;
  }
  return [];
}

/** The number of the option whose label matches; throws (failing the test) if there is none. */
export function numberOf(messages: readonly string[], label: string | RegExp): number {
  const hit = numberedChoices(messages).find((c) => (typeof label === 'string' ? c.label === label : label.test(c.label)));
  if (!hit) throw new Error(`no option ${label} in:\n${messages.join('\n---\n')}`);
  return hit.n;
}

/** Rows the engine wrote for a chat, oldest first (payloads are cleared once sent). */
export function outboxRows(app: App, platform: Platform, chatId: string): { id: number; status: string; kind: string }[] {
  return app.db
    .prepare(`SELECT id, status, kind FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id`)
    .all(platform, chatId) as { id: number; status: string; kind: string }[];
}
