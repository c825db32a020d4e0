// kill -9 at random moments, many times: no follow-up lost, and a repeat only where the fake
// platform accepted a send the killed process had not yet marked sent — at most the drainer's
// concurrency (config DELIVERY_CONCURRENCY) per kill. `npm test` runs 30 kills
// (crash.test.ts), `npm run soak` 200 (crash.soak.ts); both print lost and repeats per kill.
import { afterAll, beforeAll, expect, it } from 'vitest';
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

/** New follow-ups falling due before each life, so every kill meets work in progress. */
const PER_LIFE = 6;
/** The child's drainer sends to this many chats at once (each follow-up is to its own chat). */
const CONCURRENCY = DEFAULT_CONCURRENCY;

export function crashSuite(KILLS: number, timeoutMs: number): void {
  const FOLLOW_UPS = (KILLS + 1) * PER_LIFE;
  const here = dirname(fileURLToPath(import.meta.url));
  const childSource = join(here, 'crash-child.ts');
  const dir = mkdtempSync(join(tmpdir(), 'refund-coach-crash-'));
  const dbPath = join(dir, 'crash.db');
  let command: string[] = [];
  let server: Server;
  let seeder: ReturnType<typeof createApp>;
  let seeded = 0;
  let port = 0;
  const receipts: { pid: number; outboxId: number; caseId: number }[] = [];

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const rand = (a: number, b: number) => a + Math.random() * (b - a);

  beforeAll(async () => {
    // Start-up cost decides how long 200 restarts take: a bundled child starts in a fraction of
    // the time tsx needs. esbuild comes with tsx; without it, fall back to tsx.
    try {
      const { build } = await import('esbuild');
      const outDir = join(here, '../../node_modules/.cache/refund-coach-crash');
      mkdirSync(outDir, { recursive: true });
      const outfile = join(outDir, 'crash-child.mjs');
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
    } catch {
      command = [process.execPath, '--import', 'tsx', childSource];
    }

    // The parent writes only between lives (the child is dead then), through the app's own repo.
    seeder = createApp(testConfig({ DATABASE_PATH: dbPath }));

    server = createServer((req, res) => {
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
    port = (server.address() as { port: number }).port;
  });

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

  afterAll(() => {
    seeder?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

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

  it(
    `delivers every follow-up through ${KILLS} kill -9s, repeating at most ${CONCURRENCY} sends caught mid-flight per kill`,
    async () => {
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
      expect(await last.ready).toBe(true);
      const ro = new Database(dbPath, { readonly: true });
      const left = () =>
        (ro.prepare(`SELECT (SELECT count(*) FROM follow_ups WHERE status = 'pending') + (SELECT count(*) FROM outbox WHERE status IN ('pending','sending')) AS n`).get() as { n: number }).n;
      const deadline = Date.now() + 30_000;
      while (left() > 0 && Date.now() < deadline) await sleep(50);
      last.child.kill('SIGTERM');
      expect(await last.exited).toBe(0);

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
      const copiesByOutboxLife = new Map<string, number>();
      for (const r of receipts) {
        if (lastLife.get(r.outboxId) !== r.pid) {
          const k = `${r.outboxId}/${r.pid}`;
          if (!copiesByOutboxLife.has(k)) {
            copiesByOutboxLife.set(k, 1);
            repeatsByLife.set(r.pid, (repeatsByLife.get(r.pid) ?? 0) + 1);
          }
        }
      }
      const perKill = [...repeatsByLife.values()];
      while (perKill.length < KILLS) perKill.push(0); // lives killed before they delivered anything
      const maxPerKill = Math.max(0, ...perKill);
      const meanPerKill = perKill.reduce((a, b) => a + b, 0) / KILLS;
      const lost = FOLLOW_UPS - delivered.size;

      console.log(
        `kill -9 test: ${KILLS} kills in ${(killPhaseMs / 1000).toFixed(1)} s, concurrency ${CONCURRENCY}, ${FOLLOW_UPS} follow-ups, ${receipts.length} deliveries; ` +
          `lost ${lost}; repeats ${duplicates} (${((duplicates / FOLLOW_UPS) * 100).toFixed(2)}% of follow-ups), per kill max ${maxPerKill} mean ${meanPerKill.toFixed(2)} ` +
          `(bound ${CONCURRENCY}); ${withinOneLife} within one life; ${unexpectedExits} child exit(s) before the kill`,
      );

      expect(unexpectedExits).toBe(0);
      expect(fired).toEqual([{ status: 'fired', n: FOLLOW_UPS }]);
      expect(outbox).toEqual([{ status: 'sent', n: FOLLOW_UPS }]);
      expect(delivered.size).toBe(FOLLOW_UPS); // none lost
      expect(byOutbox.size).toBe(FOLLOW_UPS); // one message per follow-up, never two rows
      expect(withinOneLife).toBe(0); // a repeat only across a crash…
      expect(maxPerKill).toBeLessThanOrEqual(CONCURRENCY); // …at most the sends in flight per kill
      expect(duplicates).toBeLessThanOrEqual(KILLS * CONCURRENCY);
    },
    timeoutMs,
  );
}
