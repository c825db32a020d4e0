// Drains the outbox for one platform through its Sender: claim → send → mark.
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import { SendError, type Sender } from './sender.js';
import type { Delivery } from '../types.js';

export interface DrainerOptions {
  batch?: number;
  idleMs?: number;
  /** A row that keeps failing with retryable errors (network, 5xx, 429) is given up after this many claims
   * (default 500: hours of retries, so an outage loses nothing; only a truly stuck row is dropped). */
  maxAttempts?: number;
  now?: () => Date;
}

export class Drainer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private again = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly sender: Sender,
    private readonly log: Logger,
    private readonly opts: DrainerOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a drain soon (after new rows were written). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Runs until the outbox has nothing due for this platform. Resolves when done. */
  async drainOnce(): Promise<number> {
    const now = this.opts.now ?? (() => new Date());
    let sent = 0;
    for (;;) {
      const batch = this.outbox.claimPending(this.sender.platform, this.opts.batch ?? 50, now());
      if (batch.length === 0) return sent;
      for (const d of batch) {
        if (this.stopped) {
          this.outbox.retryLater(d.outboxId, 'shutdown', now());
          continue;
        }
        try {
          await this.sender.send(d);
          this.outbox.markSent(d.outboxId, now());
          sent++;
        } catch (err) {
          this.fail(d, err);
        }
      }
      if (this.stopped) return sent;
    }
  }

  /**
   * Delivers rows the caller already holds (e.g. the replies engine.handle returned), in order,
   * marking each sent or failed exactly as a drain would.
   */
  async deliver(deliveries: readonly Delivery[]): Promise<void> {
    const now = this.opts.now ?? (() => new Date());
    for (const d of deliveries) {
      try {
        await this.sender.send(d);
        this.outbox.markSent(d.outboxId, now());
      } catch (err) {
        this.fail(d, err);
      }
    }
  }

  private fail(d: Delivery, err: unknown): void {
    const { outboxId: id, chatId } = d;
    const now = (this.opts.now ?? (() => new Date()))();
    const message = err instanceof Error ? err.message : String(err);
    const platform = this.sender.platform;
    if (err instanceof SendError && err.opts.unreachable) {
      this.log.warn({ platform, chatId, outboxId: id, err: message }, 'chat unreachable; further sends stopped');
      this.outbox.markUnreachable(platform, chatId, message, now);
    } else if (err instanceof SendError && err.opts.retryAfterMs !== undefined && (d.attempts ?? 1) < (this.opts.maxAttempts ?? 500)) {
      this.log.warn({ platform, chatId, outboxId: id, err: message }, 'send failed; will retry');
      this.outbox.retryLater(id, message, new Date(now.getTime() + err.opts.retryAfterMs));
    } else {
      this.log.error({ platform, chatId, outboxId: id, err: message }, 'send failed');
      this.outbox.markFailed(id, message);
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drainOnce()
        .then(() => undefined)
        .catch((e) => this.log.error({ err: String(e) }, 'drain failed'))
        .finally(() => {
          this.running = undefined;
          const next = this.again ? 0 : (this.opts.idleMs ?? 1000);
          this.again = false;
          this.schedule(next);
        });
    }, ms);
    this.timer.unref?.();
  }

  /** Stops after the message in flight; unsent rows stay pending for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
