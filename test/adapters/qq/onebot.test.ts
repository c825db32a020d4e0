// The real koishi-plugin-adapter-onebot, started by startQQ from our config, against a fake
// OneBot v11 implementation on 127.0.0.1 — over forward and over reverse WebSocket.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { createApp, type App } from '../../../src/app.js';
import { testConfig, type Config } from '../../../src/config.js';
import { startQQ, type QQHandle } from '../../../adapters/qq/index.js';
import { FakeOneBot } from './fake-onebot.js';
import { numberedChoices, outboxRows } from './harness.js';

const SELF = 3889000001;
let app: App | undefined;
let qq: QQHandle | undefined;
let peer: FakeOneBot | undefined;

afterEach(async () => {
  await qq?.stop();
  await peer?.close();
  app?.close();
  qq = peer = app = undefined;
});

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const online = (h: QQHandle) => () => h.ctx.bots.some((b) => b.platform === 'onebot' && b.status === 1);

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function makeApp(overrides: Partial<Config>): App {
  return createApp(testConfig({ QQ_GROUP_SEND_INTERVAL_MS: 120, ...overrides }));
}

describe('OneBot v11 over forward WebSocket', () => {
  it('connects with the token, coaches in private, points groups to private, drains paced unprompted sends', async () => {
    peer = new FakeOneBot(SELF, 'forward-secret');
    const url = await peer.listen();
    app = makeApp({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url, ONEBOT_TOKEN: 'forward-secret' });
    qq = await startQQ(app, { drainIdleMs: 30 });
    await until('bot online', online(qq));
    expect(peer.handshakes[0].authorization).toBe('Bearer forward-secret');
    expect(peer.actions).toContain('get_login_info');
    expect(app.engine.canSendProactively('qq')).toBe(true);

    // Private: menu, then a choice by number.
    peer.privateMessage(10001, '开始');
    let sent = await peer.waitForSent(1);
    expect(sent[0]).toMatchObject({ action: 'send_private_msg', userId: 10001 });
    expect(numberedChoices([sent[0].text]).map((o) => o.label)).toEqual(['新案件', '我的案件']);
    peer.privateMessage(10001, '1');
    sent = await peer.waitForSent(2);
    expect(numberedChoices([sent[1].text])).toHaveLength(6);
    peer.privateMessage(10001, [{ type: 'text', data: { text: '商家跑路/联系不上' } }]);
    sent = await peer.waitForSent(3);
    expect(sent[2].text).toContain('平台');

    // A repeat of the same OneBot message id is not answered again.
    peer.privateMessage(10001, '开始', 7777);
    await peer.waitForSent(4);
    peer.privateMessage(10001, '开始', 7777);
    await new Promise((r) => setTimeout(r, 200));
    expect(peer.sent).toHaveLength(4);

    // Group: an @-mention plus 退款 → a pointer naming the bot's QQ number; no case details.
    peer.groupMessage(88001, 10001, [
      { type: 'at', data: { qq: String(SELF) } },
      { type: 'text', data: { text: ' 退款' } },
    ]);
    sent = await peer.waitForSent(5);
    expect(sent[4]).toMatchObject({ action: 'send_group_msg', groupId: 88001 });
    expect(sent[4].text).toContain(String(SELF));
    expect(sent[4].text).toContain('/start new');

    // Unprompted messages (what the scheduler writes) leave through the drainer; group sends paced.
    const now = new Date();
    for (const text of ['群公告一', '群公告二', '群公告三']) {
      app.outbox.enqueue({ platform: 'qq', chatId: 'group:88001', kind: 'broadcast', reply: { text } }, now);
    }
    app.outbox.enqueue({ platform: 'qq', chatId: 'private:10001', kind: 'followup', reply: { text: '⏰ 提醒：期限到了' } }, now);
    sent = await peer.waitForSent(9);
    const group = sent.filter((s) => s.action === 'send_group_msg');
    expect(group.map((s) => s.text)).toEqual([expect.stringContaining('私聊'), '群公告一', '群公告二', '群公告三']);
    for (let i = 1; i < group.length; i++) expect(group[i].at - group[i - 1].at).toBeGreaterThanOrEqual(115);
    expect(sent.find((s) => s.text === '⏰ 提醒：期限到了')).toMatchObject({ action: 'send_private_msg', userId: 10001 });
    await until('rows marked', () => outboxRows(app!, 'qq', 'group:88001').every((r) => r.status === 'sent'));

    // A refusal by the implementation (e.g. kicked from the group) fails the row, with the reason.
    peer.failing.set('send_group_msg', 1200);
    const id = app.outbox.enqueue({ platform: 'qq', chatId: 'group:88002', kind: 'broadcast', reply: { text: '发不出去' } }, new Date()).outboxId;
    await until('row failed', () => outboxRows(app!, 'qq', 'group:88002').some((r) => r.id === id && r.status === 'failed'));
    const row = app.db.prepare(`SELECT error FROM outbox WHERE id = ?`).get(id) as { error: string };
    expect(row.error).toContain('1200');
  });

  it('while the implementation is away, unprompted messages wait as pending and go out on reconnect', async () => {
    peer = new FakeOneBot(SELF);
    const url = await peer.listen();
    app = makeApp({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url });
    qq = await startQQ(app, { drainIdleMs: 30 });
    await until('bot online', online(qq));
    const bot = qq.ctx.bots.find((b) => b.platform === 'onebot')!;
    bot.offline();
    const id = app.outbox.enqueue({ platform: 'qq', chatId: 'private:10002', kind: 'followup', reply: { text: '迟到的提醒' } }, new Date()).outboxId;
    await new Promise((r) => setTimeout(r, 150));
    expect(outboxRows(app, 'qq', 'private:10002').find((r) => r.id === id)?.status).toBe('pending');
    bot.online();
    const sent = await peer.waitForSent(1);
    expect(sent[0]).toMatchObject({ action: 'send_private_msg', userId: 10002, text: '迟到的提醒' });
  });
});

