import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerIntake, Driver, makeApp } from '../helpers.js';
import { createApp, type App } from '../../src/app.js';
import { testConfig } from '../../src/config.js';

let app: App;
afterEach(() => app?.close());

const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'rc-')), 'test.db');

function allRows(a: App): string {
  const tables = (a.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
  return tables.map((t) => JSON.stringify(a.db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
}

describe('store', () => {
  it('the same inbound delivered twice yields one set of replies', () => {
    app = makeApp();
    const d = new Driver(app);
    const inbound = d.inbound({ text: '开始' });
    const first = app.engine.handle(inbound);
    const second = app.engine.handle(inbound);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual([]);
    const n = app.db.prepare(`SELECT count(*) n FROM outbox`).get() as { n: number };
    expect(n.n).toBe(first.length);
  });

  it('a duplicate answer does not advance the case twice', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    const ib = d.inbound({ text: '小年卡盟' });
    app.engine.handle(ib);
    app.engine.handle(ib);
    expect(d.activeCase()!.state.q).toBe('merchant');
  });

  it('handleBatch commits several inbounds at once, in order, deduping within the batch', () => {
    app = makeApp();
    const d = new Driver(app);
    const a = d.inbound({ choice: 's:not_received' });
    const b = d.inbound({ text: '小年卡盟' });
    const out = app.engine.handleBatch([a, b, b]);
    expect(out[0].length).toBeGreaterThan(0);
    expect(out[1].length).toBeGreaterThan(0);
    expect(out[2]).toEqual([]);
    expect(d.activeCase()!.facts.platform).toBe('小年卡盟');
  });

  it('restart mid-flow resumes the case exactly where it stood', () => {
    const path = tmpDb();
    app = createApp(testConfig({ DATABASE_PATH: path }), { now: () => new Date('2026-11-20T08:00:00Z') });
    let d = new Driver(app);
    d.press('s:card_used');
    d.say('小年卡盟');
    d.say('星辰点卡店');
    const before = d.activeCase()!;
    app.close();
    app = createApp(testConfig({ DATABASE_PATH: path }), { now: () => new Date('2026-11-20T09:00:00Z') });
    d = new Driver(app);
    expect(d.activeCase()).toEqual(before);
    d.say('进度');
    expect(d.last().text).toContain('星辰点卡店');
    d.say('继续');
    expect(d.last().text).toContain('买的是什么');
    d.say('Q币100');
    expect(d.activeCase()!.state.q).toBe('orderId');
  });

  it('journal_mode WAL, synchronous as configured, foreign keys on, migrations recorded', () => {
    const path = tmpDb();
    app = createApp(testConfig({ DATABASE_PATH: path, SQLITE_SYNCHRONOUS: 'NORMAL' }));
    expect(app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(app.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(app.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(app.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    app.close();
    app = createApp(testConfig({ DATABASE_PATH: path }));
    expect(app.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('a card key is never stored whole — not in any table, not in the database file', () => {
    const path = tmpDb();
    app = createApp(testConfig({ DATABASE_PATH: path }), { now: () => new Date('2026-11-20T08:00:00Z') });
    const d = new Driver(app);
    const key = 'ZXCV9876QWER5432TYUI';
    d.press('s:card_used');
    answerIntake(d, { cardKey: { text: key } });
    expect(d.activeCase()!.facts.cardKey).toBe('ZXCV****TYUI');
    // A key pasted into free text elsewhere is masked too.
    d.say(`卡密：${key}`);
    d.say('导出');
    expect(d.last().document!.body).toContain('ZXCV****TYUI');
    expect(allRows(app)).not.toContain(key);
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toContain(key);
    if (existsSync(`${path}-wal`)) expect(readFileSync(`${path}-wal`).toString('latin1')).not.toContain(key);
  });

  it('导出 gives all of a user\'s data as text', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    answerIntake(d);
    d.send([{ kind: 'photo', ref: 'photo-ref-77' }]);
    d.say('导出');
    const body = d.last().document!.body;
    for (const s of ['小年卡盟', '星辰点卡店', '202611201530123456', '100元', 'photo-ref-77', '付款后未到账']) expect(body).toContain(s);
  });

  it('the delete confirmation takes a yes or a no in the user\'s own words (exploratory testing)', () => {
    for (const [yes, deleted] of [['确认', true], ['是的 删吧', true], ['不了', false], ['嗯 我再想想', false], ['好的，不过先别删', false], ['行，那算了', false]] as const) {
      app?.close();
      app = makeApp();
      const d = new Driver(app, 'user-77');
      d.press('s:not_received');
      d.say('删除我的数据');
      d.say(yes);
      expect(d.last().text.includes('已删除'), yes).toBe(deleted);
      expect(allRows(app).includes('user-77'), yes).toBe(!deleted);
    }
  });

  it('删除我的数据 asks first, then leaves nothing of the user in any table', () => {
    app = makeApp();
    const d = new Driver(app, 'user-4242');
    const other = new Driver(app, 'someone-else');
    other.press('s:not_received');
    other.say('别的平台');
    d.press('s:not_received');
    answerIntake(d, { merchant: { text: '隐私测试店' } });
    d.send([{ kind: 'photo', ref: 'photo-ref-88' }]);
    d.press('e:done');
    d.press('r:sent'); // schedules a follow-up
    d.say('删除我的数据');
    expect(d.last().choices?.map((c) => c.id)).toEqual(['d:yes', 'd:no']);
    d.press('d:no');
    expect(allRows(app)).toContain('user-4242');
    d.say('删除我的数据');
    d.press('d:yes');
    expect(d.last().text).toContain('已删除');
    const dump = allRows(app);
    for (const s of ['user-4242', '隐私测试店', '202611201530123456', 'photo-ref-88']) expect(dump).not.toContain(s);
    expect((app.db.prepare(`SELECT count(*) n FROM users`).get() as { n: number }).n).toBe(1);
    expect((app.db.prepare(`SELECT count(*) n FROM follow_ups`).get() as { n: number }).n).toBe(0);
    // The other user is untouched.
    expect(dump).toContain('别的平台');
  });

  it('a sent message keeps no copy of its text in the outbox', () => {
    app = makeApp();
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('小年卡盟');
    const payloads = app.db.prepare(`SELECT payload FROM outbox WHERE status = 'sent'`).all() as { payload: string }[];
    expect(payloads.length).toBeGreaterThan(0);
    expect(payloads.every((p) => p.payload === '{}')).toBe(true);
  });

  it('housekeeping forgets sent messages and update ids after a week, keeps pending ones', () => {
    app = makeApp();
    const d = new Driver(app);
    d.say('开始');
    app.outbox.enqueue({ platform: 'telegram', chatId: 'x', reply: { text: '待发' } }, app.now());
    (app as unknown as { clock: { t: Date } }).clock.t = new Date('2026-11-28T09:00:00Z');
    const r = app.engine.maintenance();
    expect(r.outbox).toBeGreaterThan(0);
    expect(r.updates).toBe(1);
    expect(app.db.prepare(`SELECT status FROM outbox`).all()).toEqual([{ status: 'pending' }]);
  });

  it('closed cases expire after the retention period', () => {
    app = makeApp({ RETENTION_DAYS: 30 });
    const d = new Driver(app);
    d.press('s:not_received');
    d.say('结案');
    d.press('x:abandoned');
    d.press('x:abandoned:ok');
    d.press('m:new');
    d.press('s:double_charge');
    expect(app.engine.expireClosedCases()).toBe(0);
    (app as unknown as { clock: { t: Date } }).clock.t = new Date('2026-12-01T08:00:00Z');
    d.say('小年卡盟'); // the open case is in use
    (app as unknown as { clock: { t: Date } }).clock.t = new Date('2026-12-25T08:00:00Z');
    expect(app.engine.expireClosedCases()).toBe(1);
    const left = app.db.prepare(`SELECT scenario, status FROM cases`).all();
    expect(left).toEqual([{ scenario: 'double_charge', status: 'open' }]);
    // An open case nobody touched for the whole retention period goes too.
    (app as unknown as { clock: { t: Date } }).clock.t = new Date('2027-02-01T08:00:00Z');
    expect(app.engine.expireClosedCases()).toBe(1);
  });
});

describe('outbox', () => {
  it('held rows are handed over only once due; a row failing retryably is given up after maxAttempts', async () => {
    const { Drainer } = await import('../../src/delivery/drainer.js');
    const { SendError } = await import('../../src/delivery/sender.js');
    const a = makeApp();
    const later = new Date(a.now().getTime() + 3600_000);
    a.outbox.enqueue({ platform: 'qqofficial', chatId: 'c1', reply: { text: '早上再说' }, notBefore: later }, a.now());
    expect(a.outbox.claimForChat('qqofficial', 'c1', a.now())).toEqual([]);
    expect(a.outbox.claimForChat('qqofficial', 'c1', later).map((d) => d.reply.text)).toEqual(['早上再说']);

    const id = a.outbox.enqueue({ platform: 'telegram', chatId: 'c2', reply: { text: 'x' } }, a.now()).outboxId;
    let calls = 0;
    const sender = { platform: 'telegram' as const, proactive: true, send: async () => { calls++; throw new SendError('502', { retryAfterMs: 0 }); } };
    const log = { warn() {}, error() {}, info() {} } as never;
    const dr = new Drainer(a.outbox, sender, log, { maxAttempts: 3, now: () => a.now() });
    for (let i = 0; i < 5; i++) await dr.drainOnce();
    expect(calls).toBe(3);
    expect(a.db.prepare('SELECT status FROM outbox WHERE id = ?').get(id)).toEqual({ status: 'failed' });
    a.close();
  });
});

describe('background checkpoints', () => {
  it('a worker thread copies the WAL into the database file, so commits do not have to', async () => {
    const path = tmpDb();
    const a = createApp(testConfig({ DATABASE_PATH: path, SQLITE_CHECKPOINT_MS: 50 }));
    expect(a.db.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000);
    const before = statSync(path).size;
    const d = new Driver(a);
    for (let i = 0; i < 300; i++) d.say(i % 2 ? '进度' : '帮助');
    let after = statSync(path).size;
    for (let i = 0; i < 40 && after <= before; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = statSync(path).size;
    }
    expect(after).toBeGreaterThan(before);
    a.close();
    // Without the worker, SQLite's own auto-checkpoint stays at its default.
    const b = createApp(testConfig({ DATABASE_PATH: tmpDb(), SQLITE_CHECKPOINT_MS: 0 }));
    expect(b.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    b.close();
  });
});

describe('export covers every part', () => {
  it('导出 includes reports filed, collective consents, alert opt-in and facts awaiting confirmation', () => {
    const a = makeApp();
    const d = new Driver(a);
    d.press('s:not_received');
    answerIntake(d);
    const u = a.db.prepare(`SELECT id FROM users`).get() as { id: number };
    a.db.prepare(`UPDATE users SET alerts_opt_in = 1 WHERE id = ?`).run(u.id);
    a.db
      .prepare(`INSERT INTO merchant_reports (user_id, merchant_text, what, amount, evidence_count, created_at) VALUES (?, '跑路小店', '收钱不发货', 88, 2, ?)`)
      .run(u.id, a.now().getTime());
    a.db.prepare(`INSERT INTO collective_consents (case_id, user_id, merchant_key, created_at) VALUES (1, ?, 'k', ?)`).run(u.id, a.now().getTime());
    d.say('结案');
    d.press('x:abandoned');
    d.press('x:abandoned:ok');
    d.say('昨天用支付宝买了200元点卡一直没到账');
    d.say('导出');
    const body = d.last().document!.body;
    for (const s of ['黑名单提醒：已订阅', '跑路小店', '收钱不发货', '集体投诉：案件 #1', '待确认的信息', '200']) expect(body, s).toContain(s);
    a.close();
  });
});
