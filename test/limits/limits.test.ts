// Bounds per user: the input cap, the inbound rate limit and the open-case cap — in the engine
// (where every platform's inbounds enter) and through each platform's real adapter.
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { Context } from '@koishijs/core';
import { MockBot } from '@koishijs/plugin-mock';
import { Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { t } from '../../src/i18n/index.js';
import { longerThan } from '../../src/limits/input.js';
import { RateLimiter } from '../../src/limits/rate.js';
import { startTerminal } from '../../adapters/terminal/index.js';
import * as qq from '../../adapters/qq/index.js';
import { Chatter, harness, visible } from '../adapters/telegram/harness.js';

let app: (App & { clock: { t: Date } }) | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const TOO_LONG = t('limits.too_long', { max: 100 });
const rows = (a: App) => (a.db.prepare(`SELECT count(*) AS n FROM cases`).get() as { n: number }).n;

describe('input cap', () => {
  it('counts characters, not UTF-16 units, and stops early', () => {
    expect(longerThan('退'.repeat(100), 100)).toBe(false);
    expect(longerThan('😀'.repeat(100), 100)).toBe(false); // 200 code units, 100 characters
    expect(longerThan('😀'.repeat(101), 100)).toBe(true);
    expect(longerThan('a'.repeat(5_000_000), 2000)).toBe(true);
  });

  it('a message over MAX_INPUT_CHARS is answered with the limit and not processed', () => {
    app = makeApp({ MAX_INPUT_CHARS: 100 });
    const d = new Driver(app);
    d.press('s:not_received');
    const q = d.activeCase()!.state.q;
    const replies = d.say(`小年卡盟${'很长的描述'.repeat(30)}`);
    expect(replies.map((r) => r.text)).toEqual([TOO_LONG]);
    expect(d.activeCase()!.state.q).toBe(q);
    expect(JSON.stringify(app.db.prepare(`SELECT facts FROM cases`).all())).not.toContain('很长的描述');
    // Exactly at the limit is fine.
    d.say('小'.repeat(96) + '年卡盟');
    expect(d.activeCase()!.state.q).not.toBe(q);
  });

  it('a million characters are refused without being parsed (default cap 2,000)', () => {
    app = makeApp();
    const d = new Driver(app);
    const replies = d.say(`昨天付了100元${'1'.repeat(1_000_000)}`);
    expect(replies.map((r) => r.text)).toEqual([t('limits.too_long', { max: 2000 })]);
    expect(rows(app)).toBe(0);
  });

  it('in a group an over-long message is ignored silently', () => {
    app = makeApp({ MAX_INPUT_CHARS: 100 });
    const g = new Driver(app, 'g1', 'telegram', 'group', '-1001');
    expect(g.say(`查商家 ${'小年'.repeat(100)}`)).toEqual([]);
  });

  it('terminal: a long line gets the message', async () => {
    app = makeApp({ MAX_INPUT_CHARS: 100 });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c) => (out += String(c)));
    const term = startTerminal(app, { input, output });
    input.end(`${'很长'.repeat(80)}\n`);
    await term.done;
    await term.stop();
    expect(out).toContain(TOO_LONG);
  });

  it('Telegram: a long message gets the message', async () => {
    const h = harness({ config: { MAX_INPUT_CHARS: 100 } });
    try {
      const alice = new Chatter(h.clock, { id: 4242, first_name: 'Alice' });
      await h.tg.bot.handleUpdate(alice.text('长'.repeat(101)));
      expect(h.sent(4242).map((c) => visible(c.payload.text))).toEqual([TOO_LONG]);
    } finally {
      h.close();
    }
  });

  it('QQ: a long message gets the message', async () => {
    const a = createApp(testConfig({ MAX_INPUT_CHARS: 100 }));
    const ctx = new Context();
    const bot = ctx.plugin(MockBot, { selfId: '514' });
    qq.provideCoach(ctx, a);
    const coach = ctx.plugin(qq.plugin, { platforms: { mock: 'qq' }, groupSendIntervalMs: 0, drain: false });
    await ctx.start();
    try {
      const client = ctx.mock.client('777');
      const got = await client.receive('长'.repeat(101));
      expect(got.join('\n')).toContain(TOO_LONG);
    } finally {
      coach.dispose();
      bot.dispose();
      await ctx.stop();
      a.close();
    }
  });
});

