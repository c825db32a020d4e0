// Follow-ups at scale: 1,000,000 pending follow-ups in a real database file (500,000 open cases,
// each with a rung check and a window warning), then the scheduler firing batches of 100 due ones.
// Figures: time per fired batch (the target: < 5 ms), insert rate, database size.
// A fired batch is ~450 random page writes (follow-up row, its outbox row and that row's indexes,
// the chat's session); at synchronous=FULL the commit also waits for an fsync of that WAL.
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { initialState } from '../src/flow/state.js';

const CASES = 500_000;
const FOLLOW_UPS = 2 * CASES;
const CHUNK = 10_000;
const BATCH = 100;
const BATCHES = 150;
const T0 = new Date('2026-11-20T02:00:00Z'); // 10:00 in Beijing: outside quiet hours
const SPAN_MS = 60 * 86_400_000;

const FACTS = {
  platform: '小年卡盟',
  merchant: '星辰点卡店',
  item: '王者点券',
  orderId: '202611201530123456',
  amount: 100,
  paymentMethod: 'alipay',
  paidAt: '2026-11-19T07:00:00.000Z',
  promisedTime: 'instant',
  goodsState: 'nothing',
  sellerContact: 'stalling',
};

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const line = (label: string, value: string, target: string, ok?: boolean) =>
  console.log(`${label.padEnd(44)} ${value.padStart(16)}   target ${target}${ok === undefined ? '' : ok ? '  ✓' : '  ✗ MISSED'}`);

function dbBytes(path: string): number {
  return [path, `${path}-wal`].filter(existsSync).reduce((s, p) => s + statSync(p).size, 0);
}

function run(sync: 'FULL' | 'NORMAL'): void {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-fu-'));
  const path = join(dir, 'followups.db');
  let now = T0;
  const app: App = createApp(testConfig({ DATABASE_PATH: path, SQLITE_SYNCHRONOUS: sync, FOLLOWUP_BATCH: BATCH }), { now: () => now });
  const repo = app.engine.repo;
  console.log(`\n— synchronous=${sync} —`);

  // Users and open cases on the seller rung (not timed as follow-up inserts).
  const caseIds: number[] = [];
  const userIds: number[] = [];
  const state = { ...initialState(), stage: 'ladder' as const, rung: 0 };
  for (let i = 0; i < CASES; i += CHUNK) {
    app.db.transaction(() => {
      for (let k = i; k < Math.min(CASES, i + CHUNK); k++) {
        const u = repo.upsertUser({ platform: 'telegram', updateId: `s${k}`, userId: `u${k}`, chatId: `c${k}`, chatKind: 'private', at: T0 }, T0);
        const c = repo.createCase(u.id, 'not_received', FACTS, state, T0);
        // A session with the case active, as the engine leaves it: firing also sets its current choices.
        repo.saveSession(u.id, c.id, { lastChoices: [{ id: 'r:sent', label: '已发送' }] }, T0);
        userIds.push(u.id);
        caseIds.push(c.id);
      }
    })();
  }
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  const baseBytes = dbBytes(path);

  // Follow-ups through Repo.scheduleFollowUp (replace-then-insert, as the engine does), in chunks.
  let t = process.hrtime.bigint();
  let seq = 0;
  for (let i = 0; i < CASES; i += CHUNK) {
    app.db.transaction(() => {
      for (let k = i; k < Math.min(CASES, i + CHUNK); k++) {
        // Due times spread over 60 days, in an order unrelated to insertion.
        const a = new Date(T0.getTime() + ((seq++ * 7919) % FOLLOW_UPS) * (SPAN_MS / FOLLOW_UPS));
        const b = new Date(T0.getTime() + ((seq++ * 7919) % FOLLOW_UPS) * (SPAN_MS / FOLLOW_UPS));
        repo.scheduleFollowUp(caseIds[k], userIds[k], 'rung_check', 'seller', a, T0);
        repo.scheduleFollowUp(caseIds[k], userIds[k], 'window_warning', 'platform', b, T0);
      }
    })();
  }
  const bulkRate = FOLLOW_UPS / (ms(t) / 1000);
  const pending = (app.db.prepare(`SELECT count(*) AS n FROM follow_ups WHERE status = 'pending'`).get() as { n: number }).n;

  // One follow-up per commit, as a user pressing 已发送 produces (fsync-bound at FULL).
  const single = 2_000;
  t = process.hrtime.bigint();
  for (let k = 0; k < single; k++) {
    app.db.transaction(() => repo.scheduleFollowUp(caseIds[k], userIds[k], 'rung_check', 'seller', new Date(T0.getTime() + SPAN_MS + k), T0))();
  }
  const singleRate = single / (ms(t) / 1000);

  app.db.pragma('wal_checkpoint(TRUNCATE)');
  const totalBytes = dbBytes(path);
  const perFollowUp = (totalBytes - baseBytes) / FOLLOW_UPS;

  // Fire: a day later (10:00 again, outside quiet hours) ~1/60 (16,700) are due; fire batches of 100.
  now = new Date(T0.getTime() + 86_400_000);
  const plan = app.db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT f.id FROM follow_ups f JOIN cases c ON c.id = f.case_id JOIN users u ON u.id = f.user_id
       WHERE f.status = 'pending' AND f.due_at <= ? ORDER BY f.due_at LIMIT ?`,
    )
    .all(now.getTime(), BATCH) as { detail: string }[];
  const times: number[] = [];
  const cpu: number[] = [];
  let fired = 0;
  for (let b = 0; b < BATCHES; b++) {
    t = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const r = app.scheduler.fireDue();
    times.push(ms(t));
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    fired += r.fired;
    if (r.fired + r.skipped !== BATCH) throw new Error(`batch ${b}: expected ${BATCH} due, got ${r.fired + r.skipped}`);
  }
  const outboxRows = (app.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'followup'`).get() as { n: number }).n;
  if (outboxRows !== fired) throw new Error(`outbox has ${outboxRows} follow-up rows for ${fired} fired`);

  console.log(`pending follow-ups: ${fmt(pending)} (${fmt(CASES)} open cases); due-row plan: ${plan.map((p) => p.detail).join(' → ')}`);
  line('fire one batch of 100 due (median)', `${fmt(pct(times, 50), 2)} ms`, '< 5 ms', pct(times, 50) < 5);
  line('fire one batch of 100 due (p95 / max)', `${fmt(pct(times, 95), 2)} / ${fmt(Math.max(...times), 2)} ms`, '< 5 ms (p95)', pct(times, 95) < 5);
  line('  CPU time of this process per batch (median)', `${fmt(pct(cpu, 50), 2)} ms`, '—');
  line('fired per second at that pace', `${fmt((BATCH * 1000) / pct(times, 50))}`, '—');
  line('insert, 10,000 per transaction', `${fmt(bulkRate)} /s`, '≥ 50,000 /s (own budget)', bulkRate >= 50_000);
  line('insert, one per transaction', `${fmt(singleRate)} /s`, '≥ 200 /s (own budget; fsync-bound)', singleRate >= 200);
  line('database size (1M follow-ups + 500k cases)', `${fmt(totalBytes / 2 ** 20, 1)} MiB`, '—');
  line('  of which follow-ups (rows + indexes)', `${fmt(perFollowUp)} B each`, '≤ 150 B each (own budget)', perFollowUp <= 150);

  app.close();
  rmSync(dir, { recursive: true, force: true });
}

run('FULL');
run('NORMAL');
