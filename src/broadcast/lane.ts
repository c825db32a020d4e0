// A paced sender for one platform's broadcast rows, beside (not in front of) its ordinary drainer:
// the outbox reserves the 'broadcast' kind for this lane, so replies and follow-ups never queue
// behind a 100,000-recipient broadcast. Rows are claimed in id order, each waits for the limiter,
// a few are in flight at once. Sends confirmed in one turn of the event loop are marked in one
// commit (`markEveryMs` can widen that to fewer fsyncs, at the price of more repeats after a
// crash), and a send's slot is freed only once its mark is committed — so a crash resends at most
// `concurrency` rows the platform had accepted (recoverStale puts unconfirmed rows back to pending).
// A 429 pauses this lane only (the limiter); replies go out through the drainer meanwhile.
import type { Outbox } from '../store/outbox.js';
import type { Logger } from '../log.js';
import type { Sender } from '../delivery/sender.js';
import { TimerLoop } from '../delivery/loop.js';
import { asSendError, DEFAULT_MAX_ATTEMPTS, settleFailure } from '../delivery/policy.js';
import { Slots } from '../delivery/slots.js';
import { SentMarks } from '../delivery/marks.js';
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
  /** How long confirmed sends wait to be marked together, ms. Default 0: those of one turn of the event loop. */
  markEveryMs?: number;
}

export class BroadcastLane {
  readonly platform;
  private readonly loop: TimerLoop<number>;
  private readonly slots: Slots;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly marks: SentMarks;
  private stopped = true;
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
    this.slots = new Slots(opts.concurrency ?? 16);
    this.marks = new SentMarks(outbox, () => this.now(), log, opts.markEveryMs ?? 0, this.slots.size);
    this.loop = new TimerLoop(() => this.runBatch(), {
      wait: (claimed) => (claimed ? 0 : (opts.idleMs ?? 500)),
      log,
      name: 'broadcast lane',
    });
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop.start();
  }

  /** New rows were written: look now rather than after the idle wait. */
  kick(): void {
    this.loop.kick();
  }

  /** Stops claiming, lets sends in flight settle, puts claimed-but-unsent rows back. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.loop.stop();
    this.marks.flush();
    await Promise.all(this.inFlight);
    this.marks.flush();
  }

  /** Claims one batch and starts its sends, paced. Returns how many rows it claimed. */
  private async runBatch(): Promise<number> {
    const batch = this.outbox.claimPending(this.platform, this.opts.batch ?? 100, this.now(), 'broadcast');
    for (let i = 0; i < batch.length; i++) {
      const d = batch[i];
      if (this.stopped) {
        this.outbox.release(batch.slice(i).map((r) => r.outboxId));
        break;
      }
      // A slot first, then the permit: the send goes out the moment it is permitted, never after
      // waiting for a slot while a 429 arrived meanwhile.
      await this.slots.acquire();
      const permit = await this.limiter.acquire(d.chatId);
      if (!permit.ok) {
        this.slots.release();
        this.outbox.retryLater(d.outboxId, 'paced', new Date(permit.notBefore));
        continue;
      }
      const p = this.send(d).finally(() => {
        this.inFlight.delete(p);
        this.slots.release();
      });
      this.inFlight.add(p);
    }
    return batch.length;
  }

  private async send(d: Delivery): Promise<void> {
    try {
      await this.sender.send(d);
    } catch (err) {
      this.failed++;
      const e = asSendError(err);
      if (e.opts.retryAfterMs !== undefined && /\b429\b/.test(e.message)) this.limiter.pause(e.opts.retryAfterMs);
      settleFailure([d], e, {
        outbox: this.outbox,
        log: this.log,
        now: this.now(),
        maxAttempts: this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        what: 'broadcast send',
      });
      return;
    }
    this.sent++;
    await this.marks.mark(d.outboxId).catch(() => undefined); // logged by SentMarks; the row is resent after a restart
  }
}