describe('per-user rate limit', () => {
  it('token bucket: burst, then one "exceeded", then muted until the mute ends', () => {
    const r = new RateLimiter(60, 3, 10_000);
    expect([0, 0, 0].map(() => r.take('u', 0))).toEqual(['ok', 'ok', 'ok']);
    expect(r.take('u', 0)).toBe('exceeded');
    expect(r.take('u', 5_000)).toBe('muted');
    expect(r.take('other', 5_000)).toBe('ok');
    expect(r.take('u', 10_000)).toBe('ok');
  });

  it('forgets idle senders as the map grows', () => {
    const r = new RateLimiter(60, 2, 1000);
    for (let i = 0; i < 5000; i++) r.take(`u${i}`, i * 10);
    expect(r.size).toBeLessThan(3000);
  });

  it('a flood is answered once with "slow down", then ignored until the mute ends', () => {
    app = makeApp({ RATE_LIMIT_PER_MINUTE: 6, RATE_LIMIT_BURST: 3, RATE_LIMIT_MUTE_SECONDS: 30 });
    const d = new Driver(app, 'u1', 'telegram');
    const slow = t('limits.slow_down', { seconds: 30 });
    const answers = Array.from({ length: 20 }, () => d.say('我的案件'));
    expect(answers.slice(0, 3).every((r) => r.length > 0 && r[0].text !== slow)).toBe(true);
    expect(answers[3].map((r) => r.text)).toEqual([slow]);
    expect(answers.slice(4).every((r) => r.length === 0)).toBe(true);
    // Nothing written for the ignored ones.
    expect((app.db.prepare(`SELECT count(*) AS n FROM outbox`).get() as { n: number }).n).toBe(4);
    app.clock.t = new Date(app.clock.t.getTime() + 30_000);
    expect(d.say('我的案件').length).toBeGreaterThan(0);
    // Another user was never slowed.
    expect(new Driver(app, 'u2', 'telegram').say('我的案件')[0].text).not.toBe(slow);
  });

  it('terminal: the local operator is not rate-limited — piped input of many lines is answered in full', async () => {
    app = makeApp({ RATE_LIMIT_PER_MINUTE: 30, RATE_LIMIT_BURST: 10 });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c) => (out += String(c)));
    const term = startTerminal(app, { input, output });
    input.end(`${Array.from({ length: 25 }, () => '我的案件').join('\n')}\n`);
    await term.done;
    await term.stop();
    expect(out).not.toContain(t('limits.slow_down', { seconds: 60 }));
    expect(out.split(t('cases.none')).length - 1).toBe(25);
  });

  it('in a group the excess is dropped without a reply', () => {
    app = makeApp({ RATE_LIMIT_PER_MINUTE: 6, RATE_LIMIT_BURST: 2 });
    const g = new Driver(app, 'g2', 'telegram', 'group', '-1002');
    const answers = Array.from({ length: 5 }, () => g.say('/start'));
    expect(answers.slice(0, 2).every((r) => r.length === 1)).toBe(true);
    expect(answers.slice(2).every((r) => r.length === 0)).toBe(true);
  });

  it('Telegram: button presses count too', async () => {
    const h = harness({ config: { RATE_LIMIT_PER_MINUTE: 6, RATE_LIMIT_BURST: 2, RATE_LIMIT_MUTE_SECONDS: 60 } });
    try {
      const bob = new Chatter(h.clock, { id: 5151, first_name: 'Bob' });
      for (let i = 0; i < 6; i++) await h.tg.bot.handleUpdate(bob.press('m:cases'));
      const texts = h.sent(5151).map((c) => visible(c.payload.text));
      expect(texts.filter((x) => x === t('limits.slow_down', { seconds: 60 }))).toHaveLength(1);
      expect(texts).toHaveLength(3);
    } finally {
      h.close();
    }
  });
});

describe('open cases per user', () => {
  it('at most MAX_OPEN_CASES open, said plainly; closing one makes room', () => {
    app = makeApp({ MAX_OPEN_CASES: 3 });
    const d = new Driver(app);
    // Issue 11: the same scenario button pressed again is a double tap; each case comes from its own 新案件 menu.
    for (let i = 0; i < 3; i++) {
      d.press('m:new');
      d.press('s:not_received');
    }
    expect(rows(app)).toBe(3);
    d.press('m:new');
    const r = d.press('s:double_charge');
    expect(r[0].text).toContain(t('limits.open_cases', { count: 3 }));
    expect(r[0].choices?.some((c) => c.id === 'm:new')).toBe(false);
    expect(rows(app)).toBe(3);
    // Free text that would open a case is held to the same cap.
    d.say('昨天用支付宝买了100元点卡，一直没到账');
    d.press(d.last().choices?.find((c) => /对|是/.test(c.label))?.id ?? 's:not_received');
    expect(rows(app)).toBe(3);
    d.say('结案');
    d.press('x:abandoned');
    d.press('x:abandoned:ok');
    d.press('m:new');
    d.press('s:double_charge');
    expect(rows(app)).toBe(4);
    expect(d.activeCase()!.scenario).toBe('double_charge');
  });

  it('1,000 scenario presses open 10 cases (the default)', () => {
    app = makeApp();
    const d = new Driver(app);
    for (let i = 0; i < 1000; i++) {
      app.engine.handle(d.inbound({ choice: 'm:new' }));
      app.engine.handle(d.inbound({ choice: 's:not_received' }));
    }
    expect(rows(app)).toBe(10);
  });
});
