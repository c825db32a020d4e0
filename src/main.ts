// Entry point: validate config, open the store, start every configured adapter
// (the terminal when no platform is configured), stop cleanly on SIGINT/SIGTERM.
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { startTerminal } from '../adapters/terminal/index.js';
import { qqConfigured, startQQ } from '../adapters/qq/index.js';
import { startTelegram } from '../adapters/telegram/index.js';

async function main(): Promise<void> {
  // A .env beside the project is read first; variables already in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const platformConfigured = qqConfigured(config) || !!config.TELEGRAM_BOT_TOKEN;
  const terminalChat = !platformConfigured || !!config.TERMINAL;
  const app = createApp(config, { interactiveTerminal: terminalChat && process.stderr.isTTY });
  const stops: Array<() => Promise<void>> = [];

  // Shutdown: stop accepting, drain for at most SHUTDOWN_TIMEOUT_MS, then exit. A second signal
  // exits at once. Rows not sent stay in the outbox ('sending' ones go back to pending at start).
  let stopping = false;
  const exitNow = (code: number, why: string) => {
    app.log.warn({ code }, why);
    try {
      app.close();
    } catch (err) {
      app.log.error({ err }, 'error while closing the store');
    }
    process.exit(code);
  };
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(
      () => exitNow(code || 1, `shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms: exiting with work unfinished`),
      config.SHUTDOWN_TIMEOUT_MS,
    );
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        app.log.error({ err }, 'error while stopping');
      }
    }
    clearTimeout(deadline);
    app.close();
    process.exit(code);
  };
  // Signals are handled from the start, even while an adapter is still connecting.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return exitNow(130, `second ${signal}: exiting now`);
    app.log.info({ signal }, 'stopping');
    void shutdown(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // Housekeeping (retention, pruning) every six hours; it also ran once at start.
  const housekeeping = setInterval(() => app.log.info(app.engine.maintenance(), 'housekeeping'), 6 * 3600_000);
  housekeeping.unref();
  stops.push(async () => clearInterval(housekeeping));
  app.scheduler.start();
  stops.push(() => app.scheduler.stop());
  app.broadcaster.start();
  stops.push(() => app.broadcaster.stop());

  let terminalDone: Promise<void> | undefined;
  if (terminalChat) {
    const term = startTerminal(app);
    stops.push(term.stop);
    terminalDone = term.done;
  }

  // Platforms start side by side: one that cannot connect yet does not hold the others back.
  const starting: Array<Promise<unknown>> = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    starting.push(
      // Broadcasts leave through a paced lane; its tap sees every Bot API send and 429.
      startTelegram(app, { setup: (tg) => tg.useBelowRetry(app.broadcaster.addTelegramLane(tg.sender) as never) }).then((tg) => {
        stops.push(tg.stop);
        app.log.info('telegram started');
      }),
    );
  }
  if (qqConfigured(config)) {
    starting.push(
      startQQ(app).then((qq) => {
        stops.push(qq.stop);
        app.log.info('qq started');
      }),
    );
  }
  const results = await Promise.allSettled(starting);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  for (const f of failed) app.log.fatal({ err: f.reason }, 'an adapter failed to start');
  if (failed.length && failed.length === starting.length && !terminalDone) await shutdown(1);

  // Piped input: stop at end of input when the terminal is the only adapter.
  if (terminalDone && !platformConfigured) terminalDone.then(() => shutdown(0));
}

main().catch((e) => {
  process.stderr.write(`refund-coach failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
