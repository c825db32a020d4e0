// Bounded work per user (issue 14): 删除我的数据 and a 403's markUnreachable with 100,000 open cases
// and 1,000,000 outbox rows (target p99 < 10 ms each), and a 1,000,000-character message (target
// < 50 ms to refuse). A real database file at synchronous=FULL with the background checkpointer,
// through the real engine (the deletion's WAL checkpoint included).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import type { Inbound } from '../src/types.js';

const USERS = 100_000;
const OUTBOX = 1_000_000;
const SAMPLES = 200;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (n: number) => n.toFixed(2);

let seed = 7;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bounds-'));
  const now = new Date('2026-11-20T08:00:00Z');
  const app = createApp(testConfig({ DATABASE_PATH: join(dir, 'bounds.db'), SQLITE_SYNCHRONOUS: 'FULL', SQLITE_CHECKPOINT_MS: 500 }), { now: () => now });
  const db = app.db;
  const t0 = performance.now();
  db.transaction(() => {
    const u = db.prepare(`INSERT INTO users (platform, platform_user_id, display_name, chat_id, created_at) VALUES ('telegram', ?, '用户', ?, 0)`);
    const c = db.prepare(`INSERT INTO cases (user_id, scenario, stage, facts, state, created_at, updated_at) VALUES (?, 'not_received', 'intake', ?, '{}', 0, ?)`);
    const a = db.prepare(`INSERT INTO audit (at, actor, action, subject) VALUES (0, ?, 'case_opened', ?)`);
    for (let i = 1; i <= USERS; i++) {
      u.run(String(i), String(i));
      const facts = JSON.stringify({ merchant: `商家${i % 5000}`, orderId: String(202611200000000000 + i), amount: 100 });
      c.run(i, facts, now.getTime());
      a.run(`user:${i}`, `case:${i}`);
    }
    const o = db.prepare(`INSERT INTO outbox (platform, chat_id, user_id, kind, payload, status, created_at, sent_at) VALUES ('telegram', ?, ?, 'reply', '{}', 'sent', ?, ?)`);
    for (let i = 0; i < OUTBOX; i++) {
      const uid = 1 + Math.floor(rnd() * USERS);
      o.run(String(uid), uid, now.getTime(), now.getTime());
    }
  })();
  console.log(`setup: ${USERS.toLocaleString('en-US')} users with an open case, ${OUTBOX.toLocaleString('en-US')} outbox rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  let upd = 0;
  const inbound = (userId: string, p: Partial<Inbound>): Inbound => ({
    platform: 'telegram',
    updateId: `b${++upd}`,
    userId,
    chatId: userId,
    chatKind: 'private',
    at: now,
    ...p,
  });

  const del: number[] = [];
  const unreachable: number[] = [];
  const picked = new Set<number>();
  while (picked.size < SAMPLES * 2) picked.add(1 + Math.floor(rnd() * USERS));
  const ids = [...picked];
  for (const id of ids.slice(0, SAMPLES)) {
    app.engine.handle(inbound(String(id), { text: '删除我的数据' }));
    const s = performance.now();
    const out = app.engine.handle(inbound(String(id), { choice: 'd:yes' }));
    del.push(performance.now() - s);
    if (!out.length) throw new Error('deletion did not answer');
  }
  for (const id of ids.slice(SAMPLES)) {
    const s = performance.now();
    app.outbox.markUnreachable('telegram', String(id), 'Forbidden: bot was blocked by the user');
    unreachable.push(performance.now() - s);
  }
  const left = (db.prepare(`SELECT count(*) AS n FROM users WHERE platform_user_id IN (${ids.slice(0, SAMPLES).map(() => '?').join(',')})`).get(...ids.slice(0, SAMPLES).map(String)) as { n: number }).n;

  const huge = `昨天付了100元，${'1'.repeat(1_000_000)}`;
  const longMs: number[] = [];
  for (let k = 0; k < 20; k++) {
    const s = performance.now();
    app.engine.handle(inbound('long-writer', { text: huge }));
    longMs.push(performance.now() - s);
  }
  const atCap = `昨天在小年卡盟付了100元买点卡，一直没到账。${'商家不回消息'.repeat(330)}`.slice(0, 2000);
  const capMs: number[] = [];
  for (let k = 0; k < 20; k++) {
    const s = performance.now();
    app.engine.handle(inbound(`cap-writer-${k}`, { text: atCap }));
    capMs.push(performance.now() - s);
  }
  app.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(`删除我的数据 (engine, FULL, WAL checkpoint included): p50 ${ms(pct(del, 50))} ms, p99 ${ms(pct(del, 99))} ms, max ${ms(Math.max(...del))} ms — target p99 < 10 ms; users left: ${left}`);
  console.log(`markUnreachable: p50 ${ms(pct(unreachable, 50))} ms, p99 ${ms(pct(unreachable, 99))} ms — target p99 < 10 ms`);
  console.log(`1,000,000-character message refused: p50 ${ms(pct(longMs, 50))} ms, max ${ms(Math.max(...longMs))} ms — target < 50 ms`);
  console.log(`2,000-character message processed (at the cap): p50 ${ms(pct(capMs, 50))} ms, max ${ms(Math.max(...capMs))} ms`);
}

main();
