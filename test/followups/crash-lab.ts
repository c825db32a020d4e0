// The kill -9 machinery, free of the test runner so the bench can use it too: a fake platform on
// 127.0.0.1, a database of due follow-ups, and a child (crash-child.ts: the real scheduler and
// drainer) started and SIGKILLed at random moments, many times; then one last life left to finish.
// Returns what was delivered: lost follow-ups, and repeats per kill — the sends the platform
// accepted that the killed process had not yet marked sent, at most the drainer's concurrency
// (config DELIVERY_CONCURRENCY) per kill. Used by crash-run.ts (npm test / npm run soak) and
// bench/crash.bench.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { DEFAULT_CONCURRENCY } from '../../src/delivery/drainer.js';
import { initialState } from '../../src/flow/state.js';
import { PAID_FACTS } from './harness.js';

export interface CrashOptions {
  kills: number;
  /** New follow-ups falling due before each life, so every kill meets work in progress (default 6). */
  perLife?: number;
  /** The child's drainer sends to this many chats at once (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
}

export interface CrashResult {
  kills: number;
  perLife: number;
  concurrency: number;
  followUps: number;
  deliveries: number;
  killPhaseMs: number;
  lost: number;
  /** Deliveries beyond the first of a follow-up. */
  duplicates: number;
  /** Repeats of a message by the same life (never expected). */
  withinOneLife: number;
  perKill: number[];
  maxPerKill: number;
  meanPerKill: number;
  /** Children that exited before they were killed. */
  unexpectedExits: number;
  /** Whether the last life drained everything and stopped cleanly on SIGTERM. */
  lastLifeClean: boolean;
  /** Follow-ups by status, and follow-up outbox rows by status, at the end. */
  fired: unknown[];
  outbox: unknown[];
  /** Distinct outbox rows delivered (one per follow-up when nothing was written twice). */
  distinctRows: number;
}

