// startQQ reads our config: which adapters start, with what settings.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { testConfig } from '../../../src/config.js';
import { oneBotSettings, startQQ, type QQHandle } from '../../../adapters/qq/index.js';

let app: App | undefined;
let qq: QQHandle | undefined;
afterEach(async () => {
  await qq?.stop();
  app?.close();
  qq = app = undefined;
});

describe('oneBotSettings', () => {
  it('forward when ONEBOT_ENDPOINT is set, reverse on ONEBOT_PORT with a normalised path, nothing otherwise', () => {
    expect(oneBotSettings(testConfig())).toBeUndefined();
    expect(oneBotSettings(testConfig({ ONEBOT_SELF_ID: '1', ONEBOT_ENDPOINT: 'ws://127.0.0.1:3001', ONEBOT_TOKEN: 't' }))).toEqual({
      selfId: '1',
      protocol: 'ws',
      endpoint: 'ws://127.0.0.1:3001',
      token: 't',
    });
    expect(oneBotSettings(testConfig({ ONEBOT_SELF_ID: '1', ONEBOT_PORT: 6700, ONEBOT_PATH: 'ws' }))).toMatchObject({
      protocol: 'ws-reverse',
      path: '/ws',
      host: '127.0.0.1',
      port: 6700,
    });
    expect(oneBotSettings(testConfig({ ONEBOT_SELF_ID: '1', ONEBOT_PORT: 6700 }))).toMatchObject({ path: '/onebot' });
    expect(() => oneBotSettings(testConfig({ ONEBOT_SELF_ID: '1', ONEBOT_PATH: '/onebot' }))).toThrow(/ONEBOT_PORT/);
  });
});

describe('startQQ', () => {
  it('starts nothing when QQ is not configured', async () => {
    app = createApp(testConfig());
    qq = await startQQ(app);
    expect(qq.ctx.bots).toHaveLength(0);
  });

  it('the official bot: a qq bot is created and qqofficial is declared passive-only', async () => {
    app = createApp(testConfig({ QQ_APP_ID: '102000001', QQ_SECRET: 's', QQ_TOKEN: 't', QQ_SANDBOX: true }));
    qq = await startQQ(app);
    const bot = qq.ctx.bots.find((b) => b.platform === 'qq');
    expect(bot).toBeDefined();
    expect((bot!.config as { sandbox?: boolean }).sandbox).toBe(true);
    expect(app.engine.canSendProactively('qqofficial')).toBe(false);
    expect(app.engine.canSendProactively('qq')).toBe(true);
  });
});
