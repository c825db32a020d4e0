// Hot queries a user can set off must be served by an index: a full SCAN of a big table blocks the
// event loop for every chat. Checked with EXPLAIN QUERY PLAN on the statements the code runs and on
// the lookups SQLite makes for the foreign-key cascades of deleting a user or a case.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';

const db = openDatabase({ path: ':memory:' });

function plan(sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => 1);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

function expectIndexed(sql: string, index?: string): void {
  const p = plan(sql);
  expect(p.length, sql).toBeGreaterThan(0);
  for (const step of p) expect(step, `${sql}\n${p.join('\n')}`).not.toMatch(/^SCAN (?!CONSTANT)/);
  if (index) expect(p.join('\n'), sql).toContain(index);
}

describe('query plans of hot statements', () => {
  it('markUnreachable (a 403) finds the chat\'s open outbox rows by index', () => {
    expectIndexed(`UPDATE outbox SET status = 'failed', error = 'unreachable' WHERE platform = ? AND chat_id = ? AND status IN ('pending','sending')`, 'outbox_chat');
  });

  it('删除我的数据: every statement of Repo.deleteUser', () => {
    expectIndexed(`SELECT platform, platform_user_id, chat_id FROM users WHERE id = ?`);
    expectIndexed(`SELECT id FROM cases WHERE user_id = ?`, 'cases_user');
    expectIndexed(`DELETE FROM audit WHERE actor = ? OR subject = ?`);
    expect(plan(`DELETE FROM audit WHERE actor = ? OR subject = ?`).join('\n')).toMatch(/audit_actor[\s\S]*audit_subject/);
    expectIndexed(`DELETE FROM outbox WHERE user_id = ? OR (platform = ? AND chat_id = ?)`);
    expect(plan(`DELETE FROM outbox WHERE user_id = ? OR (platform = ? AND chat_id = ?)`).join('\n')).toMatch(/outbox_user[\s\S]*outbox_chat/);
    expectIndexed(`DELETE FROM chats WHERE platform = ? AND chat_id = ?`);
    expectIndexed(`DELETE FROM users WHERE id = ?`);
  });

  it('the foreign-key cascades of deleting a user or a case find child rows by index', () => {
    // Every child column that references users(id) or cases(id) must lead some index, otherwise
    // SQLite scans the child table once per deleted parent row.
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    const children: string[] = [];
    for (const t of tables) {
      const fks = db.prepare(`PRAGMA foreign_key_list(${t})`).all() as { table: string; from: string }[];
      for (const fk of fks) if (fk.table === 'users' || fk.table === 'cases') children.push(`${t}.${fk.from}`);
    }
    expect(children).toEqual(expect.arrayContaining(['outbox.user_id', 'follow_ups.user_id', 'sessions.active_case_id', 'evidence.case_id']));
    for (const c of children) {
      const [t, col] = c.split('.');
      expectIndexed(`SELECT 1 FROM ${t} WHERE ${col} = ?`);
    }
  });

  it('counting a user\'s open cases uses the per-user index', () => {
    expectIndexed(`SELECT count(*) AS n FROM cases WHERE user_id = ? AND status = 'open'`, 'cases_user');
  });
});
