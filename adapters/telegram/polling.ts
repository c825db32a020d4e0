// Long polling with grammY's runner: updates are handled concurrently across chats
// (sequentialize in bot.ts keeps each chat in order). On stop the runner stops fetching,
// the updates already fetched finish, and the offset is confirmed to Telegram so they
// are not delivered again (a repeat would be harmless anyway: the engine dedupes).
import { run, type RunOptions, type RunnerHandle } from '@grammyjs/runner';
import type { Update } from 'grammy/types';
import type { Logger } from '../../src/log.js';
import { ALLOWED_UPDATES, type TelegramBot } from './bot.js';

export interface PollingOptions {
  /** Long-poll timeout in seconds (Telegram holds getUpdates this long when idle). */
  timeoutSeconds?: number;
  /** How long stop() waits for updates in progress. */
  stopTimeoutMs?: number;
  runner?: RunOptions<Update>['runner'];
}

export interface Polling {
  handle: RunnerHandle;
  stop(): Promise<void>;
}

export async function startPolling(tb: TelegramBot, log: Logger, opts: PollingOptions = {}): Promise<Polling> {
  const { bot, inFlight } = tb;
  // getUpdates answers 409 while a webhook is set.
  await bot.api.deleteWebhook({ drop_pending_updates: false });

  const unfinished = new Set<number>();
  let lastFetched: number | undefined;
  bot.api.config.use(async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (method === 'getUpdates' && res.ok) {
      for (const u of res.result as Update[]) {
        unfinished.add(u.update_id);
        lastFetched = Math.max(lastFetched ?? u.update_id, u.update_id);
      }
    }
    return res;
  });
  const unsubscribe = inFlight.onSettled((id) => unfinished.delete(id));

  const handle = run(bot, {
    runner: {
      silent: true, // failures are logged by bot.ts's transformer
      ...opts.runner,
      fetch: { timeout: opts.timeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES], ...opts.runner?.fetch },
    },
  });
  handle.task()?.catch((err: unknown) => log.error({ err }, 'long polling stopped with an error'));
  log.info('telegram long polling started');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await handle.stop()?.catch(() => undefined);
      const settled = await inFlight.idle(opts.stopTimeoutMs ?? 10_000);
      if (!settled) log.warn({ unfinished: unfinished.size }, 'stopping with updates still in progress');
      unsubscribe();
      if (lastFetched === undefined) return;
      // Confirm everything handled; anything unfinished is fetched again next time.
      const offset = unfinished.size ? Math.min(...unfinished) : lastFetched + 1;
      await bot.api
        .getUpdates({ offset, limit: 1, timeout: 0 })
        .catch((err: unknown) => log.warn({ err }, 'could not confirm the update offset'));
      log.info({ offset }, 'telegram long polling stopped');
    })());
  return { handle, stop };
}
