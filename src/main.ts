// Entry point: validate config, open the store, start every configured adapter
// (the terminal when no platform is configured), stop cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { startTerminal } from '../adapters/terminal/index.js';
import { qqConfigured, startQQ } from '../adapters/qq/index.js';
import { startTelegram } from '../adapters/telegram/index.js';

async function main(): Promise<void> {
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
  const app = createApp(config);
  const stops: Array<() => Promise<void>> = [];
  // Housekeeping (retention, pruning) every six hours; it also ran once at start.
  const housekeeping = setInterval(() => app.log.info(app.engine.maintenance(), 'housekeeping'), 6 * 3600_000);
  housekeeping.unref();
  stops.push(async () => clearInterval(housekeeping));
  app.scheduler.start();
  stops.push(() => app.scheduler.stop());
  app.broadcaster.start();
  stops.push(() => app.broadcaster.stop());
  const platformConfigured = qqConfigured(config) || !!config.TELEGRAM_BOT_TOKEN;

  if (config.TELEGRAM_BOT_TOKEN) {
    // Broadcasts leave through a paced lane; its tap sees every Bot API send and 429.
    const telegram = await startTelegram(app, { setup: (tg) => tg.useBelowRetry(app.broadcaster.addTelegramLane(tg.sender) as never) });
    stops.push(telegram.stop);
  }

  if (qqConfigured(config)) {
    const qq = await startQQ(app);
    stops.push(qq.stop);
  }

  let terminalDone: Promise<void> | undefined;
  if (!platformConfigured || config.TERMINAL) {
    const term = startTerminal(app);
    stops.push(term.stop);
    terminalDone = term.done;
  }

  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (e) {
        app.log.error({ err: String(e) }, 'error while stopping');
      }
    }
    app.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // Piped input: stop at end of input when the terminal is the only adapter.
  if (terminalDone && !platformConfigured) terminalDone.then(() => shutdown(0));
}

void main();
