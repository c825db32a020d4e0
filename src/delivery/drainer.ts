// Drains the outbox for one platform through its Sender, keeping each chat's messages in the
// order they were written:
//   - one message at a time per chat (a chain of promises per chat), several chats at once
//     (`concurrency`, config DELIVERY_CONCURRENCY);
//   - a row is not sent while an older row of its chat is unsent: a retry waiting for its time
//     holds back the later rows of that chat only (Outbox.claimPending / hasEarlierUnsent);
//   - sends the platform accepted are marked sent in one commit per turn of the event loop, and a
//     send's slot is freed only once its mark is committed — so at any moment at most
//     `concurrency` messages are accepted but unmarked, and a crash repeats at most that many.
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import type { Sender } from './sender.js';
import type { Delivery } from '../types.js';
import { DEFAULT_MAX_ATTEMPTS, settleFailure } from './policy.js';
import { TimerLoop } from './loop.js';
import { Slots } from './slots.js';
import { SentMarks } from './marks.js';

export const DEFAULT_CONCURRENCY = 4;

export interface DrainerOptions {
  batch?: number;
  idleMs?: number;
  /** A row that keeps failing with retryable errors (network, 5xx, 429) is given up after this many claims
   * (default 500: hours of retries, so an outage loses nothing; only a truly stuck row is dropped). */
  maxAttempts?: number;
  /** Chats sent to at once (default 4). */
  concurrency?: number;
  now?: () => Date;
}

export class Drainer {
  private readonly loop: TimerLoop<number>;
  private readonly slots: Slots;
  /** The tail of each chat's chain of sends. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly marks: SentMarks;
  private stopped = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly sender: Sender,
    private readonly log: Logger,
    private readonly opts: DrainerOptions = {},
  ) {
    this.slots = new Slots(opts.concurrency ?? DEFAULT_CONCURRENCY);
    this.marks = new SentMarks(outbox, () => this.now(), log);
    this.loop = new TimerLoop(() => this.drainOnce(), { wait: opts.idleMs ?? 1000, log, name: `${sender.platform} drain` });
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  start(): void {
    this.stopped = false;
    this.loop.start();
  }

  /** Asks for a drain soon (after new rows were written). */
  kick(): void {
    this.loop.kick();
  }

  /**
   * Runs until the outbox has nothing due for this platform. Resolves when done. Claims more
   * as soon as fewer than `concurrency` rows are in hand, so one slow chat (a send waiting out a
   * 429 inside auto-retry) holds back only itself: the claim skips chats with a send in progress.
   */
  async drainOnce(): Promise<number> {
    let sent = 0;
    const running = new Set<Promise<boolean>>();
    for (;;) {
      if (!this.stopped && running.size < this.slots.size) {
        const batch = this.outbox.claimPending(this.sender.platform, this.opts.batch ?? 50, this.now());
        for (const d of batch) {
          const p: Promise<boolean> = this.enqueue(d, false).then((ok) => {
            running.delete(p);
            if (ok) sent++;
            return ok;
          });
          running.add(p);
        }
        if (batch.length && running.size < this.slots.size) continue;
      }
      if (!running.size) return sent;
      await Promise.race(running);
    }
  }

  /**
   * Delivers rows the caller already holds (e.g. the replies engine.handle returned), in order
   * behind anything older still unsent to the same chat, marking each sent or failed as a drain would.
   */
  async deliver(deliveries: readonly Delivery[]): Promise<void> {
    await Promise.all(deliveries.map((d) => this.enqueue(d, true)));
  }

  /** Waits for the chat's earlier sends, then sends `d`. Resolves true when it was sent. */
  private enqueue(d: Delivery, direct: boolean): Promise<boolean> {
    const key = d.chatId;
    const run = (this.chains.get(key) ?? Promise.resolve()).then(() => this.step(d, direct));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    return run.catch((err: unknown) => {
      this.log.error({ err, platform: d.platform, chatId: d.chatId, outboxId: d.outboxId }, 'delivery failed unexpectedly');
      return false;
    });
  }

  private async step(d: Delivery, direct: boolean): Promise<boolean> {
    const platform = this.sender.platform;
    if (this.stopped && !direct) {
      this.outbox.release([d.outboxId]);
      return false;
    }
    // Older rows of this chat go first: the due ones now, in this chain. Each is sent only if
    // nothing older is still unsent — a retry not yet due holds it (and all after it) back: they
    // go back to pending behind it.
    const kinds = this.outbox.drainKinds(platform);
    const queue = [...this.outbox.claimEarlier(platform, d.chatId, d.outboxId, this.now(), kinds), d];
    for (let i = 0; i < queue.length; i++) {
      const q = queue[i];
      if (this.outbox.hasEarlierUnsent(platform, d.chatId, q.outboxId, kinds)) {
        this.outbox.release(queue.slice(i).map((r) => r.outboxId));
        if (direct) this.kick();
        return false;
      }
      const ok = await this.sendOne(q);
      if (q === d) return ok;
    }
    return false;
  }

  private async sendOne(d: Delivery): Promise<boolean> {
    await this.slots.acquire();
    try {
      await this.sender.send(d);
      await this.marks.mark(d.outboxId);
      return true;
    } catch (err) {
      settleFailure([d], err, { outbox: this.outbox, log: this.log, now: this.now(), maxAttempts: this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, what: `${this.sender.platform} send` });
      return false;
    } finally {
      this.slots.release();
    }
  }

  /** Stops claiming; the sends in flight finish, claimed rows not yet started go back to pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
    await Promise.all([...this.chains.values()]);
  }
}
