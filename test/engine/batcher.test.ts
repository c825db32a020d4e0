import { afterEach, describe, expect, it } from 'vitest';
import { Driver, makeApp } from '../helpers.js';
import type { App } from '../../src/app.js';

let app: App;
afterEach(() => app?.close());

describe('InboundBatcher (group commit for adapters)', () => {
  it('commits what arrives in one turn together, each caller getting its own replies', async () => {
    app = makeApp();
    let batches = 0;
    const real = app.engine.handleBatch.bind(app.engine);
    app.engine.handleBatch = (xs) => {
      batches++;
      return real(xs);
    };
    const users = ['a', 'b', 'c'].map((u) => new Driver(app, u));
    const results = await Promise.all(users.map((d) => app.inbound.handle(d.inbound({ text: '开始' }))));
    expect(batches).toBe(1);
    expect(results.map((r) => r[0].chatId)).toEqual(['a', 'b', 'c']);
    // A repeat in the same batch is deduplicated like any other.
    const ib = users[0].inbound({ text: '帮助' });
    const [x, y] = await Promise.all([app.inbound.handle(ib), app.inbound.handle(ib)]);
    expect(x.length).toBeGreaterThan(0);
    expect(y).toEqual([]);
  });

  it('one inbound that fails does not take the others down', async () => {
    app = makeApp();
    app.engine.use((ctx) => {
      if (ctx.text === '炸') throw new Error('boom');
      return false;
    });
    const ok = new Driver(app, 'ok');
    const bad = new Driver(app, 'bad');
    const [good, failed] = await Promise.allSettled([app.inbound.handle(ok.inbound({ text: '在吗' })), app.inbound.handle(bad.inbound({ text: '炸' }))]);
    expect(good.status).toBe('fulfilled');
    expect(failed.status).toBe('rejected');
    // The good one was committed exactly once (its update is recorded, its reply stored).
    expect(app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE chat_id = 'ok'`).get()).toEqual({ n: 1 });
    expect(app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE chat_id = 'bad'`).get()).toEqual({ n: 0 });
  });
});
