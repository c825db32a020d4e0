// Migration 8 on a database written by the previous version (7 migrations): open cases are keyed for counting,
// and the recipients of a warning sent before the upgrade can receive its correction.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../src/store/migrations.js';
import { Blacklist } from '../../src/community/blacklist.js';
import { BroadcastStore } from '../../src/broadcast/store.js';

let db: Database.Database | undefined;
afterEach(() => db?.close());

describe('migration 8 (community desk)', () => {
  it('keys the open cases and keeps the recipients of warnings already sent', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (let v = 0; v < 7; v++) db.exec(migrations[v]);
    db.pragma('user_version = 7');
    const t = Date.parse('2026-11-20T08:00:00Z');
    db.prepare(`INSERT INTO users (id, platform, platform_user_id, chat_id, alerts_opt_in, created_at) VALUES (1, 'telegram', 'u1', 'u1', 1, ?), (2, 'telegram', 'u2', 'u2', 1, ?)`).run(t, t);
    db.prepare(`INSERT INTO cases (user_id, scenario, stage, facts, created_at, updated_at) VALUES (1, 'not_received', 'ladder', '{"merchant":"星辰點卡店"}', ?, ?)`).run(t, t);
    db.prepare(`INSERT INTO merchants (id, name, status, reason, listed_at, created_at, updated_at) VALUES (1, '星辰点卡', 'blacklisted', '跑路', ?, ?, ?)`).run(t, t, t);
    db.prepare(`INSERT INTO merchant_identifiers (merchant_id, kind, value) VALUES (1, 'name', '星辰点卡')`).run();
    db.prepare(`INSERT INTO outbox (id, platform, chat_id, user_id, kind, payload, status, created_at) VALUES (10, 'telegram', 'u1', 1, 'broadcast', '{}', 'sent', ?), (11, 'telegram', '-100', NULL, 'broadcast', '{}', 'sent', ?)`).run(t, t);
    db.prepare(`INSERT INTO broadcasts (id, merchant_id, text, status, total, first_outbox_id, last_outbox_id, created_at) VALUES (1, 1, 'w', 'done', 2, 10, 11, ?)`).run(t);

    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const bl = new Blacklist(db);
    expect(bl.lookup('星辰点卡店', new Date(t))?.openCases).toBe(1);
    expect(new BroadcastStore(db).warnedAbout(1)).toEqual([
      { platform: 'telegram', chatId: '-100', userId: null },
      { platform: 'telegram', chatId: 'u1', userId: 1 },
    ]);
  });
});

describe('migration 11 (cases counted by merchant identity)', () => {
  it('re-keys cases keyed by the folded name before the upgrade, so homophone records stop sharing them', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (let v = 0; v < 10; v++) db.exec(migrations[v]);
    db.pragma('user_version = 10');
    const t = Date.parse('2026-11-20T08:00:00Z');
    db.prepare(`INSERT INTO users (id, platform, platform_user_id, chat_id, created_at) VALUES (1, 'telegram', 'u1', 'u1', ?), (2, 'telegram', 'u2', 'u2', ?)`).run(t, t);
    db.prepare(`INSERT INTO merchants (id, name, status, reason, listed_at, created_at, updated_at) VALUES (1, '祥鑫', 'blacklisted', '跑路', ?, ?, ?), (2, '祥新', 'blacklisted', '跑路', ?, ?, ?)`).run(t, t, t, t, t, t);
    db.prepare(`INSERT INTO merchant_identifiers (merchant_id, kind, value) VALUES (1, 'name', '祥鑫'), (2, 'name', '祥新')`).run();
    db.prepare(`INSERT INTO cases (id, user_id, scenario, stage, facts, created_at, updated_at) VALUES (1, 1, 'not_received', 'ladder', '{"merchant":"祥鑫"}', ?, ?), (2, 2, 'not_received', 'ladder', '{"merchant":"祥新"}', ?, ?)`).run(t, t, t, t);
    // As the previous version left them: both under the one folded key, nothing queued.
    db.exec(`DELETE FROM case_keys_dirty; INSERT INTO case_keys (case_id, key, user_id, main, open) VALUES (1, 'p:xiangxin', 1, 1, 1), (2, 'p:xiangxin', 2, 1, 1)`);

    migrate(db);
    const bl = new Blacklist(db);
    expect(bl.lookup('祥鑫', new Date(t))?.openCases).toBe(1);
    expect(bl.lookup('祥新', new Date(t))?.openCases).toBe(1);
  });
});
