// The routing table as the engine uses it: order, pass-through, pending state, chat scopes.
import { afterEach, describe, expect, it } from 'vitest';
import { Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';
import { ORDER } from '../../src/engine/routes.js';

let app: App;
afterEach(() => app?.close());

const matchPing = (text: string) => (/^(\/ping|乒)(\s+(.*))?$/.exec(text) ? { name: 'ping', arg: /^\S+\s+(.*)$/.exec(text)?.[1] } : undefined);

describe('routing table', () => {
  it('a feature command answers in its place; built-in commands come first', () => {
    app = makeApp();
    const seen: string[] = [];
    app.engine.router.command(matchPing, (ctx, cmd) => ctx.reply({ text: `乓 ${cmd.arg ?? ''}`.trim() }), { order: ORDER.FEATURE, chats: 'both' });
    app.engine.router.text(
      (ctx) => {
        seen.push(ctx.text);
        return false;
      },
      { order: ORDER.FEATURE + 1 },
    );
    const d = new Driver(app);
    expect(d.say('乒 你好')[0].text).toBe('乓 你好');
    expect(d.say('帮助')[0].choices?.map((c) => c.id)).toContain('m:new'); // built-in, before the text route
    d.say('随便说点什么');
    expect(seen).toEqual(['随便说点什么']);
    const g = new Driver(app, 'g1', 'terminal', 'group', 'grp');
    expect(g.say('/ping')[0].text).toBe('乓');
  });

  it('a pending sub-dialogue runs while its state exists, and a false return passes the inbound on', () => {
    app = makeApp();
    app.engine.router.command(matchPing, (ctx) => {
      ctx.ext.set('ask', { n: 0 });
      ctx.reply({ text: '说个数字' });
    });
    app.engine.router.pending<{ n: number }>(
      'ask',
      (ctx, s) => {
        if (!/^\d+$/.test(ctx.text)) {
          ctx.ext.set('ask', undefined); // the user moved on: drop the dialogue, let others answer
          return false;
        }
        ctx.ext.set('ask', undefined);
        ctx.reply({ text: `收到 ${Number(ctx.text) + s.n}` });
        return true;
      },
      { order: ORDER.FEATURE },
    );
    const d = new Driver(app);
    d.say('乒');
    expect(d.say('41')[0].text).toBe('收到 41');
    // Without the state the number goes elsewhere (here: the menu, there being no case).
    expect(d.say('41')[0].text).not.toContain('收到');
    d.say('乒');
    d.say('算了'); // dropped, answered by the fallbacks
    expect(d.say('5')[0].text).not.toContain('收到');
  });

  it('choice routes get the typed payload; an undecodable id reaches no choice route', () => {
    app = makeApp();
    const got: unknown[] = [];
    app.engine.router.choice(
      'blacklist',
      (ctx, c) => {
        got.push(c);
        ctx.reply({ text: 'ok' });
      },
      { order: ORDER.DEFAULT },
    );
    const d = new Driver(app);
    d.press('bl:cy:42');
    d.press('bl:cy:forty-two');
    expect(got).toEqual([{ kind: 'blacklist', op: 'cy', id: 42 }]);
  });
});
