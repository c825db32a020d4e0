import { afterEach, describe, expect, it } from 'vitest';
import { Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

let app: App;
afterEach(() => app?.close());

describe('hooks', () => {
  it('a hook answers before the flow, keeps per-user state across messages, and survives mode changes', () => {
    app = makeApp();
    let seen = 0;
    app.engine.use((ctx) => {
      if (ctx.text === '计数') {
        const n = (ctx.ext.get<number>('counter') ?? 0) + 1;
        ctx.ext.set('counter', n);
        ctx.reply({ text: `第${n}次` });
        return true;
      }
      seen++;
      return false;
    });
    const d = new Driver(app);
    d.say('计数');
    d.say('计数');
    expect(d.last().text).toBe('第2次');
    d.press('s:not_received'); // starting a case keeps hook state
    d.say('小年卡盟'); // not the hook's: it falls through to the flow
    expect(seen).toBe(1);
    expect(d.activeCase()!.facts.platform).toBe('小年卡盟');
    d.say('结案');
    d.press('x:abandoned'); // so does closing one (asked once, confirmed)
    d.press('x:abandoned:ok');
    d.say('计数');
    expect(d.last().text).toBe('第3次');
  });

  it('in groups hooks run first and the sender is known, without touching their private chat id', () => {
    app = makeApp();
    app.engine.use((ctx) => {
      if (ctx.inbound.chatKind === 'group' && ctx.text.startsWith('测一下')) {
        ctx.reply({ text: `查询：${ctx.text.slice(3).trim()}（${ctx.user.platformUserId}）` });
        return true;
      }
      return false;
    });
    const p = new Driver(app, 'm1', 'telegram');
    p.say('开始');
    const g = new Driver(app, 'm1', 'telegram', 'group', 'g-1');
    expect(g.say('测一下 小年卡盟')[0].text).toBe('查询：小年卡盟（m1）');
    expect(g.say('聊天')).toEqual([]);
    const row = app.db.prepare(`SELECT chat_id FROM users WHERE platform_user_id = 'm1'`).get() as { chat_id: string };
    expect(row.chat_id).toBe('m1');
  });
});

describe('group chatter', () => {
  it('a group message nobody answers writes nothing; an answered one is deduplicated', () => {
    app = makeApp();
    const g = new Driver(app, 'm9', 'qq', 'group', 'group:77');
    expect(g.say('今天天气不错')).toEqual([]);
    for (const table of ['processed_updates', 'users', 'outbox', 'sessions']) {
      expect(app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    const ib = g.inbound({ text: '维权' });
    expect(app.engine.handle(ib)).toHaveLength(1);
    expect(app.engine.handle(ib)).toEqual([]);
  });
});
