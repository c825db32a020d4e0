// Idempotent taps (issue 11) on each platform: the same button twice, or an old one, never opens
// a second case, never skips a step, never answers twice. Telegram through the real grammY Bot
// (two updates with the same callback data), QQ through a real Koishi Context (the same number
// typed twice), the terminal through the engine as the terminal adapter uses it.
import { afterEach, describe, expect, it } from 'vitest';
import { Chatter, harness, visible, type Harness } from '../adapters/telegram/harness.js';
import { mockQQ, type Harness as QQHarness } from '../adapters/qq/harness.js';
import { Driver, answerIntake, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

let tg: Harness | undefined;
let qq: QQHarness | undefined;
let app: App | undefined;
afterEach(async () => {
  tg?.close();
  await qq?.stop();
  app?.close();
  tg = qq = app = undefined;
});

const alice = { id: 1001, first_name: 'Alice' };
const casesOf = (a: App) => (a.db.prepare(`SELECT count(*) AS n FROM cases`).get() as { n: number }).n;

describe('idempotent taps', () => {
  it('Telegram: a scenario button delivered twice (two updates, same callback data) opens one case', async () => {
    tg = harness();
    const pm = new Chatter(tg.clock, alice);
    await tg.tg.bot.handleUpdate(pm.text('/start'));
    await tg.tg.bot.handleUpdate(pm.press('m:new'));
    await tg.tg.bot.handleUpdate(pm.press('s:not_received', 2));
    await tg.tg.bot.handleUpdate(pm.press('s:not_received', 2));
    expect(casesOf(tg.app)).toBe(1);
    const texts = tg.sent(alice.id).map((m) => visible(String(m.payload.text)));
    expect(texts.at(-1)).toContain('在哪个平台或网站买的');
    expect(texts.some((t) => t.includes('这个按钮已经处理过了'))).toBe(true);
  });

  it('QQ: the same number typed twice picks once; the second is answered as handled', async () => {
    qq = await mockQQ();
    const client = qq.user('20002');
    await client.receive('开始');
    await client.receive('1'); // 新案件
    await client.receive('2'); // 重复扣款
    const again = (await client.receive('2')).join('\n');
    expect(again).toContain('这个按钮已经处理过了');
    expect(again).toContain('在哪个平台或网站买的');
    expect(casesOf(qq.app)).toBe(1);
    const d = new Driver(qq.app, '20002', 'qq');
    expect(d.activeCase()!.facts.platform).toBeUndefined();
  });

  it('terminal: a repeated confirmation and an old button typed as its label change nothing', () => {
    app = makeApp({}, new Date('2026-11-29T07:00:00Z'));
    const d = new Driver(app, 't1', 'terminal');
    d.say('昨天在卡盟充了50块话费 微信付的 到现在都没到账');
    d.say('1'); // 对，开始
    d.say('1'); // the same again: no second case, the platform question again
    expect(d.last().text).toContain('在哪个平台或网站买的');
    d.say('小年卡盟');
    d.say('对，开始'); // the old confirmation button, typed as its label
    expect(d.log.some((r) => r.text.includes('这个按钮已经处理过了'))).toBe(true);
    expect(casesOf(app)).toBe(1);
    expect(d.activeCase()!.facts).toMatchObject({ amount: 50, paymentMethod: 'wechat', platform: '小年卡盟' });
    expect(d.activeCase()!.state.q).toBe('merchant');
  });

  it('下一步 pressed on two steps within seconds moves twice; the same step\'s button twice moves once', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('开始');
    d.press(d.choice('m:new'));
    d.press('s:not_received');
    answerIntake(d);
    d.press('e:done');
    expect(d.activeCase()!.state.rung).toBe(0);
    const first = d.last().choices!.find((c) => c.id.startsWith('r:next'))!.id;
    expect(first).toBe('r:next:0');
    d.press(first);
    d.press(first); // a double tap of step 1's button (same callback data): no second move
    expect(d.activeCase()!.state.rung).toBe(1);
    expect(d.log.some((r) => r.text.includes('这个按钮已经处理过了'))).toBe(true);
    const second = d.log.filter((r) => r.choices?.some((c) => c.id.startsWith('r:next'))).at(-1)!.choices!.find((c) => c.id.startsWith('r:next'))!.id;
    expect(second).toBe('r:next:1');
    d.press(second); // step 2's own button, on the clock's same second: a new step, not a repeat
    expect(d.activeCase()!.state.rung).toBe(2);
  });
});
