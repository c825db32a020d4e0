// The bot's real long-polling loop (grammY runner) against a fake Bot API served over HTTP
// on 127.0.0.1, reached through TELEGRAM_API_ROOT.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { testConfig } from '../../../src/config.js';
import { startTelegram, type TelegramHandle } from '../../../adapters/telegram/index.js';
import { FakeBotApi } from './fake-bot-api.js';
import { buttons, Chatter, memoryLogger, START, TOKEN, visible } from './harness.js';

let api: FakeBotApi | undefined;
let app: App | undefined;
let handle: TelegramHandle | undefined;
afterEach(async () => {
  await handle?.stop();
  await api?.close();
  app?.close();
  handle = api = app = undefined;
});

describe('long polling', () => {
  it('fetches updates, answers them in order per chat, sends outbox rows, and confirms the offset on stop', async () => {
    api = await new FakeBotApi(TOKEN).listen();
    const clock = { now: START };
    app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root }), { now: () => clock.now, log: memoryLogger().log });
    handle = await startTelegram(app, { polling: { timeoutSeconds: 1 }, drainer: { idleMs: 50 } });
    expect(handle.mode).toBe('polling');

    // Start-up: getMe (no botInfo given), webhook removed, Chinese command menus for both scopes.
    const methods = api.calls.map((c) => c.method);
    expect(methods.slice(0, 4)).toEqual(['getMe', 'setMyCommands', 'setMyCommands', 'deleteWebhook']);
    const [privateCmds, groupCmds] = api.calls.filter((c) => c.method === 'setMyCommands');
    expect(privateCmds.payload.scope).toEqual({ type: 'all_private_chats' });
    expect(privateCmds.payload.commands).toContainEqual({ command: 'new', description: '新案件' });
    expect(groupCmds.payload.scope).toEqual({ type: 'all_group_chats' });
    for (const c of [...privateCmds.payload.commands, ...groupCmds.payload.commands]) expect(c.description).toMatch(/[\u4e00-\u9fff]/);

    const a = new Chatter(clock, { id: 4001, first_name: 'A' });
    const b = new Chatter(clock, { id: 4002, first_name: 'B' });
    const first = a.text('/start');
    api.push(first, b.text('/start new'), a.press('m:new'));
    await api.until(() => api!.sent(4001).length >= 2 && api!.sent(4002).length >= 1);
    expect(buttons(api.sent(4001)[0]).map((x) => x.callback_data)).toContain('m:new');
    expect(buttons(api.sent(4001)[1]).map((x) => x.callback_data)).toContain('s:not_received');
    expect(buttons(api.sent(4002)[0]).map((x) => x.callback_data)).toContain('s:not_received');
    expect(api.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);

    // An unprompted message (a follow-up) goes out through the drainer.
    app.outbox.enqueue({ platform: 'telegram', chatId: '4002', kind: 'followup', reply: { text: '商家回复了吗？' } }, clock.now);
    handle.telegram.drainer.kick();
    await api.until(() => api!.sent(4002).some((c) => visible(c.payload.text) === '商家回复了吗？'));

    const last = a.text('进度');
    api.push(last);
    await api.until(() => api!.sent(4001).length >= 3);
    await handle.stop();

    // The offset sent last confirms every update handled, so none comes back after a restart.
    const polls = api.calls.filter((c) => c.method === 'getUpdates');
    expect(polls.at(-1)!.payload.offset).toBe(last.update_id + 1);
    expect(api.confirmedOffset).toBe(last.update_id + 1);
    expect(app.outbox.counts()).toEqual({ sent: 5 });
    // Nothing is fetched after stop.
    const n = api.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(api.calls.length).toBe(n);
  });

  it('lets an update in progress finish on stop before confirming it', async () => {
    api = await new FakeBotApi(TOKEN).listen();
    app = createApp(testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root }), { now: () => START, log: memoryLogger().log });
    handle = await startTelegram(app, { polling: { timeoutSeconds: 1 } });
    api.delays.sendMessage = 300;
    const update = new Chatter({ now: START }, { id: 4003, first_name: 'C' }).text('/start');
    api.push(update);
    await api.until((calls) => calls.some((c) => c.method === 'sendMessage'));
    // Stop while the reply is still on its way.
    expect(app.outbox.counts()).toEqual({ sending: 1 });
    await handle.stop();
    expect(app.outbox.counts()).toEqual({ sent: 1 });
    expect(api.confirmedOffset).toBe(update.update_id + 1);
  });
});
