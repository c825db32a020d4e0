// Engine throughput: a scripted mixed workload of 10,000 users on a real database file,
// at synchronous=NORMAL and FULL, beside the raw better-sqlite3 single-row-transaction rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import type { Inbound } from '../src/types.js';

const USERS = 10_000;
const SCRIPT: Array<Partial<Inbound>> = [
  { text: '开始' },
  { choice: 's:not_received' },
  { text: '小年卡盟' },
  { text: '星辰点卡店' },
  { text: '王者点券' },
  { text: '202611201530123456' },
  { text: '100元' },
  { choice: 'a:alipay' },
  { text: '昨天下午3点' },
  { text: '进度' },
  { choice: 'a:instant' },
  { choice: 'a:nothing' },
  { choice: 'a:no_reply' },
  { choice: 'e:order_shot' },
  { choice: 'e:done' },
  { choice: 'r:sent' },
];

function workload(): Inbound[] {
  // Interleaved: every user takes step k before anyone takes step k+1, as real traffic mixes users.
  const out: Inbound[] = [];
  const at = new Date('2026-11-20T08:00:00Z');
  for (let k = 0; k < SCRIPT.length; k++) {
    for (let u = 0; u < USERS; u++) {
      out.push({ platform: 'terminal', updateId: `${u}-${k}`, userId: `u${u}`, chatId: `u${u}`, chatKind: 'private', at, ...SCRIPT[k] });
    }
  }
  return out;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function runEngine(sync: 'FULL' | 'NORMAL', limit: number, batch: number) {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-'));
  const app = createApp(testConfig({ DATABASE_PATH: join(dir, 'bench.db'), SQLITE_SYNCHRONOUS: sync }), { now: () => new Date('2026-11-20T08:00:00Z') });
  const msgs = workload().slice(0, limit);
  const lat: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < msgs.length; i += batch) {
    const s = process.hrtime.bigint();
    const out = batch === 1 ? [app.engine.handle(msgs[i])] : app.engine.handleBatch(msgs.slice(i, i + batch));
    app.outbox.markSentMany(out.flat().map((d) => d.outboxId));
    lat.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  app.close();
  rmSync(dir, { recursive: true, force: true });
  lat.sort((a, b) => a - b);
  return { rate: msgs.length / secs, p50: pct(lat, 50), p99: pct(lat, 99), n: msgs.length };
}

function rawCeiling(sync: 'FULL' | 'NORMAL', n: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  const tx = db.transaction((v: string) => ins.run(v));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) tx('x'.repeat(100));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return n / secs;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const total = USERS * SCRIPT.length;

const rawNormal = rawCeiling('NORMAL', 50_000);
console.log(`ceiling: raw better-sqlite3 single-row transactions at NORMAL: ${fmt(rawNormal)} tx/s`);
for (const b of [1, 10]) {
  const normal = runEngine('NORMAL', total, b);
  const how = b === 1 ? 'one commit per message' : `handleBatch of ${b} (one commit per batch)`;
  console.log(`engine NORMAL, ${how}: ${fmt(normal.rate)} msgs/s over ${fmt(normal.n)} messages from ${fmt(USERS)} users (target ≥ 10,000); latency per ${b === 1 ? 'message' : 'batch'} p50 ${normal.p50.toFixed(3)} ms, p99 ${normal.p99.toFixed(3)} ms (target p99 < 5 ms)`);
}

const rawFull = rawCeiling('FULL', 3_000);
const full = runEngine('FULL', 6_000, 1);
console.log(`engine FULL, one commit per message: ${fmt(full.rate)} msgs/s; p50 ${full.p50.toFixed(3)} ms, p99 ${full.p99.toFixed(3)} ms`);
console.log(`  ceiling: raw better-sqlite3 single-row transactions at FULL (one fsync each): ${fmt(rawFull)} tx/s → engine reaches ${((full.rate / rawFull) * 100).toFixed(0)}% of it`);
for (const b of [10, 50]) {
  const fb = runEngine('FULL', 30_000, b);
  console.log(`engine FULL, handleBatch of ${b}: ${fmt(fb.rate)} msgs/s (${(fb.rate / rawFull).toFixed(1)}× the one-fsync-per-message ceiling); p99 per batch ${fb.p99.toFixed(2)} ms`);
}