export function describeCrash(r: CrashResult): string {
  return (
    `kill -9 test: ${r.kills} kills in ${(r.killPhaseMs / 1000).toFixed(1)} s, concurrency ${r.concurrency}, ${r.followUps} follow-ups (${r.perLife} due per life), ${r.deliveries} deliveries; ` +
    `lost ${r.lost}; repeats ${r.duplicates} (${((r.duplicates / r.followUps) * 100).toFixed(2)}% of follow-ups), per kill max ${r.maxPerKill} mean ${r.meanPerKill.toFixed(2)} ` +
    `(bound ${r.concurrency}); ${r.withinOneLife} within one life; out of order: none possible (one message per chat); ${r.unexpectedExits} child exit(s) before the kill`
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (a: number, b: number) => a + Math.random() * (b - a);

export async function runCrash(opts: CrashOptions): Promise<CrashResult> {
  const KILLS = opts.kills;
  const PER_LIFE = opts.perLife ?? 6;
  const CONCURRENCY = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const FOLLOW_UPS = (KILLS + 1) * PER_LIFE;
  const here = dirname(fileURLToPath(import.meta.url));
  const childSource = join(here, 'crash-child.ts');
  const dir = mkdtempSync(join(tmpdir(), 'refund-coach-crash-'));
  const dbPath = join(dir, 'crash.db');
  const receipts: { pid: number; outboxId: number; caseId: number }[] = [];

  // Start-up cost decides how long 200 restarts take: a bundled child starts in a fraction of
  // the time tsx needs. esbuild comes with tsx; without it, fall back to tsx.
  let command: string[];
  let bundle: string | undefined;
  try {
    const { build } = await import('esbuild');
    const outDir = join(here, '../../node_modules/.cache/refund-coach-crash');
    mkdirSync(outDir, { recursive: true });
    const outfile = join(outDir, `crash-child-${process.pid}.mjs`);
    await build({
      entryPoints: [childSource],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'silent',
    });
    command = [process.execPath, outfile];
    bundle = outfile;
  } catch {
    command = [process.execPath, '--import', 'tsx', childSource];
  }

  // The parent writes only between lives (the child is dead then), through the app's own repo.
  const seeder = createApp(testConfig({ DATABASE_PATH: dbPath }));
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const m = JSON.parse(body) as { pid: number; outboxId: number; reply: { choices: { id: string }[] } };
      receipts.push({ pid: m.pid, outboxId: m.outboxId, caseId: Number(m.reply.choices[0].id.split(':')[1]) });
      // The platform takes a moment to answer: the window in which a kill makes a duplicate.
      setTimeout(() => res.end('ok'), rand(0, 3));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;

  let seeded = 0;
  /** Open cases on the seller rung whose deadline has just passed. */
  function seed(n: number): void {
    const now = new Date();
    seeder.db.transaction(() => {
      for (let k = 0; k < n; k++) {
        const i = seeded++;
        const u = seeder.engine.repo.upsertUser({ platform: 'telegram', updateId: `seed${i}`, userId: `u${i}`, chatId: `c${i}`, chatKind: 'private', at: now }, now);
        const c = seeder.engine.repo.createCase(u.id, 'not_received', { ...PAID_FACTS }, { ...initialState(), stage: 'ladder', rung: 0 }, now);
        seeder.engine.repo.scheduleFollowUp(c.id, u.id, 'rung_check', 'seller', new Date(now.getTime() - 1000), now);
      }
    })();
  }

  function startChild(): { child: ChildProcess; ready: Promise<boolean>; exited: Promise<number | null> } {
    const child = spawn(command[0], command.slice(1), {
      env: { ...process.env, CRASH_DB: dbPath, CRASH_PORT: String(port), CRASH_CONCURRENCY: String(CONCURRENCY) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const ready = new Promise<boolean>((r) => {
      let out = '';
      child.stdout!.on('data', (b) => {
        out += b;
        if (out.includes('ready')) r(true);
      });
      void exited.then(() => r(false));
    });
    return { child, ready, exited };
  }

  try {
    const started = Date.now();
    let unexpectedExits = 0;
    for (let k = 0; k < KILLS; k++) {
      seed(PER_LIFE);
      const { child, ready, exited } = startChild();
      if (Math.random() < 0.15) await sleep(rand(0, 250)); // sometimes during start-up and recovery
      else if (await ready) await sleep(rand(0, 40));
      if (child.exitCode !== null) unexpectedExits++;
      child.kill('SIGKILL');
      await exited;
    }
    const killPhaseMs = Date.now() - started;

    // One last life, left alone until everything is out, then stopped cleanly.
    seed(PER_LIFE);
    const last = startChild();
    const lastReady = await last.ready;
    const ro = new Database(dbPath, { readonly: true });
    const left = () =>
      (ro.prepare(`SELECT (SELECT count(*) FROM follow_ups WHERE status = 'pending') + (SELECT count(*) FROM outbox WHERE status IN ('pending','sending')) AS n`).get() as { n: number }).n;
    const deadline = Date.now() + 30_000 + FOLLOW_UPS * 20;
    while (lastReady && left() > 0 && Date.now() < deadline) await sleep(50);
    last.child.kill('SIGTERM');
    const lastLifeClean = lastReady && (await last.exited) === 0;

    const fired = ro.prepare(`SELECT status, count(*) AS n FROM follow_ups GROUP BY status`).all();
    const outbox = ro.prepare(`SELECT status, count(*) AS n FROM outbox WHERE kind = 'followup' GROUP BY status`).all();
    ro.close();

    const delivered = new Set(receipts.map((r) => r.caseId));
    const byOutbox = new Map<number, Set<number>>();
    for (const r of receipts) byOutbox.set(r.outboxId, (byOutbox.get(r.outboxId) ?? new Set()).add(r.pid));
    const duplicates = receipts.length - byOutbox.size;
    const withinOneLife = receipts.length - new Set(receipts.map((r) => `${r.outboxId}/${r.pid}`)).size;
    // Repeats per kill: messages a life delivered that a later life delivered again (the sends the
    // platform accepted before the kill and the killed process had not yet marked sent).
    const lives = [...new Set(receipts.map((r) => r.pid))];
    const lastLife = new Map<number, number>();
    receipts.forEach((r) => lastLife.set(r.outboxId, r.pid));
    const repeatsByLife = new Map<number, number>(lives.map((p) => [p, 0]));
    const counted = new Set<string>();
    for (const r of receipts) {
      if (lastLife.get(r.outboxId) !== r.pid) {
        const k = `${r.outboxId}/${r.pid}`;
        if (!counted.has(k)) {
          counted.add(k);
          repeatsByLife.set(r.pid, (repeatsByLife.get(r.pid) ?? 0) + 1);
        }
      }
    }
    const perKill = [...repeatsByLife.values()];
    while (perKill.length < KILLS) perKill.push(0); // lives killed before they delivered anything
    return {
      kills: KILLS,
      perLife: PER_LIFE,
      concurrency: CONCURRENCY,
      followUps: FOLLOW_UPS,
      deliveries: receipts.length,
      killPhaseMs,
      lost: FOLLOW_UPS - delivered.size,
      duplicates,
      withinOneLife,
      perKill,
      maxPerKill: Math.max(0, ...perKill),
      meanPerKill: perKill.reduce((a, b) => a + b, 0) / KILLS,
      unexpectedExits,
      lastLifeClean,
      fired,
      outbox,
      distinctRows: byOutbox.size,
    };
  } finally {
    seeder.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
    if (bundle) rmSync(bundle, { force: true });
  }
}
