// A paced sender for one platform's broadcast rows, beside (not in front of) its ordinary drainer:
// the outbox reserves the 'broadcast' kind for this lane, so replies and follow-ups never queue
// behind a 100,000-recipient broadcast. Rows are claimed in id order, each waits for the limiter,
// a few are in flight at once, and each is marked the moment its send is confirmed — so a crash
// resends only rows whose send had not been confirmed (recoverStale puts them back to pending).
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import { SendError, type Sender } from '../delivery/sender.js';
import type { Delivery } from '../types.js';
import type { RateLimiter } from './limiter.js';

export interface LaneOptions {
  now?: () => Date;
  /** Sends in flight at once (ordering only matters within a chat, which the limiter spaces). */
  concurrency?: number;
  batch?: number;
  idleMs?: number;
  /** Claims after which a row that keeps failing with a retryable error is given up. Default 500. */
  maxAttempts?: number;
}

export class BroadcastLane {
  readonly platform;
  private stopped = true;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Chats with a send of ours in flight (the rate tap leaves these out, they are counted already). */
  readonly busyChats = new Set<string>();
  private wake: (() => void) | undefined;
  sent = 0;
  failed = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly sender: Sender,
    readonly limiter: RateLimiter,
    private readonly log: Logger,
    private readonly opts: LaneOptions = {},
  ) {
    this.platform = sender.platform;
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run().catch((err) => this.log.error({ platform: this.platform, err: String(err) }, 'broadcast lane failed'));
  }

  /** New rows were written: look now rather than after the idle wait. */
  kick(): void {
    this.wake?.();
  }

  /** Stops claiming, lets sends in flight settle, puts claimed-but-unsent rows back. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const concurrency = this.opts.concurrency ?? 16;
    while (!this.stopped) {
      const batch = this.outbox.claimPending(this.platform, this.opts.batch ?? 100, this.now(), 'broadcast');
      if (!batch.length) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, this.opts.idleMs ?? 500);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.wake = done;
        });
        this.wake = undefined;
        continue;
      }
      for (let i = 0; i < batch.length; i++) {
        const d = batch[i];
        if (this.stopped) {
          for (const rest of batch.slice(i)) this.outbox.retryLater(rest.outboxId, 'shutdown', this.now());
          break;
        }
        const permit = await this.limiter.acquire(d.chatId);
        if (!permit.ok) {
          this.outbox.retryLater(d.outboxId, 'paced', new Date(permit.notBefore));
          continue;
        }
        while (this.inFlight.size >= concurrency) await Promise.race(this.inFlight);
        const p = this.send(d).finally(() => this.inFlight.delete(p));
        this.inFlight.add(p);
      }
    }
    await Promise.all(this.inFlight);
  }

  private async send(d: Delivery): Promise<void> {
    this.busyChats.add(d.chatId);
    try {
      await this.sender.send(d);
      this.sent++;
      // Marked at once: the moment between the platform accepting a send and this commit is the
      // only time a crash makes a recipient get the message twice.
      this.outbox.markSent(d.outboxId, this.now());
    } catch (err) {
      this.failed++;
      this.settle(d, err);
    } finally {
      this.busyChats.delete(d.chatId);
    }
  }

  private settle(d: Delivery, err: unknown): void {
    const now = this.now();
    const e = err instanceof SendError ? err : new SendError(err instanceof Error ? err.message : String(err));
    if (e.opts.unreachable) {
      this.log.info({ platform: this.platform, chatId: d.chatId, err: e.message }, 'broadcast recipient unreachable; skipped from now on');
      this.outbox.markUnreachable(this.platform, d.chatId, e.message, now);
    } else if (e.opts.retryAfterMs !== undefined && (d.attempts ?? 0) < (this.opts.maxAttempts ?? 500)) {
      if (/\b429\b/.test(e.message)) this.limiter.pause(e.opts.retryAfterMs);
      this.outbox.retryLater(d.outboxId, e.message, new Date(now.getTime() + e.opts.retryAfterMs));
    } else {
      this.log.warn({ platform: this.platform, chatId: d.chatId, err: e.message }, 'broadcast send failed');
      this.outbox.markFailed(d.outboxId, e.message);
    }
  }
}