describe('OneBot v11: per-chat order of direct replies', () => {
  it('a reply does not overtake an earlier message of its chat waiting for a retry', async () => {
    peer = new FakeOneBot(SELF);
    const url = await peer.listen();
    app = makeApp({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url });
    qq = await startQQ(app, { drainIdleMs: 30 });
    await until('bot online', online(qq));
    // A reminder whose first send failed and waits for its retry (as the drainer leaves it).
    const id = app.outbox.enqueue({ platform: 'qq', chatId: 'private:10004', kind: 'followup', reply: { text: '⏰ 早先的提醒' } }, new Date()).outboxId;
    app.outbox.retryLater(id, 'timeout', new Date(Date.now() + 400));

    peer.privateMessage(10004, '开始');
    await new Promise((r) => setTimeout(r, 200));
    expect(peer.sent).toHaveLength(0);
    const held = outboxRows(app, 'qq', 'private:10004').filter((r) => r.id !== id);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((r) => r.status === 'pending')).toBe(true);

    // Once the retry is due the drainer sends both, the older first.
    const sent = await peer.waitForSent(2);
    expect(sent[0]).toMatchObject({ action: 'send_private_msg', userId: 10004, text: '⏰ 早先的提醒' });
    expect(numberedChoices([sent[1].text]).map((o) => o.label)).toEqual(['新案件', '我的案件']);
    await until('rows marked', () => outboxRows(app!, 'qq', 'private:10004').every((r) => r.status === 'sent'));
  });

  it('with nothing earlier unsent the reply goes straight out', async () => {
    peer = new FakeOneBot(SELF);
    const url = await peer.listen();
    app = makeApp({ ONEBOT_SELF_ID: String(SELF), ONEBOT_ENDPOINT: url });
    qq = await startQQ(app, { drainIdleMs: 60_000 });
    await until('bot online', online(qq));
    peer.privateMessage(10005, '开始');
    const sent = await peer.waitForSent(1, 2000);
    expect(sent[0]).toMatchObject({ action: 'send_private_msg', userId: 10005 });
    await until('rows marked', () => outboxRows(app!, 'qq', 'private:10005').every((r) => r.status === 'sent'), 1000);
  });
});

describe('OneBot v11 over reverse WebSocket', () => {
  it('listens on 127.0.0.1, refuses a wrong token, then coaches the connected implementation', async () => {
    const port = await freePort();
    app = makeApp({ ONEBOT_SELF_ID: String(SELF), ONEBOT_PORT: port, ONEBOT_PATH: '/onebot/v11/ws', ONEBOT_TOKEN: 'reverse-secret' });
    qq = await startQQ(app, { drainIdleMs: 30 });
    expect((qq.ctx as unknown as { server: { host: string } }).server.host).toBe('127.0.0.1');
    const url = `ws://127.0.0.1:${port}/onebot/v11/ws`;

    peer = new FakeOneBot(SELF, 'reverse-secret');
    await expect(peer.connect(url, 'wrong')).rejects.toThrow(/401/);
    await expect(peer.connect(url, '')).rejects.toThrow(/401/);
    expect(online(qq)()).toBe(false);

    await peer.connect(url);
    await until('bot online', online(qq));
    expect(peer.actions).toContain('get_login_info');

    peer.privateMessage(10003, '退款');
    let sent = await peer.waitForSent(1);
    expect(sent[0]).toMatchObject({ action: 'send_private_msg', userId: 10003 });
    expect(numberedChoices([sent[0].text]).map((o) => o.label)).toContain('卡密已被使用/无效');
    peer.privateMessage(10003, '3');
    sent = await peer.waitForSent(2);
    expect(sent[1].text).toContain('平台');

    peer.groupMessage(88003, 10003, '维权');
    sent = await peer.waitForSent(3);
    expect(sent[2]).toMatchObject({ action: 'send_group_msg', groupId: 88003 });
    expect(sent[2].text).toContain('私聊');

    await qq.stop();
    qq = undefined;
    await until('socket closed by the bot', () => peer!.connected === 0);
    // And the port is free again.
    await expect(peer.connect(url)).rejects.toThrow(/ECONNREFUSED/);
  });
});
