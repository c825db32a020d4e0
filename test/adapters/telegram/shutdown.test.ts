// Shutdown within a deadline: the real program (src/main.ts) with Telegram against the fake Bot
// API on 127.0.0.1, which then stops answering (a server gone silent: a reply is stuck in flight).
// SIGTERM must end the process within SHUTDOWN_TIMEOUT_MS; a second signal ends it at once.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeBotApi } from './fake-bot-api.js';
import { Chatter, START, TOKEN } from './harness.js';

const MAIN = join(import.meta.dirname, '..', '..', '..', 'src', 'main.ts');
let fake: FakeBotApi | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  fake = child = dir = undefined;
});

/** Starts the program, waits until it polls, then makes the API silent with a reply in flight. */
async function startStuck(shutdownMs: number): Promise<{ exited: Promise<{ code: number | null; at: number }>; stderr: () => string }> {
  fake = await new FakeBotApi(TOKEN).listen();
  dir = mkdtempSync(join(tmpdir(), 'rc-shutdown-'));
  const env = {
    ...process.env,
    DATABASE_PATH: join(dir, 'bot.db'),
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.root,
    SHUTDOWN_TIMEOUT_MS: String(shutdownMs),
    LOG_LEVEL: 'info',
  };
  child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b) => (err += b));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child!.once('exit', (code) => resolve({ code, at: Date.now() })));
  await fake.until((calls) => calls.some((c) => c.method === 'getUpdates'), 60_000);
  // From now on nothing is answered: the reply to this message stays in flight.
  fake.fault = (call) => (call.method === 'getUpdates' ? undefined : 'hang');
  fake.push(new Chatter({ now: START }, { id: 7001, first_name: 'A' }).text('/start'));
  await fake.until((calls) => calls.some((c) => c.method === 'sendMessage'), 30_000);
  fake.fault = () => 'hang';
  return { exited, stderr: () => err };
}

describe('shutdown with the Bot API gone', () => {
  it('SIGTERM: stops within SHUTDOWN_TIMEOUT_MS although a send hangs', async () => {
    const { exited, stderr } = await startStuck(1500);
    const t0 = Date.now();
    child!.kill('SIGTERM');
    const { code, at } = await exited;
    expect(at - t0).toBeGreaterThanOrEqual(1400);
    expect(at - t0).toBeLessThan(1500 + 3000);
    expect(code).toBe(1);
    expect(stderr()).toContain('shutdown took longer than 1500 ms');
  }, 120_000);

  it('a second SIGTERM exits at once', async () => {
    const { exited, stderr } = await startStuck(60_000);
    child!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    child!.kill('SIGTERM');
    const { code, at } = await exited;
    expect(at - t0).toBeLessThan(2000);
    expect(code).toBe(130);
    expect(stderr()).toContain('second SIGTERM');
  }, 120_000);
});
